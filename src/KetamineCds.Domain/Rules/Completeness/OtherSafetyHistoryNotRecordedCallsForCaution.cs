using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Completeness;

/// <summary>SAF-001: Part of the pre-treatment safety history is not recorded: ask before the first session. (P-SAFETY-REMS, SPRAVATO-PI-US) From 1.2.0 a caution (it was a requirement): while this is unknown the result never says that nothing calls for caution.</summary>
public sealed class OtherSafetyHistoryNotRecordedCallsForCaution : OtherSafetyHistoryNotRecorded
{
    public override FindingKind Kind => FindingKind.Caution;
}
