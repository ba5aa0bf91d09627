using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class SuicideRulesTests : RuleTestBase
{
    [Fact, Fires("SUI-001")]
    public void Evaluate_MddWithActiveIdeation_FiresSui001()
    {
        var f = AssertFires("SUI-001", Suicidal(Suicidality.ActiveIdeation));
        AssertBecause(f, "suicidality", "active-ideation");
    }

    // 1.20.0 (docs/clinical-review.md, section 32): on a real case SUI-001's title says only the indication; 1.12.0 to
    // 1.19.0 read "(or an answer that could still establish them is not recorded): … applies or cannot yet be ruled out".
    [Fact, Fires("SUI-001"), Edge("SUI-016")]
    public void Evaluate_MddWithActiveIdeation_Sui001SaysOnlyTheIndication()
    {
        var h = Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { SuicidalIntent = false, PreparatoryActsOrAbortedAttempt = false };
        var f = AssertFires("SUI-001", h);
        Assert.Equal("Acute suicidal ideation or recent suicidal behaviour in major depression: the esketamine pathway for it is applicable.", f.Summary);
        Assert.DoesNotContain("cannot yet be ruled out", f.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not recorded", f.Summary, StringComparison.Ordinal);
        AssertDoesNotFire("SUI-016", h);
        var now = ScreeningEngine.Evaluate(h);
        Assert.Equal("SUI-001", now.For(Pathway.EsketamineSuicidalIdeation).RuleIds[0]);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_19_0);
        Assert.Contains("cannot yet be ruled out", before.Findings.Single(x => x.RuleId == "SUI-001").Summary, StringComparison.Ordinal);
        Assert.Equal(before.Overall, now.Overall);
        Assert.Equal(before.For(Pathway.EsketamineSuicidalIdeation).Status, now.For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    [Fact, Fires("SUI-001")]
    public void Evaluate_MddWithRecentAttempt_FiresSui001() => AssertFires("SUI-001", Suicidal(Suicidality.RecentAttempt));

    // 1.23.0 (psychiatrist QA of 1.22.0, F2; docs/clinical-review.md, section 35): the pathway is applicable, subject to the
    // contraindications and requirements; it never "opens" or "applies" on this finding. Beside a contraindication (an
    // aneurysm) the pathway is not eligible, and SUI-001's words no longer say otherwise. 1.22.0 said "applies" and "open".
    [Fact, Fires("SUI-001")]
    public void Evaluate_ActiveIdeationWithAContraindication_Sui001SaysThePathwayIsApplicableSubjectToContraindications()
    {
        var h = Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent() with { AneurysmalVascularDisease = true };
        var f = AssertFires("SUI-001", h);
        Assert.Equal(PathwayStatus.NotEligible, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Contains("is applicable", f.Summary, StringComparison.Ordinal);
        Assert.Contains("the pathway is applicable, subject to the contraindications and requirements.", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopens?\b|\bapplies\b", f.Summary + " " + f.Detail);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_22_0).Findings.Single(x => x.RuleId == "SUI-001");
        Assert.Matches(@"\bapplies\b", before.Summary);
        Assert.Contains("does not open this pathway", before.Detail, StringComparison.Ordinal);
        Assert.True(f.Summary.Length < before.Summary.Length);
    }


    // 1.29.0 (QA313; docs/clinical-review.md, section 41, answering section 6 item 14): for esketamine the fact base has a
    // MADRS difference from placebo at 24 hours in ASPIRE I and II (label-and-literature.md section 1.9, D3), not "within
    // hours". 1.1.0 to 1.28.0 said "it can reduce depressive symptoms within hours".
    [Fact, Fires("SUI-001")]
    public void Evaluate_MddWithActiveIdeation_Sui001SaysWithin24HoursInTheTrialsNotWithinHours()
    {
        var h = Suicidal(Suicidality.ActiveIdeation);
        var f = AssertFires("SUI-001", h);
        Assert.Contains(
            "Its value here is speed: in the two trials for this indication it reduced depressive symptoms more than placebo within 24 hours, while standard antidepressants take weeks.",
            f.Detail,
            StringComparison.Ordinal);
        Assert.DoesNotContain("within hours", f.Detail, StringComparison.Ordinal);
        Assert.Contains("within hours", ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_28_0).Findings.Single(x => x.RuleId == "SUI-001").Detail, StringComparison.Ordinal);
    }

    // The same for every rule of the current set (QA313): no summary, detail or condition in words says "within hours". The
    // source's principle P-SUICIDALITY-RAPID keeps its words (it is the source's, and caveated as IV-ketamine evidence).
    [Fact]
    public void Words_CurrentRuleSet_NoRuleSaysWithinHours()
    {
        Assert.Empty(RuleSet.Rules.Where(r => string.Join(' ', r.Summary, r.Detail, r.ConditionText).Contains("within hours", StringComparison.OrdinalIgnoreCase)).Select(r => r.Id));
        Assert.Equal(["SUI-001"], RuleSetCatalog.V1_28_0.Rules.Where(r => string.Join(' ', r.Summary, r.Detail, r.ConditionText).Contains("within hours", StringComparison.OrdinalIgnoreCase)).Select(r => r.Id));
        Assert.Contains("within hours", Citations.AllPrinciples.Single(p => p.Id == Citations.SuicidalityRapid).Statement, StringComparison.Ordinal);
    }

    [Fact, Edge("SUI-001")]
    public void Evaluate_BipolarWithActiveIdeation_DoesNotFireSui001() =>
        AssertDoesNotFire("SUI-001", BipolarDepression() with { Suicidality = Suicidality.ActiveIdeation, SafetyPlanInPlace = true, LethalMeansCounselled = true, FollowUpArranged = true });

    [Fact, Fires("SUI-002")]
    public void Evaluate_SuicidalMddWithoutOralAntidepressant_FiresSui002AsAHighCaution()
    {
        var f = AssertFires("SUI-002", Suicidal() with { OnOralAntidepressant = false });
        // From 1.3.0 a high caution (it was a high requirement): the pathway never reads plainly eligible without one.
        Assert.Equal((FindingKind.Caution, Severity.High), (f.Kind, f.Severity));
    }

    // 1.24.0 (section 36): the condition in words said "the suicidal-ideation pathway applies"; it reads SUI-001's indication
    // and says the pathway is applicable, as EU-004 does since 1.23.0.
    [Fact, Fires("SUI-002")]
    public void Evaluate_SuicidalMddWithoutOralAntidepressant_Sui002ConditionInWordsSaysThePathwayIsApplicable()
    {
        AssertFires("SUI-002", Suicidal() with { OnOralAntidepressant = false });
        Assert.Equal(
            "The suicidal-ideation pathway is applicable (SUI-001: acute suicidal ideation or recent suicidal behaviour) and the patient takes no oral antidepressant.",
            RuleSet["SUI-002"].ConditionText);
        Assert.Contains(RuleSet["SUI-001"].Condition.Canonical, RuleSet["SUI-002"].Condition.Canonical, StringComparison.Ordinal);
        Assert.Contains("The suicidal-ideation pathway applies", RuleSetCatalog.V1_23_0["SUI-002"].ConditionText, StringComparison.Ordinal);
    }

    [Fact, Edge("SUI-002")]
    public void Evaluate_SuicidalMddOnOralAntidepressant_DoesNotFireSui002() =>
        AssertDoesNotFire("SUI-002", Suicidal() with { OnOralAntidepressant = true });

    [Fact, Fires("SUI-003")]
    public void Evaluate_PassiveIdeationWithoutSafetyPlan_FiresSui003()
    {
        var f = AssertFires("SUI-003", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = false });
        AssertBecause(f, "safetyPlanInPlace", "false");
    }

    [Fact, Fires("SUI-003")]
    public void Evaluate_SafetyPlanNotRecorded_FiresSui003()
    {
        var f = AssertFires("SUI-003", Suicidal() with { SafetyPlanInPlace = null });
        AssertBecause(f, "safetyPlanInPlace", WireNames.NotRecorded);
    }

    [Fact, Edge("SUI-003")]
    public void Evaluate_SafetyPlanInPlace_DoesNotFireSui003() =>
        AssertDoesNotFire("SUI-003", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = true });

    [Fact, Fires("SUI-004")]
    public void Evaluate_LethalMeansNotCounselled_FiresSui004() => AssertFires("SUI-004", Suicidal() with { LethalMeansCounselled = false });

    [Fact, Edge("SUI-004")]
    public void Evaluate_LethalMeansCounselled_DoesNotFireSui004() => AssertDoesNotFire("SUI-004", Suicidal() with { LethalMeansCounselled = true });

    [Fact, Fires("SUI-005")]
    public void Evaluate_FollowUpNotArranged_FiresSui005() => AssertFires("SUI-005", Suicidal() with { FollowUpArranged = false });

    [Fact, Edge("SUI-005")]
    public void Evaluate_FollowUpArranged_DoesNotFireSui005() => AssertDoesNotFire("SUI-005", Suicidal() with { FollowUpArranged = true });

    [Fact, Fires("SUI-006")]
    public void Evaluate_PassiveIdeation_FiresSui006SayingTheRapidEffectIsFromIvKetamineAndTheLabelFoundNoReduction()
    {
        var f = AssertFires("SUI-006", Suicidal(Suicidality.PassiveIdeation));
        Assert.Contains("intravenous ketamine", f.Detail, StringComparison.Ordinal);
        Assert.Contains("reduction of suicidal ideation or behaviour and the prevention of suicide have not been demonstrated", f.Detail, StringComparison.Ordinal);
        Assert.Contains("has not been shown to reduce suicidal ideation or behaviour", f.Summary, StringComparison.Ordinal);
        Assert.Equal([Citations.SuicidalityLimit, Citations.SuicidalityRapid], f.Principles);
    }

    [Fact, Edge("SUI-006")]
    public void Evaluate_NoSuicidality_DoesNotFireSui006() => AssertDoesNotFire("SUI-006", Adult() with { Suicidality = Suicidality.None });

    [Fact, Fires("SUI-007")]
    public void Evaluate_ActiveIdeationWithPlan_FiresSui007() => AssertFires("SUI-007", Suicidal(Suicidality.ActiveIdeationWithPlan));

    [Fact, Fires("SUI-007")]
    public void Evaluate_ActiveIdeationWithIntentButNoPlan_FiresSui007()
    {
        var f = AssertFires("SUI-007", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = true });
        AssertBecause(f, "suicidalIntent", "true");
    }

    [Fact, Fires("SUI-007")]
    public void Evaluate_PassiveIdeationWithPreparatoryActs_FiresSui007()
    {
        var f = AssertFires("SUI-007", Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = true });
        AssertBecause(f, "preparatoryActsOrAbortedAttempt", "true");
    }

    [Fact, Fires("SUI-007")]
    public void Evaluate_RecentAttemptInPtsd_FiresSui007() =>
        AssertFires("SUI-007", Suicidal(Suicidality.RecentAttempt) with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd });

    [Fact, Edge("SUI-007")]
    public void Evaluate_ActiveIdeationWithoutPlanIntentOrPreparatoryActs_DoesNotFireSui007() =>
        AssertDoesNotFire("SUI-007", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = false, PreparatoryActsOrAbortedAttempt = false });

    [Fact, Edge("SUI-007")]
    public void Evaluate_ActiveIdeationWithIntentNotRecorded_DoesNotFireSui007() =>
        AssertDoesNotFire("SUI-007", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = null, PreparatoryActsOrAbortedAttempt = false });

    [Fact, Fires("SUI-008")]
    public void Evaluate_Item9OfOneWithoutRecordedSuicidality_FiresSui008()
    {
        var f = AssertFires("SUI-008", Adult() with { Phq9Item9 = 1 });
        AssertBecause(f, "phq9Item9", "1");
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact, Fires("SUI-008")]
    public void Evaluate_TrdWithItem9OfThreeAndNoAssessmentRecorded_FiresSui008AndEveryPathwayWaitsForTheAssessment()
    {
        // Rule set 1.8.0 (QA137 F2, QA128 F5): "none" beside a positive item 9 settles nothing until the assessment is recorded.
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Item9 = 3, SuicideRiskAssessedAfterItem9 = null };
        AssertFires("SUI-008", h);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.Incomplete, a.Overall);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.EsketamineSuicidalIdeation).Status);
        foreach (var id in new[] { "REC-001", "REC-002", "REC-003" })
        {
            Assert.Equal([new Evidence("suicideRiskAssessedAfterItem9", WireNames.NotRecorded)], a.Findings.Single(f => f.RuleId == id).Because);
        }
    }

    [Fact, Fires("SUI-008"), Fires("SUI-016")]
    public void Evaluate_TrdWithItem9OfThreeAndAssessmentRecordedNotDone_FiresSui008AndEveryPathwayWaitsAsForABlank()
    {
        // Rule set 1.27.0 (QA293 F2; docs/clinical-review.md, section 39): "No, not assessed" keeps closed what the blank does;
        // 1.8.0 to 1.26.0 read the TRD pathways eligible with cautions and the suicidal-ideation pathway not applicable.
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Item9 = 3, SuicideRiskAssessedAfterItem9 = false };
        var sui008 = AssertFires("SUI-008", h);
        Assert.Equal((FindingKind.Caution, Severity.High), (sui008.Kind, sui008.Severity));
        Assert.Equal([Citations.Phq9, Citations.Cssrs], sui008.Sources);
        Assert.Contains("whether it is not recorded or recorded as not done", sui008.Detail, StringComparison.Ordinal);
        AssertBecause(AssertFires("SUI-016", h), "suicideRiskAssessedAfterItem9", "false");
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.Incomplete, a.Overall);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.EsketamineSuicidalIdeation).Status);
        foreach (var id in new[] { "REC-001", "REC-002", "REC-003" })
        {
            // The completeness rules name what they wait for: the assessment, recorded as not done.
            Assert.Equal([new Evidence("suicideRiskAssessedAfterItem9", "false")], a.Findings.Single(f => f.RuleId == id).Because);
        }

        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_26_0);
        Assert.Equal(Verdict.EligibleWithCautions, before.Overall);
        Assert.Equal(PathwayStatus.NotApplicable, before.For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    [Fact, Edge("SUI-008"), Edge("SUI-001")]
    public void Evaluate_TrdWithItem9OfThreeAndTheAssessmentDone_DoesNotFireSui008AndOpensThePathwaysPlainly()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Item9 = 3, SuicideRiskAssessedAfterItem9 = true };
        AssertDoesNotFire("SUI-008", h);
        AssertDoesNotFire("SUI-001", h);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.Eligible, a.Overall);
        Assert.Equal(PathwayStatus.NotApplicable, a.For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    [Fact, Fires("SUI-016"), Edge("SUI-001")]
    public void Evaluate_MddWithItem9PositiveAndNoAssessmentRecorded_CannotRuleOutTheSuicidalIdeationPathway()
    {
        // SUI-001 said this until 1.19.0; from 1.20.0 SUI-016 does (section 32).
        var h = Adult().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = null };
        var f = AssertFires("SUI-016", h);
        Assert.Contains(new Evidence("suicideRiskAssessedAfterItem9", WireNames.NotRecorded), f.Because);
        AssertDoesNotFire("SUI-001", h);
        var pathway = ScreeningEngine.Evaluate(h).For(Pathway.EsketamineSuicidalIdeation);
        Assert.Equal(PathwayStatus.Incomplete, pathway.Status);
        Assert.Equal(["SUI-016", "REC-002"], pathway.RuleIds);
    }

    [Fact, Edge("SUI-016")]
    public void Evaluate_Item9PositiveWithTheAssessmentRecorded_DoesNotFireSui016() =>
        AssertDoesNotFire("SUI-016", Adult() with { Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = true });

    [Fact, Edge("SUI-001"), Edge("SUI-008")]
    public void Evaluate_Item9NotRecorded_LeavesNothingInDoubt()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Item9 = null, Phq9Total = null, SuicideRiskAssessedAfterItem9 = null };
        AssertDoesNotFire("SUI-001", h);
        AssertDoesNotFire("SUI-008", h);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h).Overall);
    }

    // QA293 F2 (rule set 1.27.0; docs/clinical-review.md, section 39): the QA pass's own history, item 9 of 2 and "No, not assessed".
    [Fact, Fires("SUI-008"), Fires("SUI-016")]
    public void Evaluate_Qa293HistoryWithItem9OfTwoAndTheAssessmentRecordedNotDone_WaitsAsTheBlankDoes()
    {
        var notDone = Qa293Trd() with { Phq9Item9 = 2, SuicideRiskAssessedAfterItem9 = false };
        var blank = notDone with { SuicideRiskAssessedAfterItem9 = null };
        var (now, asBlank) = (ScreeningEngine.Evaluate(notDone), ScreeningEngine.Evaluate(blank));
        Assert.Equal(Verdict.Incomplete, now.Overall);
        Assert.Equal(asBlank.Overall, now.Overall);
        Assert.Equal(asBlank.Pathways.Select(p => (p.Pathway, p.Status, string.Join(',', p.RuleIds))), now.Pathways.Select(p => (p.Pathway, p.Status, string.Join(',', p.RuleIds))));
        Assert.Equal(asBlank.Findings.Select(f => f.RuleId), now.Findings.Select(f => f.RuleId));
        Assert.Equal(["SUI-008"], now.Findings.Where(f => f.Kind == FindingKind.Caution).Select(f => f.RuleId));
        Assert.Equal(["SUI-016", "REC-002"], now.For(Pathway.EsketamineSuicidalIdeation).RuleIds);
        foreach (var id in new[] { "REC-001", "REC-002", "REC-003" })
        {
            // Each names what it waits for: the assessment, recorded as not done (blank: not recorded).
            Assert.Equal([new Evidence("suicideRiskAssessedAfterItem9", "false")], now.Findings.Single(f => f.RuleId == id).Because);
            Assert.Equal([new Evidence("suicideRiskAssessedAfterItem9", WireNames.NotRecorded)], asBlank.Findings.Single(f => f.RuleId == id).Because);
            Assert.Contains("recorded as not done is waited for as a blank one is", now.Findings.Single(f => f.RuleId == id).Detail, StringComparison.Ordinal);
        }

        var sui008 = AssertFires("SUI-008", notDone);
        Assert.Equal("PHQ-9 item 9 is positive although suicidality is recorded as none: assess suicide risk now and record the assessment.", sui008.Summary);
        Assert.Equal([Citations.Phq9, Citations.Cssrs], sui008.Sources);
        var sui016 = AssertFires("SUI-016", notDone);
        Assert.Contains(new Evidence("suicideRiskAssessedAfterItem9", "false"), sui016.Because);
        Assert.Contains("assess suicide risk and record it", sui016.Summary, StringComparison.Ordinal);

        // 1.26.0 read the same history eligible with cautions on both TRD pathways, SUI-008 the only caution (QA293 F2).
        var before = ScreeningEngine.Evaluate(notDone, RuleSetCatalog.V1_26_0);
        Assert.Equal(Verdict.EligibleWithCautions, before.Overall);
        Assert.Equal(["SUI-008"], before.Findings.Where(f => f.Kind == FindingKind.Caution).Select(f => f.RuleId));
        Assert.Equal(Verdict.Incomplete, ScreeningEngine.Evaluate(blank, RuleSetCatalog.V1_26_0).Overall);
    }

    // Recorded as done: nothing waits, SUI-008 and SUI-016 are silent, the pathways open as recorded (1.8.0's reading).
    [Fact, Edge("SUI-016"), Edge("SUI-008")]
    public void Evaluate_Qa293HistoryWithTheAssessmentRecordedDone_NothingWaits()
    {
        var done = Qa293Trd() with { Phq9Item9 = 2, SuicideRiskAssessedAfterItem9 = true };
        AssertDoesNotFire("SUI-016", done);
        AssertDoesNotFire("SUI-008", done);
        var a = ScreeningEngine.Evaluate(done);
        Assert.DoesNotContain(a.Findings, f => f.RuleId.StartsWith("REC-", StringComparison.Ordinal));
        Assert.Equal(Verdict.Eligible, a.Overall);
        Assert.Equal(PathwayStatus.NotApplicable, a.For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    // Only the suicidal-ideation pathway waits for the assessment (no TRD): recorded as not done, what that waiting pathway
    // needs is listed as for a blank one (QA184 F3), and the rules that list it name the assessment as recorded.
    [Fact, Fires("SUI-016")]
    public void Evaluate_OnlyTheSuicidalPathwayWaitsForTheAssessmentRecordedNotDone_ItsNeedsAreListedAsForABlank()
    {
        var notDone = Adult().WithSafetyItemsRecordedAbsent() with { Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = false };
        AssertFires("SUI-016", notDone);
        var (now, asBlank) = (ScreeningEngine.Evaluate(notDone), ScreeningEngine.Evaluate(notDone with { SuicideRiskAssessedAfterItem9 = null }));
        Assert.Equal(Verdict.Incomplete, now.Overall);
        Assert.Equal(asBlank.Findings.Select(f => f.RuleId), now.Findings.Select(f => f.RuleId));
        Assert.Subset(now.Findings.Select(f => f.RuleId).ToHashSet(), new HashSet<string> { "BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001" });
        var before = ScreeningEngine.Evaluate(notDone, RuleSetCatalog.V1_26_0);
        Assert.Equal(Verdict.NotIndicated, before.Overall);
        Assert.DoesNotContain(before.Findings, f => f.RuleId is "CV-004" or "REMS-001" or "SUI-016");
    }

    // QA293 F1 (rule set 1.27.0; docs/clinical-review.md, section 39): a PHQ-9 total with item 9 left blank read "Eligible …
    // nothing calls for caution" (1.26.0); SUI-017 names item 9 as not recorded, a moderate caution on every open pathway.
    [Fact, Fires("SUI-017")]
    public void Evaluate_Qa293HistoryWithATotalAndItem9NotRecorded_FiresSui017AndNoPathwayReadsPlainlyEligible()
    {
        var h = Qa293Trd();
        var f = AssertFires("SUI-017", h);
        Assert.Equal((FindingKind.Caution, Severity.Moderate), (f.Kind, f.Severity));
        Assert.Equal([Citations.Phq9], f.Sources);
        Assert.Empty(f.Principles);
        Assert.Equal([new Evidence("suicidality", "none"), new Evidence("phq9Total", "18"), new Evidence("phq9Item9", WireNames.NotRecorded)], f.Because);
        Assert.Equal("PHQ-9 item 9 is not recorded beside the PHQ-9 total: the suicidality recorded as none could not be checked against it; record item 9.", f.Summary);
        Assert.Contains("(SUI-008) could not run", f.Detail, StringComparison.Ordinal);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.EligibleWithCautions, a.Overall);
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.Equal(["SUI-017"], a.Findings.Where(x => x.Kind == FindingKind.Caution).Select(x => x.RuleId));

        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_26_0);
        Assert.Equal(Verdict.Eligible, before.Overall);
        Assert.DoesNotContain(before.Findings, x => x.Kind == FindingKind.Caution);
    }

    [Theory, Fires("SUI-017")]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(24)]
    [InlineData(27)]
    public void Evaluate_AnyRecordedTotalWithItem9NotRecorded_FiresSui017(int total) =>
        AssertBecause(AssertFires("SUI-017", Qa293Trd() with { Phq9Total = total }), "phq9Total", total.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // A blank total and a blank item 9 stay as they were (section 12: the sources do not ask for the PHQ-9).
    [Fact, Edge("SUI-017")]
    public void Evaluate_NoPhq9Recorded_DoesNotFireSui017AndStaysPlainlyEligible()
    {
        var h = Qa293Trd() with { Phq9Total = null };
        AssertDoesNotFire("SUI-017", h);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h).Overall);
    }

    [Theory, Edge("SUI-017")]
    [InlineData(0)]
    [InlineData(2)]
    public void Evaluate_Item9Recorded_DoesNotFireSui017(int item9) => AssertDoesNotFire("SUI-017", Qa293Trd() with { Phq9Item9 = item9 });

    // With some suicidality recorded the suicidality cautions stand already; item 9's only check there is SUI-015 (information).
    [Fact, Edge("SUI-017")]
    public void Evaluate_SuicidalityRecordedWithATotalAndItem9NotRecorded_DoesNotFireSui017() =>
        AssertDoesNotFire("SUI-017", Suicidal(Suicidality.PassiveIdeation) with { Phq9Total = 18, PreparatoryActsOrAbortedAttempt = false });

    [Fact, Fires("SUI-008")]
    public void Evaluate_Item9PositiveBesideNone_Sui008SaysSuicidalityIsRecordedAsNone()
    {
        // QA148 F6: "although no suicidality is recorded" read as a blank (its Chinese said 未记录, "not recorded").
        var f = AssertFires("SUI-008", Adult() with { Phq9Item9 = 2 });
        Assert.StartsWith("PHQ-9 item 9 is positive although suicidality is recorded as none:", f.Summary, StringComparison.Ordinal);
    }

    [Theory, Fires("SUI-014")]
    [InlineData(Suicidality.PassiveIdeation, 3)]
    [InlineData(Suicidality.ActiveIdeation, 2)]
    public void Evaluate_SuicidalityBelowImminentRiskWithTheSafetyNetComplete_FiresSui014AndNoPathwayReadsPlainlyEligible(Suicidality suicidality, int item9)
    {
        // QA10b C6, QA148 F1: with the whole safety net recorded this read "eligible: nothing calls for caution".
        var h = Suicidal(suicidality).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with
        {
            FailedAdequateTrials = 3,
            DistinctMechanisms = 2,
            PreparatoryActsOrAbortedAttempt = false,
            Phq9Total = 18,
            Phq9Item9 = item9,
        };
        var f = AssertFires("SUI-014", h);
        Assert.Equal((FindingKind.Caution, Severity.Moderate), (f.Kind, f.Severity));
        AssertBecause(f, "suicidality", WireNames.Of(suicidality));
        Assert.Equal([Citations.SuicidalityLimit, Citations.SafetyRems], f.Principles);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.EligibleWithCautions, a.Overall);
        Assert.DoesNotContain(a.Pathways, p => p.Status == PathwayStatus.Eligible);
        Assert.DoesNotContain(a.Findings, x => x.RuleId is "SUI-011" or "SUI-012");
    }

    [Fact, Edge("SUI-014")]
    public void Evaluate_ImminentRiskOrRiskNotYetDecidable_DoesNotFireSui014ButAnotherCautionDoes()
    {
        var imminent = Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = true, PreparatoryActsOrAbortedAttempt = false };
        AssertDoesNotFire("SUI-014", imminent);
        Assert.Contains(ScreeningEngine.Evaluate(imminent, RuleSet).Findings, f => f.RuleId == "SUI-011");
        var undecided = Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = null, PreparatoryActsOrAbortedAttempt = false };
        AssertDoesNotFire("SUI-014", undecided);
        Assert.Contains(ScreeningEngine.Evaluate(undecided, RuleSet).Findings, f => f.RuleId == "SUI-012");
        AssertDoesNotFire("SUI-014", Adult() with { Suicidality = Suicidality.None });
    }

    [Fact, Edge("SUI-008")]
    public void Evaluate_Item9OfZero_DoesNotFireSui008() => AssertDoesNotFire("SUI-008", Adult() with { Phq9Item9 = 0 });

    [Fact, Edge("SUI-008")]
    public void Evaluate_Item9PositiveWithRecordedSuicidality_DoesNotFireSui008() =>
        AssertDoesNotFire("SUI-008", Suicidal(Suicidality.PassiveIdeation) with { Phq9Item9 = 2 });

    [Fact, Fires("SUI-013")]
    public void Evaluate_ActiveIdeationWithNoSafetyNet_FiresSui013AsAHighCaution()
    {
        var h = (Suicidal(Suicidality.ActiveIdeation) with
        {
            SuicidalIntent = false,
            PreparatoryActsOrAbortedAttempt = false,
            SafetyPlanInPlace = false,
            LethalMeansCounselled = false,
            FollowUpArranged = false,
        }).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded();
        var f = AssertFires("SUI-013", h);
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Severity.High, f.Severity);
        AssertBecause(f, "suicidality", "active-ideation");
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineSuicidalIdeation).Status);
        // From 1.3.0 the wording agrees with the kind: a caution leaves the pathway open, so it never says "do not treat".
        Assert.DoesNotContain("do not treat", f.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("before the first session", f.Summary, StringComparison.Ordinal);
    }

    // 1.21.0 (docs/clinical-review.md, section 33): SUI-013's detail explained the rule engine ("SUI-009 closes every pathway
    // and this caution is not listed beside it"); it says what SUI-009 means for the patient instead.
    [Fact, Fires("SUI-013")]
    public void Evaluate_PassiveIdeationWithoutSafetyPlan_Sui013SpeaksClinicallyOnly()
    {
        var f = AssertFires("SUI-013", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = null });
        Assert.DoesNotContain("not listed", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("this caution", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("closes every pathway", f.Detail, StringComparison.Ordinal);
        Assert.Contains("no ketamine or esketamine is given now: a same-day evaluation comes first (SUI-009)", f.Detail, StringComparison.Ordinal);
        Assert.Contains("this caution is not listed beside it", RuleSetCatalog.V1_20_0["SUI-013"].Detail, StringComparison.Ordinal);
        Assert.Equal(RuleSetCatalog.V1_20_0["SUI-013"].Summary, f.Summary);
    }

    [Theory, Fires("SUI-013")]
    [InlineData(null, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, null)]
    public void Evaluate_PassiveIdeationWithOnePartOfTheSafetyNetMissing_FiresSui013(bool? safetyPlan, bool? lethalMeans, bool? followUp) =>
        AssertFires("SUI-013", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = safetyPlan, LethalMeansCounselled = lethalMeans, FollowUpArranged = followUp });

    [Fact, Edge("SUI-013")]
    public void Evaluate_ActiveIdeationWithTheWholeSafetyNet_DoesNotFireSui013() =>
        AssertDoesNotFire("SUI-013", Suicidal(Suicidality.ActiveIdeation));

    [Fact, Edge("SUI-013")]
    public void Evaluate_NoSuicidalityAndNoSafetyNet_DoesNotFireSui013() =>
        AssertDoesNotFire("SUI-013", Trd() with { SafetyPlanInPlace = false, LethalMeansCounselled = false, FollowUpArranged = false });

    [Theory, Edge("SUI-013"), Fires("SUI-009")]
    [InlineData(false, false, false)]
    [InlineData(null, null, null)]
    public void Evaluate_PlanWithNoSafetyNet_FiresOnlySui009(bool? safetyPlan, bool? lethalMeans, bool? followUp)
    {
        // From 1.4.0 one input gives one instruction: SUI-009 closes every pathway, and SUI-013's "or record why not" is
        // not listed beside it (docs/clinical-review.md, section 11).
        var h = PlanWithSafetyNet(safetyPlan, lethalMeans, followUp);
        AssertFires("SUI-009", h);
        AssertDoesNotFire("SUI-013", h);
    }

    [Fact, Fires("SUI-010"), Edge("SUI-009"), Edge("SUI-013")]
    public void Evaluate_PlanWithOnlyFollowUpArranged_FiresSui010AndNeitherSui009NorSui013()
    {
        // SUI-009 does not apply (follow-up is in place). Until 1.26.0 SUI-013 named the rest of the safety net beside
        // SUI-010, which says the same for imminent risk; from 1.26.0 SUI-010 alone does (QA281 F6, section 38).
        var h = PlanWithSafetyNet(false, false, true);
        Assert.Equal(FindingKind.Caution, AssertFires("SUI-010", h).Kind);
        AssertDoesNotFire("SUI-009", h);
        AssertDoesNotFire("SUI-013", h);
        Assert.Contains(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_25_0).Findings, f => f.RuleId == "SUI-013");
    }

    // 1.26.0 (QA281 F6; docs/clinical-review.md, section 38): the QA's history, 22, MDD in a current episode, active ideation
    // with a plan, intent yes, a safety plan and follow-up in place, no lethal-means counselling. 1.25.0 listed two high
    // cautions saying the same (SUI-010 and SUI-013); 1.26.0 lists SUI-010 only, and nothing else of the screening changes.
    [Fact, Fires("SUI-010"), Edge("SUI-013"), Edge("SUI-009")]
    public void Evaluate_ImminentRiskWithoutLethalMeansCounselling_ListsOneSafetyNetCautionNotTwo()
    {
        var h = (Suicidal(Suicidality.ActiveIdeationWithPlan) with
        {
            AgeYears = 22,
            SuicidalIntent = true,
            SafetyPlanInPlace = true,
            LethalMeansCounselled = false,
            FollowUpArranged = true,
        }).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded();
        var f = AssertFires("SUI-010", h);
        Assert.Equal((FindingKind.Caution, Severity.High), (f.Kind, f.Severity));
        AssertDoesNotFire("SUI-013", h);
        AssertDoesNotFire("SUI-009", h);

        var now = ScreeningEngine.Evaluate(h);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_25_0);
        Assert.Equal(["SUI-010", "SUI-013"], before.Findings.Where(x => x.RuleId is "SUI-010" or "SUI-013").Select(x => x.RuleId));
        Assert.Equal(["SUI-010"], now.Findings.Where(x => x.Summary.Contains("safety net", StringComparison.Ordinal) && x.Kind == FindingKind.Caution).Select(x => x.RuleId));
        Assert.Equal(before.Overall, now.Overall);
        Assert.Equal(before.Findings.Select(x => x.RuleId).Where(id => id != "SUI-013"), now.Findings.Select(x => x.RuleId));
        Assert.Equal(before.Pathways.Select(p => p.Status), now.Pathways.Select(p => p.Status));
    }

    // 1.26.0: where imminent risk is undecided (active ideation, intent not recorded), SUI-010 cannot fire, so SUI-013 still
    // does for a safety net with a part missing; a blank answer is never read as "not imminent" nor as "imminent".
    [Fact, Fires("SUI-013"), Edge("SUI-010"), Edge("SUI-009"), Fires("SUI-010"), Edge("SUI-013")]
    public void Evaluate_ActiveIdeationWithIntentNotRecordedAndPartOfTheSafetyNet_FiresSui013AndNotSui010()
    {
        var h = Suicidal(Suicidality.ActiveIdeation) with
        {
            SuicidalIntent = null,
            PreparatoryActsOrAbortedAttempt = false,
            SafetyPlanInPlace = true,
            LethalMeansCounselled = false,
            FollowUpArranged = true,
        };
        var f = AssertFires("SUI-013", h);
        AssertBecause(f, "lethalMeansCounselled", "false");
        AssertDoesNotFire("SUI-010", h);
        AssertDoesNotFire("SUI-009", h);
        Assert.Contains(ScreeningEngine.Evaluate(h).Findings, x => x.RuleId == "SUI-012");
        // Intent recorded yes makes the risk imminent: SUI-010 instead; recorded no (and no recent behaviour): SUI-013.
        AssertFires("SUI-010", h with { SuicidalIntent = true });
        AssertDoesNotFire("SUI-013", h with { SuicidalIntent = true });
        AssertFires("SUI-013", h with { SuicidalIntent = false });
        AssertDoesNotFire("SUI-010", h with { SuicidalIntent = false });
    }

    // 1.26.0: SUI-013's condition in words says where it fires now, and that SUI-010 or SUI-009 applies with imminent risk.
    [Fact, Fires("SUI-013")]
    public void Evaluate_PassiveIdeationWithoutSafetyPlan_Sui013ConditionSaysImminentRiskIsNotEstablished()
    {
        AssertFires("SUI-013", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = null });
        var rule = RuleSet["SUI-013"];
        Assert.Contains("the answers recorded do not establish imminent risk (SUI-007): they rule it out or leave it undecided", rule.ConditionText, StringComparison.Ordinal);
        Assert.Contains("SUI-010 (part of the safety net missing) or SUI-009 (none of it in place) applies instead", rule.ConditionText, StringComparison.Ordinal);
        Assert.Equal((RuleSetCatalog.V1_25_0["SUI-013"].Summary, RuleSetCatalog.V1_25_0["SUI-013"].Detail), (rule.Summary, rule.Detail));
        Assert.Contains("SUI-009 does not apply", RuleSetCatalog.V1_25_0["SUI-013"].ConditionText, StringComparison.Ordinal);
    }

    [Fact, Fires("SUI-013"), Edge("SUI-009")]
    public void Evaluate_ActiveIdeationWithIntentNotRecordedAndNoSafetyNet_FiresSui013AndNotSui009()
    {
        // Imminent risk is undetermined while the intent is not recorded: SUI-009 does not fire, so SUI-013 still does
        // (SUI-008 asks for the rest of the assessment).
        var h = Suicidal(Suicidality.ActiveIdeation) with
        {
            SuicidalIntent = null,
            PreparatoryActsOrAbortedAttempt = false,
            SafetyPlanInPlace = false,
            LethalMeansCounselled = false,
            FollowUpArranged = false,
        };
        AssertFires("SUI-013", h);
        AssertDoesNotFire("SUI-009", h);
    }

    private static PatientHistory PlanWithSafetyNet(bool? safetyPlan, bool? lethalMeans, bool? followUp) =>
        Suicidal(Suicidality.ActiveIdeationWithPlan) with { SafetyPlanInPlace = safetyPlan, LethalMeansCounselled = lethalMeans, FollowUpArranged = followUp };

    [Fact, Fires("SUI-009")]
    public void Evaluate_PlanWithNoSafetyNet_FiresSui009AndClosesTheSuicidalIdeationPathway()
    {
        var h = PlanWithSafetyNet(false, false, false).WithSafetyItemsRecordedAbsent();
        var f = AssertFires("SUI-009", h);
        Assert.Equal(FindingKind.Contraindication, f.Kind);
        AssertBecause(f, "suicidality", "active-ideation-with-plan");
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(PathwayStatus.NotEligible, a.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Equal(Verdict.NotEligibleNow, a.Overall);
    }

    [Fact, Fires("SUI-009")]
    public void Evaluate_RecentAttemptWithSafetyNetNotRecorded_FiresSui009() =>
        AssertFires("SUI-009", PlanWithSafetyNet(null, null, null) with { Suicidality = Suicidality.RecentAttempt });

    [Fact, Edge("SUI-009")]
    public void Evaluate_PlanWithOnlyFollowUpArranged_DoesNotFireSui009() =>
        AssertDoesNotFire("SUI-009", PlanWithSafetyNet(false, false, true));

    [Fact, Edge("SUI-009")]
    public void Evaluate_ActiveIdeationWithoutIntentAndNoSafetyNet_DoesNotFireSui009() =>
        AssertDoesNotFire("SUI-009", Suicidal(Suicidality.ActiveIdeation) with
        {
            SuicidalIntent = false,
            PreparatoryActsOrAbortedAttempt = false,
            SafetyPlanInPlace = false,
            LethalMeansCounselled = false,
            FollowUpArranged = false,
        });

    [Fact, Fires("SUI-010")]
    public void Evaluate_PlanWithSafetyPlanButNoFollowUp_FiresSui010AsACaution()
    {
        var h = PlanWithSafetyNet(true, true, false).WithSafetyItemsRecordedAbsent();
        var f = AssertFires("SUI-010", h);
        AssertBecause(f, "followUpArranged", "false");
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    // 1.24.0 (section 36): 1.23.0's SUI-010 said "the pathway stays open only as a caution", also where a contraindication
    // (an aneurysm) leaves the pathway not eligible; it says it is a caution, which does not close the pathway.
    [Fact, Fires("SUI-010")]
    public void Evaluate_PlanWithoutFollowUpAndAContraindication_Sui010NoLongerSaysThePathwayStaysOpen()
    {
        var h = PlanWithSafetyNet(true, true, false).WithSafetyItemsRecordedAbsent() with { AneurysmalVascularDisease = true };
        var f = AssertFires("SUI-010", h);
        Assert.Equal(PathwayStatus.NotEligible, ScreeningEngine.Evaluate(h, RuleSet).For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Contains("This is a caution, which does not close the pathway: the clinician weighs the missing part", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopen\b", f.Summary + " " + f.Detail);
        Assert.Contains("stays open only as a caution", RuleSetCatalog.V1_23_0["SUI-010"].Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("SUI-010")]
    public void Evaluate_PlanWithTheWholeSafetyNet_DoesNotFireSui010() => AssertDoesNotFire("SUI-010", PlanWithSafetyNet(true, true, true));

    [Fact, Edge("SUI-010")]
    public void Evaluate_PlanWithNoSafetyNet_DoesNotFireSui010ButBlocks() => AssertDoesNotFire("SUI-010", PlanWithSafetyNet(false, false, false));

    [Fact, Fires("SUI-011")]
    public void Evaluate_PlanWithTheWholeSafetyNet_StillFiresSui011AsAHighCaution()
    {
        var f = AssertFires("SUI-011", PlanWithSafetyNet(true, true, true));
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact, Edge("SUI-011")]
    public void Evaluate_ActiveIdeationWithoutIntentOrPreparatoryActs_DoesNotFireSui011() =>
        AssertDoesNotFire("SUI-011", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = false, PreparatoryActsOrAbortedAttempt = false });

    [Fact, Fires("SUI-012")]
    public void Evaluate_ActiveIdeationWithIntentNotRecorded_FiresSui012()
    {
        var f = AssertFires("SUI-012", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = null, PreparatoryActsOrAbortedAttempt = false });
        AssertBecause(f, "suicidalIntent", WireNames.NotRecorded);
    }

    [Fact, Fires("SUI-012")]
    public void Evaluate_PassiveIdeationWithPreparatoryActsNotRecorded_FiresSui012AskingOnlyForWhatTheCssrsAsks()
    {
        // Question C of docs/clinical-review.md, section 24 (rule set 1.17.0): after passive ideation the C-SSRS does not ask
        // intent (the form hides it), yet 1.16.0's SUI-012 said "record intent"; it now asks for what is missing.
        var h = Suicidal(Suicidality.PassiveIdeation).WithSafetyItemsRecordedAbsent() with { PreparatoryActsOrAbortedAttempt = null, SafetyPlanInPlace = true, LethalMeansCounselled = true, FollowUpArranged = true };
        var f = AssertFires("SUI-012", h);
        Assert.DoesNotContain(f.Because, e => e.Field == "suicidalIntent");
        Assert.Contains("record what is missing (intent, asked after active ideation;", f.Summary, StringComparison.Ordinal);
        Assert.Contains("asks intent only after active ideation", f.Detail, StringComparison.Ordinal);
        Assert.StartsWith("Suicide risk not fully assessed: record intent,", ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_16_0).Findings.Single(x => x.RuleId == "SUI-012").Summary, StringComparison.Ordinal);
    }

    [Fact, Edge("SUI-012")]
    public void Evaluate_ActiveIdeationWithIntentAndActsRecorded_DoesNotFireSui012() =>
        AssertDoesNotFire("SUI-012", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = false, PreparatoryActsOrAbortedAttempt = false });

    [Fact, Edge("SUI-012")]
    public void Evaluate_NoSuicidalityWithNothingAsked_DoesNotFireSui012() => AssertDoesNotFire("SUI-012", Trd());

    // Rule set 1.5.0 (docs/clinical-review.md, section 13, C2): suicidal behaviour within 3 months counts as behaviour for
    // the suicidal-ideation pathway, whether an attempt, an aborted or interrupted attempt, or preparatory acts.
    [Fact, Fires("SUI-001")]
    public void Evaluate_PassiveIdeationWithAbortedAttemptOrPreparatoryActs_FiresSui001()
    {
        var f = AssertFires("SUI-001", PassiveWithAbortedAttempt());
        AssertBecause(f, "preparatoryActsOrAbortedAttempt", "true");
    }

    [Fact, Edge("SUI-001"), Edge("SUI-016")]
    public void Evaluate_PassiveIdeationWithNoPreparatoryActs_FiresNeitherSui001NorSui016()
    {
        // Recorded "no", the answer rules the pathway out: neither the indication nor "cannot yet be ruled out".
        var h = Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = false };
        AssertDoesNotFire("SUI-001", h);
        AssertDoesNotFire("SUI-016", h);
        Assert.Equal(PathwayStatus.NotApplicable, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    // The independent review of 1.5.0 (B1): with passive ideation, whether the pathway applies turns on the recent
    // behaviour; not recorded, the pathway is indicated and waits for it (REC-002), never "no pathway applies". 1.5.0 to
    // 1.19.0 said so in SUI-001's texts; from 1.20.0 SUI-016 says it and stands for the pathway's indication (section 32).
    [Fact, Fires("SUI-016"), Edge("SUI-001")]
    public void Evaluate_PassiveIdeationWithPreparatoryActsNotRecorded_FiresSui016AndRec002WaitsForIt()
    {
        var h = Suicidal(Suicidality.PassiveIdeation).WithSafetyItemsRecordedAbsent() with { PreparatoryActsOrAbortedAttempt = null };
        var f = AssertFires("SUI-016", h);
        AssertBecause(f, "preparatoryActsOrAbortedAttempt", "not recorded");
        Assert.StartsWith("An answer that decides the esketamine pathway for acute suicidal ideation is not recorded, or the suicide-risk assessment after a positive PHQ-9 item 9 is not recorded as done: the pathway cannot yet be ruled out.", f.Summary, StringComparison.Ordinal);
        Assert.Equal((FindingKind.Information, Severity.High), (f.Kind, f.Severity));
        Assert.Equal([Citations.SuicidalityApproval, Citations.SuicidalityRapid], f.Principles);
        Assert.Equal([Citations.SpravatoPiUs, Citations.SpravatoSmpcEu, Citations.Cssrs, Citations.Phq9], f.Sources);
        AssertDoesNotFire("SUI-001", h);
        var assessment = ScreeningEngine.Evaluate(h, RuleSet);
        AssertBecause(assessment.Findings.Single(f => f.RuleId == "REC-002"), "preparatoryActsOrAbortedAttempt", "not recorded");
        Assert.Equal(PathwayStatus.Incomplete, assessment.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Equal(["SUI-016", "REC-002"], assessment.For(Pathway.EsketamineSuicidalIdeation).RuleIds);
        Assert.Equal(Verdict.Incomplete, assessment.Overall);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_19_0);
        Assert.Equal(["SUI-001", "REC-002"], before.For(Pathway.EsketamineSuicidalIdeation).RuleIds);
        Assert.Equal(before.Overall, assessment.Overall);
    }

    [Fact, Fires("SUI-016")]
    public void Evaluate_PassiveIdeationNotRecordedWithAnAneurysm_Sui016StandsForTheBlockedPathway()
    {
        var h = Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = null, AneurysmalVascularDisease = true };
        AssertFires("SUI-016", h);
        var pathway = ScreeningEngine.Evaluate(h).For(Pathway.EsketamineSuicidalIdeation);
        Assert.Equal(PathwayStatus.NotEligible, pathway.Status);
        Assert.Equal("SUI-016", pathway.RuleIds[0]);
    }

    [Fact, Fires("SUI-016")]
    public void Evaluate_PassiveIdeationNotRecorded_Sui016SaysTheIndicationMakesThePathwayApplicableNeverThatItOpens()
    {
        // 1.23.0 (F2, section 35); 1.22.0's detail said the indication "opens this pathway" and "no" "does not open it".
        var h = Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = null };
        var f = AssertFires("SUI-016", h);
        Assert.StartsWith("Major depression with acute suicidal ideation or recent suicidal behaviour makes this pathway applicable, subject to the contraindications and requirements (SUI-001);", f.Detail, StringComparison.Ordinal);
        Assert.EndsWith("does not make it applicable.", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopens?\b|\bapplies\b", f.Summary + " " + f.Detail);
        Assert.Contains("opens this pathway", ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_22_0).Findings.Single(x => x.RuleId == "SUI-016").Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("SUI-016")]
    public void Evaluate_PassiveIdeationNotRecordedWithoutAnEpisode_DoesNotFireSui016() =>
        AssertDoesNotFire("SUI-016", Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = null, CurrentDepressiveEpisode = false });

    [Fact]
    public void Current_NoRuleNamesSui001AsTheRuleThatSaysThePathwayCannotYetBeRuledOut()
    {
        // 1.20.0: the rules that fire while the pathway waits name SUI-016 (section 32); SUI-001 is named only as the indication.
        Assert.All(RuleSet.Rules.Where(r => r.Id != "SUI-016"), r => Assert.False(
            (r.ConditionText + " " + r.Detail).Contains("(SUI-001)", StringComparison.Ordinal) && (r.ConditionText + " " + r.Detail).Contains("cannot yet be ruled out", StringComparison.Ordinal),
            r.Id));
        // 1.27.0 (section 39): "(SUI-016; also while the suicide-risk assessment after a positive PHQ-9 item 9 is recorded as not done)".
        Assert.All(RuleSetCatalog.SuicidalIdeationNotRuledOutPointers, id => Assert.Contains("(SUI-016", RuleSet[id].ConditionText, StringComparison.Ordinal));
        Assert.Equal("SUI-016", RuleSet.Pathways.Single(p => p.Pathway == Pathway.EsketamineSuicidalIdeation).NotRuledOutRuleId);
    }

    [Fact]
    public void Evaluate_ActiveIdeationWithoutIntentAndPreparatoryActsNotRecorded_Rec002WaitsForIt()
    {
        // Whether the risk is imminent (SUI-007, SUI-011) turns on this answer, as it does on intent.
        var h = Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { SuicidalIntent = false, PreparatoryActsOrAbortedAttempt = null };
        var assessment = ScreeningEngine.Evaluate(h, RuleSet);
        AssertBecause(assessment.Findings.Single(f => f.RuleId == "REC-002"), "preparatoryActsOrAbortedAttempt", "not recorded");
        Assert.Equal(PathwayStatus.Incomplete, assessment.For(Pathway.EsketamineSuicidalIdeation).Status);
        // Recorded "no", the pathway opens; from 1.9.0 with SUI-014's caution (it read plainly eligible before).
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(h with { PreparatoryActsOrAbortedAttempt = false }, RuleSet).For(Pathway.EsketamineSuicidalIdeation).Status);
    }

    [Fact, Edge("SUI-001")]
    public void Evaluate_NoSuicidalityWithPreparatoryActs_DoesNotFireSui001() =>
        AssertDoesNotFire("SUI-001", Adult() with { PreparatoryActsOrAbortedAttempt = true });

    [Fact]
    public void Sui001_Detail_StatesEachLabelsIndicationAsItsOwn()
    {
        // C1: the US indication and the EU wording ("psychiatric emergency"), each attributed and cited.
        var rule = RuleSet.Find("SUI-001")!;
        Assert.Contains("The US label approves", rule.Detail, StringComparison.Ordinal);
        Assert.Contains("EU Summary of Product Characteristics", rule.Detail, StringComparison.Ordinal);
        Assert.Contains("psychiatric emergency", rule.Detail, StringComparison.Ordinal);
        Assert.Contains(Citations.SpravatoPiUs, rule.Sources);
        Assert.Contains(Citations.SpravatoSmpcEu, rule.Sources);
    }

    [Fact, Fires("SUI-002")]
    public void Evaluate_PassiveIdeationWithAbortedAttemptAndNoOralAntidepressant_FiresSui002WithEachLabelsWording()
    {
        var f = AssertFires("SUI-002", PassiveWithAbortedAttempt() with { OnOralAntidepressant = false });
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Contains("The US label approves it", f.Detail, StringComparison.Ordinal);
        Assert.Contains("psychiatric emergency", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Both the US label and the EU Summary of Product Characteristics approve", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Fires("SUI-008")]
    public void Sui008_Detail_SaysImmediateFollowUpAsTheSourceDoes()
    {
        // C5: the source says "immediate" (FB l.706), not "prompt".
        var f = AssertFires("SUI-008", Adult() with { Phq9Total = 15, Phq9Item9 = 1 });
        Assert.Contains("warrants immediate follow-up", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("prompt", f.Detail, StringComparison.Ordinal);
    }

    [Theory, Fires("SUI-015")]
    [InlineData(Suicidality.PassiveIdeation)]
    [InlineData(Suicidality.ActiveIdeation)]
    [InlineData(Suicidality.ActiveIdeationWithPlan)]
    public void Evaluate_SuicidalIdeationWithItem9OfZero_FiresSui015AndTheVerdictIsThatOfTheRecordedIdeation(Suicidality suicidality)
    {
        // QA148 F9: the answers disagreed in silence. The rules read the recorded ideation; SUI-015 only names the disagreement.
        var h = Suicidal(suicidality) with { FailedAdequateTrials = 3, DistinctMechanisms = 2, Phq9Total = 15, Phq9Item9 = 0, LifeLimitingIllness = false };
        var f = AssertFires("SUI-015", h);
        Assert.Equal((FindingKind.Information, Severity.Moderate), (f.Kind, f.Severity));
        AssertBecause(f, "suicidality", WireNames.Of(suicidality));
        AssertBecause(f, "phq9Item9", "0");
        Assert.Equal([Citations.Phq9, Citations.Cssrs], f.Sources);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_9_0);
        var now = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(before.Pathways.Select(p => (p.Pathway, p.Status)), now.Pathways.Select(p => (p.Pathway, p.Status)));
        Assert.Equal(before.Overall, now.Overall);
    }

    // 1.24.0 (section 36): 1.23.0's SUI-015 said "the disagreement opens nothing here"; the answer of 0 decides no pathway,
    // since the rules read PHQ-9 item 9 only with suicidality recorded as none.
    [Fact, Fires("SUI-015")]
    public void Evaluate_PassiveIdeationWithItem9OfZero_Sui015SaysTheAnswerOfZeroDecidesNoPathway()
    {
        var f = AssertFires("SUI-015", Suicidal(Suicidality.PassiveIdeation) with { Phq9Total = 15, Phq9Item9 = 0 });
        Assert.StartsWith("The rules read the suicidality recorded, the more cautious of the two answers, so the answer of 0 decides no pathway here;", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopens?\b", f.Summary + " " + f.Detail);
        Assert.Contains("the disagreement opens nothing here", RuleSetCatalog.V1_23_0["SUI-015"].Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("SUI-015")]
    public void Evaluate_Item9OfOneOrNotRecordedOrARecentAttemptOnly_DoesNotFireSui015()
    {
        AssertDoesNotFire("SUI-015", Suicidal(Suicidality.PassiveIdeation) with { Phq9Total = 15, Phq9Item9 = 1 });
        AssertDoesNotFire("SUI-015", Suicidal(Suicidality.ActiveIdeation) with { Phq9Total = null, Phq9Item9 = null });
        AssertDoesNotFire("SUI-015", Suicidal(Suicidality.RecentAttempt) with { Phq9Total = 15, Phq9Item9 = 0 });
        AssertDoesNotFire("SUI-015", Adult() with { Phq9Total = 15, Phq9Item9 = 0 });
    }
}
