using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-004: Blood pressure not recorded: measure it before every dose, and do not dose until it is known. (P-SAFETY-REMS, SPRAVATO-PI-US) From 1.2.0 a caution (it was a requirement): while this is unknown the result never says that nothing calls for caution.</summary>
public class BloodPressureNotRecordedCallsForCaution : BloodPressureNotRecorded
{
    public override FindingKind Kind => FindingKind.Caution;
}
