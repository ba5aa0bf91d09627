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

    [Fact, Fires("BIP-005")]
    public void Evaluate_OptimizedLamotrigine_FiresBip005() =>
        AssertFires("BIP-005", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lamotrigine });

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
        AssertDoesNotFire("BIP-005", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lamotrigine, MoodStabilizerOptimized = false });

    [Fact, Fires("BIP-006")]
    public void Evaluate_BipolarDepression_FiresBip006() => AssertFires("BIP-006", BipolarDepression());

    [Fact, Edge("BIP-006")]
    public void Evaluate_MddWithSameHistory_DoesNotFireBip006() =>
        AssertDoesNotFire("BIP-006", BipolarDepression() with { PrimaryDiagnosis = PrimaryDiagnosis.Mdd });

    [Fact, Fires("BIP-007")]
    public void Evaluate_BipolarWithManiaNotRecorded_FiresBip007()
    {
        var f = AssertFires("BIP-007", BipolarDepression() with { CurrentManiaOrMixedFeatures = null });
        AssertBecause(f, "currentManiaOrMixedFeatures", WireNames.NotRecorded);
    }

    [Fact, Edge("BIP-007")]
    public void Evaluate_BipolarWithManiaRecordedAbsent_DoesNotFireBip007() =>
        AssertDoesNotFire("BIP-007", BipolarDepression() with { CurrentManiaOrMixedFeatures = false });

    [Fact, Edge("BIP-007")]
    public void Evaluate_MddWithManiaNotRecorded_DoesNotFireBip007() =>
        AssertDoesNotFire("BIP-007", Adult() with { CurrentManiaOrMixedFeatures = null });
}
