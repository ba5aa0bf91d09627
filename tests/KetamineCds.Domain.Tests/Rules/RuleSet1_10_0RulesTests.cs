using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.10.0 stays replayable: the rules 1.11.0, 1.12.0 and 1.13.0 replaced keep their tests, evaluated with 1.10.0.</summary>
public class RuleSet1_10_0RulesTests : ReplacedIn1_11_0SinceRuleSet1_1_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_10_0;

    [Fact, Fires("TRD-005"), Edge("TRD-005")]
    public void Evaluate_Trd005ThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge() =>
        AssertRuleReworded1_13_0("TRD-005", nameof(Evaluate_Trd005ThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge));
}
