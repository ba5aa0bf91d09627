using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// CV-005 as rule sets 1.1.0 (which added it) to 1.8.0 have it, a requirement, which 1.9.0 replaced with a caution
/// (docs/clinical-review.md, section 17; QA148 F3). With everything else recorded, the recorded history read plainly
/// eligible while the question left unanswered read "eligible with cautions" (SAF-001).
/// </summary>
public abstract class ReplacedIn1_9_0SinceRuleSet1_1_0RulesTests : ReplacedIn1_9_0RulesTests
{
    [Fact, Fires("CV-005"), Edge("CV-005")]
    public void Evaluate_HypertensiveEncephalopathyHistory_FiresCv005AsARequirementAndNotWhenRecordedNo()
    {
        var f = AssertFires("CV-005", Trd() with { HypertensiveEncephalopathyHistory = true });
        Assert.Equal(FindingKind.Requirement, f.Kind);
        AssertDoesNotFire("CV-005", Trd() with { HypertensiveEncephalopathyHistory = false });
    }

    /// <summary>
    /// CV-003, CV-006, CV-007 and SUB-001 as 1.1.0 to 1.8.0 have them, before 1.11.0 replaced them (QA137 F5); 1.9.0 and 1.10.0 run
    /// the same test from <see cref="ReplacedIn1_11_0SinceRuleSet1_1_0RulesTests"/>.
    /// </summary>
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

    /// <summary>SUI-009 as 1.1.0 to 1.12.0 have it, before 1.13.0 reworded its condition; 1.9.0 to 1.12.0 run it from their own classes.</summary>
    [Fact, Fires("SUI-009"), Edge("SUI-009")]
    public void Evaluate_Sui009ThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge() =>
        AssertRuleReworded1_13_0("SUI-009", nameof(Evaluate_Sui009ThatRuleSet1_13_0Reworded_FiresAndNotAtItsEdge));

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
