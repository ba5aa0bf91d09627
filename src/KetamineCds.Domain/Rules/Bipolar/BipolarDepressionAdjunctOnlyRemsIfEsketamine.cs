using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Rems;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>
/// BIP-001 from 1.18.0: as from 1.0.0, and its detail says that the REMS still applies if esketamine is chosen off-label, as
/// PAL-001 says of its pathway (REMS-001 and REMS-004 fire only on the esketamine pathways); it cites the REMS for that
/// (P-SAFETY-REMS, SPRAVATO-REMS) beside P-BIPOLAR and DIAZGRANADOS-2010. Helper 211; docs/clinical-review.md, sections 24
/// (Question E) and 30.
/// </summary>
public sealed class BipolarDepressionAdjunctOnlyRemsIfEsketamine : BipolarDepressionAdjunctOnly
{
    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar, Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010, Citations.SpravatoRems];

    public override string Detail => base.Detail + " " + RemsIfEsketamine.Sentence;
}
