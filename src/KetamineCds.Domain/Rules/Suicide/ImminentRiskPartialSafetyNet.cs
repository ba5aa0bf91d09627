using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-010: Imminent suicide risk and part of the safety net is missing: put it in place, or record why not, before the first session. (P-SAFETY-REMS, C-SSRS)</summary>
public sealed class ImminentRiskPartialSafetyNet : Rule
{
    public override string Id => "SUI-010";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Cssrs];

    public override string ConditionText => "Imminent suicide risk (SUI-007) and part of the safety net (safety plan, lethal-means counselling, follow-up) is not recorded as in place.";

    public override Condition Condition { get; } = All(Indications.ImminentSuicideRisk, Any(NotTrue(Fields.SafetyPlanInPlace), NotTrue(Fields.LethalMeansCounselled), NotTrue(Fields.FollowUpArranged)), Not(All(NotTrue(Fields.SafetyPlanInPlace), NotTrue(Fields.LethalMeansCounselled), NotTrue(Fields.FollowUpArranged))));

    public override string Summary => "Imminent suicide risk and part of the safety net is missing: put it in place, or record why not, before the first session.";

    public override string Detail =>
        "For a patient at imminent risk, the safety plan, lethal-means counselling and immediate follow-up belong together (SUI-003, SUI-004, SUI-005 say which is missing). The pathway stays open only as a caution: the clinician weighs the missing part and puts it in place, or records why not, before the first session. With none of the three in place, SUI-009 closes every pathway.";
}
