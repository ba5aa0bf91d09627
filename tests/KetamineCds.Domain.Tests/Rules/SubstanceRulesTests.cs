using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class SubstanceRulesTests : RuleTestBase
{
    [Fact, Fires("SUB-001")]
    public void Evaluate_ActiveSubstanceUseDisorder_FiresSub001()
    {
        var f = AssertFires("SUB-001", Trd() with { SubstanceUse = SubstanceUse.Active });
        AssertBecause(f, "substanceUse", "active");
    }

    [Fact, Edge("SUB-001")]
    public void Evaluate_SubstanceUseInRemission_DoesNotFireSub001() => AssertDoesNotFire("SUB-001", Trd() with { SubstanceUse = SubstanceUse.InRemission });

    [Fact, Fires("SUB-002")]
    public void Evaluate_SubstanceUseInRemission_FiresSub002()
    {
        var f = AssertFires("SUB-002", Trd() with { SubstanceUse = SubstanceUse.InRemission });
        AssertBecause(f, "substanceUse", "in-remission");
    }

    [Fact, Edge("SUB-002")]
    public void Evaluate_NoSubstanceUse_DoesNotFireSub002() => AssertDoesNotFire("SUB-002", Trd() with { SubstanceUse = SubstanceUse.None });
}
