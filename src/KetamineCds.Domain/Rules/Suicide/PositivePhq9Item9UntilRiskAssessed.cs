using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-008 from 1.8.0: a high caution, as from 1.5.0, until a suicide-risk assessment since the positive item 9 is recorded
/// as done; while that answer is not recorded every pathway also waits for it (REC-001 to REC-006). QA137 F2, QA128 F5
/// (PHQ-9, C-SSRS; label-and-literature.md R39; docs/clinical-review.md, section 16).
/// </summary>
public class PositivePhq9Item9UntilRiskAssessed : PositivePhq9Item9WithoutRecordedSuicidality
{
    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override string ConditionText => "Suicidality is recorded as none, PHQ-9 item 9 is 1 or more, and no suicide-risk assessment since is recorded as done.";

    public override Condition Condition { get; } =
        All(Indications.NoSuicidalityAgainstPositiveItem9, NotTrue(Fields.SuicideRiskAssessedAfterItem9));

    public override string Summary => "PHQ-9 item 9 is positive although no suicidality is recorded: assess suicide risk now and record the assessment.";

    public override string Detail =>
        "Any score above zero on PHQ-9 item 9 warrants immediate follow-up whatever the total. A structured screen such as the C-SSRS clarifies the risk: record the suicidality it finds, or that it was done and found none, and screen again. Until the assessment is recorded, every pathway stays incomplete (REC-001 to REC-006); recorded as not done, this caution stands.";
}
