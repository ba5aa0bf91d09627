using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-015 (from 1.10.0), SUI-008's mirror: suicidal ideation is recorded but PHQ-9 item 9 is 0. The rules read the recorded
/// suicidality, the more cautious answer, so nothing opens; the disagreement was accepted in silence (QA148 F9). A recent
/// attempt alone is not counted: it may lie outside the PHQ-9's window. (PHQ-9, C-SSRS; docs/clinical-review.md, section 18)
/// </summary>
public sealed class SuicidalIdeationWithItem9None : Rule
{
    public override string Id => "SUI-015";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.Phq9, Citations.Cssrs];

    public override string ConditionText => "Suicidal ideation (passive, active or with a plan) is recorded, and PHQ-9 item 9 is 0.";

    public override Condition Condition { get; } = All(
        In(Fields.Suicidality, Suicidality.PassiveIdeation, Suicidality.ActiveIdeation, Suicidality.ActiveIdeationWithPlan),
        Is(Fields.Phq9Item9, (int?)0));

    public override string Summary => "PHQ-9 item 9 is 0 although suicidal ideation is recorded: the two answers disagree; this screening reads the recorded ideation.";

    public override string Detail =>
        "The rules read the suicidality recorded, the more cautious of the two answers, so the disagreement opens nothing here; but one of the answers is wrong. Check both with the patient (a structured screen such as the C-SSRS helps) and correct the record.";
}
