using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Every released rule set stays replayable, so every rule definition that only earlier releases have keeps a test that
/// fires it and one at its edge, evaluated with each release that has it: each case of <see cref="EarlierRuleCases"/> with
/// each of its releases, through the engine and on its own, as <see cref="RuleTestBase"/> asserts for the current set.
/// </summary>
public class EarlierReleaseRulesTests
{
    /// <summary>Each case with each release that has its definition: ("SUI-001 of 1.5.0", "1.6.0").</summary>
    public static TheoryData<string, string> DefinitionsByRelease()
    {
        var data = new TheoryData<string, string>();
        foreach (var definition in EarlierRuleCases.All)
        {
            foreach (var release in definition.Releases)
            {
                data.Add(definition.Name, release.Version);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefinitionsByRelease))]
    public void Evaluate_EarlierDefinition_FiresAndNotAtItsEdge(string definition, string release)
    {
        var @case = EarlierRuleCases.Named(definition);
        var ruleSet = RuleSetCatalog.Find(release)!;
        var rule = ruleSet[@case.RuleId];
        Assert.Equal(@case.Definition, EarlierDefinition.Of(rule));
        Assert.All(@case.Expectations, expect => expect(rule));

        foreach (var (history, checks) in @case.FiringHistories)
        {
            var finding = RuleTestBase.FiresIn(ruleSet, @case.RuleId, history);

            // What the case expects of the rule's words and citations holds of its finding too.
            Assert.Equal((rule.Summary, rule.Detail), (finding.Summary, finding.Detail));
            Assert.Equal(rule.Principles, finding.Principles);
            Assert.Equal(rule.Sources, finding.Sources);
            var assessment = ScreeningEngine.Evaluate(history, ruleSet);
            Assert.All(checks, check => check(finding, assessment));
        }

        foreach (var (history, checks) in @case.EdgeHistories)
        {
            RuleTestBase.DoesNotFireIn(ruleSet, @case.RuleId, history);
            var assessment = ScreeningEngine.Evaluate(history, ruleSet);
            Assert.All(checks, check => check(null, assessment));
        }
    }
}
