using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class OffLabelRulesTests : RuleTestBase
{
    [Fact, Fires("KET-001")]
    public void Evaluate_TwoFailedTrials_FiresKet001() => AssertFires("KET-001", Adult() with { FailedAdequateTrials = 2 });

    [Fact, Edge("KET-001")]
    public void Evaluate_OneFailedTrial_DoesNotFireKet001() => AssertDoesNotFire("KET-001", Adult() with { FailedAdequateTrials = 1 });

    [Fact, Fires("KET-002")]
    public void Evaluate_TwoFailedTrials_FiresKet002() => AssertFires("KET-002", Adult() with { FailedAdequateTrials = 2 });

    [Fact, Edge("KET-002")]
    public void Evaluate_BipolarWithThreeFailedTrials_DoesNotFireKet002() =>
        AssertDoesNotFire("KET-002", BipolarDepression() with { FailedAdequateTrials = 3 });
}
