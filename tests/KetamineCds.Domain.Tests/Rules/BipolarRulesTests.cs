using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class BipolarRulesTests : RuleTestBase
{
    [Fact, Fires("BIP-001")]
    public void Evaluate_BipolarIIInDepressiveEpisode_FiresBip001()
    {
        var f = AssertFires("BIP-001", BipolarDepression(PrimaryDiagnosis.BipolarII));
        AssertBecause(f, "primaryDiagnosis", "bipolar-ii");
    }

    [Fact, Fires("BIP-001")]
    public void Evaluate_BipolarDepression_Bip001SaysTheRemsStillAppliesIfEsketamineIsChosenAndCitesIt()
    {
        // Question E of docs/clinical-review.md, section 24 (rule set 1.18.0): PAL-001 said so of its off-label pathway, BIP-001
        // did not, and REMS-001 and REMS-004 fire only on the esketamine pathways.
        var f = AssertFires("BIP-001", BipolarDepression() with { Jurisdiction = Jurisdiction.Eu });
        Assert.EndsWith(" The source document frames it as a short-term bridge. " + RemsIfEsketamine, f.Detail, StringComparison.Ordinal);
        Assert.Equal([Citations.Bipolar, Citations.SafetyRems], f.Principles);
        Assert.Equal([Citations.Diazgranados2010, Citations.SpravatoRems], f.Sources);
        Assert.DoesNotContain(ScreeningEngine.Evaluate(BipolarDepression(), RuleSet).Findings, x => x.RuleId is "REMS-001" or "REMS-004");
    }

    /// <summary>What BIP-001 and INV-001 say of esketamine from rule set 1.18.0, as written in section 30.</summary>
    internal const string RemsIfEsketamine =
        "If esketamine is chosen, the REMS still applies as on the esketamine pathways: a certified setting, and every dose taken there under observation, never at home (REMS-001, REMS-004; the US programme, which this clinic applies in every jurisdiction). The sources read do not speak of off-label use; applying it here is the safer reading.";

    [Fact, Edge("BIP-001")]
    public void Evaluate_BipolarNotInDepressiveEpisode_DoesNotFireBip001() =>
        AssertDoesNotFire("BIP-001", BipolarDepression() with { CurrentDepressiveEpisode = false });

    [Fact, Fires("BIP-002")]
    public void Evaluate_BipolarWithNoMoodStabilizer_FiresBip002()
    {
        var f = AssertFires("BIP-002", BipolarDepression() with { MoodStabilizer = MoodStabilizer.None, MoodStabilizerOptimized = null });
        AssertBecause(f, "moodStabilizer", "none");
    }

    [Fact, Fires("BIP-002")]
    public void Evaluate_BipolarWithMoodStabilizerNotRecorded_FiresBip002() =>
        AssertFires("BIP-002", BipolarDepression() with { MoodStabilizer = null, MoodStabilizerOptimized = null });

    [Theory, Fires("BIP-002")]
    [InlineData(MoodStabilizer.Lamotrigine)]
    [InlineData(MoodStabilizer.Other)]
    public void Evaluate_BipolarIOnlyOnOptimizedLamotrigineOrOther_FiresBip002AsNoAntimanicProtection(MoodStabilizer stabilizer)
    {
        var h = BipolarDepression(PrimaryDiagnosis.BipolarI) with { MoodStabilizer = stabilizer };
        var f = AssertFires("BIP-002", h);
        AssertBecause(f, "primaryDiagnosis", "bipolar-i");
        Assert.Equal(PathwayStatus.NotEligible, ScreeningEngine.Evaluate(h).For(Pathway.BipolarAdjunct).Status);
    }

    [Theory, Edge("BIP-002")]
    [InlineData(MoodStabilizer.Lamotrigine)]
    [InlineData(MoodStabilizer.Other)]
    public void Evaluate_BipolarIIOnOptimizedLamotrigineOrOther_DoesNotFireBip002(MoodStabilizer stabilizer) =>
        AssertDoesNotFire("BIP-002", BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = stabilizer });

    [Fact, Edge("BIP-002")]
    public void Evaluate_BipolarOnLithium_DoesNotFireBip002() =>
        AssertDoesNotFire("BIP-002", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lithium });

    [Fact, Fires("BIP-003")]
    public void Evaluate_LithiumNotOptimized_FiresBip003()
    {
        var f = AssertFires("BIP-003", BipolarDepression() with { MoodStabilizerOptimized = false });
        AssertBecause(f, "moodStabilizerOptimized", "false");
    }

    [Fact, Fires("BIP-003")]
    public void Evaluate_ValproateOptimizationNotRecorded_FiresBip003() =>
        AssertFires("BIP-003", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Valproate, MoodStabilizerOptimized = null });

    [Fact, Edge("BIP-003")]
    public void Evaluate_LithiumOptimized_DoesNotFireBip003() =>
        AssertDoesNotFire("BIP-003", BipolarDepression() with { MoodStabilizerOptimized = true });

    [Fact, Fires("BIP-004")]
    public void Evaluate_MixedFeatures_FiresBip004() =>
        AssertFires("BIP-004", BipolarDepression() with { CurrentManiaOrMixedFeatures = true });

    [Fact, Edge("BIP-004")]
    public void Evaluate_NoManiaOrMixedFeatures_DoesNotFireBip004() =>
        AssertDoesNotFire("BIP-004", BipolarDepression() with { CurrentManiaOrMixedFeatures = false });

    [Theory, Fires("BIP-005")]
    [InlineData(MoodStabilizer.Lamotrigine)]
    [InlineData(MoodStabilizer.Other)]
    public void Evaluate_BipolarIIOnOptimizedLamotrigineOrOther_FiresBip005(MoodStabilizer stabilizer) =>
        AssertFires("BIP-005", BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = stabilizer });

    [Theory, Edge("BIP-005")]
    [InlineData(MoodStabilizer.Lamotrigine)]
    [InlineData(MoodStabilizer.Other)]
    public void Evaluate_BipolarIOnOptimizedLamotrigineOrOther_DoesNotFireBip005ButBip002(MoodStabilizer stabilizer) =>
        AssertDoesNotFire("BIP-005", BipolarDepression(PrimaryDiagnosis.BipolarI) with { MoodStabilizer = stabilizer });

    [Fact, Fires("BIP-005")]
    public void Evaluate_OptimizedAtypicalAntipsychotic_FiresBip005()
    {
        var f = AssertFires("BIP-005", BipolarDepression() with { MoodStabilizer = MoodStabilizer.AtypicalAntipsychotic });
        AssertBecause(f, "moodStabilizer", "atypical-antipsychotic");
    }

    [Fact, Edge("BIP-005")]
    public void Evaluate_OptimizedValproate_DoesNotFireBip005() =>
        AssertDoesNotFire("BIP-005", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Valproate });

    [Fact, Edge("BIP-005")]
    public void Evaluate_LamotrigineNotOptimized_DoesNotFireBip005() =>
        AssertDoesNotFire("BIP-005", BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = MoodStabilizer.Lamotrigine, MoodStabilizerOptimized = false });

    [Fact, Fires("BIP-006")]
    public void Evaluate_BipolarDepression_FiresBip006() => AssertFires("BIP-006", BipolarDepression());

    [Fact, Edge("BIP-006")]
    public void Evaluate_MddWithSameHistory_DoesNotFireBip006() =>
        AssertDoesNotFire("BIP-006", BipolarDepression() with { PrimaryDiagnosis = PrimaryDiagnosis.Mdd });

    [Theory, Fires("BIP-008")]
    [InlineData(PrimaryDiagnosis.BipolarI, MoodStabilizer.Lithium)]
    [InlineData(PrimaryDiagnosis.BipolarII, MoodStabilizer.Valproate)]
    public void Evaluate_OpenBipolarAdjunctPathway_FiresBip008AndCarriesTheSwitchCaution(PrimaryDiagnosis diagnosis, MoodStabilizer stabilizer)
    {
        var h = (BipolarDepression(diagnosis) with { MoodStabilizer = stabilizer }).WithSafetyItemsRecordedAbsent();
        var f = AssertFires("BIP-008", h);
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Contains(Citations.Bipolar, f.Principles);
        var bipolar = ScreeningEngine.Evaluate(h).For(Pathway.BipolarAdjunct);
        Assert.Equal(PathwayStatus.EligibleWithCautions, bipolar.Status);
        Assert.Contains("BIP-008", bipolar.RuleIds);
    }

    [Fact, Edge("BIP-008")]
    public void Evaluate_BipolarNotInDepressiveEpisode_DoesNotFireBip008() =>
        AssertDoesNotFire("BIP-008", BipolarDepression() with { CurrentDepressiveEpisode = false });

    [Fact, Fires("BIP-004")]
    public void Bip004_Detail_MarksTheDiagnosisReviewAsTheAppsSuggestion()
    {
        // C4: "calls the working diagnosis into question" is not in the fact base.
        var f = AssertFires("BIP-004", Trd() with { CurrentManiaOrMixedFeatures = true });
        Assert.DoesNotContain("calls the working diagnosis into question", f.Detail, StringComparison.Ordinal);
        Assert.Contains("the app suggests reviewing the working diagnosis", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Fires("BIP-008")]
    public void Evaluate_BipolarDepressionWithTheStabilizerNotOptimized_Bip008SaysNothingAnOpenPathwayWouldMakeTrue()
    {
        // From 1.19.0 (helper 233; docs/clinical-review.md, section 31): BIP-003 closes every pathway, and BIP-008 marks
        // every open pathway, not the bipolar-adjunct one alone. 1.18.0 said "the caution stays on every open bipolar-adjunct pathway".
        var h = BipolarDepression() with { MoodStabilizerOptimized = false };
        var now = ScreeningEngine.Evaluate(h);
        Assert.Contains(now.Findings, x => x.RuleId == "BIP-003");
        Assert.Equal(PathwayStatus.NotEligible, now.For(Pathway.BipolarAdjunct).Status);
        var f = AssertFires("BIP-008", h);
        Assert.DoesNotContain("bipolar-adjunct pathway", f.Detail, StringComparison.Ordinal);
        Assert.EndsWith("This app raises the caution whenever bipolar depression is recorded: it marks every pathway that is open, and it stands even where another finding closes every pathway for now.", f.Detail, StringComparison.Ordinal);
        Assert.Contains("(discrepancy D5)", f.Detail, StringComparison.Ordinal);
        Assert.Contains("every open bipolar-adjunct pathway", ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_18_0).Findings.Single(x => x.RuleId == "BIP-008").Detail, StringComparison.Ordinal);
    }
}
