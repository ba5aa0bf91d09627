using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// QA132 F1's rest: each call from the EHR records its answer as a re-screen of the clinician's screening it was completed
/// from. The patient list showed those answers as plain "Eligible (re-screen)" rows and their result page as a plain
/// "Eligible", although the clinician's "do not proceed" on that screening was in force (and named on the card).
/// </summary>
public sealed class DecisionInForcePagesTests
{
    [Fact]
    public async Task PatientListAndResultPage_AnswerToTheEhrCompletedFromAScreeningWithDoNotProceed_NameTheDecisionInForce()
    {
        using var app = CdsHooksApp.Sqlite();
        var clinicians = await app.RecordClinicianScreeningAsync("qa132-ovr", "");
        await DecisionInForceCardTests.RecordOverrideOnThePageAsync(app, clinicians, "DoNotProceed");
        using (var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("qa132-ovr", false).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Guid answer;
        await using (var db = app.Db())
        {
            answer = await db.DecisionLogEntries
                .Where(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null && e.PatientReference == "qa132-ovr")
                .Select(e => e.Id).SingleAsync();
        }

        var page = await app.SignInAsync("psychiatrist@demo.local");

        // The answer's own page: the decision on the screening it was completed from, with a link to its explanation.
        var result = await page.GetStringAsync($"/Screenings/{answer}");
        var note = Element(result, "decision-on-earlier");
        Assert.Contains($"This answer to the EHR was completed from screening {clinicians}, where a clinician&#x27;s decision against the recommendation is in force:", note, StringComparison.Ordinal);
        Assert.Contains("<strong>Do not proceed</strong> (Patient preference) by psychiatrist@demo.local on ", note, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/{clinicians}#overrides-title\"", note, StringComparison.Ordinal);
        // Its one-page print says the same, with the clinician's explanation.
        var print = await page.GetStringAsync($"/Screenings/{answer}/Print");
        var printed = Element(print, "decision-on-earlier");
        Assert.Contains($"completed from screening {clinicians}", printed, StringComparison.Ordinal);
        Assert.Contains("<strong>Do not proceed</strong> (Patient preference) by psychiatrist@demo.local on ", printed, StringComparison.Ordinal);
        Assert.Contains("Patient declined esketamine today after discussion.", printed, StringComparison.Ordinal);
        // The clinician's own screening keeps its own block, and never the carried one.
        var own = await page.GetStringAsync($"/Screenings/{clinicians}");
        Assert.Contains("id=\"verdict-overrides\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decision-on-earlier\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decision-on-earlier\"", await page.GetStringAsync($"/Screenings/{clinicians}/Print"), StringComparison.Ordinal);

        // The patient list: both rows show the decision; the answer's row says where it comes from.
        var list = await page.GetStringAsync("/Screenings?patientReference=qa132-ovr");
        var rows = Rows(list);
        var answerRow = Assert.Single(rows, r => r.Contains($"/Screenings/{answer}", StringComparison.Ordinal));
        Assert.Contains(" (answer to the EHR)", answerRow, StringComparison.Ordinal);
        Assert.Contains("<strong>Do not proceed</strong> (Patient preference)</span>", answerRow, StringComparison.Ordinal);
        Assert.Contains(" (on the screening it was completed from)", answerRow, StringComparison.Ordinal);
        var clinicianRow = Assert.Single(rows, r => r.Contains($"/Screenings/{clinicians}", StringComparison.Ordinal));
        Assert.Contains("<strong>Do not proceed</strong> (Patient preference)</span>", clinicianRow, StringComparison.Ordinal);
        Assert.DoesNotContain("completed from", clinicianRow, StringComparison.Ordinal);
        Assert.Contains("Decision in force", list, StringComparison.Ordinal);
    }

    private static string Element(string html, string id)
    {
        var match = Regex.Match(html, $"<div [^>]*id=\"{id}\"[^>]*>.*?</div>", RegexOptions.Singleline);
        Assert.True(match.Success, $"#{id} is on the page");
        return match.Value;
    }

    private static IReadOnlyList<string> Rows(string html) =>
        [.. Regex.Matches(html, "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value)];
}
