using System.Net;

namespace KetamineCds.Web.Tests;

/// <summary>Re-screens through the form (the API has no re-screen): <c>/Screenings/New?from={id}</c> posted with the required answers.</summary>
internal static class RescreenForms
{
    /// <summary>The form re-screening <paramref name="from"/> with the required answers (an adult man with MDD, three failed trials, on an oral antidepressant, no psychosis, no suicidality), ready to post.</summary>
    public static async Task<Dictionary<string, string>> RequiredAnswersAsync(HttpClient client, Guid from, string reference) => new()
    {
        ["from"] = from.ToString(),
        ["Input.PatientReference"] = reference,
        ["Input.AgeYears"] = "45",
        ["Input.SexAtBirth"] = "male",
        ["Input.PrimaryDiagnosis"] = "mdd",
        ["Input.CurrentDepressiveEpisode"] = "true",
        ["Input.FailedAdequateTrials"] = "3",
        ["Input.OnOralAntidepressant"] = "true",
        ["Input.Psychosis"] = "none",
        ["Input.Suicidality"] = "none",
        ["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?from={from}"),
    };

    /// <summary>Re-screens <paramref name="from"/> as the psychiatrist with the required answers and the US label recorded; the new screening's id.</summary>
    public static async Task<Guid> RescreenAsync(this KetamineCdsFactory factory, Guid from, string reference)
    {
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await RequiredAnswersAsync(page, from, reference);
        form["Input.Jurisdiction"] = "us";
        using var posted = await page.PostAsync($"/Screenings/New?from={from}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return Guid.Parse(posted.Headers.Location!.OriginalString["/Screenings/".Length..]);
    }
}
