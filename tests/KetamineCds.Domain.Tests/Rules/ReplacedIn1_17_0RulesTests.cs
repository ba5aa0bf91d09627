using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rule rule set 1.17.0 replaced so that raised intraocular pressure left blank is never read as "no"
/// (docs/clinical-review.md, section 28): SAF-001, as the releases before it have it. SAF-001 is not in 1.0.0, so this class,
/// at the root of the chain, declares no test: the release classes call <see cref="AssertRuleReplaced1_17_0"/> from a test
/// that declares the rule (1.16.0's, the only definition no earlier release class tests already). SUI-012, reworded in 1.17.0,
/// likewise: <see cref="AssertSui012AsReleasedBefore1_17_0"/>.
/// </summary>
public abstract class ReplacedIn1_17_0RulesTests : ReplacedIn1_18_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    /// <summary>
    /// SAF-001 as the releases before 1.17.0 have it: it fires for TRD with the other safety history not recorded, and not for
    /// TRD with every care item recorded but raised intraocular pressure, which it does not read.
    /// </summary>
    protected void AssertRuleReplaced1_17_0(string ruleId, string test)
    {
        Assert.Equal("SAF-001", ruleId);
        Assert.DoesNotContain("intraocular", RuleSet[ruleId].ConditionText + RuleSet[ruleId].Detail, StringComparison.Ordinal);
        AssertFires(ruleId, Trd(), test);
        AssertDoesNotFire(ruleId, Trd().WithCareItemsRecorded() with { Breastfeeding = false, LifeLimitingIllness = false, RaisedIntraocularPressure = null }, test);
    }

    /// <summary>
    /// SUI-012 as released in 1.1.0 to 1.16.0, before 1.17.0 reworded it (Question C; only its words changed): it fires for
    /// active ideation with intent not recorded, and not once intent and preparatory acts are recorded. Called from a test
    /// declared in each branch that has it (SUI-012 is not in 1.0.0).
    /// </summary>
    protected void AssertSui012AsReleasedBefore1_17_0(string test)
    {
        Assert.StartsWith("Suicide risk not fully assessed: record intent,", RuleSet["SUI-012"].Summary, StringComparison.Ordinal);
        AssertFires("SUI-012", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = null, PreparatoryActsOrAbortedAttempt = false }, test);
        AssertDoesNotFire("SUI-012", Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = false, PreparatoryActsOrAbortedAttempt = false }, test);
    }
}
