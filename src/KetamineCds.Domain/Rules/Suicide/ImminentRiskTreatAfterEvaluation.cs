using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-011: Imminent suicide risk: ketamine or esketamine only once the same-day evaluation has found it appropriate, never instead of hospitalisation. (P-SAFETY-REMS, P-SUICIDALITY-LIMIT, SPRAVATO-PI-US, C-SSRS)</summary>
public sealed class ImminentRiskTreatAfterEvaluation : Rule
{
    public override string Id => "SUI-011";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems, Citations.SuicidalityLimit];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.Cssrs];

    public override string ConditionText => "Imminent suicide risk (SUI-007), whatever the safety net.";

    public override Condition Condition { get; } = Indications.ImminentSuicideRisk;

    public override string Summary => "Imminent suicide risk: ketamine or esketamine only once the same-day evaluation has found it appropriate, never instead of hospitalisation.";

    public override string Detail =>
        "Even with a safety plan, lethal-means counselling and follow-up in place, a patient at imminent risk is treated only after the same-day evaluation (SUI-007) has decided where care happens. The label states that esketamine does not replace hospitalisation where it is clinically warranted, and that it has not been shown to prevent suicide.";
}
