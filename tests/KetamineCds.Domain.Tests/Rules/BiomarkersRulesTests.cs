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

    [Fact, Fires("BIO-001")]
    public void Evaluate_SuicidalPathwayNotYetRuledOut_FiresBio001()
    {
        // From 1.14.0 (QA184 F3): listed while the suicidal-ideation pathway cannot yet be ruled out, as for an indicated one.
        var finding = AssertFires("BIO-001", ReplacedIn1_14_0RulesTests.SuicidalPathwayNotRuledOut());
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), finding.Because);
    }
}
