using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-002: Start an oral antidepressant: for acute suicidal ideation esketamine is given only together with one. (P-TRD-PROCEDURE, P-SUICIDALITY-APPROVAL, SPRAVATO-PI-US, SPRAVATO-SMPC-EU) From 1.3.0 a high caution (it was a high requirement): with the label's combination not met the result never reads plainly eligible.</summary>
public sealed class SuicidalityPathwayNeedsOralAntidepressantCallsForCaution : SuicidalityPathwayNeedsOralAntidepressant
{
    public override FindingKind Kind => FindingKind.Caution;
}
