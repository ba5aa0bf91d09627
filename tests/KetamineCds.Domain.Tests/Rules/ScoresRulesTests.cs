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
}
