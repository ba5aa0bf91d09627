using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-007: Imminent-risk answers: take safety precautions now and evaluate for possible hospitalisation today. (P-SAFETY-REMS, C-SSRS, SPRAVATO-PI-US)</summary>
public sealed class ImminentRiskPrecautions : Rule
{
    public override string Id => "SUI-007";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Cssrs, Citations.SpravatoPiUs];

    public override string ConditionText => "Active suicidal ideation with a plan, or a suicide attempt within the last 3 months.";

    public override Condition Condition { get; } = In(Fields.Suicidality, Suicidality.ActiveIdeationWithPlan, Suicidality.RecentAttempt);

    public override string Summary => "Imminent-risk answers: take safety precautions now and evaluate for possible hospitalisation today.";

    public override string Detail =>
        "In the C-SSRS triage, intent with a plan or suicidal behaviour in the past 3 months calls for patient safety precautions until a mental-health professional has evaluated the patient for possible hospitalisation. A rapid-acting treatment does not replace that evaluation.";
}
