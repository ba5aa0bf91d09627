using KetamineCds.Domain.Rules.Conditions;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Palliative;

/// <summary>
/// PAL-001 from 1.16.0: as from 1.2.0, and a current depressive episode with the life-limiting illness not recorded does
/// not rule the palliative pathway out: it applies or cannot yet be ruled out, and REC-005 keeps it incomplete until the
/// illness is recorded (helper 199; docs/clinical-review.md, sections 24 (Question D) and 26; P-PALLIATIVE, IRWIN-2013).
/// SUI-001's "cannot yet be ruled out" (1.5.0, 1.8.0) is the model; no new clinical claim.
/// </summary>
public sealed class PalliativeWeeksOrNotRuledOut : PalliativePrognosisOfWeeks
{
    public override string ConditionText =>
        "A life-limiting illness with a prognosis of 8 weeks or less, and a current depressive episode; or, so that the pathway cannot yet be ruled out (REC-005), a current depressive episode with the life-limiting illness not recorded.";

    public override Condition Condition { get; } = Any(Indications.PalliativeWeeks, Indications.PalliativeNotRuledOut);

    public override string Summary =>
        "A life-limiting illness with a prognosis of weeks (or a life-limiting illness is not recorded): the palliative pathway applies or cannot yet be ruled out. Where the prognosis is weeks, a conventional antidepressant may act too late, so a rapid-acting treatment is reasonable.";

    public override string Detail =>
        "Conventional antidepressants take weeks to work, which may be longer than the patient has. The pathway is off-label (discrepancy D9): as with any off-label ketamine use, the clinic's protocol and informed consent apply. The supporting evidence is small open-label and retrospective work with oral or subcutaneous racemic ketamine, not randomised trials and not esketamine (discrepancy D9); if esketamine is chosen, the REMS monitoring still applies. With a current depressive episode and the life-limiting illness not recorded, the pathway cannot be ruled out: it stays incomplete (REC-005) until the illness, and with it the prognosis, is recorded. A life-limiting illness recorded as absent, or a prognosis above 8 weeks (PAL-002), does not open it.";
}
