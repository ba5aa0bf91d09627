using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA132 F1's rest: the patient list reads a clinician's decision against the verdict with it. A clinician's re-screen is
/// a new decision: the earlier screening's decision is not carried to it (only an answer to the EHR completed from that
/// screening carries it; IntegrationTests' DecisionInForcePagesTests).
/// </summary>
public sealed class DecisionInForceListTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Fact]
    public async Task PatientList_OverriddenScreeningAndAClinicianReScreenOfIt_TheDecisionIsOnItsOwnRowOnly()
    {
        const string patient = "MRN-QA132-F1-LIST";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await factory.RecordOverrideThroughPageAsync(first);
        var rescreen = await factory.RescreenAsync(first, patient);

        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var html = await client.GetStringAsync($"/Screenings?patientReference={patient}");
        var rows = Regex.Matches(html, "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();

        Assert.Contains("<th scope=\"col\">Decision in force</th>", html, StringComparison.Ordinal);
        var firstRow = Assert.Single(rows, r => r.Contains($"/Screenings/{first}", StringComparison.Ordinal));
        Assert.Contains("<strong>Proceed</strong> (Benefit outweighs risk after review)</span>", firstRow, StringComparison.Ordinal);
        var rescreenRow = Assert.Single(rows, r => r.Contains($"/Screenings/{rescreen}", StringComparison.Ordinal));
        Assert.Contains(" (re-screen)", rescreenRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Proceed", rescreenRow, StringComparison.Ordinal);
        Assert.DoesNotContain("completed from", rescreenRow, StringComparison.Ordinal);
        Assert.Contains("<span class=\"list-note\">None recorded.</span>", rescreenRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_OfAnOverriddenScreening_ShowsTheDecisionOnItsPagePrintListAndTheReScreenForm()
    {
        // QA137 F1: after a correction, the clinician's decision was shown only on the superseded screening's row.
        const string patient = "MRN-QA137-F1";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await factory.RecordOverrideThroughPageAsync(first);
        using var corrected = await api.PostAsJsonAsync($"/api/v1/screenings/{first}/corrections",
            SampleRequests.Trd(patient).With("psychosis", "active").With("correctionReason", "Psychosis was active at the visit; typed wrong."));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var correction = (await corrected.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        async Task<string> Page(string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

        var list = await Page($"/Screenings?patientReference={patient}");
        var correctionRow = Assert.Single(Regex.Matches(list, "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value), r => r.Contains($"/Screenings/{correction}", StringComparison.Ordinal));
        Assert.Contains("<strong>Proceed</strong> (Benefit outweighs risk after review)</span>", correctionRow, StringComparison.Ordinal);
        Assert.Contains(" (recorded on the screening it corrects)", correctionRow, StringComparison.Ordinal);

        var result = Regex.Match(await Page($"/Screenings/{correction}"), "<div [^>]*id=\"decision-on-earlier\".*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains($"This correction puts right answers of screening {first}, where a clinician recorded a decision against the recommendation.", result, StringComparison.Ordinal);
        Assert.Contains("<strong>Proceed</strong> (Benefit outweighs risk after review) by psychiatrist@demo.local on ", result, StringComparison.Ordinal);

        var print = Regex.Match(await Page($"/Screenings/{correction}/Print"), "<div [^>]*id=\"decision-on-earlier\".*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains(KetamineCdsFactory.OverrideExplanation, print, StringComparison.Ordinal);

        // A re-screen of the original starts from the correction (QA128 F1) and still names the decision.
        var form = Regex.Match(await Page($"/Screenings/New?from={first}"), "<div [^>]*id=\"earlier-carried\".*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains($"recorded on screening {first}; it is not carried into this one:", form, StringComparison.Ordinal);
        Assert.Contains(KetamineCdsFactory.OverrideExplanation, form, StringComparison.Ordinal);
    }
}
