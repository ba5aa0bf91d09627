using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-007: Imminent suicide risk: take safety precautions now and arrange a same-day evaluation for possible hospitalisation. (P-SAFETY-REMS, C-SSRS, SPRAVATO-PI-US)</summary>
public sealed class ImminentSuicideRiskPrecautions : Rule
{
    public override string Id => "SUI-007";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Cssrs, Citations.SpravatoPiUs];

    public override string ConditionText => "Imminent suicide risk: active ideation with a plan or with intent, preparatory acts or an aborted or interrupted attempt, or an attempt within the last 3 months.";

    public override Condition Condition { get; } = Indications.ImminentSuicideRisk;

    public override string Summary => "Imminent suicide risk: take safety precautions now and arrange a same-day evaluation for possible hospitalisation.";

    public override string Detail =>
        "In the C-SSRS triage, active ideation with intent (with or without a plan) and any suicidal behaviour in the past 3 months are the highest-risk answers; treating a plan without recorded intent as imminent risk too is this app's safer reading. They call for safety precautions until a mental-health professional has evaluated the patient for hospitalisation. Esketamine is no substitute for hospitalisation where it is warranted, and the trials of esketamine in suicidal ideation treated patients who had been hospitalised.";
}
