using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The suicide rules rule set 1.8.0 replaced, as 1.5.0 to 1.7.0 have them (1.1.0 to 1.4.0 have earlier ones:
/// <see cref="ReplacedIn1_5_0RulesTests"/>): SUI-001 did not wait for the assessment after a positive item 9, and SUI-008
/// fired whatever was recorded about it.
/// </summary>
public abstract class ReplacedIn1_8_0SinceRuleSet1_5_0RulesTests : ReplacedIn1_8_0RulesTests
{
    [Theory]
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("SUI-008"), Edge("SUI-008")]
    [InlineData("SUI-001")]
    [InlineData("SUI-008")]
    public void Evaluate_SuicideRuleThatRuleSet1_8_0Replaced_FiresAndNotAtItsEdge(string ruleId)
    {
        var item9 = Adult().WithSafetyItemsRecordedAbsent() with { Phq9Total = 15, Phq9Item9 = 1 };
        var (fires, edge) = ruleId switch
        {
            "SUI-001" => (ReplacedIn1_5_0.PassiveWithAbortedAttempt(), Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = false }),
            _ => (item9 with { SuicideRiskAssessedAfterItem9 = true }, item9 with { Phq9Item9 = 0 }),
        };
        AssertFires(ruleId, fires);
        AssertDoesNotFire(ruleId, edge);
        if (ruleId == "SUI-001")
        {
            // The released SUI-001 does not read the assessment: "none" beside item 9 is not indicated.
            AssertDoesNotFire(ruleId, item9 with { SuicideRiskAssessedAfterItem9 = null });
        }
    }
}
