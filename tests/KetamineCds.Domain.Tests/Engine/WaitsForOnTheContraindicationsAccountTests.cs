using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Completeness;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// Helper 315: what a completeness rule waits for on the contraindications' account
/// (<see cref="PathwayCompleteness.WaitsForOnTheContraindicationsAccount"/>), apart from the items its pathway asks for itself:
/// what the Contraindications section of the result page reads to tell a question that could give a contraindication from one
/// that decides whether a pathway applies.
/// </summary>
public class WaitsForOnTheContraindicationsAccountTests
{
    private static IEnumerable<(RuleSet RuleSet, PathwayCompleteness Rule)> CompletenessRules() =>
        from ruleSet in RuleSetCatalog.All
        from pathway in ruleSet.Pathways
        where pathway.CompletenessRuleId is not null
        select (ruleSet, (PathwayCompleteness)ruleSet[pathway.CompletenessRuleId!].AsDefined);

    [Fact]
    public void EveryReleasedCompletenessRule_WaitsOnTheirAccountForEveryFieldOfTheContraindicationsItWaitsFor()
    {
        var rules = CompletenessRules().ToList();
        Assert.NotEmpty(rules);
        foreach (var (ruleSet, rule) in rules)
        {
            var blockers = ruleSet.Rules.Where(r => r.Kind == FindingKind.Contraindication && r.Condition.FieldsRead().Any(f => f.NotRecorded == NotRecordedMeans.CanBlock));
            Assert.Superset(blockers.SelectMany(r => r.Condition.FieldsRead()).ToHashSet(), rule.WaitsForOnTheContraindicationsAccount.ToHashSet());
        }
    }

    [Fact]
    public void Rec005_TheLifeLimitingIllness_IsAnItemOfItsOwnNeverWaitedForOnTheirAccount()
    {
        foreach (var (ruleSet, rule) in CompletenessRules().Where(r => r.Rule.Id == "REC-005"))
        {
            Assert.DoesNotContain(Fields.LifeLimitingIllness, rule.WaitsForOnTheContraindicationsAccount);
        }

        // Yet REC-005 reads it, and from 1.16.0 waits for it (an item of its own).
        Assert.Contains(Fields.LifeLimitingIllness, RuleSetCatalog.Current["REC-005"].Condition.FieldsRead());
    }

    [Fact]
    public void TheItem9Assessment_IsWaitedForOnTheirAccountFrom1_8_0()
    {
        foreach (var (ruleSet, rule) in CompletenessRules())
        {
            var from180 = new Version(ruleSet.Version) >= new Version(1, 8, 0);
            Assert.Equal(from180, rule.WaitsForOnTheContraindicationsAccount.Contains(Fields.SuicideRiskAssessedAfterItem9));
        }
    }

    [Fact]
    public void Rec002_SuicidalIntent_IsWaitedForOnTheirAccountOnlyWhileAContraindicationReadsIt()
    {
        Assert.Contains(Fields.SuicidalIntent, ((PathwayCompleteness)RuleSetCatalog.Current["REC-002"].AsDefined).WaitsForOnTheContraindicationsAccount);

        // A hypothetical version, never released: the current set without SUI-009, the one contraindication reading the intent.
        var without = RuleSetCatalog.Current.Next("99.0.0", remove: ["SUI-009"]);
        var hypothetical = without.Next("99.0.0", replace: [.. PathwayCompleteness.WaitingForContraindicationsOf(without)]);
        var rec002 = (PathwayCompleteness)hypothetical["REC-002"].AsDefined;
        Assert.DoesNotContain(Fields.SuicidalIntent, rec002.WaitsForOnTheContraindicationsAccount);
        Assert.Contains(Fields.SuicidalIntent, rec002.Condition.FieldsRead());
    }
}
