using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// A released rule reworded (<see cref="Rule.Reworded"/>, from rule set 1.11.0): the same rule as its original in every
/// respect, the inputs its findings name and its topic included, but for the texts given.
/// </summary>
public class RewordedRuleTests
{
    private static RuleSet Current => RuleSetCatalog.Current;

    /// <summary>A fixed sample of generated histories, the same on every run.</summary>
    private static readonly PatientHistory[] Sample = HistoryGenerators.Seeded(1000, 20261202UL);

    public static TheoryData<string> RuleIds() => [.. Current.Rules.Select(r => r.Id)];

    private static string Texts(string conditionText, string summary, string detail) =>
        "|condition=" + conditionText + "|summary=" + summary + "|detail=" + detail;

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Reworded_EveryText_KeepsEveryOtherPartOfTheDefinition(string ruleId)
    {
        var rule = Current[ruleId];
        var reworded = rule.Reworded(summary: "New summary.", detail: "New detail.", conditionText: "New condition.");

        Assert.Equal((rule.Id, rule.Kind, rule.Severity, rule.Topic), (reworded.Id, reworded.Kind, reworded.Severity, reworded.Topic));
        Assert.Equal(rule.Principles, reworded.Principles);
        Assert.Equal(rule.Sources, reworded.Sources);
        Assert.Same(rule.Condition, reworded.Condition);
        Assert.Equal(rule.Concerns, reworded.Concerns);
        Assert.Equal(("New condition.", "New summary.", "New detail."), (reworded.ConditionText, reworded.Summary, reworded.Detail));
        var before = Texts(rule.ConditionText, rule.Summary, rule.Detail);
        Assert.Contains(before, rule.CanonicalDefinition(), StringComparison.Ordinal);
        Assert.Equal(rule.CanonicalDefinition().Replace(before, Texts("New condition.", "New summary.", "New detail."), StringComparison.Ordinal), reworded.CanonicalDefinition());
    }

    [Fact]
    public void Reworded_OneText_KeepsTheOtherTwo()
    {
        var rule = Current["CV-007"];
        Assert.Equal((rule.ConditionText, rule.Summary, "New detail."), Texts(rule.Reworded(detail: "New detail.")));
        Assert.Equal((rule.ConditionText, "New summary.", rule.Detail), Texts(rule.Reworded(summary: "New summary.")));
        Assert.Equal(("New condition.", rule.Summary, rule.Detail), Texts(rule.Reworded(conditionText: "New condition.")));

        static (string, string, string) Texts(Rule r) => (r.ConditionText, r.Summary, r.Detail);
    }

    [Fact]
    public void Evaluate_AnyRuleReworded_FiresExactlyWhenItsOriginalDoesNamingTheSameInputs()
    {
        // Every rule of the current set, the completeness rules among them, which name only the unrecorded items as the
        // cause of their finding, not every input of their condition (PathwayCompleteness.Explain).
        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Current.Rules)
        {
            var reworded = rule.Reworded(summary: "New summary.", detail: "New detail.");
            foreach (var history in Sample)
            {
                var was = rule.Evaluate(history);
                var now = reworded.Evaluate(history);
                Assert.Equal(was is null, now is null);
                if (was is not null && now is not null)
                {
                    fired.Add(rule.Id);
                    Assert.Equal(was with { Summary = "New summary.", Detail = "New detail.", Principles = now.Principles, Sources = now.Sources, Because = now.Because }, now);
                    Assert.Equal(was.Principles, now.Principles);
                    Assert.Equal(was.Sources, now.Sources);
                    Assert.Equal(was.Because, now.Because);
                }
            }
        }

