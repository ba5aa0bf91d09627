using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-004: Counsel the patient and family on restricting access to lethal means. (P-SAFETY-REMS)</summary>
public sealed class LethalMeansCounsellingNeeded : Rule
{
    public override string Id => "SUI-004";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override string ConditionText => "Any suicidality is recorded and lethal-means counselling is not recorded as done.";

    public override Condition Condition { get; } = All(Indications.AnySuicidality, NotTrue(Fields.LethalMeansCounselled));

    public override string Summary => "Counsel the patient and family on restricting access to lethal means.";

    public override string Detail =>
        "The source document names restriction of lethal means as part of the safety foundation for a suicidal patient receiving ketamine.";
}
