using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Rems;

namespace KetamineCds.Domain.Rules.Palliative;

/// <summary>
/// PAL-001 from 1.20.0: as from 1.2.0 (off-label, discrepancy D9), and its detail's last clause, "if esketamine is chosen,
/// the REMS monitoring still applies", uncited and silent on the jurisdiction (the REMS is the US programme), is worded as
/// BIP-001 and INV-001 word it since 1.18.0 (<see cref="RemsIfEsketamine.Sentence"/>: REMS-001's and REMS-004's reading, the
/// US programme applied by this clinic in every jurisdiction), with the monitoring after each dose named as REMS-002, which
/// fires on every indicated pathway. It cites the REMS for that (P-SAFETY-REMS, SPRAVATO-REMS) beside P-PALLIATIVE and
/// IRWIN-2013 (helper 239; docs/clinical-review.md, section 32).
/// </summary>
public sealed class PalliativePrognosisOfWeeksRemsIfEsketamine : PalliativePrognosisOfWeeks
{
    public override IReadOnlyList<string> Principles { get; } = [Citations.Palliative, Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Irwin2013, Citations.SpravatoRems];

    public override string Detail =>
        "Conventional antidepressants take weeks to work, which may be longer than the patient has. The pathway is off-label (discrepancy D9): as with any off-label ketamine use, the clinic's protocol and informed consent apply. The supporting evidence is small open-label and retrospective work with oral or subcutaneous racemic ketamine, not randomised trials and not esketamine (discrepancy D9). "
        + RemsIfEsketamine.Sentence
        + " The monitoring for at least 2 hours after each dose is asked on every pathway, racemic ketamine included (REMS-002).";
}
