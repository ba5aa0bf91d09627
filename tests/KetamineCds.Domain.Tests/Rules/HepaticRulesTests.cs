using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class HepaticRulesTests : RuleTestBase
{
    [Fact, Fires("HEP-001")]
    public void Evaluate_SevereHepaticImpairment_FiresHep001()
    {
        var f = AssertFires("HEP-001", Trd() with { HepaticImpairment = HepaticImpairment.Severe });
        AssertBecause(f, "hepaticImpairment", "severe");
    }

    [Fact, Edge("HEP-001")]
    public void Evaluate_ModerateHepaticImpairment_DoesNotFireHep001() => AssertDoesNotFire("HEP-001", Trd() with { HepaticImpairment = HepaticImpairment.Moderate });

    [Fact, Fires("HEP-002")]
    public void Evaluate_ModerateHepaticImpairment_FiresHep002() => AssertFires("HEP-002", Trd() with { HepaticImpairment = HepaticImpairment.Moderate });

    [Fact, Edge("HEP-002")]
    public void Evaluate_MildHepaticImpairment_DoesNotFireHep002() => AssertDoesNotFire("HEP-002", Trd() with { HepaticImpairment = HepaticImpairment.Mild });
}
