using FsCheck.Xunit;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// A finding's <c>because</c> may name a question the form does not ask of this history, not recorded: SUI-014 reads
/// suicidal intent beside passive ideation (QA walk, session 46) in rule sets 1.9.0 to 1.21.0. Those releases keep it, since
/// the stored assessment is what a replay compares; the pages leave it out (KetamineCds.Web's <c>Display.Inputs</c>); from
/// 1.22.0 the engine no longer names it (<c>BecauseNamesOnlyAskedQuestionsTests</c>). Leaving it out is faithful only if
/// such an input never decides a rule: whatever it were answered, the rule would fire all the same. These tests hold every
/// rule of every rule set to that.
/// </summary>
public class ExplanationOfUnaskedQuestionsTests
{
    private const int Runs = 300;

    private static PatientHistory PassiveIdeation() => Histories.Suicidal(Suicidality.PassiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with
    {
        FailedAdequateTrials = 3,
        DistinctMechanisms = 2,
        PreparatoryActsOrAbortedAttempt = false,
        SuicidalIntent = null,
    };

    [Fact]
    public void Evaluate_PassiveIdeation_1_21_0Sui014KeepsIntentNotRecordedInItsBecauseForReplay()
    {
        var h = PassiveIdeation();

        var f = Assert.Single(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_21_0).Findings, f => f.RuleId == "SUI-014");

        // The stored decision (and so every replay of one) holds this item: the engine must keep giving it.
        Assert.Contains(new Evidence("suicidalIntent", WireNames.NotRecorded), f.Because);
        Assert.False(Fields.SuicidalIntent.IsAskedOf(h));
    }

    [Fact]
    public void Evaluate_PassiveIdeationWithIntentAnsweredEitherWay_StillFiresSui014()
    {
        Assert.All(new bool?[] { true, false }, intent =>
            Assert.Contains(ScreeningEngine.Evaluate(PassiveIdeation() with { SuicidalIntent = intent }).Findings, f => f.RuleId == "SUI-014"));
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(HistoryGenerators)])]
    public void Evaluate_AnyRuleSet_AnUnaskedInputNotRecordedNeverDecidesAFinding(PatientHistory history)
    {
        foreach (var ruleSet in RuleSetCatalog.All)
        {
            AssertUnaskedInputsDecideNothing(history, ruleSet);
        }
    }

    [Theory]
    [InlineData(Suicidality.PassiveIdeation)]
    [InlineData(Suicidality.RecentAttempt)]
    [InlineData(Suicidality.None)]
    public void Evaluate_AnyRuleSet_SuicidalityWithIntentAndTheSafetyNetNotRecorded_UnaskedInputsDecideNothing(Suicidality suicidality)
    {
        var h = Histories.Trd() with { Suicidality = suicidality, PreparatoryActsOrAbortedAttempt = false, Phq9Total = 20, Phq9Item9 = 2 };
        foreach (var ruleSet in RuleSetCatalog.All)
        {
            AssertUnaskedInputsDecideNothing(h, ruleSet);
        }
    }

    private static void AssertUnaskedInputsDecideNothing(PatientHistory history, RuleSet ruleSet)
    {
        foreach (var finding in ScreeningEngine.Evaluate(history, ruleSet).Findings)
        {
            foreach (var field in Unasked(finding, history))
            {
                foreach (var answer in AnswersTo(field))
                {
                    var variant = PatientHistory.From(f => ReferenceEquals(f, field) ? answer : Fields.ContractValueOf(history, f.Name));
                    Assert.True(
                        ScreeningEngine.Evaluate(variant, ruleSet).Findings.Any(f => f.RuleId == finding.RuleId && f.Kind == finding.Kind),
                        $"{ruleSet.Version} {finding.RuleId} names {field.Name} (not asked of this history, not recorded), and does not fire when it is {answer}.");
                }
            }
        }
    }

    /// <summary>The fields a finding names as not recorded that the form does not ask of this history.</summary>
    private static IEnumerable<FieldDefinition> Unasked(Finding finding, PatientHistory history) =>
        finding.Because.Where(e => e.Value == WireNames.NotRecorded).Select(e => Fields.Find(e.Field)).OfType<FieldDefinition>()
            .Where(f => !f.IsAskedOf(history)).Distinct();

    /// <summary>Answers that stand for all a field may be given: every yes/no and choice, a number's bounds and middle.</summary>
    private static IEnumerable<object> AnswersTo(FieldDefinition field) => field.Type switch
    {
        FieldType.YesNo => [true, false],
        FieldType.Choice => field.Choices,
        FieldType.ChoiceList => [new List<string>(), .. field.Choices.Select(c => new List<string> { c }), field.Choices.ToList()],
        FieldType.WholeNumber => new[] { field.Min ?? 0, field.Max ?? 100, ((field.Min ?? 0) + (field.Max ?? 100)) / 2 }.Select(n => (object)(int)n),
        _ => new[] { field.Min ?? 0, field.Max ?? 100 }.Select(n => (object)n),
    };
}
