using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.11.0 stays replayable: the rules 1.12.0 reworded keep their tests, evaluated with 1.11.0.</summary>
public class RuleSet1_11_0RulesTests : ReplacedIn1_12_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_11_0;

    [Theory]
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("EU-005"), Edge("EU-005")]
    [InlineData("SUI-001")]
    [InlineData("EU-005")]
    public void Evaluate_RuleThatRuleSet1_12_0Reworded_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplacedIn1_12_0Since1_8_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_12_0Reworded_FiresAndNotAtItsEdge));
}
