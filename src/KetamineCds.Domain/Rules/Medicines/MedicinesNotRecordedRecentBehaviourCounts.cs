using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>
/// MED-005 from 1.5.0: MedicinesNotRecordedCallsForCaution's texts, kind, severity and citations inherited unchanged; only its indication now counts recent suicidal
/// behaviour (an aborted or interrupted attempt, or preparatory acts) for the suicidal-ideation pathway, as SUI-001 does
/// (<see cref="Indications.SuicidalMddWithRecentBehaviour"/>; docs/clinical-review.md, section 13, C2).
/// </summary>
public sealed class MedicinesNotRecordedRecentBehaviourCounts : MedicinesNotRecordedCallsForCaution
{
    public override Condition Condition { get; } = All(Indications.AnyIndicationWithRecentBehaviour, Any(NotRecorded(Fields.OnOpioids), NotRecorded(Fields.OnNaltrexone), NotRecorded(Fields.BenzodiazepineDiazepamEquivalentMg), NotRecorded(Fields.OnPsychostimulantOrMaoi), NotRecorded(Fields.OtherCnsDepressants)));
}
