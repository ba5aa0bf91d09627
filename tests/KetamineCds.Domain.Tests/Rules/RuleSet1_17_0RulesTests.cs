using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.17.0 stays replayable: the rules 1.18.0 replaced keep their tests, evaluated with 1.17.0.</summary>
public class RuleSet1_17_0RulesTests : ReplacedIn1_18_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_17_0;

    [Theory]
    [Fires("MED-001"), Edge("MED-001"), Fires("MED-004"), Edge("MED-004"), Fires("MED-005"), Edge("MED-005"), Fires("NAL-002"), Edge("NAL-002")]
    [InlineData("MED-001")]
    [InlineData("MED-004")]
    [InlineData("MED-005")]
    [InlineData("NAL-002")]
    public void Evaluate_RuleThatRuleSet1_18_0Reworded_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRewordedIn1_18_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_18_0Reworded_FiresAndNotAtItsEdge));
}
