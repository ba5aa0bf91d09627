using FsCheck.Xunit;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// A finding's <c>because</c> is part of the recorded decision: the result page, the print and the audit trace show it.
/// Under the current rule set it never names, as not recorded, a question the form does not ask of that history (the
/// field's <c>AskedWhen</c> is false): the trace would tell an auditor a question was left blank that was never asked
/// (psychiatrist QA, helper 247 finding 4: SUI-014 listed <c>suicidalIntent = Not recorded</c> beside passive ideation,
/// rule sets 1.9.0 to 1.21.0). Every rule of the current set is walked over every conditional field of the catalogue, in
/// representative histories made as the form sends them (each question the form hides left blank), and over generated
/// histories. A question the form asks and that was left blank is another matter: it stays "not recorded".
/// </summary>
public class BecauseNamesOnlyAskedQuestionsTests
{
    private const int Runs = 500;

    [Fact]
    public void Evaluate_CurrentRuleSet_EveryConditionalFieldNotAsked_NoFindingNamesItNotRecorded()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in Fields.All.Where(f => f.AskedWhen is not null))
        {
            foreach (var history in Representative().SelectMany(h => VariedAskingOf(field, h)).Select(AsTheFormSendsIt))
            {
                if (!field.IsAskedOf(history))
                {
                    Collect(history, violations);
                }
            }
        }

        Assert.True(violations.Count == 0, "The current rule set names unasked questions as not recorded:\n" + string.Join("\n", violations));
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(HistoryGenerators)])]
    public void Evaluate_CurrentRuleSet_AnyHistoryAsTheFormSendsIt_NoFindingNamesAnUnaskedQuestion(PatientHistory generated)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        Collect(AsTheFormSendsIt(generated), violations);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Evaluate_PassiveIdeation_Sui014NamesTheSuicidalityAndTheBehaviourNotTheIntent()
    {
        var h = PassiveIdeation();

        var f = Assert.Single(ScreeningEngine.Evaluate(h).Findings, f => f.RuleId == "SUI-014");

        Assert.Equal(
            [new Evidence("suicidality", "passive-ideation"), new Evidence("preparatoryActsOrAbortedAttempt", "false")],
            f.Because);
    }

    [Fact]
    public void Evaluate_ActiveIdeationWithoutIntent_Sui014StillNamesTheIntentTheFormAsked()
    {
        var h = PassiveIdeation() with { Suicidality = Suicidality.ActiveIdeation, SuicidalIntent = false };

        var f = Assert.Single(ScreeningEngine.Evaluate(h).Findings, f => f.RuleId == "SUI-014");

        Assert.Equal(
            [new Evidence("suicidality", "active-ideation"), new Evidence("suicidalIntent", "false"), new Evidence("preparatoryActsOrAbortedAttempt", "false")],
            f.Because);
    }

    [Fact]
    public void Evaluate_ActiveIdeationIntentLeftBlank_TheBlankAskedQuestionIsStillNamedNotRecorded()
    {
        // Asked and left blank: SUI-014 cannot fire (imminent risk is undecided), and SUI-012 names the intent as not recorded.
        var h = PassiveIdeation() with { Suicidality = Suicidality.ActiveIdeation, SuicidalIntent = null };

        var findings = ScreeningEngine.Evaluate(h).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId == "SUI-014");
        Assert.Contains(findings, f => f.Because.Contains(new Evidence("suicidalIntent", WireNames.NotRecorded)));
    }

    internal static PatientHistory PassiveIdeation() => Histories.Suicidal(Suicidality.PassiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with
    {
        FailedAdequateTrials = 3,
        DistinctMechanisms = 2,
        PreparatoryActsOrAbortedAttempt = false,
        SuicidalIntent = null,
    };

    /// <summary>Adds "version rule names field (not asked: when) for history" for each because item not recorded and not asked.</summary>
    internal static void Collect(PatientHistory history, ISet<string> violations)
    {
        foreach (var finding in ScreeningEngine.Evaluate(history).Findings)
        {
            foreach (var evidence in finding.Because.Where(e => e.Value == WireNames.NotRecorded))
            {
                if (Fields.Find(evidence.Field) is { } field && !field.IsAskedOf(history))
                {
                    violations.Add($"{finding.RuleId} names {field.Name} not recorded, which the form asks only when {field.AskedWhen}");
                }
            }
        }
    }

    /// <summary>
    /// The history as the form sends it: every question the form hides for these answers left blank, in the catalogue's
    /// order (a question asked because of another answer sees that answer first).
    /// </summary>
    internal static PatientHistory AsTheFormSendsIt(PatientHistory h)
    {
        var values = Fields.All.ToDictionary(f => f.Name, f => Fields.ContractValueOf(h, f.Name), StringComparer.Ordinal);
        foreach (var field in Fields.All.Where(f => f.AskedWhen is not null))
        {
            if (!field.IsAskedGiven(name => values[name]))
            {
                values[field.Name] = null;
            }
        }

        return PatientHistory.From(f => values[f.Name]);
    }

    /// <summary>Starting points: each indication, each suicidality, the waiting pathways; bare, safety items recorded, everything recorded.</summary>
    private static IEnumerable<PatientHistory> Representative()
    {
        IEnumerable<PatientHistory> bases =
        [
            Histories.Adult(), Histories.Trd(), Histories.BipolarDepression(), Histories.BipolarDepression(PrimaryDiagnosis.BipolarII),
            Histories.Palliative(4), Histories.Palliative(4) with { FailedAdequateTrials = 0 }, Histories.PalliativePathwayNotRuledOut(),
            Histories.SuicidalPathwayNotRuledOut(), Histories.PassiveWithAbortedAttempt(), Histories.MedicinesRecorded(),
            Histories.Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30, Pregnant = false },
            Histories.Trd() with { Jurisdiction = Jurisdiction.Eu },
            Histories.Trd() with { Phq9Total = 20, Phq9Item9 = 2 },
            Histories.Trd() with { SubstanceUse = SubstanceUse.Active },
            .. Enum.GetValues<Suicidality>().SelectMany(s => new[] { Histories.Suicidal(s), Histories.Trd() with { Suicidality = s } }),
            .. Enum.GetValues<Pathway>().Select(Histories.IndicatedFor),
        ];
        return bases.SelectMany(h => new[] { h, h.WithSafetyItemsRecordedAbsent(), h.WithSafetyItemsRecordedAbsent().WithCareItemsRecorded(), h.WithEveryItemRecorded() });
    }

    /// <summary>The history, with the field blank, and each answer its asking reads varied one at a time over every answer it may have.</summary>
    private static IEnumerable<PatientHistory> VariedAskingOf(FieldDefinition field, PatientHistory h)
    {
        var blank = h.Without(field);
        yield return blank;
        foreach (var read in field.AskedWhen!.Clauses.Select(c => Fields.Find(c.Field)).OfType<FieldDefinition>().Distinct())
        {
            foreach (var answer in AnswersTo(read))
            {
                var values = Fields.All.ToDictionary(f => f.Name, f => Fields.ContractValueOf(blank, f.Name), StringComparer.Ordinal);
                values[read.Name] = answer;
                yield return PatientHistory.From(f => values[f.Name]);
            }
        }
    }

    /// <summary>Answers that stand for all a field may be given (blank too, unless it is required): every yes/no and choice, numbers across the range.</summary>
    private static IEnumerable<object?> AnswersTo(FieldDefinition field)
    {
        IEnumerable<object?> answers = field.Type switch
        {
            FieldType.YesNo => [true, false],
            FieldType.Choice => field.Choices,
            FieldType.ChoiceList => [new List<string>(), .. field.Choices.Select(c => new List<string> { c })],
            FieldType.WholeNumber => new[] { field.Min ?? 0, 1, 2, 3, 8, 11, 12, 30, 55, 56, 70, field.Max ?? 100 }
                .Where(n => n >= (field.Min ?? 0) && n <= (field.Max ?? 100)).Distinct().Select(n => (object?)(int)n),
            _ => new[] { field.Min ?? 0, field.Max ?? 100 }.Select(n => (object?)n),
        };
        return field.Required ? answers : answers.Append(null);
    }
}
