using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-005: Medicines not all recorded: reconcile the medicine list before treatment. (P-SAFETY-REMS, SPRAVATO-REMS, SPRAVATO-PI-US) From 1.2.0 a caution (it was a requirement): while this is unknown the result never says that nothing calls for caution.</summary>
public class MedicinesNotRecordedCallsForCaution : MedicinesNotRecorded
{
    public override FindingKind Kind => FindingKind.Caution;
}
