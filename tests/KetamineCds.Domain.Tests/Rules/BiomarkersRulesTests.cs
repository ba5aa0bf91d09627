using KetamineCds.Domain.Rules;
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
    public void Evaluate_NoIndication_DoesNotFireBio001() => AssertDoesNotFire("BIO-001", Adult() with { FailedAdequateTrials = 1, LifeLimitingIllness = false });

    [Fact, Fires("BIO-001")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_FiresBIO001()
    {
        // From 1.16.0 (docs/clinical-review.md, section 26): MDD in an episode, one failed trial, the life-limiting illness not
        // recorded: the palliative pathway cannot yet be ruled out, and what it needs is listed while it waits. Not in 1.15.0.
        var h = Adult();
        var finding = AssertFires("BIO-001", h);
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), finding.Because);
        Assert.Null(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings.FirstOrDefault(f => f.RuleId == "BIO-001"));
    }


    [Fact, Fires("BIO-001")]
    public void Evaluate_SuicidalPathwayNotYetRuledOut_FiresBio001()
    {
        // From 1.14.0 (QA184 F3): listed while the suicidal-ideation pathway cannot yet be ruled out, as for an indicated one.
        var finding = AssertFires("BIO-001", SuicidalPathwayNotRuledOut());
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), finding.Because);
    }
}
