using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-001: Serious cardiovascular or cerebrovascular condition: do not treat now unless a specialist judges benefit to outweigh risk. (SPRAVATO-PI-US, SPRAVATO-SMPC-EU, ASRA-KETAMINE-PAIN-2018)</summary>
public sealed class SeriousCardiovascularConditionBlocks : Rule
{
    public override string Id => "CV-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoSmpcEu, Citations.AsraKetaminePain2018];

    public override string ConditionText => "A serious cardiovascular or cerebrovascular condition is recorded (e.g. unstable angina, uncontrolled heart failure, raised intracranial pressure); a recent myocardial infarction or stroke is CV-006.";

    public override Condition Condition { get; } = True(Fields.SeriousCardiovascularOrCerebrovascularCondition);

    public override string Summary => "Serious cardiovascular or cerebrovascular condition: do not treat now unless a specialist judges benefit to outweigh risk.";

    public override string Detail =>
        "The label advises against esketamine where a rise in blood pressure or intracranial pressure poses a serious risk and asks for careful benefit-risk assessment in other cardiovascular and cerebrovascular conditions; the EU label asks for a setting with resuscitation equipment. The safer reading blocks treatment now; a clinician may decide otherwise after specialist review.";
}
