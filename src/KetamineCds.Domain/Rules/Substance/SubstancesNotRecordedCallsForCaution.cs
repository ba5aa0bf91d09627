using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>SUB-004: Record which substances the substance use disorder involves, ketamine or PCP in particular. (SPRAVATO-PI-US) From 1.2.0 a caution (it was a requirement): while this is unknown the result never says that nothing calls for caution.</summary>
public sealed class SubstancesNotRecordedCallsForCaution : SubstancesNotRecorded
{
    public override FindingKind Kind => FindingKind.Caution;
}
