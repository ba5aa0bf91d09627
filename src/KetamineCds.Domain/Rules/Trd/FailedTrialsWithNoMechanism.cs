using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Trd;

/// <summary>
/// TRD-006 (from 1.10.0): failed trials are recorded, with 0 distinct mechanisms. Each trial tried at least one mechanism,
/// so the count cannot be 0; the contract accepts it, and it was accepted in silence (QA148 F9). The rules read it as
/// fewer than two mechanisms (TRD-002), the more cautious reading. (P-TRD-DEFINITION; docs/clinical-review.md, section 18)
/// </summary>
public sealed class FailedTrialsWithNoMechanism : Rule
{
    public override string Id => "TRD-006";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdDefinition];

    public override string ConditionText => "One or more failed adequate antidepressant trials are recorded, and 0 distinct mechanisms.";

    public override Condition Condition { get; } = All(AtLeast(Fields.FailedAdequateTrials, 1), Below(Fields.DistinctMechanisms, 1));

    public override string Summary => "Failed trials are recorded with 0 distinct mechanisms: each trial tried at least one; check the count.";

    public override string Detail =>
        "This screening reads 0 as fewer than two mechanisms, the more cautious reading (TRD-002 where the TRD definition is met). If the trials covered one mechanism or more, correct the count.";
}
