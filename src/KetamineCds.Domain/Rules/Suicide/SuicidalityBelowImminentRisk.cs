using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-014 (from 1.9.0): suicidality recorded below imminent risk is a caution. Before, passive or active ideation without
/// intent or recent behaviour, with the whole safety net recorded, read "eligible: nothing calls for caution" (QA10b C6,
/// QA148 F1). Imminent risk has SUI-011, and risk not yet decidable SUI-012, so every recorded suicidality now keeps the
/// open pathways "with cautions". (P-SUICIDALITY-LIMIT, P-SAFETY-REMS, C-SSRS, SPRAVATO-PI-US; docs/clinical-review.md,
/// section 17)
/// </summary>
public sealed class SuicidalityBelowImminentRisk : Rule
{
    public override string Id => "SUI-014";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SuicidalityLimit, Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Cssrs, Citations.SpravatoPiUs];

    public override string ConditionText => "Some suicidality is recorded, and the answers recorded rule out imminent risk (SUI-007).";

    public override Condition Condition { get; } = All(Indications.AnySuicidality, Not(Indications.ImminentSuicideRisk));

    public override string Summary => "Suicidality is recorded below imminent risk: evaluate it further and reassess it at every session; a safety net in place is not an all-clear.";

    public override string Detail =>
        "On the C-SSRS screen, positive answers below the imminent-risk thresholds still call for referral and further evaluation. A safety plan, lethal-means counselling and follow-up are part of care, not proof of safety, and feeling better is not acting safely (SUI-006). The trials behind esketamine's suicidal-ideation indication enrolled adults with active ideation with intent who needed hospitalisation.";
}
