using System.Reflection;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Keeps the per-rule tests honest: every rule of the current catalogue has a test that fires it and a test at the
/// edge where it just does not, in the test class of its topic. Adding a rule without both tests fails here.
/// </summary>
public class RuleCoverageTests
{
    private static readonly MethodInfo[] TestMethods = typeof(RuleCoverageTests).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(RuleTestBase).IsAssignableFrom(t))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
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

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Catalogue_EveryRule_HasAFireTestInItsTopicClass(string ruleId) =>
        AssertCovered<FiresAttribute>(ruleId, a => a.RuleId);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Catalogue_EveryRule_HasAnEdgeTestInItsTopicClass(string ruleId) =>
        AssertCovered<EdgeAttribute>(ruleId, a => a.RuleId);

    [Fact]
    public void RuleTests_EveryDeclaredRuleId_IsInTheCatalogue()
    {
        var known = RuleSetCatalog.Current.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var declared = TestMethods
            .SelectMany(m => m.GetCustomAttributes<FiresAttribute>().Select(a => a.RuleId)
                .Concat(m.GetCustomAttributes<EdgeAttribute>().Select(a => a.RuleId)))
            .Distinct(StringComparer.Ordinal);
        Assert.All(declared, id => Assert.Contains(id, known));
    }

    [Fact]
    public void RuleTests_EveryMethodWithARuleAttribute_IsATest()
    {
        var notTests = TestMethods
            .Where(m => m.IsDefined(typeof(FiresAttribute)) || m.IsDefined(typeof(EdgeAttribute)))
            .Where(m => !m.IsDefined(typeof(FactAttribute)))
            .Select(m => m.DeclaringType!.Name + "." + m.Name);
        Assert.Empty(notTests);
    }

    [Fact]
    public void RuleTests_TheoriesOverRuleIds_RunEveryDeclaredRule()
    {
        // A theory that takes the rule id as data must have a data row for each rule it declares, and no other.
        foreach (var m in TestMethods.Where(m => m.GetParameters().FirstOrDefault()?.Name == "ruleId"))
        {
            var rows = m.GetCustomAttributes<InlineDataAttribute>()
                .Select(d => (string)d.GetData(m).Single()[0])
                .ToHashSet(StringComparer.Ordinal);
            var declared = m.GetCustomAttributes<FiresAttribute>().Select(a => a.RuleId)
                .Concat(m.GetCustomAttributes<EdgeAttribute>().Select(a => a.RuleId))
                .ToHashSet(StringComparer.Ordinal);
            Assert.True(rows.SetEquals(declared), $"{m.DeclaringType!.Name}.{m.Name}: rows [{string.Join(", ", rows)}] vs declared [{string.Join(", ", declared)}]");
        }
    }

    private static void AssertCovered<TAttribute>(string ruleId, Func<TAttribute, string> id)
        where TAttribute : Attribute
    {
        var rule = RuleSetCatalog.Current.Find(ruleId)!;
        var expectedClass = rule.Topic + "RulesTests";
        var tests = TestMethods.Where(m => m.GetCustomAttributes<TAttribute>().Any(a => id(a) == ruleId)).ToArray();
        Assert.True(tests.Length > 0, $"{ruleId} ({rule.GetType().Name}) has no [{typeof(TAttribute).Name}] test; add one to {expectedClass}.");
        Assert.All(tests, m => Assert.Equal(expectedClass, m.DeclaringType!.Name));
    }
}
