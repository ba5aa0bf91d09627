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
            var cards = await app.CardsAsync(path, CdsHooksApp.ChartCall("qa132-ovr", orderSign));

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

        var chinese = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa132-ovr", false), "zh-CN");
        Assert.Contains(chinese, c => Summary(c) == "临床医生的决定仍然有效：不继续治疗（患者意愿）");
    }

    /// <summary>
    /// Corrects one answer of <paramref name="screening"/> on its form (Correct an answer, <c>/Screenings/New?corrects=</c>), as
    /// the psychiatrist does: every other answer posted as the form shows it. Returns the correction's id.
    /// </summary>
    internal static async Task<Guid> CorrectOnTheFormAsync(CdsHooksApp app, Guid screening, string field, string value, string reason)
    {
        var page = await app.SignInAsync("psychiatrist@demo.local");
        var path = $"/Screenings/New?corrects={screening}";
        var form = FormAsShown(await page.GetStringAsync(path));
        form[field] = value;
        form["correctionReason"] = reason;
        using var post = await page.PostAsync(path, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return Guid.Parse(post.Headers.Location!.OriginalString["/Screenings/".Length..]);
    }

    /// <summary>What a browser would post for the page's form as it is shown: its text and hidden inputs, the checked choices, the selected options, the text areas.</summary>
    private static Dictionary<string, string> FormAsShown(string html)
    {
        static string? Attribute(string tag, string name) =>
            Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in Regex.Matches(html, "<input\\s[^>]*>").Select(m => m.Value))
        {
            if (Attribute(tag, "name") is not { } name || Attribute(tag, "disabled") is not null
                || (Attribute(tag, "type") is "radio" or "checkbox" && Attribute(tag, "checked") is null) || Attribute(tag, "type") is "submit")
            {
                continue;
            }

            form[name] = form.TryGetValue(name, out var earlier) && Attribute(tag, "type") == "checkbox" ? earlier : Attribute(tag, "value") ?? "";
        }

        foreach (Match select in Regex.Matches(html, "<select\\s([^>]*)>(.*?)</select>", RegexOptions.Singleline))
        {
            if (Attribute(" " + select.Groups[1].Value, "name") is { } name)
            {
                var chosen = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
                form[name] = chosen.Success ? WebUtility.HtmlDecode(chosen.Groups[1].Value) : "";
            }
        }

        foreach (Match area in Regex.Matches(html, "<textarea\\s([^>]*)>(.*?)</textarea>", RegexOptions.Singleline))
        {
            if (Attribute(" " + area.Groups[1].Value, "name") is { } name)
            {
                form[name] = WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\n');
            }
        }

        return form;
    }

    [Fact]
    public async Task PatientViewAndOrderSign_DoNotProceedThenAnAnswerCorrectedOnTheForm_TheCardNamesTheDecisionAsThePagesDo()
    {
        // The decision in force on a correction is the one recorded on the screening it corrects (QA137 F1): its page and
        // the patient list said so, but the EHR's card, completed from the correction, named no decision.
        using var app = CdsHooksApp.Sqlite();
        var clinicians = await app.RecordClinicianScreeningAsync("qa-corr-dnp", "");
        await RecordOverrideOnThePageAsync(app, clinicians, "DoNotProceed");
        var correction = await CorrectOnTheFormAsync(app, clinicians, "Input.Phq9Total", "19", "The PHQ-9 total was 19; typed wrong.");

        var page = await app.SignInAsync("psychiatrist@demo.local");
        Assert.Contains("id=\"decision-on-earlier\"", await page.GetStringAsync($"/Screenings/{correction}"), StringComparison.Ordinal);
        foreach (var (path, orderSign) in new[] { (PatientView, false), (OrderSign, true) })
        {
            var cards = await app.CardsAsync(path, CdsHooksApp.ChartCall("qa-corr-dnp", orderSign));

            Assert.Contains(cards, c => Summary(c).StartsWith("Ketamine screening: eligible for ", StringComparison.Ordinal));
            var decision = Assert.Single(cards, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal))!;
            Assert.Equal(DecisionPrefix + "do not proceed (Patient preference)", Summary(decision));
            Assert.Equal("warning", decision["indicator"]!.GetValue<string>());
            var detail = decision["detail"]!.GetValue<string>();
            Assert.StartsWith($"The answers of screening {correction} were used here.", detail, StringComparison.Ordinal);
            Assert.Matches(
                $@"- \*\*Do not proceed\*\* \(Patient preference\), recorded by psychiatrist@demo\.local on \d{{4}}-\d\d-\d\d \d\d:\d\d UTC, on screening {clinicians} \(recorded \d{{4}}-\d\d-\d\d \d\d:\d\d UTC, and put right by correction {correction}, whose answers were used here; the decision was not recorded again on it\)\.",
                detail);
        }

        var chinese = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa-corr-dnp", false), "zh-CN");
        Assert.Contains(chinese, c => Summary(c) == "临床医生的决定仍然有效：不继续治疗（患者意愿）");
    }

    [Fact]
    public async Task OrderSign_ClinicianProceedAgainstAContraindication_TheDecisionCardFollowsTheCriticalCard()
    {
        // The other direction: a "proceed" recorded against a contraindication (VAS-001) goes with the critical card.
        using var app = CdsHooksApp.Sqlite();
        var clinicians = await app.RecordClinicianScreeningAsync("qa132-pro", "\"aneurysmalVascularDisease\":true");
        await RecordOverrideOnThePageAsync(app, clinicians, "Proceed");

        var cards = await app.CardsAsync(OrderSign, CdsHooksApp.ChartCall("qa132-pro", true));

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
        var first = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa132-fb", false));
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

        var second = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa132-fb", false));

        Assert.Contains(second, c => Summary(c).StartsWith("Ketamine screening: eligible for ", StringComparison.Ordinal));
        var decision = Assert.Single(second, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DecisionPrefix + "do not proceed (Patient preference)", Summary(decision));
        Assert.Equal("warning", decision["indicator"]!.GetValue<string>());
        Assert.Matches(
            $@"- \*\*Do not proceed\*\* \(Patient preference\), recorded by the EHR {Regex.Escape(CdsHooksApp.Issuer)} \(CDS Hooks feedback\) on .* UTC, on screening {hookScreening} \(KetamineCds's answer to the EHR of .* UTC, completed from the same screening\)\.",
            decision["detail"]!.GetValue<string>());
    }

    /// <summary>Sends the EHR's feedback "overridden" on <paramref name="card"/>, with the override reason code given (or none).</summary>
    private static async Task OverrideThroughFeedbackAsync(CdsHooksApp app, JsonNode card, string? reasonCode)
    {
        var acted = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var reason = reasonCode is null
            ? ""
            : $$$""","overrideReason":{"reason":{"system":"https://ketaminecds.org/fhir/CodeSystem/override-reason","code":"{{{reasonCode}}}"},"userComment":"Vascular surgeon: repaired, stable."}""";
        using var feedback = await app.PostAsync(PatientView + "/feedback",
            $$$"""{"feedback":[{"card":"{{{card["uuid"]!.GetValue<string>()}}}","outcome":"overridden","outcomeTimestamp":"{{{acted}}}"{{{reason}}}}]}""");
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
    }

    [Fact]
    public async Task PatientView_BareOverriddenFeedbackOnTheCriticalCard_IsNeverADecisionInForceAndDoesNotHideAStatedOne()
    {
        // QA141 F3: an EHR's "overridden" without an override reason states no decision. It was read as "proceed, reason
        // Other" and the next card said a clinician's decision to proceed against the contraindication was in force.
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa141-f3", "\"aneurysmalVascularDisease\":true");
        static JsonNode Critical(JsonArray cards) => Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "critical")!;

        // A bare override: no decision card on the next call.
        await OverrideThroughFeedbackAsync(app, Critical(await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa141-f3", false))), null);
        var afterBare = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa141-f3", false));
        Assert.DoesNotContain(afterBare, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal));

        // A stated override: its decision is in force on the next call.
        await OverrideThroughFeedbackAsync(app, Critical(afterBare), "specialist-advice-obtained");
        var afterStated = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa141-f3", false));
        Assert.Equal(DecisionPrefix + "proceed against the recommendation (Specialist advice obtained)",
            Summary(Assert.Single(afterStated, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal))));

        // A later bare override, on a newer answer, neither replaces nor hides the stated decision.
        await OverrideThroughFeedbackAsync(app, Critical(afterStated), null);
        var afterBareAgain = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa141-f3", false));
        Assert.Equal(DecisionPrefix + "proceed against the recommendation (Specialist advice obtained)",
            Summary(Assert.Single(afterBareAgain, c => Summary(c).StartsWith(DecisionPrefix, StringComparison.Ordinal))));
        await using var db = app.Db();
        Assert.Equal(3, await db.DecisionLogEntries.CountAsync(e => e.EntryType == DecisionLogEntryTypes.Override));
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
                var cards = await app.CardsAsync(path, CdsHooksApp.ChartCall(patient, orderSign));
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

        var cards = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa132-dis", false));
        var chinese = await app.CardsAsync(PatientView, CdsHooksApp.ChartCall("qa132-dis", false), "zh-CN");

        Assert.Contains(cards, c => c!["indicator"]!.GetValue<string>() == "warning");
        var summary = Summary(Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "info"));
        Assert.StartsWith("Ketamine screening: eligible with cautions for ", summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= 140, summary);
        Assert.StartsWith("氯胺酮筛查：符合以下路径（有注意事项）：", Summary(Assert.Single(chinese, c => c!["indicator"]!.GetValue<string>() == "info")), StringComparison.Ordinal);
    }
}
