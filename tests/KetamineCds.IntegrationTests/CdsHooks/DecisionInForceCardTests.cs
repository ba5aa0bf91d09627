using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// QA132 F1: an answer completed from a clinician's screening said only "eligible" while a clinician's "do not proceed"
/// was in force on that screening (recorded on its page, or sent back by the EHR through feedback on the hook's own
/// screening of it). QA132 F11: an eligible-with-cautions answer's summary read "eligible for ...".
/// </summary>
public sealed class DecisionInForceCardTests
{
    private const string DecisionPrefix = "A clinician's decision is in force: ";

    private static async Task<JsonArray> CardsAsync(CdsHooksApp app, string path, JsonObject call, string? language = null)
    {
        using var response = await app.PostAsync(path, call.ToJsonString(), acceptLanguage: language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
    }

    private static string Summary(JsonNode? card) => card!["summary"]!.GetValue<string>();

    /// <summary>Records an override on the screening's result page, as the psychiatrist does (QA132 F1, step 2).</summary>
    internal static async Task RecordOverrideOnThePageAsync(CdsHooksApp app, Guid screening, string decision)
    {
        var page = await app.SignInAsync("psychiatrist@demo.local");
        var html = await page.GetStringAsync($"/Screenings/{screening}");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = await page.PostAsync($"/Screenings/{screening}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = decision,
            ["Override.Reason"] = "PatientPreference",
            ["Override.Explanation"] = "Patient declined esketamine today after discussion.",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
    }

    [Fact]
    public async Task PatientViewAndOrderSign_ClinicianDoNotProceedOnTheCompletingScreening_AWarningCardNamesTheDecisionAndTheVerdictStays()
    {
        using var app = CdsHooksApp.Sqlite();
        var clinicians = await app.RecordClinicianScreeningAsync("qa132-ovr", "");
        await RecordOverrideOnThePageAsync(app, clinicians, "DoNotProceed");
        await using (var db = app.Db())
        {
            Assert.Equal(1, await db.DecisionLogEntries.CountAsync(e => e.EntryType == DecisionLogEntryTypes.Override && e.RelatesToId == clinicians));
        }

        foreach (var (path, orderSign) in new[] { (PatientView, false), (OrderSign, true) })
        {
            var cards = await CardsAsync(app, path, CdsHooksApp.ChartCall("qa132-ovr", orderSign));

            // The engine's verdict is unchanged: the eligible card is still sent.
            Assert.Contains(cards, c => Summary(c).StartsWith("Ketamine screening: eligible for ", StringComparison.Ordinal) && c!["indicator"]!.GetValue<string>() == "info");
            var decision = Assert.Single(cards, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal))!;
            Assert.Equal(DecisionPrefix + "do not proceed (Patient preference)", Summary(decision));
            // Never only information: at order-sign above all (QA132 F1), a warning on both hooks.
            Assert.Equal("warning", decision["indicator"]!.GetValue<string>());
            var detail = decision["detail"]!.GetValue<string>();
            Assert.Matches(
                $@"- \*\*Do not proceed\*\* \(Patient preference\), recorded by psychiatrist@demo\.local on \d{{4}}-\d\d-\d\d \d\d:\d\d UTC, on screening {clinicians} \(recorded \d{{4}}-\d\d-\d\d \d\d:\d\d UTC, whose answers were used here\)\.",
                detail);
            Assert.Contains("P-SAFETY-REMS", detail, StringComparison.Ordinal);
            // The decision card comes first: there is no critical card before it.
            Assert.Equal(decision, cards[0]);
        }

        var chinese = await CardsAsync(app, PatientView, CdsHooksApp.ChartCall("qa132-ovr", false), "zh-CN");
        Assert.Contains(chinese, c => Summary(c) == "临床医生的决定仍然有效：不继续治疗（患者意愿）");
    }

    [Fact]
    public async Task OrderSign_ClinicianProceedAgainstAContraindication_TheDecisionCardFollowsTheCriticalCard()
    {
        // The other direction: a "proceed" recorded against a contraindication (VAS-001) goes with the critical card.
        using var app = CdsHooksApp.Sqlite();
        var clinicians = await app.RecordClinicianScreeningAsync("qa132-pro", "\"aneurysmalVascularDisease\":true");
        await RecordOverrideOnThePageAsync(app, clinicians, "Proceed");

        var cards = await CardsAsync(app, OrderSign, CdsHooksApp.ChartCall("qa132-pro", true));

        Assert.Equal("critical", cards[0]!["indicator"]!.GetValue<string>());
        Assert.Equal(DecisionPrefix + "proceed against the recommendation (Patient preference)", Summary(cards[1]));
        Assert.Equal("warning", cards[1]!["indicator"]!.GetValue<string>());
        Assert.Contains("- **Proceed** (Patient preference), recorded by psychiatrist@demo.local on ", cards[1]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_EhrOverrodeTheEligibleCardThroughFeedback_TheNextCallNamesThatDoNotProceed()
    {
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa132-fb", "");
        var first = await CardsAsync(app, PatientView, CdsHooksApp.ChartCall("qa132-fb", false));
        Assert.DoesNotContain(first, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal));
        var eligible = Assert.Single(first, c => Summary(c).StartsWith("Ketamine screening: eligible for ", StringComparison.Ordinal))!;
        var acted = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using (var feedback = await app.PostAsync(PatientView + "/feedback", $$$"""
            {"feedback":[{"card":"{{{eligible["uuid"]!.GetValue<string>()}}}","outcome":"overridden","outcomeTimestamp":"{{{acted}}}",
              "overrideReason":{"reason":{"system":"https://ketaminecds.org/fhir/CodeSystem/override-reason","code":"patient-preference"},"userComment":"Patient declined in clinic."}}]}
            """))
        {
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        }

        Guid hookScreening;
        await using (var db = app.Db())
        {
            hookScreening = (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)).Id;
        }

        var second = await CardsAsync(app, PatientView, CdsHooksApp.ChartCall("qa132-fb", false));

        Assert.Contains(second, c => Summary(c).StartsWith("Ketamine screening: eligible for ", StringComparison.Ordinal));
        var decision = Assert.Single(second, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DecisionPrefix + "do not proceed (Patient preference)", Summary(decision));
        Assert.Equal("warning", decision["indicator"]!.GetValue<string>());
        Assert.Matches(
            $@"- \*\*Do not proceed\*\* \(Patient preference\), recorded by the EHR {Regex.Escape(CdsHooksApp.Issuer)} \(CDS Hooks feedback\) on .* UTC, on screening {hookScreening} \(KetamineCds's answer to the EHR of .* UTC, completed from the same screening\)\.",
            decision["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatientViewAndOrderSign_NoDecisionAgainstTheVerdict_NoDecisionCard()
    {
        // Without an override, and with a "proceed" (which an eligible verdict does not go against), the cards are as before.
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa132-none", "");
        var proceeded = await app.RecordClinicianScreeningAsync("qa132-proceed", "");
        await RecordOverrideOnThePageAsync(app, proceeded, "Proceed");

        foreach (var patient in new[] { "qa132-none", "qa132-proceed" })
        {
            foreach (var (path, orderSign) in new[] { (PatientView, false), (OrderSign, true) })
            {
                var cards = await CardsAsync(app, path, CdsHooksApp.ChartCall(patient, orderSign));
                var card = Assert.Single(cards)!;
                Assert.StartsWith("Ketamine screening: eligible for ", Summary(card), StringComparison.Ordinal);
                Assert.Equal("info", card["indicator"]!.GetValue<string>());
                Assert.DoesNotContain("in force", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.DoesNotContain("proceed", card["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task PatientView_EligibleWithCautions_TheSummarySaysWithCautions()
    {
        // QA132 F11: an EHR that shows summaries only read "eligible for ..." for an eligible-with-cautions verdict.
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa132-dis", "\"cognitiveImpairment\":true");

        var cards = await CardsAsync(app, PatientView, CdsHooksApp.ChartCall("qa132-dis", false));
        var chinese = await CardsAsync(app, PatientView, CdsHooksApp.ChartCall("qa132-dis", false), "zh-CN");

        Assert.Contains(cards, c => c!["indicator"]!.GetValue<string>() == "warning");
        var summary = Summary(Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "info"));
        Assert.StartsWith("Ketamine screening: eligible with cautions for ", summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= 140, summary);
        Assert.StartsWith("氯胺酮筛查：符合以下路径（有注意事项）：", Summary(Assert.Single(chinese, c => c!["indicator"]!.GetValue<string>() == "info")), StringComparison.Ordinal);
    }
}
