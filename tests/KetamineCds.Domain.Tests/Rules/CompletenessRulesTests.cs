using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The completeness rules of 1.1.0: one per pathway, firing while a safety item that could block that pathway is not
/// recorded, and never once everything is recorded or a contraindication that is recorded already blocks.
/// </summary>
public class CompletenessRulesTests : RuleTestBase
{
    public static TheoryData<string, Pathway> CompletenessRuleOfEachPathway() => new()
    {
        { "REC-001", Pathway.EsketamineTrd },
        { "REC-002", Pathway.EsketamineSuicidalIdeation },
        { "REC-003", Pathway.KetamineOffLabelTrd },
        { "REC-004", Pathway.BipolarAdjunct },
        { "REC-005", Pathway.PalliativeRapidActing },
        { "REC-006", Pathway.InvestigationalPtsdOcd },
    };

    [Theory, Fires("REC-001"), Fires("REC-002"), Fires("REC-003"), Fires("REC-004"), Fires("REC-005"), Fires("REC-006")]
    [MemberData(nameof(CompletenessRuleOfEachPathway))]
    public void Evaluate_SubstanceUseNotRecorded_FiresThePathwaysCompletenessRuleAndKeepsItIncomplete(string ruleId, Pathway pathway)
    {
        var h = IndicatedFor(pathway).WithSafetyItemsRecordedAbsent() with { SubstanceUse = null };
        var f = AssertFires(ruleId, h);
        Assert.Equal([new Evidence("substanceUse", WireNames.NotRecorded)], f.Because);
        Assert.Equal(ruleId, RuleSet.Pathways.Single(p => p.Pathway == pathway).CompletenessRuleId);
        var result = ScreeningEngine.Evaluate(h).For(pathway);
        Assert.Equal(PathwayStatus.Incomplete, result.Status);
        Assert.Contains(ruleId, result.RuleIds);
    }

    [Theory, Edge("REC-001"), Edge("REC-002"), Edge("REC-003"), Edge("REC-004"), Edge("REC-005"), Edge("REC-006")]
    [MemberData(nameof(CompletenessRuleOfEachPathway))]
    public void Evaluate_EverySafetyItemRecorded_DoesNotFireThePathwaysCompletenessRule(string ruleId, Pathway pathway)
    {
        var h = IndicatedFor(pathway).WithSafetyItemsRecordedAbsent();
        AssertDoesNotFire(ruleId, h);
        Assert.NotEqual(PathwayStatus.Incomplete, ScreeningEngine.Evaluate(h).For(pathway).Status);
    }

    [Theory, Edge("REC-001"), Edge("REC-002"), Edge("REC-003"), Edge("REC-004"), Edge("REC-005"), Edge("REC-006")]
    [MemberData(nameof(CompletenessRuleOfEachPathway))]
    public void Evaluate_RecordedContraindicationWithItemsMissing_DoesNotFireTheCompletenessRuleButBlocks(string ruleId, Pathway pathway)
    {
        // The pathway's own asked-for items are recorded: only the safety items that could block every pathway are missing.
        var h = IndicatedFor(pathway) with { HypersensitivityToKetamine = true, SuicidalIntent = false };
        AssertDoesNotFire(ruleId, h);
        Assert.Equal(PathwayStatus.NotEligible, ScreeningEngine.Evaluate(h).For(pathway).Status);
    }

