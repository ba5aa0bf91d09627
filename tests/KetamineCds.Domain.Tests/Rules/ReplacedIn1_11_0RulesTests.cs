using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rules rule set 1.11.0 replaced whose details sent the clinician to a repository file (QA137 F5;
/// docs/clinical-review.md, section 19), as every release from 1.0.0 to 1.10.0 has them: SUI-003 and AGE-003. Declared once,
/// each release's class inherits the tests and runs them with its own rule set. CV-003, CV-006, CV-007 and SUB-001, whose
/// details named docs/rules.md from 1.1.0 on, are tested through <see cref="AssertRuleReplacedIn1_11_0SinceRuleSet1_1_0"/>
/// in the classes of the releases 1.1.0 to 1.10.0. It derives from <see cref="ReplacedIn1_12_0RulesTests"/>, whose rule these
/// releases have too.
/// </summary>
public abstract class ReplacedIn1_11_0RulesTests : ReplacedIn1_12_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    [Fact, Fires("SUI-003"), Edge("SUI-003")]
    public void Evaluate_PassiveIdeationWithoutSafetyPlan_FiresSui003WithItsReleasedDetailAndNotWithAPlan()
    {
        var f = AssertFires("SUI-003", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = false });
        Assert.Contains("docs/rules.md", f.Detail, StringComparison.Ordinal);
        AssertDoesNotFire("SUI-003", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = true });
    }

    [Fact, Fires("AGE-003"), Edge("AGE-003")]
    public void Evaluate_EuTrdAged65_FiresAge003WithItsReleasedDetailAndNotAt64()
    {
        var f = AssertFires("AGE-003", Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 65 });
        Assert.Contains("docs/rules.md", f.Detail, StringComparison.Ordinal);
        AssertDoesNotFire("AGE-003", Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 64 });
    }

    /// <summary>
    /// CV-003, CV-006, CV-007 or SUB-001 as 1.1.0 to 1.10.0 have it: fires, with the detail that names docs/rules.md, and not
    /// at its edge. Called from a test declared in a class of those releases only (1.0.0 has none of the three CV rules, and
    /// its SUB-001, a caution, named no file).
    /// </summary>
    protected void AssertRuleReplacedIn1_11_0SinceRuleSet1_1_0(string ruleId, string test)
    {
        var (fires, edge) = ruleId switch
        {
            "CV-003" => (Trd() with { SystolicBp = 180, DiastolicBp = 100 }, Trd() with { SystolicBp = 179, DiastolicBp = 109 }),
            "CV-006" => (Trd() with { RecentMyocardialInfarctionOrStroke = true }, Trd() with { RecentMyocardialInfarctionOrStroke = false }),
            "CV-007" => (Trd() with { RespiratoryDiseaseOrSleepApnea = true }, Trd() with { RespiratoryDiseaseOrSleepApnea = false }),
            "SUB-001" => (Trd() with { SubstanceUse = SubstanceUse.Active }, Trd() with { SubstanceUse = SubstanceUse.InRemission }),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a rule 1.11.0 replaced that 1.1.0 to 1.10.0 have"),
        };
        var f = AssertFires(ruleId, fires, test);
        Assert.Contains("docs/rules.md", f.Detail, StringComparison.Ordinal);
        AssertDoesNotFire(ruleId, edge, test);
    }
}
