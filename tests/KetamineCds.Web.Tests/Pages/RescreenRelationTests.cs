using System.Net;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// A re-screen ("Re-screen with these answers", then recorded) points to the earlier screening, and says so wherever a
/// clinician or an auditor looks: the result, the print, the API, the auditor's screening page, list and CSV. It is
/// never presented as a correction.
/// </summary>
public sealed class RescreenRelationTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public RescreenRelationTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Rescreen_Recorded_ResultPrintAndApiNameTheEarlierScreening()
    {
        var (earlier, rescreen) = await RescreenAsync("MRN-RELATION-CLINIC");
        var psychiatrist = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        var result = WebUtility.HtmlDecode(await psychiatrist.GetStringAsync($"/Screenings/{rescreen}"));
        var print = WebUtility.HtmlDecode(await psychiatrist.GetStringAsync($"/Screenings/{rescreen}/Print"));
        using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{rescreen}"));
        using var earlierBody = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{earlier}"));
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/screenings?patientReference=MRN-RELATION-CLINIC"));

        Assert.Contains($"Re-screen of screening <a href=\"/Screenings/{earlier}\">{earlier}</a>", result, StringComparison.Ordinal);
        Assert.Contains("this screening started from its answers, and that one is unchanged.", result, StringComparison.Ordinal);
        Assert.Contains($"<dt>Re-screen of</dt><dd>{earlier}", print, StringComparison.Ordinal);
        Assert.Equal(earlier, body.RootElement.GetProperty("rescreenOf").GetGuid());
        Assert.Equal(["id", "recordedAt", "recordedBy", "rescreenOf", "ruleSet"], body.RootElement.EnumerateObject().Select(p => p.Name).Take(5));
        Assert.False(earlierBody.RootElement.TryGetProperty("rescreenOf", out _));
        Assert.Equal(earlier, list.RootElement.GetProperty("items")[0].GetProperty("rescreenOf").GetGuid());
        Assert.DoesNotContain("Re-screen of", WebUtility.HtmlDecode(await psychiatrist.GetStringAsync($"/Screenings/{earlier}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescreen_Recorded_TheAuditorsPageListAndCsvCallItARescreenNotACorrection()
    {
        var (earlier, rescreen) = await RescreenAsync("MRN-RELATION-AUDIT");
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var auditorApi = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{rescreen}"));
        var listed = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit?patient=MRN-RELATION-AUDIT"));
        var csv = (await auditorApi.GetStringAsync("/api/v1/audit/export.csv?patient=MRN-RELATION-AUDIT")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains($"<dt>Re-screen of</dt><dd><a href=\"/Audit/Screening/{earlier}\">{earlier}</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Corrects</dt>", page, StringComparison.Ordinal);
        Assert.Contains("(re-screen)", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("(correction)", listed, StringComparison.Ordinal);
        var header = csv[0].Split(',');
        Assert.Equal(["corrects", "rescreenOf", "entryType", "unreadable", "overrides", "correctedBy"], header[10..16]);
        var row = csv.Single(line => line.StartsWith(rescreen.ToString(), StringComparison.Ordinal)).Split(',');
        Assert.Equal(("", earlier.ToString(), "screening", "", "0", ""), (row[10], row[11], row[12], row[13], row[14], row[15]));
        var first = csv.Single(line => line.StartsWith(earlier.ToString(), StringComparison.Ordinal)).Split(',');
        Assert.Equal(("", "", ""), (first[10], first[11], first[15])); // a re-screen is not a correction: correctedBy stays empty
    }

    [Fact]
    public async Task Rescreen_AuditorsPageInChinese_PutsTheChineseColonAfterTheEarlierScreening()
    {
        // QA walk, session 47: the relation line read "重新筛查自 <id>: 以该筛查的回答开始…", an English colon in Chinese.
        var (earlier, rescreen) = await RescreenAsync("MRN-RELATION-AUDIT-ZH");
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{rescreen}", "zh-CN");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains($"<a href=\"/Audit/Screening/{earlier}\">{earlier}</a>：", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"{earlier}</a>: ", page, StringComparison.Ordinal);
    }

    /// <summary>A screening through the API, then a re-screen of it through the form, as "Re-screen with these answers" posts it.</summary>
    private async Task<(Guid Earlier, Guid Rescreen)> RescreenAsync(string patient)
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync(patient);

        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm(patient);
        form["from"] = earlier.ToString();
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?from={earlier}");
        using var post = await client.PostAsync($"/Screenings/New?from={earlier}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return (earlier, Guid.Parse(post.Headers.Location!.OriginalString["/Screenings/".Length..]));
    }
}
