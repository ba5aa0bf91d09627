using KetamineCds.Domain.Rules;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.9.0 stays replayable: the rules 1.11.0, 1.12.0 and 1.13.0 replaced keep their tests, evaluated with 1.9.0.</summary>
public class RuleSet1_9_0RulesTests : ReplacedIn1_11_0SinceRuleSet1_1_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_9_0;
}
