using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class BiomarkersRulesTests : RuleTestBase
{
    [Fact, Fires("BIO-001")]
    public void Evaluate_TreatmentResistantDepression_FiresBio001() => AssertFires("BIO-001", Adult() with { FailedAdequateTrials = 2 });

    [Fact, Fires("BIO-001")]
    public void Evaluate_Ptsd_FiresBio001() => AssertFires("BIO-001", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd });

    [Fact, Edge("BIO-001")]
    public void Evaluate_NoIndication_DoesNotFireBio001() => AssertDoesNotFire("BIO-001", Adult() with { FailedAdequateTrials = 1 });
}
