using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rules rule set 1.18.0 replaced (docs/clinical-review.md, section 30, Questions E and F of section 24), as the releases
/// before it have them. BIP-001 and INV-001, in every release since 1.0.0, are tested here, at the root of the chain, so in
/// every release class. MED-001, MED-004, MED-005 and NAL-002, only reworded, are not all in 1.0.0 (nor is 1.0.0's MED-001
/// this definition): <see cref="AssertRewordedIn1_18_0"/> holds their checks, called from a test declared in each branch
/// that has them (1.1.0 to 1.17.0), as <see cref="ReplacedIn1_17_0RulesTests"/> does for SUI-012.
/// </summary>
public abstract class ReplacedIn1_18_0RulesTests : RuleTestBase
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    [Fact, Fires("BIP-001"), Edge("BIP-001")]
    public void Evaluate_Bip001AsReleasedBefore1_18_0_FiresWithoutTheRemsSentenceAndNotAtItsEdge()
    {
        var f = AssertFires("BIP-001", BipolarDepression(), nameof(Evaluate_Bip001AsReleasedBefore1_18_0_FiresWithoutTheRemsSentenceAndNotAtItsEdge));
        Assert.EndsWith("The source document frames it as a short-term bridge.", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("SPRAVATO-REMS", f.Sources);
        AssertDoesNotFire("BIP-001", BipolarDepression() with { CurrentDepressiveEpisode = false }, nameof(Evaluate_Bip001AsReleasedBefore1_18_0_FiresWithoutTheRemsSentenceAndNotAtItsEdge));
    }

    [Fact, Fires("INV-001"), Edge("INV-001")]
    public void Evaluate_Inv001AsReleasedBefore1_18_0_FiresWithoutTheRemsSentenceAndNotAtItsEdge()
    {
        var f = AssertFires("INV-001", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd }, nameof(Evaluate_Inv001AsReleasedBefore1_18_0_FiresWithoutTheRemsSentenceAndNotAtItsEdge));
        Assert.EndsWith("Neither is an approved indication.", f.Detail, StringComparison.Ordinal);
        Assert.Empty(f.Sources);
        AssertDoesNotFire("INV-001", Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Other }, nameof(Evaluate_Inv001AsReleasedBefore1_18_0_FiresWithoutTheRemsSentenceAndNotAtItsEdge));
    }

    /// <summary>
    /// MED-001, MED-004, MED-005 and NAL-002 as released before 1.18.0 reworded them (Question F; only their words changed):
    /// each names "the REMS monitoring form", fires, and does not at its edge.
    /// </summary>
    protected void AssertRewordedIn1_18_0(string ruleId, string test)
    {
        var rule = RuleSet[ruleId];
        Assert.Contains("REMS monitoring form", rule.Summary + rule.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("for esketamine in the US", rule.Summary + rule.Detail, StringComparison.Ordinal);
        var (fires, edge) = ruleId switch
        {
            "MED-001" => (Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m }, Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m }),
            "MED-004" => (Trd() with { OtherCnsDepressants = true }, Trd() with { OtherCnsDepressants = false }),
            "MED-005" => (Trd() with { OtherCnsDepressants = null }, Trd() with { OnOpioids = false, OnNaltrexone = false, BenzodiazepineDiazepamEquivalentMg = 0m, OnPsychostimulantOrMaoi = false, OtherCnsDepressants = false }),
            "NAL-002" => (Trd() with { OnOpioids = true, OnNaltrexone = true }, Trd() with { OnOpioids = false, OnNaltrexone = true }),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not reworded in 1.18.0"),
        };
        AssertFires(ruleId, fires, test);
        AssertDoesNotFire(ruleId, edge, test);
    }
}
