using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.4.0 stays replayable, so the rules 1.5.0 replaced keep their tests, evaluated with 1.4.0 explicitly
/// (docs/clinical-review.md, section 13): its suicidal-ideation indication did not count an aborted or interrupted attempt
/// or preparatory acts as behaviour, and several texts had no source. The theory over those rules is declared once, in
/// <see cref="ReplacedIn1_5_0RulesTests"/>, for 1.1.0 to 1.4.0.
/// </summary>
public class RuleSet1_4_0RulesTests : ReplacedIn1_5_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_4_0;

    [Theory]
    [Fires("KET-002"), Edge("KET-002")]
    [Fires("PAL-001"), Edge("PAL-001")]
    [InlineData("KET-002")]
    [InlineData("PAL-001")]
    public void Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplaced1_16_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge));
}
