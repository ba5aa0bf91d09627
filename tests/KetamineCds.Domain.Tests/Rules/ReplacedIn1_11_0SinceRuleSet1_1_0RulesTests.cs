using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// CV-003, CV-006, CV-007 and SUB-001 as 1.9.0 and 1.10.0 have them, before 1.11.0 replaced them (QA137 F5). 1.1.0 to 1.8.0 run the
/// same test from <see cref="ReplacedIn1_9_0SinceRuleSet1_1_0RulesTests"/>: those releases inherit 1.9.0's replaced rules,
/// which 1.9.0 and 1.10.0 must not, and a class has one base. SUI-001 and EU-005 as 1.9.0 and 1.10.0 have them, before 1.12.0
/// reworded them (QA157 F5), are tested here too: this class covers exactly those two releases; and so are REC-001 to REC-006,
/// SCR-002 and SUI-009 as they have them, before 1.13.0 reworded them.
/// </summary>
public abstract class ReplacedIn1_11_0SinceRuleSet1_1_0RulesTests : ReplacedIn1_11_0RulesTests
{
    [Theory]
    [Fires("CV-003"), Edge("CV-003")]
    [Fires("CV-006"), Edge("CV-006")]
    [Fires("CV-007"), Edge("CV-007")]
    [Fires("SUB-001"), Edge("SUB-001")]
    [InlineData("CV-003")]
    [InlineData("CV-006")]
    [InlineData("CV-007")]
    [InlineData("SUB-001")]
    public void Evaluate_RuleThatRuleSet1_11_0Replaced_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplacedIn1_11_0SinceRuleSet1_1_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_11_0Replaced_FiresAndNotAtItsEdge));

    [Theory]
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("EU-005"), Edge("EU-005")]
    [InlineData("SUI-001")]
    [InlineData("EU-005")]
    public void Evaluate_RuleThatRuleSet1_12_0Reworded_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplacedIn1_12_0Since1_8_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_12_0Reworded_FiresAndNotAtItsEdge));

    [Theory]
    [Fires("REC-001"), Edge("REC-001")]
    [Fires("REC-002"), Edge("REC-002")]
    [Fires("REC-003"), Edge("REC-003")]
    [Fires("REC-004"), Edge("REC-004")]
    [Fires("REC-005"), Edge("REC-005")]
    [Fires("REC-006"), Edge("REC-006")]
    [Fires("SCR-002"), Edge("SCR-002")]
    [Fires("SUI-009"), Edge("SUI-009")]
    [InlineData("REC-001")]
    [InlineData("REC-002")]
    [InlineData("REC-003")]
    [InlineData("REC-004")]
    [InlineData("REC-005")]
    [InlineData("REC-006")]
    [InlineData("SCR-002")]
    [InlineData("SUI-009")]
    public void Evaluate_RuleThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReworded1_13_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge));

    [Fact, Fires("SUI-012"), Edge("SUI-012")]
    public void Evaluate_Sui012AsReleasedBefore1_17_0_FiresAndNotAtItsEdge() =>
        AssertSui012AsReleasedBefore1_17_0(nameof(Evaluate_Sui012AsReleasedBefore1_17_0_FiresAndNotAtItsEdge));

    [Theory]
    [Fires("MED-001"), Edge("MED-001"), Fires("MED-004"), Edge("MED-004"), Fires("MED-005"), Edge("MED-005"), Fires("NAL-002"), Edge("NAL-002")]
    [InlineData("MED-001")]
    [InlineData("MED-004")]
    [InlineData("MED-005")]
    [InlineData("NAL-002")]
    public void Evaluate_RuleThatRuleSet1_18_0Reworded_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRewordedIn1_18_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_18_0Reworded_FiresAndNotAtItsEdge));
}
