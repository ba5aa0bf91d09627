using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Completeness;

/// <summary>SAF-001: Part of the pre-treatment safety history is not recorded: ask before the first session. (P-SAFETY-REMS, SPRAVATO-PI-US) From 1.3.0 it also names other cardiovascular or cerebrovascular disease (CV-008).</summary>
public class OtherSafetyHistoryAndCardiovascularNotRecorded : Rule
{
    public override string Id => "SAF-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "A pathway is indicated and any of other cardiovascular or cerebrovascular disease, respiratory disease or sleep apnoea, hypertensive encephalopathy, cognitive impairment, urinary tract symptoms, or (sex at birth not recorded as male) breastfeeding is not recorded.";

    public override Condition Condition { get; } = All(Indications.AnyIndication, Any(NotRecorded(Fields.OtherCardiovascularOrCerebrovascularDisease), NotRecorded(Fields.RespiratoryDiseaseOrSleepApnea), NotRecorded(Fields.HypertensiveEncephalopathyHistory), NotRecorded(Fields.CognitiveImpairment), NotRecorded(Fields.UrinaryTractSymptoms), All(Indications.NotRecordedAsMale, NotRecorded(Fields.Breastfeeding))));

    public override string Summary => "Part of the pre-treatment safety history is not recorded: ask before the first session.";

    public override string Detail =>
        "Each of these calls for care rather than blocking treatment: other cardiovascular or cerebrovascular disease for a benefit-risk decision, respiratory disease for pulse oximetry and a resuscitation-capable setting, hypertensive encephalopathy for closer monitoring, cognitive impairment and urinary symptoms for a baseline, breastfeeding because treatment is not recommended while breastfeeding. The ones listed are not recorded.";
}
