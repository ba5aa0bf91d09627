using System.Reflection;
using System.Runtime.CompilerServices;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Rules;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>
/// Base of the per-topic rule tests. The assertions check that the calling test declares the rule it exercises
/// ([Fires] or [Edge]), so that the coverage meta-test counts only tests that really fire, or really stop at the
/// edge of, the rule they name.
/// </summary>
public abstract class RuleTestBase
{
    /// <summary>
    /// The rule set the class tests: the current one. The definitions only earlier releases have are tested with their
    /// releases in <see cref="EarlierReleaseRulesTests"/>, from the cases in <see cref="EarlierRuleCases"/>.
    /// </summary>
    public static RuleSet RuleSet => RuleSetCatalog.Current;

    /// <summary>Asserts the rule fires for the history, through the engine and on its own, and returns its finding.</summary>
    protected Finding AssertFires(string ruleId, PatientHistory history, [CallerMemberName] string test = "")
    {
        RequireDeclared<FiresAttribute>(test, ruleId, a => a.RuleId);
        return FiresIn(RuleSet, ruleId, history);
    }

    /// <summary>Asserts the rule does not fire for the history, through the engine and on its own.</summary>
    protected void AssertDoesNotFire(string ruleId, PatientHistory history, [CallerMemberName] string test = "")
    {
        RequireDeclared<EdgeAttribute>(test, ruleId, a => a.RuleId);
        DoesNotFireIn(RuleSet, ruleId, history);
    }

    /// <summary>
    /// What <see cref="AssertFires"/> checks, with the rule set given: the rule fires for the history, through the engine
    /// and on its own, with its kind, its severity and a because; returns its finding. <see cref="EarlierReleaseRulesTests"/>
    /// calls it with an earlier release, for a rule its case declares instead of an attribute.
    /// </summary>
    internal static Finding FiresIn(RuleSet ruleSet, string ruleId, PatientHistory history)
    {
        var rule = ruleSet.Find(ruleId);
        Assert.True(rule is not null, $"{ruleId} is not in rule set {ruleSet.Version}.");
        Assert.NotNull(rule.Evaluate(history));

        var assessment = ScreeningEngine.Evaluate(history, ruleSet);
        var finding = assessment.Findings.SingleOrDefault(f => f.RuleId == ruleId);
        Assert.True(finding is not null, $"{ruleId} did not fire; fired: {string.Join(", ", assessment.Findings.Select(f => f.RuleId))}");
        Assert.Equal(rule.Kind, finding.Kind);
        Assert.Equal(rule.Severity, finding.Severity);
        Assert.NotEmpty(finding.Because);
        return finding;
    }

    /// <summary>What <see cref="AssertDoesNotFire"/> checks, with the rule set given: the rule does not fire, through the engine and on its own.</summary>
    internal static void DoesNotFireIn(RuleSet ruleSet, string ruleId, PatientHistory history)
    {
        var rule = ruleSet.Find(ruleId);
        Assert.True(rule is not null, $"{ruleId} is not in rule set {ruleSet.Version}.");
        Assert.Null(rule.Evaluate(history));
        Assert.DoesNotContain(ScreeningEngine.Evaluate(history, ruleSet).Findings, f => f.RuleId == ruleId);
    }

    /// <summary>Asserts a finding's because names the field with the value, as the contract spells them.</summary>
    protected static void AssertBecause(Finding finding, string field, string value) =>
        Assert.Contains(new Evidence(field, value), finding.Because);

    private void RequireDeclared<TAttribute>(string test, string ruleId, Func<TAttribute, string> id)
        where TAttribute : Attribute
    {
        var method = GetType().GetMethod(test, BindingFlags.Public | BindingFlags.Instance);
        Assert.True(method is not null, $"Test method {test} not found on {GetType().Name}.");
        Assert.True(
            method.GetCustomAttributes<TAttribute>().Any(a => id(a) == ruleId),
            $"{GetType().Name}.{test} asserts on {ruleId} but does not declare [{typeof(TAttribute).Name.Replace("Attribute", "", StringComparison.Ordinal)}(\"{ruleId}\")].");
    }
}
