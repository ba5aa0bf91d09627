using System.Reflection;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Keeps the per-rule tests honest: every rule of the current catalogue has a test that fires it and a test at the
/// edge where it just does not, in the test class of its topic. Adding a rule without both tests fails here. Every rule
/// of an earlier release whose definition the current set no longer has (replaced or removed) keeps both too, so that
/// the release stays covered as long as it can be replayed: its definition has one case in <see cref="EarlierRuleCases"/>,
/// which <see cref="EarlierReleaseRulesTests"/> runs with every release that has it; a case that is no such definition
/// fails here too.
/// </summary>
public class RuleCoverageTests
{
    /// <summary>
    /// Every rule test method of every concrete test class, the ones it declares and the ones it inherits from an abstract
    /// test class between it and <see cref="RuleTestBase"/>, with that concrete class. They all evaluate the current set.
    /// </summary>
    private static readonly (Type Class, MethodInfo Method)[] TestMethods = typeof(RuleCoverageTests).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(RuleTestBase).IsAssignableFrom(t))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType != typeof(RuleTestBase) && typeof(RuleTestBase).IsAssignableFrom(m.DeclaringType))
            .Select(m => (t, m)))
        .ToArray();

    /// <summary>Each (case, release) that <see cref="EarlierReleaseRulesTests"/> runs.</summary>
    private static readonly (string Definition, string Release)[] EarlierDefinitionRuns =
        [.. EarlierReleaseRulesTests.DefinitionsByRelease().Select(row => ((string)row[0], (string)row[1]))];

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

    /// <summary>The name of each case of <see cref="EarlierRuleCases"/>.</summary>
    public static TheoryData<string> EarlierDefinitionCases()
    {
        var data = new TheoryData<string>();
        foreach (var definition in EarlierRuleCases.All)
        {
            data.Add(definition.Name);
        }

        return data;
    }

    /// <summary>
    /// The (version, rule id) of each release before <paramref name="current"/> whose rule's definition, without the
    /// pathways it concerns (<see cref="EarlierDefinition.Of"/>), <paramref name="current"/> does not have. Both sides are
    /// compared without them (QA121 F7: the earlier side was compared with them, so a next release listed 1.7.0's scoped
    /// cautions it never touched).
    /// </summary>
    private static IEnumerable<(string Version, string RuleId)> EarlierOnly(RuleSet current, IEnumerable<RuleSet> releases)
    {
        var definitions = current.Rules.Select(EarlierDefinition.Of).ToHashSet(StringComparer.Ordinal);
        return from ruleSet in releases.Where(r => r != current)
               from rule in ruleSet.Rules
               where !definitions.Contains(EarlierDefinition.Of(rule))
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
    public void EarlierRelease_EveryRuleNotInTheCurrentSet_HasTheCaseOfItsDefinition(string version, string ruleId)
    {
        var rule = RuleSetCatalog.Find(version)![ruleId];
        var definition = EarlierDefinition.Of(rule);
        var first = RuleSetCatalog.All.First(r => r.Find(ruleId) is { } earlier && EarlierDefinition.Of(earlier) == definition);
        var cases = EarlierRuleCases.All.Where(c => c.RuleId == ruleId && c.Definition == definition).ToArray();
        Assert.True(
            cases.Length > 0,
            $"{ruleId} ({rule.AsDefined.GetType().Name}) of rule set {version} has no case for its definition, first released in {first.Version}; add one to "
            + $"tests/KetamineCds.Domain.Tests/Rules/EarlierRuleCases.cs: new EarlierDefinition(\"{ruleId}\", \"{first.Version}\").Fires(history).Edge(history).");
        Assert.True(cases.Length == 1, $"{ruleId} of rule set {version} has {cases.Length} cases for one definition ({string.Join(", ", cases.Select(c => c.Name))}); declare it once.");
        Assert.NotEmpty(cases[0].FiringHistories);
        Assert.NotEmpty(cases[0].EdgeHistories);
        Assert.Contains((cases[0].Name, version), EarlierDefinitionRuns);
    }

    [Theory]
    [MemberData(nameof(EarlierDefinitionCases))]
    public void EarlierRuleCases_EveryCase_IsADefinitionOnlyEarlierReleasesHave(string name)
    {
        // No dead cases: each names a rule its release has, that release is the first with the definition, and the current
        // set no longer has it (if it does, the rule's topic class tests it).
        var @case = EarlierRuleCases.Named(name);
        var release = RuleSetCatalog.Find(@case.DefinedIn);
        Assert.True(release?.Find(@case.RuleId) is not null, $"{name}: rule set {@case.DefinedIn} has no rule {@case.RuleId}; no release runs this case.");
        Assert.True(
            RuleSetCatalog.Current.Rules.All(r => EarlierDefinition.Of(r) != @case.Definition),
            $"{name}: the current rule set {RuleSetCatalog.Current.Version} has this definition, which its topic class tests; remove the case.");
        var first = @case.Releases[0];
        Assert.True(first == release, $"{name}: rule set {first.Version} has this definition already; name the first release that defines it ({@case.RuleId} of {first.Version}).");
    }

    [Fact]
    public void EarlierRelease_1_0_0_HasRulesTheCurrentSetReplacedOrRemoved()
    {
        // Guards the theories above against running over nothing.
        var rows = EarlierOnlyRules().Select(r => (string)r[1]).ToArray();
        Assert.Contains("BIP-007", rows);
        Assert.Contains("SUB-001", rows);
        Assert.DoesNotContain("VAS-001", rows);
        var runs = EarlierDefinitionRuns.Length;
        Assert.True(runs == rows.Length, $"The earlier definitions' cases run {runs} times, the earlier releases have {rows.Length} rules the current set does not: each should run once.");
    }

    [Fact]
    public void RuleTests_EveryDeclaredRuleId_IsInTheRuleSetItsClassEvaluates()
    {
        var unknown = TestMethods
            .SelectMany(t => t.Method.GetCustomAttributes<FiresAttribute>().Select(a => a.RuleId)
                .Concat(t.Method.GetCustomAttributes<EdgeAttribute>().Select(a => a.RuleId))
                .Where(id => RuleSetCatalog.Current.Find(id) is null)
                .Select(id => $"{t.Class.Name}.{t.Method.Name}: {id} (rule set {RuleSetCatalog.Current.Version})"));
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
        foreach (var (testClass, m) in TestMethods.Where(t => t.Method.GetParameters().FirstOrDefault()?.Name == "ruleId"))
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

    /// <summary>The rule of the current set has a test with the attribute, in the class of the rule's topic.</summary>
    private static void AssertCovered<TAttribute>(RuleSet ruleSet, string ruleId, Func<TAttribute, string> id)
        where TAttribute : Attribute
    {
        var rule = ruleSet.Find(ruleId)!;
        var expectedClass = rule.Topic + "RulesTests";
        var tests = TestMethods
            .Where(t => t.Method.GetCustomAttributes<TAttribute>().Any(a => id(a) == ruleId))
            .ToArray();
        Assert.True(tests.Length > 0, $"{ruleId} ({rule.GetType().Name}) of rule set {ruleSet.Version} has no [{typeof(TAttribute).Name}] test; add one to {expectedClass}.");
        Assert.All(tests, t => Assert.Equal(expectedClass, t.Class.Name));
    }
}
