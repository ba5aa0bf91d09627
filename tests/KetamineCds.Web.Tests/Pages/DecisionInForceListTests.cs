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
}
