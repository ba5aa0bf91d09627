using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class VascularRulesTests : RuleTestBase
{
    [Fact, Fires("VAS-001")]
    public void Evaluate_AneurysmalVascularDisease_FiresVas001()
    {
        var f = AssertFires("VAS-001", Trd() with { AneurysmalVascularDisease = true });
        AssertBecause(f, "aneurysmalVascularDisease", "true");
    }

    [Fact, Edge("VAS-001")]
    public void Evaluate_NoAneurysmalVascularDisease_DoesNotFireVas001() => AssertDoesNotFire("VAS-001", Trd() with { AneurysmalVascularDisease = false });

    [Fact, Fires("VAS-002")]
    public void Evaluate_ArteriovenousMalformation_FiresVas002() => AssertFires("VAS-002", Trd() with { ArteriovenousMalformation = true });

    [Fact, Edge("VAS-002")]
    public void Evaluate_NoArteriovenousMalformation_DoesNotFireVas002() => AssertDoesNotFire("VAS-002", Trd() with { ArteriovenousMalformation = false });

    [Fact, Fires("VAS-003")]
    public void Evaluate_IntracerebralHemorrhageHistory_FiresVas003() => AssertFires("VAS-003", Trd() with { IntracerebralHemorrhageHistory = true });

    [Fact, Edge("VAS-003")]
    public void Evaluate_NoIntracerebralHemorrhageHistory_DoesNotFireVas003() =>
        AssertDoesNotFire("VAS-003", Trd() with { IntracerebralHemorrhageHistory = false });
}
