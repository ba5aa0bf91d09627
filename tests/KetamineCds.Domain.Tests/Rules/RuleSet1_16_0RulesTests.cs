using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.16.0 stays replayable: the rule 1.17.0 replaced keeps its tests, evaluated with 1.16.0.</summary>
public class RuleSet1_16_0RulesTests : ReplacedIn1_17_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_16_0;

    [Theory]
    [Fires("SAF-001"), Edge("SAF-001")]
    [InlineData("SAF-001")]
    public void Evaluate_RuleThatRuleSet1_17_0Replaced_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplaced1_17_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_17_0Replaced_FiresAndNotAtItsEdge));

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
