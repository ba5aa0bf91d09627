using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class InvestigationalRulesTests : RuleTestBase
{
    [Theory, Fires("INV-001")]
    [InlineData(PrimaryDiagnosis.Ptsd, "ptsd")]
    [InlineData(PrimaryDiagnosis.Ocd, "ocd")]
    public void Evaluate_PtsdOrOcd_FiresInv001(PrimaryDiagnosis diagnosis, string wire)
    {
        var f = AssertFires("INV-001", Adult() with { PrimaryDiagnosis = diagnosis });
        AssertBecause(f, "primaryDiagnosis", wire);
    }

    [Theory, Fires("INV-001")]
    [InlineData(PrimaryDiagnosis.Ptsd)]
    [InlineData(PrimaryDiagnosis.Ocd)]
    public void Evaluate_PtsdOrOcd_Inv001SaysTheRemsStillAppliesIfEsketamineIsChosenAndCitesIt(PrimaryDiagnosis diagnosis)
    {
        // Question E of docs/clinical-review.md, section 24 (rule set 1.18.0), as BIP-001.
        var f = AssertFires("INV-001", Adult() with { PrimaryDiagnosis = diagnosis });
        Assert.EndsWith(" Neither is an approved indication. " + BipolarRulesTests.RemsIfEsketamine, f.Detail, StringComparison.Ordinal);
        Assert.Equal([Citations.Ptsd, Citations.Ocd, Citations.SafetyRems], f.Principles);
        Assert.Equal([Citations.SpravatoRems], f.Sources);
    }

    [Fact, Edge("INV-001")]
    public void Evaluate_OtherDiagnosis_DoesNotFireInv001() => AssertDoesNotFire("INV-001", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Other });

    [Theory, Fires("INV-002"), Fires("INV-001")]
    [InlineData(PrimaryDiagnosis.Ptsd)]
    [InlineData(PrimaryDiagnosis.Ocd)]
    public void Evaluate_PtsdOrOcdWithAnEpisodeAndTwoFailedTrials_FiresInv002(PrimaryDiagnosis diagnosis)
    {
        // QA148 F10: only the investigational use was shown, and nothing said the diagnosis answer closed the TRD pathways.
        var f = AssertFires("INV-002", Adult() with { PrimaryDiagnosis = diagnosis, FailedAdequateTrials = 2 });
        Assert.Equal((FindingKind.Information, Severity.Moderate), (f.Kind, f.Severity));
        AssertBecause(f, "failedAdequateTrials", "2");
        AssertFires("INV-001", Adult() with { PrimaryDiagnosis = diagnosis, FailedAdequateTrials = 2 });
    }

    [Fact, Edge("INV-002")]
    public void Evaluate_OneFailedTrialOrNoEpisodeOrMdd_DoesNotFireInv002()
    {
        AssertDoesNotFire("INV-002", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd, FailedAdequateTrials = 1 });
        AssertDoesNotFire("INV-002", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ocd, FailedAdequateTrials = 3, CurrentDepressiveEpisode = false });
        AssertDoesNotFire("INV-002", Trd());
    }
}
