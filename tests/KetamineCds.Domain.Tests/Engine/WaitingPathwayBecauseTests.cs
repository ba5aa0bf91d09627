using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// The rules that fire where "a pathway is indicated, or a pathway cannot yet be ruled out" name, as their cause, the waiting
/// pathway's answers (its blank ones as not recorded) only where no pathway is indicated (rule set 1.23.0; psychiatrist QA
/// of 1.22.0, F4; docs/clinical-review.md, section 35). In a palliative history with its pathway open, 1.22.0's BIO-001,
/// CV-004, HEP-003, MED-005, REMS-002, REMS-003 and SAF-001 listed "preparatory acts: not recorded" among their inputs,
/// which is not why they fire there. Where no pathway is indicated the waiting pathway is why they fire, and they still
/// say so.
/// </summary>
public class WaitingPathwayBecauseTests
{
    /// <summary>The rules that say what an indicated or waiting pathway needs (any pathway's indication).</summary>
    private static readonly string[] WhatAPathwayNeeds = ["BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-002", "REMS-003", "SAF-001"];

    /// <summary>The answers that leave the suicidal-ideation pathway waiting, when blank.</summary>
    private static readonly string[] SuicidalPathwayBlanks = ["preparatoryActsOrAbortedAttempt", "suicideRiskAssessedAfterItem9"];

    [Fact]
    public void Evaluate_PalliativePathwayOpenAndSuicidalPathwayWaiting_NoRuleNamesTheWaitingPathwaysBlankAnswers()
    {
        var h = Histories.PalliativeBesideSuicidalPathwayWaiting();

        var a = ScreeningEngine.Evaluate(h);

        Assert.Contains(a.Findings, f => f.RuleId == "PAL-001");
        Assert.Contains(a.Findings, f => f.RuleId == "SUI-016");
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.Pathways.Single(p => p.Pathway == Pathway.PalliativeRapidActing).Status);
        Assert.Equal(PathwayStatus.Incomplete, a.Pathways.Single(p => p.Pathway == Pathway.EsketamineSuicidalIdeation).Status);
        Assert.All(WhatAPathwayNeeds, id =>
        {
            var f = Assert.Single(a.Findings, f => f.RuleId == id);
            Assert.Equal(
                [new Evidence("lifeLimitingIllness", "true"), new Evidence("prognosisWeeks", "4"), new Evidence("currentDepressiveEpisode", "true")],
                f.Because.Take(3));
            Assert.DoesNotContain(f.Because, e => e.Field is "suicidality" or "primaryDiagnosis" || SuicidalPathwayBlanks.Contains(e.Field));
        });

