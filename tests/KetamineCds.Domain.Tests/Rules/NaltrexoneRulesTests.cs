using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class NaltrexoneRulesTests : RuleTestBase
{
    [Fact, Fires("NAL-001")]
    public void Evaluate_OnNaltrexone_FiresNal001()
    {
        var f = AssertFires("NAL-001", Trd() with { OnNaltrexone = true });
        AssertBecause(f, "onNaltrexone", "true");
    }

    [Fact, Edge("NAL-001")]
    public void Evaluate_NotOnNaltrexone_DoesNotFireNal001() => AssertDoesNotFire("NAL-001", Trd() with { OnNaltrexone = false });
}
