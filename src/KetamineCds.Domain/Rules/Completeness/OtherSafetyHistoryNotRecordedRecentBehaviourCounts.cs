using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Completeness;

/// <summary>
/// SAF-001 from 1.5.0: OtherSafetyHistoryAndCardiovascularNotRecorded's texts, kind, severity and citations inherited unchanged; only its indication now counts recent suicidal
/// behaviour (an aborted or interrupted attempt, or preparatory acts) for the suicidal-ideation pathway, as SUI-001 does
/// (<see cref="Indications.SuicidalMddWithRecentBehaviour"/>; docs/clinical-review.md, section 13, C2).
/// </summary>
public sealed class OtherSafetyHistoryNotRecordedRecentBehaviourCounts : OtherSafetyHistoryAndCardiovascularNotRecorded
{
    public override Condition Condition { get; } = All(Indications.AnyIndicationWithRecentBehaviour, Any(NotRecorded(Fields.OtherCardiovascularOrCerebrovascularDisease), NotRecorded(Fields.RespiratoryDiseaseOrSleepApnea), NotRecorded(Fields.HypertensiveEncephalopathyHistory), NotRecorded(Fields.CognitiveImpairment), NotRecorded(Fields.UrinaryTractSymptoms), All(Indications.NotRecordedAsMale, NotRecorded(Fields.Breastfeeding))));
}
