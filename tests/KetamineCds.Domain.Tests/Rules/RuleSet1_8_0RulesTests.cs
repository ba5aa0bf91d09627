using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.8.0 stays replayable: the rules 1.9.0 replaced keep their tests, evaluated with 1.8.0 (SUI-008's summary
/// said "although no suicidality is recorded", QA148 F6), and SUI-001 as 1.8.0 to 1.11.0 have it, which 1.12.0 reworded
/// (QA157 F5); REC-001 to REC-006 and SCR-002 as 1.8.0 has them, which 1.13.0 reworded (SUI-009 is tested from
/// <see cref="ReplacedIn1_9_0SinceRuleSet1_1_0RulesTests"/>).
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

    [Theory]
    [Fires("REC-001"), Edge("REC-001")]
    [Fires("REC-002"), Edge("REC-002")]
    [Fires("REC-003"), Edge("REC-003")]
    [Fires("REC-004"), Edge("REC-004")]
    [Fires("REC-005"), Edge("REC-005")]
    [Fires("REC-006"), Edge("REC-006")]
    [Fires("SCR-002"), Edge("SCR-002")]
    [InlineData("REC-001")]
    [InlineData("REC-002")]
    [InlineData("REC-003")]
    [InlineData("REC-004")]
    [InlineData("REC-005")]
    [InlineData("REC-006")]
    [InlineData("SCR-002")]
    public void Evaluate_RuleOf1_8_0ThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReworded1_13_0(ruleId, nameof(Evaluate_RuleOf1_8_0ThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge));

    [Theory]
    [Fires("BIO-001"), Edge("BIO-001")]
    [Fires("CV-004"), Edge("CV-004")]
    [Fires("HEP-003"), Edge("HEP-003")]
    [Fires("MED-005"), Edge("MED-005")]
    [Fires("REMS-001"), Edge("REMS-001")]
    [Fires("REMS-002"), Edge("REMS-002")]
    [Fires("REMS-003"), Edge("REMS-003")]
    [Fires("REMS-004"), Edge("REMS-004")]
    [Fires("SAF-001"), Edge("SAF-001")]
    [MemberData(nameof(Restated1_14_0), MemberType = typeof(ReplacedIn1_14_0RulesTests))]
    public void Evaluate_RuleThatRuleSet1_14_0Restated_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleRestated1_14_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_14_0Restated_FiresAndNotAtItsEdge));

    [Theory]
    [Fires("KET-002"), Edge("KET-002")]
    [Fires("PAL-001"), Edge("PAL-001")]
    [InlineData("KET-002")]
    [InlineData("PAL-001")]
    public void Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplaced1_16_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge));
}
