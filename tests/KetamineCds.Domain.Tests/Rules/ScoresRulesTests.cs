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
}
