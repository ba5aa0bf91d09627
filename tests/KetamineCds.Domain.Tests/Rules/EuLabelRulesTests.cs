using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class EuLabelRulesTests : RuleTestBase
{
    [Fact, Fires("EU-001")]
    public void Evaluate_EuTrdWithoutOralAntidepressant_FiresEu001()
    {
        var f = AssertFires("EU-001", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false });
        AssertBecause(f, "jurisdiction", "eu");
        AssertBecause(f, "onOralAntidepressant", "false");
    }

    [Fact, Edge("EU-001")]
    public void Evaluate_UsTrdWithoutOralAntidepressant_DoesNotFireEu001() =>
        AssertDoesNotFire("EU-001", Trd() with { Jurisdiction = Jurisdiction.Us, OnOralAntidepressant = false });

    [Fact, Fires("EU-002")]
    public void Evaluate_EuTrdOnOralAntidepressant_FiresEu002() =>
        AssertFires("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true });

    [Fact, Edge("EU-002")]
    public void Evaluate_EuOneFailedTrialOnOralAntidepressant_DoesNotFireEu002() =>
        AssertDoesNotFire("EU-002", Adult() with { Jurisdiction = Jurisdiction.Eu, FailedAdequateTrials = 1 });
}
