using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-005: Arrange immediate follow-up care before the patient leaves. (P-SAFETY-REMS)</summary>
public sealed class ImmediateFollowUpNeeded : Rule
{
    public override string Id => "SUI-005";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override string ConditionText => "Any suicidality is recorded and follow-up is not recorded as arranged.";

    public override Condition Condition { get; } = All(Indications.AnySuicidality, NotTrue(Fields.FollowUpArranged));

    public override string Summary => "Arrange immediate follow-up care before the patient leaves.";

    public override string Detail =>
        "The source document names immediate follow-up as part of the safety foundation for a suicidal patient receiving ketamine.";
}
