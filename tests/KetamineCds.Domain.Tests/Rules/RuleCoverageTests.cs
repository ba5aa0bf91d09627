using System.Reflection;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Keeps the per-rule tests honest: every rule of the current catalogue has a test that fires it and a test at the
/// edge where it just does not, in the test class of its topic. Adding a rule without both tests fails here. Every rule
/// of an earlier release whose definition the current set no longer has (replaced or removed) keeps both tests too, in
/// the class that evaluates with that release, so that the release stays covered as long as it can be replayed. A test
/// declared once in an abstract base class (such as <see cref="ReplacedIn1_5_0RulesTests"/>) counts for every concrete
/// class that inherits it, with the rule set of that class: xUnit runs it in each of them.
/// </summary>
public class RuleCoverageTests
{
    /// <summary>
    /// Every rule test method of every concrete test class, the ones it declares and the ones it inherits from an abstract
    /// test class between it and <see cref="RuleTestBase"/>, with that concrete class and the rule set it evaluates with.
    /// </summary>
    private static readonly (Type Class, MethodInfo Method, RuleSet RuleSet)[] TestMethods = typeof(RuleCoverageTests).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(RuleTestBase).IsAssignableFrom(t))
        .SelectMany(t =>
        {
            var ruleSet = ((RuleTestBase)Activator.CreateInstance(t)!).RuleSet;
            return t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.DeclaringType != typeof(RuleTestBase) && typeof(RuleTestBase).IsAssignableFrom(m.DeclaringType))
                .Select(m => (t, m, ruleSet));
        })
        .ToArray();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleSetCatalog.Current.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    /// <summary>
    /// The rules of each earlier release that the current set does not have with the same definition. One that differs
    /// only in the pathways it concerns (1.7.0's five label cautions) fires exactly as the current one, whose fire and edge
    /// tests therefore cover it; what each concerns is tested in CautionConcernsTests.
    /// </summary>
    public static TheoryData<string, string> EarlierOnlyRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var (version, ruleId) in EarlierOnly(RuleSetCatalog.Current, RuleSetCatalog.All))
        {
            data.Add(version, ruleId);
        }

        return data;
    }

    /// <summary>
    /// The (version, rule id) of each release before <paramref name="current"/> whose rule's definition, without the
    /// pathways it concerns, <paramref name="current"/> does not have. Both sides are compared without them (QA121 F7: the
    /// earlier side was compared with them, so a next release listed 1.7.0's scoped cautions it never touched).
    /// </summary>
    private static IEnumerable<(string Version, string RuleId)> EarlierOnly(RuleSet current, IEnumerable<RuleSet> releases)
    {
        var definitions = current.Rules.Select(r => WithoutConcerns(r.CanonicalDefinition())).ToHashSet(StringComparer.Ordinal);
        return from ruleSet in releases.Where(r => r != current)
               from rule in ruleSet.Rules
               where !definitions.Contains(WithoutConcerns(rule.CanonicalDefinition()))
               select (ruleSet.Version, rule.Id);
    }

    [Fact]
    public void EarlierOnly_ANextReleaseThatChangesNothing_ListsNoRuleOfTheReleaseBeforeIt()
    {
        // The next release, declared as the current one with nothing changed: none of the current set's rules (1.7.0's
        // scoped cautions among them) becomes "earlier only", and the earlier releases' rows stay what they are today.
        var parts = RuleSetCatalog.Current.Version.Split('.');
        var next = RuleSetCatalog.Current.Next($"{parts[0]}.{int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 1}.0");

        var rows = EarlierOnly(next, [.. RuleSetCatalog.All, next]).ToArray();

        Assert.DoesNotContain(rows, r => r.Version == RuleSetCatalog.Current.Version);
        Assert.Equal(EarlierOnly(RuleSetCatalog.Current, RuleSetCatalog.All), rows);
    }

    private static string WithoutConcerns(string definition) =>
        definition.LastIndexOf("|concerns=", StringComparison.Ordinal) is var at and >= 0 ? definition[..at] : definition;

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Catalogue_EveryRule_HasAFireTestInItsTopicClass(string ruleId) =>
        AssertCovered<FiresAttribute>(RuleSetCatalog.Current, ruleId, a => a.RuleId);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Catalogue_EveryRule_HasAnEdgeTestInItsTopicClass(string ruleId) =>
        AssertCovered<EdgeAttribute>(RuleSetCatalog.Current, ruleId, a => a.RuleId);

    [Theory]
    [MemberData(nameof(EarlierOnlyRules))]
    public void EarlierRelease_EveryRuleNotInTheCurrentSet_HasAFireTestInItsReleaseClass(string version, string ruleId) =>
        AssertCovered<FiresAttribute>(RuleSetCatalog.Find(version)!, ruleId, a => a.RuleId);

    [Theory]
    [MemberData(nameof(EarlierOnlyRules))]
    public void EarlierRelease_EveryRuleNotInTheCurrentSet_HasAnEdgeTestInItsReleaseClass(string version, string ruleId) =>
        AssertCovered<EdgeAttribute>(RuleSetCatalog.Find(version)!, ruleId, a => a.RuleId);

    [Fact]
    public void EarlierRelease_1_0_0_HasRulesTheCurrentSetReplacedOrRemoved()
    {
        // Guards the theory above against running over nothing.
        var rows = EarlierOnlyRules().Select(r => (string)r[1]).ToArray();
        Assert.Contains("BIP-007", rows);
        Assert.Contains("SUB-001", rows);
        Assert.DoesNotContain("VAS-001", rows);
    }

    [Fact]
    public void RuleTests_EveryDeclaredRuleId_IsInTheRuleSetItsClassEvaluates()
    {
        var unknown = TestMethods
            .SelectMany(t => t.Method.GetCustomAttributes<FiresAttribute>().Select(a => a.RuleId)
                .Concat(t.Method.GetCustomAttributes<EdgeAttribute>().Select(a => a.RuleId))
                .Where(id => t.RuleSet.Find(id) is null)
                .Select(id => $"{t.Class.Name}.{t.Method.Name}: {id} (rule set {t.RuleSet.Version})"));
        Assert.Empty(unknown);
    }

    [Fact]
    public void RuleTests_EveryMethodWithARuleAttribute_IsATest()
    {
        var notTests = TestMethods
            .Where(t => t.Method.IsDefined(typeof(FiresAttribute)) || t.Method.IsDefined(typeof(EdgeAttribute)))
            .Where(t => !t.Method.IsDefined(typeof(FactAttribute)))
            .Select(t => t.Class.Name + "." + t.Method.Name);
        Assert.Empty(notTests);
    }

    [Fact]
    public void RuleTests_TheoriesOverRuleIds_RunEveryDeclaredRule()
    {
        // A theory that takes the rule id as data must have a data row for each rule it declares, and no other.
        foreach (var (testClass, m, _) in TestMethods.Where(t => t.Method.GetParameters().FirstOrDefault()?.Name == "ruleId"))
        {
            var rows = m.GetCustomAttributes<Xunit.Sdk.DataAttribute>()
                .SelectMany(d => d.GetData(m))
                .Select(row => (string)row[0])
                .ToHashSet(StringComparer.Ordinal);
            var declared = m.GetCustomAttributes<FiresAttribute>().Select(a => a.RuleId)
                .Concat(m.GetCustomAttributes<EdgeAttribute>().Select(a => a.RuleId))
                .ToHashSet(StringComparer.Ordinal);
            Assert.True(rows.SetEquals(declared), $"{testClass.Name}.{m.Name}: rows [{string.Join(", ", rows)}] vs declared [{string.Join(", ", declared)}]");
        }
    }

    /// <summary>
    /// The rule has a test with the attribute among the classes that evaluate with this rule set: for the current set
    /// in the class of the rule's topic, for an earlier release in that release's class (declared there or inherited).
    /// </summary>
    private static void AssertCovered<TAttribute>(RuleSet ruleSet, string ruleId, Func<TAttribute, string> id)
        where TAttribute : Attribute
    {
        var rule = ruleSet.Find(ruleId)!;
        var expectedClass = ruleSet == RuleSetCatalog.Current ? rule.Topic + "RulesTests" : "RuleSet" + ruleSet.Version.Replace('.', '_') + "RulesTests";
        var tests = TestMethods
            .Where(t => t.RuleSet == ruleSet && t.Method.GetCustomAttributes<TAttribute>().Any(a => id(a) == ruleId))
            .ToArray();
        Assert.True(tests.Length > 0, $"{ruleId} ({rule.GetType().Name}) of rule set {ruleSet.Version} has no [{typeof(TAttribute).Name}] test; add one to {expectedClass}.");
        Assert.All(tests, t => Assert.Equal(expectedClass, t.Class.Name));
    }
}