        // The rule that says the pathway waits, and the one that asks for the answer, still name it.
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), Assert.Single(a.Findings, f => f.RuleId == "SUI-016").Because);
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), Assert.Single(a.Findings, f => f.RuleId == "REC-002").Because);
    }

    [Fact]
    public void Evaluate_PalliativePathwayOpenAndSuicidalPathwayWaiting_1_22_0NamedTheBlankAnswer()
    {
        // As stored by 1.22.0, and replayed so: the finding the QA read.
        var a = ScreeningEngine.Evaluate(Histories.PalliativeBesideSuicidalPathwayWaiting(), RuleSetCatalog.V1_22_0);

        Assert.All(WhatAPathwayNeeds, id => Assert.Contains(
            new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), Assert.Single(a.Findings, f => f.RuleId == id).Because));
    }

    [Fact]
    public void Evaluate_PalliativePathwayAndItem9AssessmentBlank_NoRuleNamesTheAssessment()
    {
        // The other branch of the waiting suicidal-ideation pathway: "none" beside a positive PHQ-9 item 9, the assessment since blank.
        var h = Histories.Palliative(4).WithSafetyItemsRecordedAbsent() with { Phq9Item9 = 1, Phq9Total = 15 };

        var a = ScreeningEngine.Evaluate(h);

        Assert.Contains(new Evidence("suicideRiskAssessedAfterItem9", WireNames.NotRecorded), Assert.Single(a.Findings, f => f.RuleId == "SUI-016").Because);
        Assert.All(WhatAPathwayNeeds, id =>
            Assert.DoesNotContain(Assert.Single(a.Findings, f => f.RuleId == id).Because, e => e.Field is "phq9Item9" or "suicidality" || SuicidalPathwayBlanks.Contains(e.Field)));
    }

    [Fact]
    public void Evaluate_TrdBesideSuicidalPathwayWaiting_NeitherTheRemsNorWhatAPathwayNeedsNamesTheBlankAnswer()
    {
        // REMS-001 and REMS-004 read the esketamine pathways: indicated here by TRD.
        var h = Histories.TrdBesideSuicidalPathwayWaiting();

        var a = ScreeningEngine.Evaluate(h);

        Assert.Contains(a.Findings, f => f.RuleId == "SUI-016");
        Assert.All(WhatAPathwayNeeds.Append("REMS-001").Append("REMS-004"), id =>
        {
            var because = Assert.Single(a.Findings, f => f.RuleId == id).Because;
            Assert.Contains(new Evidence("failedAdequateTrials", "3"), because);
            Assert.DoesNotContain(because, e => e.Field == "suicidality" || SuicidalPathwayBlanks.Contains(e.Field));
        });
    }

    [Fact]
    public void Evaluate_TrdWithTheIllnessBlank_Ket002AndWhatAPathwayNeedsDoNotNameTheIllness()
    {
        // KET-002 reads the racemic ketamine pathways (off-label TRD here) or the palliative one waiting for the illness.
        var h = Histories.Trd() with { LifeLimitingIllness = null };

        var a = ScreeningEngine.Evaluate(h);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_22_0);

        Assert.Contains(a.Findings, f => f.RuleId == "PAL-003");
        Assert.All(WhatAPathwayNeeds.Append("KET-002"), id =>
        {
            Assert.DoesNotContain(Assert.Single(a.Findings, f => f.RuleId == id).Because, e => e.Field == "lifeLimitingIllness");
            Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), Assert.Single(before.Findings, f => f.RuleId == id).Because);
        });
    }

    [Fact]
    public void Evaluate_NoPathwayIndicatedAndSuicidalPathwayWaiting_EveryRuleStillNamesTheBlankAnswer()
    {
        // No pathway indicated: the waiting pathways are why these rules fire, and their findings say so, as in 1.22.0.
        var h = Histories.SuicidalPathwayNotRuledOut();

        var a = ScreeningEngine.Evaluate(h);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_22_0);

        Assert.All(WhatAPathwayNeeds.Append("REMS-001").Append("REMS-004"), id =>
        {
            var because = Assert.Single(a.Findings, f => f.RuleId == id).Because;
            Assert.Contains(new Evidence("suicidality", "passive-ideation"), because);
            Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), because);
            Assert.Equal(Assert.Single(before.Findings, f => f.RuleId == id).Because, because);
        });
        // The palliative pathway waits too (the illness not recorded): the rules reading any pathway name it beside.
        Assert.All(WhatAPathwayNeeds, id => Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), Assert.Single(a.Findings, f => f.RuleId == id).Because));
        Assert.Equal([new Evidence("currentDepressiveEpisode", "true"), new Evidence("lifeLimitingIllness", WireNames.NotRecorded)], Assert.Single(a.Findings, f => f.RuleId == "KET-002").Because);
    }

    [Fact]
    public void Evaluate_NoPathwayIndicatedAndPalliativePathwayWaiting_EveryRuleStillNamesTheIllnessNotRecorded()
    {
        var h = Histories.PalliativePathwayNotRuledOut();

        var a = ScreeningEngine.Evaluate(h);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_22_0);

        Assert.All(WhatAPathwayNeeds.Append("KET-002"), id =>
        {
            var because = Assert.Single(a.Findings, f => f.RuleId == id).Because;
            Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), because);
            Assert.Equal(Assert.Single(before.Findings, f => f.RuleId == id).Because, because);
        });
        Assert.DoesNotContain(a.Findings, f => f.RuleId is "REMS-001" or "REMS-004");
    }
}
