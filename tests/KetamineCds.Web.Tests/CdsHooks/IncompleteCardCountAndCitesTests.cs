using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using static KetamineCds.Web.Tests.Localization.TranslationCompletenessTests;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 245: the incomplete card names each question once and counts distinct questions (a question a pathway waits for
/// that also calls for care, sex at birth and pregnancy beside REP-003, suicidal intent beside SUI-012, was listed under
/// both headings and counted twice); and it cites what its items rest on, never P-TRD-DEFINITION whatever is missing.
/// </summary>
public sealed class IncompleteCardCountAndCitesTests
{
    private const string Prefill = "http://localhost/Screenings/New?prefill=abc";

    private static ScreeningRequest ActiveIdeation()
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.Suicidality] = "active-ideation";
        return request;
    }

    private static (NotRecordedSummary NotRecorded, Card Card) IncompleteCard(ScreeningRequest request)
    {
        var history = request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        Assert.Equal(Verdict.Incomplete, assessment.Overall);
        var notRecorded = NotRecordedSummary.Of(assessment, history);
        var card = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, notRecorded, Prefill), c => c.Links is not null);
        return (notRecorded, card);
    }

    /// <summary>The items listed: every line of a list but the high-severity findings', which end with their rule.</summary>
    private static List<string> Lines(string detail) =>
        [.. detail.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal) && !l.Contains(CardTexts.Rule("SUI-")[..^1], StringComparison.Ordinal))];

    /// <summary>The card's own citations: the paragraph before "supports, never replaces".</summary>
    private static string CitesLine(string detail)
    {
        var paragraphs = detail.Split("\n\n");
        return paragraphs[Array.IndexOf(paragraphs, CardTexts.SupportsNotReplaces) - 1];
    }

    public static TheoryData<string, string[]> AskedTwice() => new()
    {
        // REC-00x wait for both (a pregnancy could block) and REP-003 asks for them as care.
        { "required-only", ["sexAtBirth", "pregnant"] },
        // REC-002 waits for intent and recent behaviour; SUI-012 asks for them as care too.
        { "active-ideation", ["sexAtBirth", "pregnant", "suicidalIntent", "preparatoryActsOrAbortedAttempt"] },
    };

    [Theory]
    [MemberData(nameof(AskedTwice))]
    public void ForAssessment_Incomplete_AQuestionAPathwayWaitsForThatAlsoCallsForCare_IsListedOnceUnderWhatItBlocksAndCountedOnce(string name, string[] fields)
    {
        var (notRecorded, card) = IncompleteCard(name == "required-only" ? Requests.OnlyTheRequiredAnswers() : ActiveIdeation());

        // The premise: each is both waited for and a care item.
        var waited = notRecorded.BeforeAPathwayCanOpen.Select(i => i.Field).ToHashSet();
        var care = notRecorded.OtherCareItems.SelectMany(c => c.Fields).ToHashSet();
        Assert.All(fields, f => Assert.True(waited.Contains(f) && care.Contains(f), f));

        var lines = Lines(card.Detail);
        foreach (var field in fields)
        {
            var label = ClinicalText.Shared.FieldLabel(field);
            var line = Assert.Single(lines, l => l == "- " + label || l.StartsWith("- " + label + " (waiting: ", StringComparison.Ordinal));
            Assert.Contains("(waiting: ", line, StringComparison.Ordinal);
        }

        // The count is the number of distinct questions, each line one.
        var distinct = waited.Concat(notRecorded.CareItems.SelectMany(c => c.Fields)).Distinct().Count();
        Assert.Equal(distinct, lines.Count);
        Assert.Equal($"Ketamine screening incomplete: {distinct} items are not recorded in the chart", card.Summary);
    }

    [Fact]
    public void ForAssessment_Incomplete_InChinese_CountsEachQuestionOnce()
    {
        using var chinese = new UiCulture("zh-Hans");
        var (notRecorded, card) = IncompleteCard(ActiveIdeation());

        var distinct = notRecorded.SafetyQuestions.Select(i => i.Field).Concat(notRecorded.CareItems.SelectMany(c => c.Fields)).Distinct().Count();
        Assert.Equal(distinct, Lines(card.Detail).Count);
        Assert.Equal($"氯胺酮筛查不完整：病历中有 {distinct} 项未记录", card.Summary);
        // Helper 290: each list cites its own keys (IncompleteCardAfterRulesCitesPerListTests), the last line P-SAFETY-REMS.
        Assert.Equal("整张卡片依据：P-SAFETY-REMS。所列每条规则的依据注于该规则旁；其余每个依据只引用一次，见于其所支持的某一列表之后。", CitesLine(card.Detail));
        Assert.Contains("\n\n依据：P-SUICIDALITY-LIMIT、P-PALLIATIVE、SPRAVATO-PI-US。\n\n", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_Incomplete_CitesWhatTheItemsRestOn_NotTheDefinitionOfTrd()
    {
        // The required answers of a TRD history are recorded; what is missing is safety items and care items: REC-001, REC-003,
        // REC-005 wait (P-SAFETY-REMS, P-PALLIATIVE, SPRAVATO-PI-US), CV-004, HEP-003, MED-005, SAF-001, REP-003 ask for care.
        // Helper 290: the keys are cited where their list ends (REC-00x's under what the pathways wait for; MED-005's
        // SPRAVATO-REMS under the care items; CV-004's and HEP-003's beside them), the last line P-SAFETY-REMS.
        var (_, card) = IncompleteCard(Requests.OnlyTheRequiredAnswers());

        Assert.Equal("The card as a whole cites: P-SAFETY-REMS. Each rule named cites its own keys beside it; each other key is cited once, after a list it backs.", CitesLine(card.Detail));
        Assert.Contains(")\n\nCites: P-PALLIATIVE, SPRAVATO-PI-US.\n\n**Must be known before the first dose:**", card.Detail, StringComparison.Ordinal);
        Assert.Contains("(Cites: SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018. Rule HEP-003.)", card.Detail, StringComparison.Ordinal);
        Assert.Contains("\n- Breastfeeding\n\nCites: SPRAVATO-REMS.\n\n", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Citations.TrdDefinition, card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_IncompleteForSuicidalIdeation_CitesTheSuicideRiskRulesPrinciplesAndSources()
    {
        // REC-002 waits for intent and recent behaviour (P-SUICIDALITY-LIMIT); the high-severity findings the card shows
        // (SUI-001, SUI-006) cite theirs; SUI-012 asks for intent and behaviour as care (C-SSRS).
        // Helper 290: REC-002's and REC-005's right under what the pathways wait for, SUI-001's and SUI-006's beside them.
        var (_, card) = IncompleteCard(ActiveIdeation());

        Assert.Contains("\n\nCites: P-SUICIDALITY-LIMIT, P-PALLIATIVE, SPRAVATO-PI-US.\n\n", card.Detail, StringComparison.Ordinal);
        Assert.Contains("(Cites: P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS. Rule SUI-001.)", card.Detail, StringComparison.Ordinal);
        Assert.StartsWith("The card as a whole cites: P-SAFETY-REMS. ", CitesLine(card.Detail), StringComparison.Ordinal);
        Assert.DoesNotContain(Citations.TrdDefinition, card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_TheRulesCannotRun_OnlySafetyAndFirstDoseItemsMissing_CitesTheirContraindicationsNotTheDefinitionOfTrd()
    {
        // An aneurysm not recorded could show VAS-001 (SPRAVATO-PI-US); the blood pressure is what CV-004 says is not
        // recorded (P-SAFETY-REMS, SPRAVATO-PI-US). Helper 289: SPRAVATO-PI-US is cited once, beside CV-004 in the first-dose
        // section; the last line keeps P-SAFETY-REMS, what the card as a whole rests on (it was "Cites: P-SAFETY-REMS,
        // SPRAVATO-PI-US." at the end, SPRAVATO-PI-US also in the section).
        var card = new CardBuilder("http://localhost", false).Incomplete(
            CardBuilder.CurrentVersion, [], [Fields.AneurysmalVascularDisease.Name], [], [Fields.SystolicBp.Name, Fields.DiastolicBp.Name], Prefill);

        Assert.Equal("The card as a whole cites: P-SAFETY-REMS. Each other key is cited once, after a list it backs.", CitesLine(card.Detail));
        Assert.Contains("\n\nCites: SPRAVATO-PI-US. Rule CV-004.\n\n", card.Detail, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(card.Detail, "SPRAVATO-PI-US"));
        Assert.Equal("Ketamine screening incomplete: 3 items are not recorded in the chart", card.Summary);
    }

    [Fact]
    public void Incomplete_TheRulesCannotRun_TheTrialsAreMissing_CitesTheDefinitionOfTrd()
    {
        // The adequate trials decide the TRD pathways' indication (TRD-001): the definition of TRD is what they rest on.
        var card = new CardBuilder("http://localhost", false).Incomplete(CardBuilder.CurrentVersion, [Fields.FailedAdequateTrials.Name], [], [], [], Prefill);

        // Helper 289: cited right under the list of required items, P-SAFETY-REMS on the last line (the card as a whole).
        var paragraphs = card.Detail.Split("\n\n");
        var cites = paragraphs[Array.IndexOf(paragraphs, "- " + ClinicalText.Shared.FieldLabel(Fields.FailedAdequateTrials.Name)) + 1];
        Assert.StartsWith("Cites: ", cites, StringComparison.Ordinal);
        Assert.Contains(Citations.TrdDefinition, cites, StringComparison.Ordinal);
        var trd001 = RuleSetCatalog.Current.Find("TRD-001")!;
        Assert.All(trd001.Principles.Concat(trd001.Sources).Where(c => c != Citations.SafetyRems), c => Assert.Contains(c, cites, StringComparison.Ordinal));
        Assert.Equal("The card as a whole cites: P-SAFETY-REMS. Each other key is cited once, after a list it backs.", CitesLine(card.Detail));
    }

    [Fact]
    public void Incomplete_TheRulesCannotRun_InChinese_CitesWhatTheItemsRestOn()
    {
        using var chinese = new UiCulture("zh-Hans");
        var card = new CardBuilder("http://localhost", false).Incomplete(
            CardBuilder.CurrentVersion, [], [Fields.AneurysmalVascularDisease.Name], [], [Fields.SystolicBp.Name, Fields.DiastolicBp.Name], Prefill);

        Assert.Equal("整张卡片依据：P-SAFETY-REMS。其余每个依据只引用一次，见于其所支持的某一列表之后。", CitesLine(card.Detail));
        Assert.Contains("\n\n依据：SPRAVATO-PI-US。规则 CV-004。\n\n", card.Detail, StringComparison.Ordinal);
    }
}
