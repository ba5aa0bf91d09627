using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Scores;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class ScoresRulesTests : RuleTestBase
{
    [Fact, Fires("SCR-001")]
    public void Evaluate_Phq9TotalOf9InEpisode_FiresScr001()
    {
        var f = AssertFires("SCR-001", Adult() with { Phq9Total = 9 });
        AssertBecause(f, "phq9Total", "9");
    }

    [Fact, Edge("SCR-001")]
    public void Evaluate_Phq9TotalOf10_DoesNotFireScr001() => AssertDoesNotFire("SCR-001", Adult() with { Phq9Total = 10 });

    [Fact, Edge("SCR-001")]
    public void Evaluate_Phq9NotRecorded_DoesNotFireScr001() => AssertDoesNotFire("SCR-001", Adult() with { Phq9Total = null });

    [Fact, Fires("SCR-001")]
    public void Scr001_Detail_MarksThePossibleReasonsAsTheAppsSuggestion()
    {
        // C4: the fact base gives the cut-off only.
        var f = AssertFires("SCR-001", Trd() with { Phq9Total = 9, Phq9Item9 = 0 });
        Assert.DoesNotContain("may reflect", f.Detail, StringComparison.Ordinal);
        Assert.Contains("this app suggests considering", f.Detail, StringComparison.Ordinal);
    }

    // SCR-002 from 1.6.0 (QA13 L5), SCR-001's mirror: a PHQ-9 total at or above the same cut-off with no current
    // depressive episode recorded is not accepted in silence.
    [Fact, Fires("SCR-002")]
    public void Evaluate_Phq9TotalOf10WithoutEpisode_FiresScr002()
    {
        var f = AssertFires("SCR-002", Adult() with { CurrentDepressiveEpisode = false, Phq9Total = 10, Phq9Item9 = 0 });
        Assert.Equal((FindingKind.Information, Severity.Low), (f.Kind, f.Severity));
        AssertBecause(f, "currentDepressiveEpisode", "false");
        AssertBecause(f, "phq9Total", "10");
    }

    [Fact, Fires("SCR-002")]
    public void Evaluate_Qa13L5History_ListsScr002BesideNotIndicated()
    {
        // The QA pass's history: "no current depressive episode" with a PHQ-9 total of 27 read "Not indicated" with no finding.
        // Item 9 is 3: with a total of 27 every item is 3 (the contract refuses 27 beside a lower item 9, QA157 F2).
        var assessment = ScreeningEngine.Evaluate(Trd() with { CurrentDepressiveEpisode = false, Phq9Total = 27, Phq9Item9 = 3 });
        Assert.Equal(Verdict.NotIndicated, assessment.Overall);
        var f = Assert.Single(assessment.Findings, f => f.RuleId == "SCR-002");
        Assert.Contains("check the episode answer against the PHQ-9 total", f.Summary, StringComparison.Ordinal);
        Assert.Equal(RuleSetCatalog.Current.Find("SCR-001")!.Sources, f.Sources);
        Assert.Equal(RuleSetCatalog.Current.Find("SCR-001")!.Principles, f.Principles);
    }

    [Fact, Edge("SCR-002")]
    public void Evaluate_Phq9TotalOf9WithoutEpisode_DoesNotFireScr002() =>
        AssertDoesNotFire("SCR-002", Adult() with { CurrentDepressiveEpisode = false, Phq9Total = 9 });

    [Fact, Edge("SCR-002")]
    public void Evaluate_Phq9TotalOf27InEpisode_DoesNotFireScr002() => AssertDoesNotFire("SCR-002", Adult() with { Phq9Total = 27 });

    [Fact, Edge("SCR-002")]
    public void Evaluate_Phq9NotRecordedWithoutEpisode_DoesNotFireScr002() =>
        AssertDoesNotFire("SCR-002", Adult() with { CurrentDepressiveEpisode = false, Phq9Total = null });

    [Fact]
    public void Scr001AndScr002_ReadTheSameCutoff()
    {
        // One cut-off, Phq9Cutoff.Depression: at it SCR-002 fires and SCR-001 does not; one below, the reverse.
        var set = RuleSetCatalog.Current;
        Assert.False(set.Find("SCR-001")!.Condition.IsMet(Adult() with { Phq9Total = Phq9Cutoff.Depression }));
        Assert.True(set.Find("SCR-001")!.Condition.IsMet(Adult() with { Phq9Total = Phq9Cutoff.Depression - 1 }));
        Assert.True(set.Find("SCR-002")!.Condition.IsMet(Adult() with { CurrentDepressiveEpisode = false, Phq9Total = Phq9Cutoff.Depression }));
        Assert.False(set.Find("SCR-002")!.Condition.IsMet(Adult() with { CurrentDepressiveEpisode = false, Phq9Total = Phq9Cutoff.Depression - 1 }));
    }
}
