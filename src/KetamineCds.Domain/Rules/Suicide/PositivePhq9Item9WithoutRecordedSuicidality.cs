using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-008: PHQ-9 item 9 is positive although no suicidality is recorded: assess suicide risk now and reconcile the record. (PHQ-9, C-SSRS)</summary>
public class PositivePhq9Item9WithoutRecordedSuicidality : Rule
{
    public override string Id => "SUI-008";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.Phq9, Citations.Cssrs];

    public override string ConditionText => "Suicidality is recorded as none but PHQ-9 item 9 is 1 or more.";

    public override Condition Condition { get; } = All(Is(Fields.Suicidality, Suicidality.None), AtLeast(Fields.Phq9Item9, 1));

    public override string Summary => "PHQ-9 item 9 is positive although no suicidality is recorded: assess suicide risk now and reconcile the record.";

    public override string Detail =>
        "Any score above zero on PHQ-9 item 9 warrants prompt follow-up whatever the total. A structured screen such as the C-SSRS clarifies the risk; update the suicidality field and screen again.";
}
