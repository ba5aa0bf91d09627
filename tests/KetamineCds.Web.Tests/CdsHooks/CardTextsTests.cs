using System.Text;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using static KetamineCds.Web.Tests.Localization.TranslationCompletenessTests;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA158 F7, F8: what the cards say beside a contraindication. A critical card's summary (all an EHR may show) never
/// stops mid-advice at the spec's 140 characters; the incomplete card beside a contraindication the chart records does not
/// say the screening cannot give a result, since that contraindication already gave one.
/// </summary>
public sealed class CardTextsTests
{
    private static readonly char[] ClauseEnds = ['.', ';', ':', '。', '；', '：'];

    private static Finding FindingOf(Rule rule) =>
        new(rule.Id, rule.Kind, rule.Severity, rule.Principles, rule.Sources, rule.Summary, rule.Detail, []);

    private static string CriticalSummary(Finding finding) =>
        Assert.Single(new CardBuilder("http://localhost", false).ForContraindications([finding], CardBuilder.CurrentVersion)).Summary;

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public void ContraindicationSummary_EveryContraindicationOfTheCurrentRuleSet_FitsAndEndsAtASentenceOrClause(string culture)
    {
        using var _ = new UiCulture(culture);
        var rules = RuleSetCatalog.Current.Rules.Where(r => r.Kind == FindingKind.Contraindication).ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var finding = FindingOf(rule);
            var summary = CriticalSummary(finding);
            var translated = ClinicalText.Shared.FindingSummary(finding);
            var end = culture == "en" ? ". " : "。";
            // Whole, or cut where a sentence or clause of the rule's summary ends, then naming the rule (its card has the rest).
            var clauses = Enumerable.Range(1, translated.Length - 1)
                .Where(i => ClauseEnds.Contains(translated[i]))
                .Select(i => translated[..i])
                .Where(clause => summary.Contains(clause + end, StringComparison.Ordinal))
                .ToList();
            Assert.True(summary.Length <= 140, $"{rule.Id} ({culture}): {summary.Length} characters: {summary}");
            Assert.DoesNotContain("\u2026", summary, StringComparison.Ordinal);
            Assert.True(summary.EndsWith('.') || summary.EndsWith('。'), $"{rule.Id} ({culture}) does not end a sentence: {summary}");
            Assert.True(
                summary.Contains(translated, StringComparison.Ordinal) || (summary.Contains(rule.Id, StringComparison.Ordinal) && clauses.Count > 0),
                $"{rule.Id} ({culture}) neither gives the whole summary nor ends at a clause naming the rule: {summary}");
        }
    }

    [Theory]
    [InlineData("en", "BIP-002", "Not eligible for ketamine now: ", "contraindicated")]
    [InlineData("en", "BIP-003", "Not eligible for ketamine now: ", "contraindicated")]
    [InlineData("en", "VAS-001", "Not eligible for ketamine now: ", "Ketamine contraindicated")]
    [InlineData("zh-Hans", "BIP-002", "目前不符合氯胺酮治疗条件：", "禁忌")]
    [InlineData("zh-Hans", "BIP-003", "目前不符合氯胺酮治疗条件：", "禁忌")]
    [InlineData("zh-Hans", "VAS-001", "目前不符合氯胺酮治疗条件：", "氯胺酮禁忌")]
    public void ContraindicationSummary_AnUnmetPrecondition_IsNotCalledAContraindication(string culture, string ruleId, string opening, string never)
    {
        // Helper 248: the critical card of a finding of kind contraindication said "Ketamine contraindicated: …" also of an
        // unmet precondition (BIP-002, BIP-003: bipolar disorder without a mood stabilizer). The rules carry no precondition
        // mark, so the summary says what both mean, as the result page's verdict does ("Not eligible now"): the finding's own
        // summary says which it is.
        using var _ = new UiCulture(culture);

        var summary = CriticalSummary(FindingOf(RuleSetCatalog.Current.Find(ruleId)!));

        Assert.StartsWith(opening, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(never, summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SUI-009", "Not eligible for ketamine now: Imminent suicide risk with no safety net in place: no ketamine or esketamine now. Rule SUI-009: see the card.")]
    [InlineData("CV-001", "Not eligible for ketamine now: Serious cardiovascular or cerebrovascular condition. Rule CV-001: see the card.")]
    [InlineData("BIP-002", "Not eligible for ketamine now: Bipolar disorder without antimanic protection. Rule BIP-002: see the card.")]
    [InlineData("VAS-001", "Not eligible for ketamine now: Aneurysmal vascular disease: esketamine is contraindicated.")]
    public void ContraindicationSummary_TooLongWhole_EndsAtTheLastClauseThatFitsAndNamesTheRule(string ruleId, string expected)
    {
        // QA158 F8: these were "…same-day evaluation and a…" (SUI-009), "…unless a specialist judges benefit to…" (CV-001).
        using var _ = new UiCulture("en");

        Assert.Equal(expected, CriticalSummary(FindingOf(RuleSetCatalog.Current.Find(ruleId)!)));
    }

    [Theory]
    [InlineData("en", "Not eligible for ketamine now: rule TEST-001, see the card.")]
    [InlineData("zh-Hans", "目前不符合氯胺酮治疗条件：规则 TEST-001，详见卡片。")]
    public void ContraindicationSummary_NoClauseFits_NamesTheRuleOnly(string culture, string expected)
    {
        using var _ = new UiCulture(culture);
        var finding = new Finding("TEST-001", FindingKind.Contraindication, Severity.High, ["P-TEST"], [], string.Join(' ', Enumerable.Repeat("word", 40)) + ".", "detail", []);

        Assert.Equal(expected, CriticalSummary(finding));
    }

    /// <summary>A patient-view call answered in process (as <see cref="ClinicJurisdictionHookTests"/>), in this language.</summary>
    private static async Task<IReadOnlyList<Card>> PatientViewAsync(KetamineCdsFactory factory, JsonObject body, string culture)
    {
        using var _ = new UiCulture(culture);
        var answering = factory.Services.GetRequiredService<CdsHookAnswering>();
        return await answering.AnswerAsync(
            CdsHookServices.Find("ketamine-screening-patient-view")!, new CdsHookCaller("https://ehr.test.example"),
            Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-card-texts", CancellationToken.None);
    }

    [Theory]
    [InlineData("en", "A contraindication or unmet precondition is already found (see above). These items are still not recorded:", "The screening cannot give a result yet")]
    [InlineData("zh-Hans", "已发现禁忌证或未满足的前提条件（见上方）。以下项目仍未记录：", "筛查暂时无法给出结果")]
    public async Task PatientView_RequiredItemsMissingAndTheChartRecordsAContraindication_TheIncompleteCardDoesNotSayThereIsNoResult(string culture, string intro, string noResult)
    {
        // QA158 F7: the sample's chart records an aortic aneurysm (VAS-001) and lacks required items. The rules that read none
        // of the missing items ran and found the contraindication (the answer is logged not eligible now), yet the incomplete
        // card beside its critical card said the screening could not give a result yet.
        using var factory = new KetamineCdsFactory();
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json")))!.AsObject();

        var cards = await PatientViewAsync(factory, body, culture);

        Assert.Equal("critical", cards[0].Indicator);
        Assert.Contains("VAS-001", cards[0].Detail, StringComparison.Ordinal);
        var incomplete = Assert.Single(cards, c => c.Links is not null);
        Assert.StartsWith(intro, incomplete.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(noResult, incomplete.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The screening cannot give a result yet:")]
    [InlineData("zh-Hans", "筛查暂时无法给出结果：")]
    public async Task PatientView_RequiredItemsMissingAndNoContraindication_TheIncompleteCardStillSaysThereIsNoResultYet(string culture, string intro)
    {
        using var factory = new KetamineCdsFactory();
        var body = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = "MRN-CARD-TEXTS" },
            ["prefetch"] = new JsonObject { ["patient"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = "MRN-CARD-TEXTS" } },
        };

        var cards = await PatientViewAsync(factory, body, culture);

        Assert.DoesNotContain(cards, c => c.Indicator == "critical");
        Assert.StartsWith(intro, Assert.Single(cards, c => c.Links is not null).Detail, StringComparison.Ordinal);
    }
}
