using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class OffLabelRulesTests : RuleTestBase
{
    [Fact, Fires("KET-001")]
    public void Evaluate_TwoFailedTrials_FiresKet001CitingTheProcedurePrinciple()
    {
        var f = AssertFires("KET-001", Adult() with { FailedAdequateTrials = 2 });
        Assert.Equal([Citations.TrdProcedure], f.Principles);
        Assert.Equal([Citations.ApaKetamine2017, Citations.McIntyre2021], f.Sources);
    }

    [Fact, Edge("KET-001")]
    public void Evaluate_OneFailedTrial_DoesNotFireKet001() => AssertDoesNotFire("KET-001", Adult() with { FailedAdequateTrials = 1 });

    public static TheoryData<string, PatientHistory> RacemicKetaminePathways() => new()
    {
        { "off-label TRD", Adult() with { FailedAdequateTrials = 2 } },
        { "bipolar adjunct", BipolarDepression() with { FailedAdequateTrials = 3 } },
        { "palliative", Palliative(4) with { FailedAdequateTrials = 0 } },
    };

    [Theory, Fires("KET-002")]
    [MemberData(nameof(RacemicKetaminePathways))]
    public void Evaluate_AnyRacemicKetaminePathway_FiresKet002CitingTheSafetyPrinciple(string pathway, PatientHistory history)
    {
        var f = AssertFires("KET-002", history);
        Assert.True(f.Principles.SequenceEqual([Citations.SafetyRems]), $"{pathway}: KET-002 cites {string.Join(", ", f.Principles)}");
    }

    [Fact, Fires("KET-002")]
    public void Evaluate_PtsdOnly_FiresKet002ForTheInvestigationalPathway() =>
        AssertFires("KET-002", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd, CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 });

    [Fact, Edge("KET-002")]
    public void Evaluate_OtherDiagnosisWithoutEpisode_DoesNotFireKet002() =>
        AssertDoesNotFire("KET-002", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Other, CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 });

    [Fact, Edge("KET-002")]
    public void Evaluate_SuicidalMddWithOneFailedTrial_DoesNotFireKet002() => AssertDoesNotFire("KET-002", Suicidal(Suicidality.ActiveIdeation) with { LifeLimitingIllness = false });

    [Fact, Fires("KET-002")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_FiresKET002()
    {
        // From 1.16.0 (docs/clinical-review.md, section 26): MDD in an episode, one failed trial, the life-limiting illness not
        // recorded: the palliative pathway cannot yet be ruled out, and what it needs is listed while it waits. Not in 1.15.0.
        var h = Suicidal(Suicidality.ActiveIdeation);
        var finding = AssertFires("KET-002", h);
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), finding.Because);
        Assert.Null(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings.FirstOrDefault(f => f.RuleId == "KET-002"));
    }

}
