using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA281 F1: imminent suicide risk the chart records (a confirmed suicide attempt 30 days ago, ICD-10-CM T14.91XA, read
/// as suicidality "recent-attempt") was named nowhere: the rules cannot run on a chart alone (the failed trials are never
/// in one), and the only card was "Ketamine screening incomplete: 31 items are not recorded in the chart". A positive
/// PHQ-9 item 9 had its own card whether or not the rules ran (<see cref="CardBuilder.PositiveItem9"/>); imminent risk, as
/// SUI-007 defines it, now has one too (<see cref="CardBuilder.ImminentRisk"/>), in SUI-007's own words and citations,
/// and not beside a card that already names SUI-007 once the rules ran.
/// </summary>
public sealed class ImminentRiskCardTests(ITestOutputHelper output)
{
    private static string DaysAgo(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Woman1990(string id)
    {
        var patient = Patient(id);
        patient["gender"] = "female";
        patient["birthDate"] = "1990-01-01";
        return patient;
    }

    private static Rule Sui007 => RuleSetCatalog.Current.Find(CardBuilder.ImminentRiskRuleId)!;

    private static async Task<IReadOnlyList<Card>> AnswerAsync(KetamineCdsFactory factory, string service, string patient, params JsonObject[] resources)
    {
        var entries = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r })]);
        var context = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = patient };
        if (service.EndsWith("order-sign", StringComparison.Ordinal))
        {
            context["draftOrders"] = JsonNode.Parse("""
                {"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"MedicationRequest","id":"draft-1","status":"draft","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2201623","display":"esketamine Nasal Spray"}]},
                 "subject":{"reference":"Patient/PATIENT"}}}]}
                """.Replace("PATIENT", patient, StringComparison.Ordinal));
        }

        var body = new JsonObject
        {
            ["hook"] = service.EndsWith("order-sign", StringComparison.Ordinal) ? "order-sign" : "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = context,
            ["prefetch"] = new JsonObject { ["chart"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries } },
        };
        var answering = factory.Services.GetRequiredService<CdsHookAnswering>();
        return await answering.AnswerAsync(
            CdsHookServices.Find(service)!, new CdsHookCaller("https://ehr.test.example"),
            Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-imminent-risk", CancellationToken.None);
    }

    [Fact]
    public void TheRuleNamed_IsSui007_WhoseConditionIsImminentSuicideRisk()
    {
        // The card follows the current rule set's SUI-007 (its condition, words and citations); were the rule renumbered or
        // its condition changed, this says so.
        Assert.Equal(Indications.ImminentSuicideRisk.Canonical, Sui007.Condition.Canonical);
    }

    [Theory]
    [InlineData("ketamine-screening-patient-view", "en")]
    [InlineData("ketamine-screening-order-sign", "en")]
    [InlineData("ketamine-screening-patient-view", "zh-Hans")]
    public async Task RecentAttemptInTheChart_RulesCannotRun_AWarningCardNamesItInSui007sWords(string service, string language)
    {
        using var culture = new TranslationCompletenessTests.UiCulture(language);
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA281-F1";
        var cards = await AnswerAsync(factory, service, P, Woman1990(P), Condition("c-mdd", P, "F33.2"), Condition("c-attempt", P, "T14.91XA", onset: DaysAgo(30)));
        output.WriteLine(AllDetail(cards, output).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var text = ClinicalText.Shared;
        var card = Assert.Single(cards, c => c.Summary == CardTexts.Summary(text.RuleSummary(Sui007)));
        Assert.Equal("warning", card.Indicator);
        // What the chart holds: the answer and its entry.
        Assert.Contains("Condition/c-attempt", card.Detail, StringComparison.Ordinal);
        Assert.Contains(KetamineCds.Web.Screenings.Display.Value("suicidality", "recent-attempt"), card.Detail, StringComparison.Ordinal);
        // SUI-007's own words, citations and rule.
        Assert.Contains(text.RuleDetail(Sui007), card.Detail, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Sentences(CardTexts.Cites(Sui007.Principles, Sui007.Sources), CardTexts.Rule("SUI-007")), card.Detail, StringComparison.Ordinal);
        Assert.EndsWith("/Rules#SUI-007", card.Source.Url, StringComparison.Ordinal);
        // The rules did not run: the incomplete card is still there, after it.
        var incomplete = cards.Select((c, i) => (c, i)).Single(x => x.c.Summary.StartsWith(language == "en" ? "Ketamine screening incomplete" : "氯胺酮筛查不完整", StringComparison.Ordinal));
        Assert.True(cards.ToList().IndexOf(card) < incomplete.i);
        if (language != "en")
        {
            Assert.DoesNotContain("The answers", card.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OldAttemptInTheChart_GivesNoImminentRiskCard()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA281-F1-OLD";
        var cards = await AnswerAsync(factory, "ketamine-screening-patient-view", P, Woman1990(P), Condition("c-mdd", P, "F33.2"), Condition("c-attempt", P, "T14.91XA", onset: DaysAgo(200)));

        Assert.DoesNotContain(cards, c => c.Detail.Contains("Rule SUI-007.", StringComparison.Ordinal));
    }

    /// <summary>
    /// The rules ran (the clinician's earlier screening completes the chart), SUI-007 fired: with none of the safety net in
    /// place the verdict is a contraindication (SUI-009), whose critical card does not list SUI-007, so the imminent-risk
    /// card is given; with the safety net in place the eligible card lists SUI-007 among the requirements, and no second
    /// card repeats it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RulesRan_TheCardIsGivenOnlyWhereNoOtherCardNamesSui007(bool safetyNet)
    {
        using var factory = new KetamineCdsFactory();
        var patient = "MRN-QA281-F1-RAN-" + safetyNet;
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = ChartChecksHookTests.CompleteNo(patient);
        body["failedAdequateTrials"] = 0;
        body["distinctMechanisms"] = 0;
        body["suicidality"] = "recent-attempt";
        body["safetyPlanInPlace"] = safetyNet;
        body["lethalMeansCounselled"] = safetyNet;
        body["followUpArranged"] = safetyNet;
        CompleteScreeningBodies.WithEveryItemRecorded(body);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var cards = await AnswerAsync(factory, "ketamine-screening-patient-view", patient, Patient(patient), Mdd(patient));
        AllDetail(cards, output);

        var summary = ClinicalText.Shared.RuleSummary(Sui007);
        var imminent = cards.Where(c => c.Summary == CardTexts.Summary(summary)).ToList();
        // SUI-007 is named by one card only: the eligible card's requirements, or the imminent-risk card.
        Assert.Single(cards, c => (c.Summary + "\n" + c.Detail).Contains(summary, StringComparison.Ordinal));
        if (safetyNet)
        {
            Assert.Empty(imminent);
            Assert.Single(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal) && c.Detail.Contains("- " + summary, StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(cards, c => c.Indicator == "critical");
            var card = Assert.Single(imminent);
            Assert.Equal("warning", card.Indicator);
            Assert.Contains("Rule SUI-007.", card.Detail, StringComparison.Ordinal);
        }
    }
}
