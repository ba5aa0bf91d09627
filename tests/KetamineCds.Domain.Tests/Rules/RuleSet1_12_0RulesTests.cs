using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.12.0 stays replayable: the rules 1.13.0 reworded keep their tests, evaluated with 1.12.0.</summary>
public class RuleSet1_12_0RulesTests : ReplacedIn1_13_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_12_0;

    [Theory]
    [Fires("REC-001"), Edge("REC-001")]
    [Fires("REC-002"), Edge("REC-002")]
    [Fires("REC-003"), Edge("REC-003")]
    [Fires("REC-004"), Edge("REC-004")]
    [Fires("REC-005"), Edge("REC-005")]
    [Fires("REC-006"), Edge("REC-006")]
    [Fires("SCR-002"), Edge("SCR-002")]
    [Fires("TRD-005"), Edge("TRD-005")]
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("SUI-009"), Edge("SUI-009")]
    [InlineData("REC-001")]
    [InlineData("REC-002")]
    [InlineData("REC-003")]
    [InlineData("REC-004")]
    [InlineData("REC-005")]
    [InlineData("REC-006")]
    [InlineData("SCR-002")]
    [InlineData("TRD-005")]
    [InlineData("SUI-001")]
    [InlineData("SUI-009")]
    public void Evaluate_RuleThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReworded1_13_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge));

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
