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

    [Theory, Fires("EU-002")]
    [InlineData(null)]
    [InlineData(OralAntidepressantClass.Other)]
    public void Evaluate_EuTrdOnAntidepressantNotRecordedAsSsriOrSnri_FiresEu002(OralAntidepressantClass? antidepressantClass) =>
        AssertFires("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass });

    [Theory, Edge("EU-002")]
    [InlineData(OralAntidepressantClass.Ssri)]
    [InlineData(OralAntidepressantClass.Snri)]
    public void Evaluate_EuTrdOnSsriOrSnri_DoesNotFireEu002(OralAntidepressantClass antidepressantClass) =>
        AssertDoesNotFire("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass });

    [Fact, Edge("EU-002")]
    public void Evaluate_EuOneFailedTrialOnOralAntidepressant_DoesNotFireEu002() =>
        AssertDoesNotFire("EU-002", Adult() with { Jurisdiction = Jurisdiction.Eu, FailedAdequateTrials = 1 });
}