        // The sample reaches the completeness rules and most of the others, so the comparison above is not over nothing.
        Assert.All(Current.Pathways.Select(p => p.CompletenessRuleId!), id => Assert.Contains(id, fired));
        Assert.True(fired.Count > Current.Rules.Count * 3 / 4, $"only {fired.Count} of {Current.Rules.Count} rules fired in the sample");
    }

    [Fact]
    public void Topic_ARewordedRule_IsItsOriginalsFolder()
    {
        Assert.Equal("Suicide", new Domain.Rules.Suicide.SafetyPlanNeeded().Reworded(detail: "New detail.").Topic);
        Assert.Equal("Completeness", Current["REC-001"].Reworded(detail: "New detail.").Topic);
    }

    [Fact]
    public void Reworded_NoText_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Current["SUI-003"].Reworded());
        Assert.Contains("SUI-003", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("detail")]
    [InlineData("conditionText")]
    public void Reworded_ATextThatIsTheRulesOwn_IsRefusedEvenBesideANewOne(string text)
    {
        var rule = Current["AGE-003"];
        Assert.Throws<ArgumentException>(() => text switch
        {
            "summary" => rule.Reworded(summary: rule.Summary),
            "detail" => rule.Reworded(detail: rule.Detail),
            _ => rule.Reworded(conditionText: rule.ConditionText),
        });
        Assert.Throws<ArgumentException>(() => text switch
        {
            "summary" => rule.Reworded(summary: rule.Summary, detail: "New detail."),
            "detail" => rule.Reworded(detail: rule.Detail, summary: "New summary."),
            _ => rule.Reworded(conditionText: rule.ConditionText, detail: "New detail."),
        });
    }

    [Fact]
    public void Reworded_AgainWithAnotherText_KeepsTheFirstRewordingAndNamesTheRuleClassAsItsOriginal()
    {
        var rule = new Domain.Rules.Suicide.SafetyPlanNeeded();
        var twice = rule.Reworded(detail: "New detail.").Reworded(summary: "New summary.");
        Assert.Same(rule, twice.Original);
        Assert.Equal(("New summary.", "New detail.", rule.ConditionText), (twice.Summary, twice.Detail, twice.ConditionText));
        Assert.Throws<ArgumentException>(() => rule.Reworded(detail: "New detail.").Reworded(detail: "New detail."));
    }

    [Fact]
    public void Restated_KeepsEveryPartOfTheDefinitionButTheConditionAndItsWords()
    {
        // 1.14.0 restates HEP-003 to fire while the suicidal-ideation pathway cannot yet be ruled out.
        var released = RuleSetCatalog.V1_13_0["HEP-003"];
        var restated = Current["HEP-003"];
        Assert.IsType<RewordedRule>(restated);
        Assert.Same(released.AsDefined, restated.AsDefined);
        Assert.NotEqual(released.Condition.Canonical, restated.Condition.Canonical);
        Assert.NotEqual(released.ConditionText, restated.ConditionText);
        Assert.Equal((released.Id, released.Kind, released.Severity, released.Topic, released.Summary, released.Detail), (restated.Id, restated.Kind, restated.Severity, restated.Topic, restated.Summary, restated.Detail));
        Assert.Equal(released.Principles, restated.Principles);
        Assert.Equal(released.Sources, restated.Sources);
        Assert.Equal(released.Concerns, restated.Concerns);

        // Its findings name the inputs of its own condition, not the released one's.
        var history = Histories.SuicidalPathwayNotRuledOut();
        Assert.Null(released.Evaluate(history));
        Assert.Contains(restated.Evaluate(history)!.Because, e => e.Field == "suicidality");
    }

    [Fact]
    public void Reworded_ARestatedRule_KeepsTheRestatedCondition()
    {
        var restated = Current["CV-004"];
        var reworded = restated.Reworded(detail: "New detail.");
        Assert.Same(restated.Condition, reworded.Condition);
        Assert.Same(restated.AsDefined, reworded.AsDefined);
        Assert.Equal(("New detail.", restated.ConditionText), (reworded.Detail, reworded.ConditionText));
        Assert.All(Sample, h => Assert.Equal(restated.Evaluate(h)?.Because, reworded.Evaluate(h)?.Because));
    }

    [Fact]
    public void Restated_TheRulesOwnConditionOrWords_IsRefusedNamingTheRule()
    {
        var rule = RuleSetCatalog.V1_13_0["HEP-003"];
        var sameCondition = Assert.Throws<ArgumentException>(() => rule.Restated(rule.Condition, "New condition."));
        Assert.Contains("HEP-003", sameCondition.Message, StringComparison.Ordinal);

        // The same condition built anew is the same condition: it is told by its canonical form, not by the instance.
        var rebuilt = Domain.Rules.Conditions.Criteria.All(Domain.Rules.Indications.AnyIndicationWithRecentBehaviour, Domain.Rules.Conditions.Criteria.NotRecorded(Fields.HepaticImpairment));
        Assert.Equal(rule.Condition.Canonical, rebuilt.Canonical);
        Assert.Throws<ArgumentException>(() => rule.Restated(rebuilt, "New condition."));

        // A new condition keeps the rule's words only by mistake: its words must say what changed.
        Assert.Throws<ArgumentException>(() => rule.Restated(Current["HEP-003"].Condition, rule.ConditionText));
    }

    [Fact]
    public void RuleSet_ARuleIdItDoesNotHave_IsRefusedNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => RuleSetCatalog.V1_0_0["CV-003"]);
        Assert.Contains("CV-003", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.0.0", error.Message, StringComparison.Ordinal);
    }
}
