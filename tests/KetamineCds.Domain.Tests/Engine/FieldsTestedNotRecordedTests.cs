using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// <see cref="KetamineCds.Domain.Rules.Conditions.Condition.FieldsTestedNotRecorded"/> finds the tests "the field is not recorded" in a condition's
/// tree (helper 286: the CDS Hooks incomplete card found CV-004 and HEP-003 by the text <c>(field is not recorded)</c> in
/// the canonical condition). It says what that text says for every rule of every released rule set, and nothing of a test
/// that also holds for a recorded value.
/// </summary>
public class FieldsTestedNotRecordedTests
{
    [Fact]
    public void FieldsTestedNotRecorded_EveryRuleOfEveryRuleSet_AgreesWithTheCanonicalText()
    {
        var checkedTests = 0;
        foreach (var ruleSet in RuleSetCatalog.All)
        {
            foreach (var rule in ruleSet.Rules)
            {
                var canonical = rule.Condition.Canonical;
                var byText = Fields.All.Where(f => canonical.Contains("(" + f.Name + " is not recorded)", StringComparison.Ordinal)).Select(f => f.Name).Order(StringComparer.Ordinal);
                var byStructure = rule.Condition.FieldsTestedNotRecorded().Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
                Assert.True(byText.SequenceEqual(byStructure), $"{ruleSet.Version} {rule.Id}: text {string.Join(", ", byText)}; structure {string.Join(", ", byStructure)}");
                checkedTests += byStructure.Count;
            }
        }

        // The catalogue holds such tests (CV-004, HEP-003, the completeness rules): the comparison is not vacuous.
        Assert.True(checkedTests > 10, checkedTests.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FieldsTestedNotRecorded_Cv004_NamesBothBloodPressuresAndNotTheHepaticStatus()
    {
        // Its indication tests some answers not recorded too (an indication not yet ruled out), in tree order before them.
        var names = RuleSetCatalog.Current["CV-004"].Condition.FieldsTestedNotRecorded().Select(f => f.Name).ToList();

        Assert.Equal(["systolicBp", "diastolicBp"], names[^2..]);
        Assert.DoesNotContain("hepaticImpairment", names);
        Assert.Equal(["hepaticImpairment"], RuleSetCatalog.Current["HEP-003"].Condition.FieldsTestedNotRecorded().Select(f => f.Name).Where(n => n is "hepaticImpairment" or "systolicBp" or "diastolicBp"));
    }

    [Fact]
    public void FieldsTestedNotRecorded_TestsThatAlsoHoldForARecordedValue_NameNothing()
    {
        var condition = All(BelowOrNotRecorded(Fields.Phq9Item9, 1), NotTrue(Fields.SafetyPlanInPlace), AtLeast(Fields.SystolicBp, 180), RecordedTrue(Fields.FollowUpArranged));

        Assert.Empty(condition.FieldsTestedNotRecorded());
        Assert.Equal(4, condition.FieldsRead().Count);
    }

    [Fact]
    public void FieldsTestedNotRecorded_NestedAndRepeated_EachFieldOnceInTreeOrder()
    {
        var condition = Any(All(AtLeast(Fields.SystolicBp, 180), NotRecorded(Fields.HepaticImpairment)), Not(NotRecorded(Fields.DiastolicBp)), NotRecorded(Fields.HepaticImpairment));

        Assert.Equal(["hepaticImpairment", "diastolicBp"], condition.FieldsTestedNotRecorded().Select(f => f.Name));
    }
}
