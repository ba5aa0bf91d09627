using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.8.0 stays replayable: the rules 1.9.0 replaced keep their tests, evaluated with 1.8.0 (SUI-008's summary
/// said "although no suicidality is recorded", QA148 F6), and SUI-001 as 1.8.0 to 1.11.0 have it, which 1.12.0 reworded
/// (QA157 F5).
/// </summary>
public class RuleSet1_8_0RulesTests : ReplacedIn1_9_0SinceRuleSet1_1_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_8_0;

    [Fact, Fires("SUI-008"), Edge("SUI-008")]
    public void Evaluate_PositiveItem9BesideNone_FiresSui008WithTheSummaryOf1_8_0AndNotOnceTheAssessmentIsRecorded()
    {
        var item9 = Adult().WithSafetyItemsRecordedAbsent() with { Phq9Total = 15, Phq9Item9 = 1 };
        var f = AssertFires("SUI-008", item9);
        Assert.StartsWith("PHQ-9 item 9 is positive although no suicidality is recorded:", f.Summary, StringComparison.Ordinal);
        AssertDoesNotFire("SUI-008", item9 with { SuicideRiskAssessedAfterItem9 = true });
    }

    [Fact, Fires("SUI-001"), Edge("SUI-001")]
    public void Evaluate_RuleThatRuleSet1_12_0Reworded_FiresAndNotAtItsEdge() =>
        AssertRuleReplacedIn1_12_0Since1_8_0("SUI-001", nameof(Evaluate_RuleThatRuleSet1_12_0Reworded_FiresAndNotAtItsEdge));
}
