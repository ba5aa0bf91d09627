using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Hepatic;

/// <summary>HEP-003: Hepatic status not recorded: assess liver function (Child-Pugh) before treatment. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018) From 1.2.0 a caution (it was a requirement): while this is unknown the result never says that nothing calls for caution.</summary>
public class HepaticStatusNotRecordedCallsForCaution : HepaticStatusNotRecorded
{
    public override FindingKind Kind => FindingKind.Caution;
}
