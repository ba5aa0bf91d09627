using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.0.0 stays replayable, so the rules it had that a later release replaced or removed keep their tests,
/// evaluated with 1.0.0 explicitly (SUI-008 and PAL-001 kept their 1.0.0 definitions in 1.1.0; 1.2.0 replaced them).
/// Several edges here are exactly what 1.1.0 corrected (intent without a plan, lamotrigine in bipolar I, monitoring
/// outside the esketamine pathways); the topic classes show the current answer for the same patients.
/// </summary>
public class RuleSet1_0_0RulesTests : ReplacedIn1_9_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_0_0;

    [Fact, Fires("SUI-006")]
    public void Evaluate_PassiveIdeation_FiresSui006() => AssertFires("SUI-006", Suicidal(Suicidality.PassiveIdeation));

    [Fact, Edge("SUI-006")]
    public void Evaluate_NoSuicidality_DoesNotFireSui006() => AssertDoesNotFire("SUI-006", Adult());

    [Fact, Fires("SUI-007")]
    public void Evaluate_ActiveIdeationWithPlan_FiresSui007() => AssertFires("SUI-007", Suicidal(Suicidality.ActiveIdeationWithPlan));

    [Fact, Edge("SUI-007")]
    public void Evaluate_ActiveIdeationWithIntentButNoPlan_DoesNotFireSui007() =>
        AssertDoesNotFire("SUI-007", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = true, PreparatoryActsOrAbortedAttempt = true });

    [Fact, Fires("SUB-001")]
    public void Evaluate_ActiveSubstanceUseDisorder_FiresSub001AsACaution()
    {
        var f = AssertFires("SUB-001", Trd() with { SubstanceUse = SubstanceUse.Active });
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(Trd() with { SubstanceUse = SubstanceUse.Active }, RuleSet).For(Pathway.EsketamineTrd).Status);
    }

    [Fact, Edge("SUB-001")]
    public void Evaluate_SubstanceUseInRemission_DoesNotFireSub001() => AssertDoesNotFire("SUB-001", Trd() with { SubstanceUse = SubstanceUse.InRemission });

    [Fact, Fires("BIP-002")]
    public void Evaluate_BipolarIIWithMoodStabilizerNotRecorded_FiresBip002() =>
        AssertBecause(
            AssertFires("BIP-002", BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = null, MoodStabilizerOptimized = null }),
            "moodStabilizer",
            WireNames.NotRecorded);

    [Fact, Edge("BIP-002")]
    public void Evaluate_BipolarIOnOptimizedLamotrigine_DoesNotFireBip002() =>
        AssertDoesNotFire("BIP-002", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lamotrigine });

    [Fact, Fires("BIP-005")]
    public void Evaluate_BipolarIOnOptimizedLamotrigine_FiresBip005() =>
        AssertFires("BIP-005", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lamotrigine });

    [Fact, Edge("BIP-005")]
    public void Evaluate_OptimizedValproate_DoesNotFireBip005() =>
        AssertDoesNotFire("BIP-005", BipolarDepression() with { MoodStabilizer = MoodStabilizer.Valproate });

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

    [Theory, Fires("PSY-002"), Fires("PSY-003")]
    [InlineData("PSY-002")]
    [InlineData("PSY-003")]
    public void Evaluate_ControlledPsychosisHistory_FiresPsychosisSafeguard(string ruleId)
    {
        var f = AssertFires(ruleId, Trd() with { Psychosis = PsychosisStatus.HistoryControlled });
        AssertBecause(f, "psychosis", "history-controlled");
    }

    [Theory, Edge("PSY-002"), Edge("PSY-003")]
    [InlineData("PSY-002")]
    [InlineData("PSY-003")]
    public void Evaluate_UntreatedPsychosisHistory_DoesNotFireControlledPsychosisSafeguard(string ruleId) =>
        AssertDoesNotFire(ruleId, Trd() with { Psychosis = PsychosisStatus.HistoryUntreated });

    [Fact, Fires("NAL-001")]
    public void Evaluate_OnNaltrexone_FiresNal001() => AssertFires("NAL-001", Trd() with { OnNaltrexone = true });

    [Fact, Edge("NAL-001")]
    public void Evaluate_NotOnNaltrexone_DoesNotFireNal001() => AssertDoesNotFire("NAL-001", Trd() with { OnNaltrexone = false });

    [Fact, Fires("AGE-002")]
    public void Evaluate_Age24_FiresAge002AsLowSeverity() => Assert.Equal(Severity.Low, AssertFires("AGE-002", Trd() with { AgeYears = 24 }).Severity);

    [Fact, Edge("AGE-002")]
    public void Evaluate_Age25_DoesNotFireAge002() => AssertDoesNotFire("AGE-002", Trd() with { AgeYears = 25 });

    [Theory, Fires("KET-001"), Fires("KET-002")]
    [InlineData("KET-001")]
    [InlineData("KET-002")]
    public void Evaluate_TwoFailedTrials_FiresOffLabelKetamineRule(string ruleId) =>
        Assert.Equal([Citations.TrdMechanism], AssertFires(ruleId, Adult() with { FailedAdequateTrials = 2 }).Principles);

    [Theory, Edge("KET-001"), Edge("KET-002")]
    [InlineData("KET-001")]
    [InlineData("KET-002")]
    public void Evaluate_BipolarWithThreeFailedTrials_DoesNotFireOffLabelKetamineRule(string ruleId) =>
        AssertDoesNotFire(ruleId, BipolarDepression() with { FailedAdequateTrials = 3 });

    [Theory, Fires("REMS-002"), Fires("REMS-003")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    public void Evaluate_TreatmentResistantDepression_FiresEsketamineMonitoring(string ruleId) =>
        AssertFires(ruleId, Adult() with { FailedAdequateTrials = 2 });

    [Theory, Edge("REMS-002"), Edge("REMS-003")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    public void Evaluate_BipolarDepression_DoesNotFireEsketamineMonitoring(string ruleId) =>
        AssertDoesNotFire(ruleId, BipolarDepression());

    [Fact, Fires("REP-001")]
    public void Evaluate_Pregnant_FiresRep001() =>
        AssertFires("REP-001", Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30, Pregnant = true });

    [Fact, Edge("REP-001")]
    public void Evaluate_PregnancyNotRecorded_DoesNotFireRep001AndLeavesThePathwayOpen()
    {
        var h = Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30, Pregnant = null };
        AssertDoesNotFire("REP-001", h);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSet).Overall);
    }

    [Fact, Fires("EU-002")]
    public void Evaluate_EuTrdOnOralAntidepressant_FiresEu002() =>
        AssertFires("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri });

    [Fact, Edge("EU-002")]
    public void Evaluate_EuOneFailedTrialOnOralAntidepressant_DoesNotFireEu002() =>
        AssertDoesNotFire("EU-002", Adult() with { Jurisdiction = Jurisdiction.Eu, FailedAdequateTrials = 1 });

    [Fact, Fires("CV-001")]
    public void Evaluate_SeriousCardiovascularCondition_FiresCv001() =>
        AssertFires("CV-001", Trd() with { SeriousCardiovascularOrCerebrovascularCondition = true });

    [Fact, Edge("CV-001")]
    public void Evaluate_SeriousCardiovascularConditionRecordedAbsent_DoesNotFireCv001() =>
        AssertDoesNotFire("CV-001", Trd() with { SeriousCardiovascularOrCerebrovascularCondition = false });

    [Fact, Fires("BIP-004")]
    public void Evaluate_MixedFeatures_FiresBip004() => AssertFires("BIP-004", BipolarDepression() with { CurrentManiaOrMixedFeatures = true });

    [Fact, Edge("BIP-004")]
    public void Evaluate_NoMixedFeatures_DoesNotFireBip004() => AssertDoesNotFire("BIP-004", BipolarDepression() with { CurrentManiaOrMixedFeatures = false });

    [Fact, Fires("REP-003")]
    public void Evaluate_Woman30NotPregnant_FiresRep003() =>
        AssertFires("REP-003", Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30, Pregnant = false });

    /// <summary>The edge 1.1.0 corrected: with sex at birth recorded as unknown, 1.0.0 did not counsel.</summary>
    [Fact, Edge("REP-003")]
    public void Evaluate_SexUnknownAged30_DoesNotFireRep003In1_0_0() =>
        AssertDoesNotFire("REP-003", Trd() with { SexAtBirth = SexAtBirth.Unknown, AgeYears = 30 });

    [Fact, Fires("SUI-008")]
    public void Evaluate_Item9OfOneWithoutRecordedSuicidality_FiresSui008AsARequirement()
    {
        var f = AssertFires("SUI-008", Adult() with { Phq9Item9 = 1 });
        AssertBecause(f, "phq9Item9", "1");
        Assert.Equal(FindingKind.Requirement, f.Kind);
    }

    [Fact, Edge("SUI-008")]
    public void Evaluate_Item9PositiveWithRecordedSuicidality_DoesNotFireSui008() =>
        AssertDoesNotFire("SUI-008", Suicidal(Suicidality.PassiveIdeation) with { Phq9Item9 = 2 });

    [Fact, Fires("PAL-001")]
    public void Evaluate_PrognosisOf8Weeks_FiresPal001WithoutSayingThePathwayIsOffLabel()
    {
        var f = AssertFires("PAL-001", Palliative(8));
        Assert.DoesNotContain("off-label", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("PAL-001")]
    public void Evaluate_PrognosisOf4WeeksWithoutDepressiveEpisode_DoesNotFirePal001() =>
        AssertDoesNotFire("PAL-001", Palliative(4) with { CurrentDepressiveEpisode = false });

    [Fact, Fires("MED-001")]
    public void Evaluate_HalfMilligramDiazepamEquivalent_FiresMed001() =>
        AssertBecause(AssertFires("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m }), "benzodiazepineDiazepamEquivalentMg", "0.5");

    [Fact, Edge("MED-001")]
    public void Evaluate_ZeroBenzodiazepine_DoesNotFireMed001() => AssertDoesNotFire("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m });

    [Fact, Fires("EU-001")]
    public void Evaluate_EuTrdWithoutOralAntidepressant_FiresEu001AsAHighRequirement() =>
        Assert.Equal(FindingKind.Requirement, AssertFires("EU-001", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false }).Kind);

    [Fact, Edge("EU-001")]
    public void Evaluate_UsTrdWithoutOralAntidepressant_DoesNotFireEu001() =>
        AssertDoesNotFire("EU-001", Trd() with { Jurisdiction = Jurisdiction.Us, OnOralAntidepressant = false });

    [Fact, Fires("SUI-002")]
    public void Evaluate_SuicidalMddWithoutOralAntidepressant_FiresSui002AsARequirement() =>
        Assert.Equal(FindingKind.Requirement, AssertFires("SUI-002", Suicidal() with { OnOralAntidepressant = false }).Kind);

    [Fact, Edge("SUI-002")]
    public void Evaluate_SuicidalMddOnOralAntidepressant_DoesNotFireSui002() =>
        AssertDoesNotFire("SUI-002", Suicidal() with { OnOralAntidepressant = true });

    [Fact, Fires("CV-002")]
    public void Evaluate_BloodPressure184Over112_FiresCv002() =>
        AssertBecause(AssertFires("CV-002", Trd() with { SystolicBp = 184, DiastolicBp = 112 }), "systolicBp", "184");

    [Fact, Edge("CV-002")]
    public void Evaluate_BloodPressure140Over90_DoesNotFireCv002() => AssertDoesNotFire("CV-002", Trd() with { SystolicBp = 140, DiastolicBp = 90 });

    [Theory]
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("SUI-002"), Edge("SUI-002")]
    [Fires("SUI-008"), Edge("SUI-008")]
    [Fires("REMS-001"), Edge("REMS-001")]
    [Fires("REMS-002"), Edge("REMS-002")]
    [Fires("REMS-003"), Edge("REMS-003")]
    [Fires("REMS-004"), Edge("REMS-004")]
    [Fires("BIO-001"), Edge("BIO-001")]
    [Fires("NAL-001"), Edge("NAL-001")]
    [Fires("BIP-004"), Edge("BIP-004")]
    [Fires("SCR-001"), Edge("SCR-001")]
    [InlineData("SUI-001")]
    [InlineData("SUI-002")]
    [InlineData("SUI-008")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    [InlineData("BIO-001")]
    [InlineData("NAL-001")]
    [InlineData("BIP-004")]
    [InlineData("SCR-001")]
    public void Evaluate_RuleThatRuleSet1_5_0Replaced_FiresAndNotAtItsEdge(string ruleId)
    {
        // Rule set 1.5.0 (docs/clinical-review.md, section 13) replaced these; 1.0.0 keeps them as they were. For the rules
        // that read the suicidal-ideation indication, the edge is the audit's C2 history: not indicated here.
        var (fires, edge) = ReplacedIn1_5_0.For(ruleId);
        AssertFires(ruleId, fires);
        AssertDoesNotFire(ruleId, edge);
    }
}
