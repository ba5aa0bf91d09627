using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class HypersensitivityRulesTests : RuleTestBase
{
    [Fact, Fires("ALG-001")]
    public void Evaluate_HypersensitivityToKetamine_FiresAlg001() => AssertFires("ALG-001", Trd() with { HypersensitivityToKetamine = true });

    [Fact, Edge("ALG-001")]
    public void Evaluate_NoHypersensitivity_DoesNotFireAlg001() => AssertDoesNotFire("ALG-001", Trd() with { HypersensitivityToKetamine = false });
}
