using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-009: Imminent suicide risk with no safety net in place: no ketamine or esketamine now; same-day evaluation and a safety net come first. (P-SAFETY-REMS, P-SUICIDALITY-LIMIT, C-SSRS, SPRAVATO-PI-US)</summary>
public sealed class ImminentRiskWithoutSafetyNet : Rule
{
    public override string Id => "SUI-009";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems, Citations.SuicidalityLimit];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Cssrs, Citations.SpravatoPiUs];

    public override string ConditionText => "Imminent suicide risk (SUI-007) and none of the safety net is recorded as in place: no safety plan, no lethal-means counselling and no follow-up arranged.";

    /// <summary>Imminent risk with none of the safety net in place; from 1.4.0 SUI-013 is not listed beside it (docs/clinical-review.md, section 11).</summary>
    public static Condition ClosesEveryPathway { get; } =
        All(Indications.ImminentSuicideRisk, NotTrue(Fields.SafetyPlanInPlace), NotTrue(Fields.LethalMeansCounselled), NotTrue(Fields.FollowUpArranged));

    public override Condition Condition => ClosesEveryPathway;

    public override string Summary => "Imminent suicide risk with no safety net in place: no ketamine or esketamine now; same-day evaluation and a safety net come first.";

    public override string Detail =>
        "A rapid-acting treatment does not make a patient at imminent risk safe: the label states that esketamine does not replace hospitalisation and has not been shown to prevent suicide, and the source document pairs treatment of a suicidal patient with a safety plan, restriction of lethal means and immediate follow-up. With none of these in place every pathway is closed now; the same-day evaluation decides what happens next. The safer reading closes every pathway, not only the suicidal-ideation one, because the evaluation comes before any course of treatment.";
}
