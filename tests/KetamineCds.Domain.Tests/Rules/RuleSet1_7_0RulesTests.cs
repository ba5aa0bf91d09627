using KetamineCds.Domain.Rules;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.7.0 stays replayable: the rules 1.8.0 replaced keep their tests, evaluated with 1.7.0.</summary>
public class RuleSet1_7_0RulesTests : ReplacedIn1_8_0SinceRuleSet1_5_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_7_0;
}
