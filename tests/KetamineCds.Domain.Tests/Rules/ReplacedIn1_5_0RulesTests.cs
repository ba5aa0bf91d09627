using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rules rule set 1.5.0 replaced (docs/clinical-review.md, section 13), declared once for the releases 1.1.0 to 1.4.0
/// that all have them: each release's class inherits the theory and runs it with its own rule set, and
/// <see cref="RuleCoverageTests"/> counts the declaration for each of those classes. Rule set 1.0.0 has only some of
/// these rules, so its class keeps its own theory.
/// </summary>
public abstract class ReplacedIn1_5_0RulesTests : ReplacedIn1_8_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    [Theory]
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("SUI-002"), Edge("SUI-002")]
    [Fires("SUI-008"), Edge("SUI-008")]
    [Fires("REC-002"), Edge("REC-002")]
    [Fires("REMS-001"), Edge("REMS-001")]
    [Fires("REMS-002"), Edge("REMS-002")]
    [Fires("REMS-003"), Edge("REMS-003")]
    [Fires("REMS-004"), Edge("REMS-004")]
    [Fires("BIO-001"), Edge("BIO-001")]
    [Fires("CV-004"), Edge("CV-004")]
    [Fires("HEP-003"), Edge("HEP-003")]
    [Fires("MED-005"), Edge("MED-005")]
    [Fires("SAF-001"), Edge("SAF-001")]
    [Fires("SUB-003"), Edge("SUB-003")]
    [Fires("NAL-001"), Edge("NAL-001")]
    [Fires("COG-001"), Edge("COG-001")]
    [Fires("BIP-004"), Edge("BIP-004")]
    [Fires("SCR-001"), Edge("SCR-001")]
    [Fires("URO-001"), Edge("URO-001")]
    [InlineData("SUI-001")]
    [InlineData("SUI-002")]
    [InlineData("SUI-008")]
    [InlineData("REC-002")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    [InlineData("BIO-001")]
    [InlineData("CV-004")]
    [InlineData("HEP-003")]
    [InlineData("MED-005")]
    [InlineData("SAF-001")]
    [InlineData("SUB-003")]
    [InlineData("NAL-001")]
    [InlineData("COG-001")]
    [InlineData("BIP-004")]
    [InlineData("SCR-001")]
    [InlineData("URO-001")]
    public void Evaluate_RuleThatRuleSet1_5_0Replaced_FiresAndNotAtItsEdge(string ruleId)
    {
        // Rule set 1.5.0 (docs/clinical-review.md, section 13) replaced these; the release of the derived class keeps them
        // as they were. For the rules that read the suicidal-ideation indication, the edge is the audit's C2 history: not
        // indicated there.
        var (fires, edge) = ReplacedIn1_5_0.For(ruleId);
        AssertFires(ruleId, fires);
        AssertDoesNotFire(ruleId, edge);
    }
}