    /// <summary>
    /// From 1.27.0 (QA293 F2; docs/clinical-review.md, section 39) every pathway waits for the suicide-risk assessment after a
    /// positive PHQ-9 item 9 until it is recorded as done: recorded as not done, as for a blank, and the completeness rule
    /// names it with its answer. 1.26.0 waited only while it was blank.
    /// </summary>
    [Theory, Fires("REC-001"), Fires("REC-002"), Fires("REC-003"), Fires("REC-004"), Fires("REC-005"), Fires("REC-006")]
    [MemberData(nameof(CompletenessRuleOfEachPathway))]
    public void Evaluate_Item9AssessmentRecordedNotDone_FiresThePathwaysCompletenessRuleAsForABlank(string ruleId, Pathway pathway)
    {
        // Suicidality none beside a positive item 9: the suicidal-ideation pathway cannot be ruled out (SUI-016), the others are indicated.
        var indicated = pathway == Pathway.EsketamineSuicidalIdeation ? Adult() : IndicatedFor(pathway);
        var h = indicated.WithSafetyItemsRecordedAbsent() with { Suicidality = Suicidality.None, Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = false };
        var f = AssertFires(ruleId, h);
        Assert.Equal([new Evidence("suicideRiskAssessedAfterItem9", "false")], f.Because);
        Assert.EndsWith(KetamineCds.Domain.Rules.Completeness.PathwayCompleteness.Item9AssessmentNotDoneDetail, f.Detail, StringComparison.Ordinal);
        Assert.Contains("the suicide-risk assessment since is not recorded as done (not recorded, or recorded as not done)", RuleSet[ruleId].ConditionText, StringComparison.Ordinal);
        Assert.Equal(PathwayStatus.Incomplete, ScreeningEngine.Evaluate(h).For(pathway).Status);
        Assert.Equal([new Evidence("suicideRiskAssessedAfterItem9", WireNames.NotRecorded)], AssertFires(ruleId, h with { SuicideRiskAssessedAfterItem9 = null }).Because);
        Assert.DoesNotContain(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_26_0).Findings, x => x.RuleId == ruleId);
    }

    /// <summary>
    /// From 1.28.0 (helper 297; docs/clinical-review.md, section 40) the summary a clinician reads first is true where all the
    /// rule waits for is the assessment recorded as not done, nothing blank: "not recorded, or recorded as not done", never
    /// "Not recorded:" alone; and where it waits for a blank (substance use) too. 1.27.0's said "Not recorded:" for both.
    /// </summary>
    [Theory, Fires("REC-001"), Fires("REC-002"), Fires("REC-003"), Fires("REC-004"), Fires("REC-005"), Fires("REC-006")]
    [MemberData(nameof(CompletenessRuleOfEachPathway))]
    public void Evaluate_Item9AssessmentRecordedNotDone_SummarySaysRecordedAsNotDoneNeverOnlyNotRecorded(string ruleId, Pathway pathway)
    {
        var indicated = pathway == Pathway.EsketamineSuicidalIdeation ? Adult() : IndicatedFor(pathway);
        var h = indicated.WithSafetyItemsRecordedAbsent() with { Suicidality = Suicidality.None, Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = false };
        foreach (var history in new[] { h, h with { SubstanceUse = null } })
        {
            var f = AssertFires(ruleId, history);
            Assert.StartsWith("Not recorded, or recorded as not done: the ", f.Summary, StringComparison.Ordinal);
            Assert.EndsWith(" pathway cannot open until the safety items listed are recorded and any suicide-risk assessment listed is recorded as done.", f.Summary, StringComparison.Ordinal);
            var was = ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_27_0).Findings.Single(x => x.RuleId == ruleId);
            Assert.StartsWith("Not recorded: the ", was.Summary, StringComparison.Ordinal);
            Assert.Equal(was.Summary[..^"answered.".Length].Replace("Not recorded:", "Not recorded, or recorded as not done:", StringComparison.Ordinal)
                + "recorded and any suicide-risk assessment listed is recorded as done.", f.Summary);
            Assert.Equal(was.Detail, f.Detail);
            Assert.Equal(was.Because, f.Because);
        }
    }

    [Theory, Edge("REC-001"), Edge("REC-002"), Edge("REC-003"), Edge("REC-004"), Edge("REC-005"), Edge("REC-006")]
    [MemberData(nameof(CompletenessRuleOfEachPathway))]
    public void Evaluate_Item9AssessmentRecordedDone_DoesNotFireThePathwaysCompletenessRule(string ruleId, Pathway pathway)
    {
        var indicated = pathway == Pathway.EsketamineSuicidalIdeation ? Adult() : IndicatedFor(pathway);
        AssertDoesNotFire(ruleId, indicated.WithSafetyItemsRecordedAbsent() with { Suicidality = Suicidality.None, Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = true });
    }

    [Fact, Fires("REC-002")]
    public void Evaluate_ActiveIdeationWithIntentNotRecorded_FiresRec002Only()
    {
        var h = (Suicidal(Suicidality.ActiveIdeation) with { FailedAdequateTrials = 2 }).WithSafetyItemsRecordedAbsent() with { SuicidalIntent = null };
        var f = AssertFires("REC-002", h);
        AssertBecause(f, "suicidalIntent", WireNames.NotRecorded);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.EsketamineSuicidalIdeation).Status);
        // Imminent risk cannot be ruled out without the intent: a caution (SUI-012) on the open TRD pathway, never silence.
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.EsketamineTrd).Status);
        Assert.Contains(a.Findings, f => f.RuleId == "SUI-012");
    }

    [Fact, Edge("REC-002")]
    public void Evaluate_ActiveIdeationWithIntentRecordedAbsent_DoesNotFireRec002() =>
        AssertDoesNotFire("REC-002", Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent() with { SuicidalIntent = false });

    /// <summary>
    /// QA272 F2's history: EU, MDD in an episode, no oral antidepressant, active ideation with suicidal intent, the whole safety
    /// net in place, every other safety and care item recorded, and preparatory acts or an aborted attempt left out.
    /// </summary>
    private static PatientHistory ActiveIdeationWithIntentBehaviourLeftOut() =>
        Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with
        {
            Jurisdiction = Jurisdiction.Eu,
            OnOralAntidepressant = false,
            OralAntidepressantClass = null,
            SuicidalIntent = true,
            PreparatoryActsOrAbortedAttempt = null,
        };

    // 1.25.0 (docs/clinical-review.md, section 37; QA272 F2): with intent recorded the risk is imminent whatever the answer,
    // so the pathway no longer waits for it; 1.24.0 kept it incomplete for it alone.
    [Fact, Edge("REC-002")]
    public void Evaluate_ActiveIdeationWithIntentAndRecentBehaviourNotRecorded_DoesNotFireRec002()
    {
        var h = ActiveIdeationWithIntentBehaviourLeftOut();
        AssertDoesNotFire("REC-002", h);
        var a = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Equal(Verdict.EligibleWithCautions, a.Overall);
        Assert.Contains(a.Findings, f => f.RuleId == "SUI-007");
        var was = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_24_0);
        Assert.Equal([new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded)], was.Findings.Single(f => f.RuleId == "REC-002").Because);
        Assert.Equal(PathwayStatus.Incomplete, was.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Equal(Verdict.Incomplete, was.Overall);
    }

    // Where the answer can still decide whether the risk is imminent, the pathway still waits for it: intent recorded "no"
    // (the 1.5.0 review's case) or not recorded (never read as "no").
    [Theory, Fires("REC-002")]
    [InlineData(false)]
    [InlineData(null)]
    public void Evaluate_ActiveIdeationWithIntentNotRecordedAsPresentAndRecentBehaviourNotRecorded_FiresRec002(bool? intent)
    {
        var h = ActiveIdeationWithIntentBehaviourLeftOut() with { SuicidalIntent = intent };
        var f = AssertFires("REC-002", h);
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), f.Because);
        Assert.Equal(intent is null, f.Because.Contains(new Evidence("suicidalIntent", WireNames.NotRecorded)));
        Assert.Equal(PathwayStatus.Incomplete, ScreeningEngine.Evaluate(h, RuleSet).For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    // Passive ideation: the answer decides the indication itself, and still keeps the pathway waiting.
    [Fact, Fires("REC-002")]
    public void Evaluate_PassiveIdeationWithRecentBehaviourNotRecorded_StillFiresRec002()
    {
        var h = ActiveIdeationWithIntentBehaviourLeftOut() with { Suicidality = Suicidality.PassiveIdeation, SuicidalIntent = null };
        var f = AssertFires("REC-002", h);
        Assert.Equal([new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded)], f.Because);
        Assert.Equal(PathwayStatus.Incomplete, ScreeningEngine.Evaluate(h, RuleSet).For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    [Fact, Fires("SAF-001")]
    public void Evaluate_TrdWithRespiratoryHistoryNotRecorded_FiresSaf001()
    {
        var f = AssertFires("SAF-001", CareHistoryRecorded() with { RespiratoryDiseaseOrSleepApnea = null });
        Assert.Equal([new Evidence("respiratoryDiseaseOrSleepApnea", WireNames.NotRecorded)], f.Because.Where(e => e.Value == WireNames.NotRecorded));
        Assert.Equal(FindingKind.Caution, f.Kind);
    }

    [Fact, Fires("SAF-001")]
    public void Evaluate_WomanWithBreastfeedingNotRecorded_FiresSaf001() =>
        AssertBecause(
            AssertFires("SAF-001", CareHistoryRecorded() with { SexAtBirth = SexAtBirth.Female, Pregnant = false, Breastfeeding = null }),
            "breastfeeding",
            WireNames.NotRecorded);

    [Fact, Fires("SAF-001")]
    public void Evaluate_TrdWithOtherCardiovascularDiseaseNotRecorded_FiresSaf001()
    {
        var f = AssertFires("SAF-001", CareHistoryRecorded() with { OtherCardiovascularOrCerebrovascularDisease = null });
        Assert.Equal([new Evidence("otherCardiovascularOrCerebrovascularDisease", WireNames.NotRecorded)], f.Because.Where(e => e.Value == WireNames.NotRecorded));
    }

    [Fact, Fires("SAF-001")]
    public void Evaluate_TrdWithRaisedIntraocularPressureNotRecorded_FiresSaf001NamingIt()
    {
        // From 1.17.0 (docs/clinical-review.md, section 28): a blank eye answer is never read as "no"; 1.16.0 read it plainly eligible.
        var h = CareHistoryRecorded() with { RaisedIntraocularPressure = null };
        var f = AssertFires("SAF-001", h);
        Assert.Equal([new Evidence("raisedIntraocularPressure", WireNames.NotRecorded)], f.Because.Where(e => e.Value == WireNames.NotRecorded));
        Assert.Contains("raised intraocular pressure", f.Detail, StringComparison.Ordinal);
        Assert.Contains("ASRA-KETAMINE-PAIN-2018", f.Sources);
        Assert.DoesNotContain(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_16_0).Findings, x => x.RuleId == "SAF-001");
    }

    [Fact, Fires("SAF-001")]
    public void Evaluate_PalliativePathwayNotYetRuledOutWithTheEyeNotRecorded_FiresSaf001()
    {
        // 1.17.0 keeps 1.16.0's reach: listed while the palliative pathway waits for the illness, now naming the eye too.
        var h = Adult().WithCareItemsRecorded() with { FailedAdequateTrials = 0, LifeLimitingIllness = null, RaisedIntraocularPressure = null };
        var f = AssertFires("SAF-001", h);
        Assert.Contains(new Evidence("raisedIntraocularPressure", WireNames.NotRecorded), f.Because);
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), f.Because);
    }

    [Fact, Edge("SAF-001")]
    public void Evaluate_TrdWithTheOtherSafetyHistoryRecorded_DoesNotFireSaf001() => AssertDoesNotFire("SAF-001", CareHistoryRecorded());

    [Fact, Edge("SAF-001")]
    public void Evaluate_ManWithBreastfeedingNotRecorded_DoesNotFireSaf001() =>
        AssertDoesNotFire("SAF-001", CareHistoryRecorded() with { SexAtBirth = SexAtBirth.Male, Breastfeeding = null });

    /// <summary>
    /// TRD with every care item recorded (its ordinary answer, from the catalogue: a care field added later needs no edit
    /// here, QA121 F4), SAF-001's other safety history among them; the man's breastfeeding, which the form does not ask
    /// him, recorded no, so that the edge test below leaves only it unrecorded.
    /// </summary>
    // The life-limiting illness recorded as absent, so that SAF-001 names only the care item left blank (from 1.16.0 it also
    // names the illness while the palliative pathway cannot yet be ruled out: CompletenessRulesTests' REC-005 tests).
    private static PatientHistory CareHistoryRecorded() => Trd().WithCareItemsRecorded() with { Breastfeeding = false, LifeLimitingIllness = false };

    [Fact, Fires("REC-002")]
    public void Evaluate_PassiveIdeationWithAbortedAttemptAndSafetyItemsNotRecorded_FiresRec002()
    {
        // From 1.5.0 the pathway is indicated for this history (C2), so its completeness rule waits for the undecided
        // contraindications as for any other indicated history; suicidal intent is not asked for passive ideation.
        var h = PassiveWithAbortedAttempt() with { HypersensitivityToKetamine = null };
        var f = AssertFires("REC-002", h);
        AssertBecause(f, "hypersensitivityToKetamine", WireNames.NotRecorded);
        Assert.DoesNotContain(f.Because, e => e.Field == "suicidalIntent");
        Assert.Equal(PathwayStatus.Incomplete, ScreeningEngine.Evaluate(h, RuleSet).For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    [Fact, Edge("REC-002")]
    public void Evaluate_PassiveIdeationWithAbortedAttemptAndSafetyItemsRecorded_DoesNotFireRec002()
    {
        // Intent is not asked for passive ideation and never waited for: the pathway opens, governed by SUI-011.
        var h = PassiveWithAbortedAttempt().WithSafetyItemsRecordedAbsent();
        AssertDoesNotFire("REC-002", h);
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(h, RuleSet).For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    [Fact, Fires("SAF-001")]
    public void Evaluate_SuicidalPathwayNotYetRuledOut_FiresSaf001()
    {
        // From 1.14.0 (QA184 F3): listed while the suicidal-ideation pathway cannot yet be ruled out, as for an indicated one.
        var finding = AssertFires("SAF-001", SuicidalPathwayNotRuledOut());
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), finding.Because);
    }

    [Fact, Fires("SAF-001")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_FiresSaf001()
    {
        // From 1.16.0 (docs/clinical-review.md, section 26): the palliative pathway waits for the illness; what it needs is listed.
        var h = Adult() with { RespiratoryDiseaseOrSleepApnea = null };
        var finding = AssertFires("SAF-001", h);
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), finding.Because);
        Assert.DoesNotContain(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings, f => f.RuleId == "SAF-001");
    }

    [Fact, Fires("REC-005")]
    public void Evaluate_MddWithAnEpisodeAndTheLifeLimitingIllnessNotRecorded_FiresRec005WaitingForTheIllness()
    {
        // Question D of docs/clinical-review.md, section 24, answered in 1.16.0 (section 26): MDD in an episode, no failed
        // trial, no suicidality, every safety item recorded absent, the illness not recorded. 1.15.0 read "not indicated"
        // (TRD-003), as for an illness recorded as absent; 1.16.0 keeps the palliative pathway incomplete until it is answered.
        var h = Adult().WithSafetyItemsRecordedAbsent() with { FailedAdequateTrials = 0, LifeLimitingIllness = null };
        var f = AssertFires("REC-005", h);
        Assert.Equal([new Evidence("lifeLimitingIllness", WireNames.NotRecorded)], f.Because);
        var a = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(Verdict.Incomplete, a.Overall);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.PalliativeRapidActing).Status);
        // From 1.19.0 (section 31) PAL-003 stands for the indication not yet ruled out (PAL-001 in 1.16.0 to 1.18.0).
        Assert.Equal(["PAL-003", "REC-005"], a.For(Pathway.PalliativeRapidActing).RuleIds);
        Assert.Contains("a life-limiting illness is not recorded", RuleSet["REC-005"].ConditionText, StringComparison.Ordinal);

        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0);
        Assert.Equal(Verdict.NotIndicated, before.Overall);
        Assert.Equal(PathwayStatus.NotApplicable, before.For(Pathway.PalliativeRapidActing).Status);
    }

    [Fact, Fires("REC-005")]
    public void Evaluate_IllnessNotRecordedAndASafetyItemNotRecorded_FiresRec005NamingBoth()
    {
        var h = Adult().WithSafetyItemsRecordedAbsent() with { FailedAdequateTrials = 0, HypersensitivityToKetamine = null, LifeLimitingIllness = null };
        var f = AssertFires("REC-005", h);
        Assert.Equal([new Evidence("hypersensitivityToKetamine", WireNames.NotRecorded), new Evidence("lifeLimitingIllness", WireNames.NotRecorded)],
            f.Because.OrderBy(e => e.Field, StringComparer.Ordinal));
    }

    [Fact, Edge("REC-005")]
    public void Evaluate_IllnessRecordedAbsentOrPrognosisAbove8WeeksOrNoEpisode_DoesNotFireRec005()
    {
        var h = Adult().WithSafetyItemsRecordedAbsent() with { FailedAdequateTrials = 0, LifeLimitingIllness = null };
        AssertDoesNotFire("REC-005", h with { LifeLimitingIllness = false });
        AssertDoesNotFire("REC-005", h with { LifeLimitingIllness = true, PrognosisWeeks = 9 });
        AssertDoesNotFire("REC-005", h with { CurrentDepressiveEpisode = false });
        // A contraindication recorded: the pathway is not eligible, it waits for nothing.
        var blocked = h with { HypersensitivityToKetamine = true };
        AssertDoesNotFire("REC-005", blocked);
        Assert.Equal(PathwayStatus.NotEligible, ScreeningEngine.Evaluate(blocked, RuleSet).For(Pathway.PalliativeRapidActing).Status);
    }
}
