using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Completeness;

/// <summary>
/// SAF-001 from 1.17.0: 1.3.0's rule (<see cref="OtherSafetyHistoryAndCardiovascularNotRecorded"/>) that also names raised
/// intraocular pressure (EYE-001), so that a blank never reads as "no", and cites the pain consensus it rests on
/// (ASRA-KETAMINE-PAIN-2018) beside the label. Kind, severity, principle and summary are unchanged. Rule set 1.17.0 restates it
/// (<see cref="Rule.Restated"/>) to fire while a pathway cannot yet be ruled out, as 1.14.0 and 1.16.0 did the rule it replaces
/// (docs/clinical-review.md, section 28).
/// </summary>
public sealed class OtherSafetyHistoryAndIntraocularPressureNotRecorded : OtherSafetyHistoryAndCardiovascularNotRecorded
{
    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018];

    public override string ConditionText => "A pathway is indicated and any of other cardiovascular or cerebrovascular disease, respiratory disease or sleep apnoea, hypertensive encephalopathy, cognitive impairment, urinary tract symptoms, raised intraocular pressure, or (sex at birth not recorded as male) breastfeeding is not recorded.";

    public override Condition Condition { get; } = All(Indications.AnyIndication, Any(NotRecorded(Fields.OtherCardiovascularOrCerebrovascularDisease), NotRecorded(Fields.RespiratoryDiseaseOrSleepApnea), NotRecorded(Fields.HypertensiveEncephalopathyHistory), NotRecorded(Fields.CognitiveImpairment), NotRecorded(Fields.UrinaryTractSymptoms), NotRecorded(Fields.RaisedIntraocularPressure), All(Indications.NotRecordedAsMale, NotRecorded(Fields.Breastfeeding))));

    public override string Detail =>
        "Each of these calls for care rather than blocking treatment: other cardiovascular or cerebrovascular disease for a benefit-risk decision, respiratory disease for pulse oximetry and a resuscitation-capable setting, hypertensive encephalopathy for closer monitoring, cognitive impairment and urinary symptoms for a baseline, raised intraocular pressure for a benefit-risk decision (the pain consensus lists it against intravenous ketamine), breastfeeding because treatment is not recommended while breastfeeding. The ones listed are not recorded.";
}
