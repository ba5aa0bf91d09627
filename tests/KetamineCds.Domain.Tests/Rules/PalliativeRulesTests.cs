using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class PalliativeRulesTests : RuleTestBase
{
    [Fact, Fires("PAL-001")]
    public void Evaluate_PrognosisOf8Weeks_FiresPal001()
    {
        var f = AssertFires("PAL-001", Palliative(8));
        AssertBecause(f, "prognosisWeeks", "8");
        Assert.Contains("The pathway is off-label (discrepancy D9)", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("PAL-001")]
    public void Evaluate_PrognosisOf9Weeks_DoesNotFirePal001() => AssertDoesNotFire("PAL-001", Palliative(9));

    [Fact, Edge("PAL-001")]
    public void Evaluate_PrognosisOf4WeeksWithoutDepressiveEpisode_DoesNotFirePal001() =>
        AssertDoesNotFire("PAL-001", Palliative(4) with { CurrentDepressiveEpisode = false });

    [Fact, Fires("PAL-002")]
    public void Evaluate_PrognosisOf9Weeks_FiresPal002() => AssertFires("PAL-002", Palliative(9));

    [Fact, Edge("PAL-002")]
    public void Evaluate_PrognosisOf8Weeks_DoesNotFirePal002() => AssertDoesNotFire("PAL-002", Palliative(8));
}
