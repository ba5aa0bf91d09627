using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class InvestigationalRulesTests : RuleTestBase
{
    [Theory, Fires("INV-001")]
    [InlineData(PrimaryDiagnosis.Ptsd, "ptsd")]
    [InlineData(PrimaryDiagnosis.Ocd, "ocd")]
    public void Evaluate_PtsdOrOcd_FiresInv001(PrimaryDiagnosis diagnosis, string wire)
    {
        var f = AssertFires("INV-001", Adult() with { PrimaryDiagnosis = diagnosis });
        AssertBecause(f, "primaryDiagnosis", wire);
    }

    [Fact, Edge("INV-001")]
    public void Evaluate_OtherDiagnosis_DoesNotFireInv001() => AssertDoesNotFire("INV-001", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Other });
}
