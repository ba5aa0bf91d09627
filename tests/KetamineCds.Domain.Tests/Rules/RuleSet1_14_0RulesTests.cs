using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>Rule set 1.14.0 stays replayable: the rules 1.16.0 replaced keep their tests, evaluated with 1.14.0.</summary>
public class RuleSet1_14_0RulesTests : ReplacedIn1_16_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_14_0;

    [Theory]
    [Fires("BIO-001"), Edge("BIO-001")]
    [Fires("CV-004"), Edge("CV-004")]
    [Fires("HEP-003"), Edge("HEP-003")]
    [Fires("KET-002"), Edge("KET-002")]
    [Fires("MED-005"), Edge("MED-005")]
    [Fires("PAL-001"), Edge("PAL-001")]
    [Fires("REC-005"), Edge("REC-005")]
    [Fires("REMS-002"), Edge("REMS-002")]
    [Fires("REMS-003"), Edge("REMS-003")]
    [Fires("SAF-001"), Edge("SAF-001")]
    [InlineData("BIO-001")]
    [InlineData("CV-004")]
    [InlineData("HEP-003")]
    [InlineData("KET-002")]
    [InlineData("MED-005")]
    [InlineData("PAL-001")]
    [InlineData("REC-005")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("SAF-001")]
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
