using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA pass 8: a correction corrects the record of the earlier screening's day, so its answers are dated by that day
/// (F11: its form shows them whole, a re-screen from it drops what no longer holds); correcting an entry already
/// corrected starts from its latest correction (F17); a re-screen or correction is of the same patient (F16); a
/// clinician's override is shown by the verdict (F15).
/// </summary>
public sealed class CorrectionDayAndPatientTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public CorrectionDayAndPatientTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Rescreen_FromACorrectionRecordedTheNextDay_DropsTheCorrectedDaysBloodPressureAndSuicidality()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var factory = new Infrastructure.ClockFactory(clock);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F11-RESCREEN"), api);
        clock.Advance(TimeSpan.FromDays(1));
        api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var correction = await CorrectAsync(api, earlier, SampleRequests.Trd("MRN-F11-RESCREEN").With("failedAdequateTrials", 4), "Trials were 4 (pharmacy record of 20 Nov).");

        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/New?from={correction}"));

        var notCarried = Regex.Match(html, "<p class=\"lead\" id=\"not-carried-over\">.*?</p>", RegexOptions.Singleline).Value;
        Assert.Contains("Suicidality", notCarried, StringComparison.Ordinal);
        Assert.Contains("Systolic blood pressure, Diastolic blood pressure", notCarried, StringComparison.Ordinal);
        Assert.Contains("its answers are those of the screening it corrects, recorded 2026-11-20 09:00 UTC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.SystolicBp\" value=\"128\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.FailedAdequateTrials\" value=\"4\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionLog_Correction_DatesItsAnswersByTheScreeningItCorrectsThroughCorrectionsOfCorrections()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero));
        using var factory = new Infrastructure.ClockFactory(clock);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F11-LOG"), api);
        clock.Advance(TimeSpan.FromDays(2));
        api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var first = await CorrectAsync(api, earlier, SampleRequests.Trd("MRN-F11-LOG").With("distinctMechanisms", 3), "Three mechanisms.");
        clock.Advance(TimeSpan.FromDays(1));
        api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var second = await CorrectAsync(api, first, SampleRequests.Trd("MRN-F11-LOG").With("distinctMechanisms", 3).With("failedAdequateTrials", 4), "Four trials.");
        var log = factory.Services.GetRequiredService<IDecisionLog>();
        var calendar = factory.Services.GetRequiredService<ClinicCalendar>();

        var found = await log.FindScreeningAsync(second);
        var listed = (await log.ListScreeningsForPatientAsync("MRN-F11-LOG")).Screenings.Single(s => s.Id == second);

        var original = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(original, found!.AnswersRecordedAt);
        Assert.Equal(original, listed.AnswersRecordedAt);
        Assert.Equal(new DateOnly(2026, 11, 20), EarlierAnswers.AnswersDay(found, calendar));
        var carried = EarlierAnswers.Of(found, calendar);
        Assert.Null(carried.Request[Domain.Screening.Fields.SystolicBp]);
        Assert.Contains(Domain.Screening.Fields.Suicidality, carried.OutOfDate);
        Assert.Equal(4, carried.Request[Domain.Screening.Fields.FailedAdequateTrials]);
    }

    [Fact]
    public async Task CorrectionForm_OnALaterDay_ShowsTheCorrectedDaysAnswersWholeAsThatDays()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var factory = new Infrastructure.ClockFactory(clock);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F11-FORM").With("systolicBp", 132).With("diastolicBp", 84), api);
        clock.Advance(TimeSpan.FromDays(1));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/New?corrects={earlier}"));

        Assert.DoesNotContain("id=\"not-carried-over\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.SystolicBp\" value=\"132\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.DiastolicBp\" value=\"84\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"suicidality\" name=\"Input.Suicidality\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"none\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("These are the answers of 2026-11-20 (the clinic's day of the screening corrected): correct them as they were on that day.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Screenings/New?from={earlier}\" id=\"rescreen-instead\">Re-screen instead</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectAnAnswer_OnACorrectedScreening_StartsFromTheLatestCorrectionAndCorrectsIt()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F17"), api);
        var correction = await CorrectAsync(api, earlier, SampleRequests.Trd("MRN-F17").With("failedAdequateTrials", 4), "Trials were 4.");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/New?corrects={earlier}"));

        Assert.Contains($"<input type=\"hidden\" name=\"corrects\" value=\"{correction}\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.FailedAdequateTrials\" value=\"4\"", html, StringComparison.Ordinal);
        Assert.Contains($"Screening <a href=\"/Screenings/{earlier}\">{earlier}</a> has already been corrected.", html, StringComparison.Ordinal);
        var result = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{earlier}"));
        Assert.Contains($"The correction to use is the latest, <a href=\"/Screenings/{correction}\">{correction}</a>", result, StringComparison.Ordinal);

        var form = PageTests.ValidForm("MRN-F17");
        form["corrects"] = correction.ToString();
        form["correctionReason"] = "Diagnosis was bipolar II.";
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?corrects={earlier}");
        using var post = await client.PostAsync($"/Screenings/New?corrects={correction}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var second = Guid.Parse(post.Headers.Location!.OriginalString["/Screenings/".Length..]);
        using var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{second}"));
        Assert.Equal(correction, stored.RootElement.GetProperty("corrects").GetGuid());
    }

    [Fact]
    public async Task ApiCorrection_OfAScreeningAlreadyCorrected_Returns400NamingTheLatestCorrectionAndStoresNothing()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F17-API"), api);
        var correction = await CorrectAsync(api, earlier, SampleRequests.Trd("MRN-F17-API").With("failedAdequateTrials", 4), "Trials were 4.");

        using var post = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections", SampleRequests.Trd("MRN-F17-API").With("correctionReason", "Mechanisms were 3."));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        using var problem = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        Assert.Contains(correction.ToString(), problem.RootElement.GetProperty("errors").GetProperty("corrects")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(api, "MRN-F17-API"));
    }

    [Fact]
    public async Task ApiCorrection_NamingAnotherPatient_Returns400OnThePatientReference_ButAnotherLetterCaseIsThePatient()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F16-API"), api);

        using var other = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections", SampleRequests.Trd("MRN-F16-OTHER").With("correctionReason", "wrong MRN"));

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        using var problem = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
        Assert.Contains("A correction is of the same patient (MRN-F16-API)", problem.RootElement.GetProperty("errors").GetProperty("patientReference")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(api, "MRN-F16-OTHER"));
        await CorrectAsync(api, earlier, SampleRequests.Trd("mrn-f16-api"), "Same patient, typed in lower case.");
    }

    [Fact]
    public async Task RescreenForm_KeepsThePatientReferenceReadOnly_AndRefusesAnotherPatient()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F16-FORM"), api);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/New?from={earlier}"));
        Assert.Matches("id=\"patientReference\" name=\"Input.PatientReference\" value=\"MRN-F16-FORM\"[^>]* readonly=\"readonly\" aria-describedby=\"patientReference-readonly", html);

        var form = PageTests.ValidForm("MRN-F16-ELSEWHERE");
        form["from"] = earlier.ToString();
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?from={earlier}");
        using var post = await client.PostAsync($"/Screenings/New?from={earlier}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var refused = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains("<li><a href=\"#patientReference\">A re-screen is of the same patient (MRN-F16-FORM). To screen another patient, start a new screening.</a></li>", refused, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(api, "MRN-F16-ELSEWHERE"));
    }

    [Fact]
    public async Task Override_OfACorrectedScreening_IsNotOfferedAndIsRefusedWith409NamingTheCorrection_AndNothingIsRecorded()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-QA109-F4"), api);
        var correction = await CorrectAsync(api, earlier, SampleRequests.Trd("MRN-QA109-F4").With("failedAdequateTrials", 4), "Trials were 4.");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var inForce = $"<a href=\"/Screenings/{correction}#record-override\" id=\"override-in-force\">{correction}</a>";

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{earlier}"));
        Assert.DoesNotContain("id=\"record-override\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Override", page, StringComparison.Ordinal);
        Assert.Contains($"No override is recorded on this screening: it was corrected, and the decision in force is its latest correction, {inForce}. Record an override there.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"record-override\"", await client.GetStringAsync($"/Screenings/{correction}"), StringComparison.Ordinal);

        using var post = await client.PostAsync($"/Screenings/{earlier}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "DoNotProceed",
            ["Override.Reason"] = "Other",
            ["Override.Explanation"] = "患者拒绝；家属意见不同",
            ["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{correction}"),
        }));

        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        var refused = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Matches("<div class=\"alert alert--danger\" id=\"override-withheld\" role=\"alert\">\\s*<p>The override was NOT saved: this screening has been corrected", refused);
        Assert.Contains(inForce, refused, StringComparison.Ordinal);
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        Assert.Empty((await log.FindScreeningAsync(earlier))!.Overrides);
        Assert.Empty((await log.FindScreeningAsync(correction))!.Overrides);
    }

    [Theory]
    [InlineData("en", "A clinician recorded a decision against this recommendation:", "Do not proceed")]
    [InlineData("zh-CN", "一位临床医生记录了偏离此建议的决定：", "不继续治疗")]
    public async Task Result_WithAnOverride_ShowsItBesideTheVerdict(string language, string heading, string decision)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var id = await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-F15-" + language), api);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "DoNotProceed",
            ["Override.Reason"] = "PatientPreference",
            ["Override.Explanation"] = "Patient declined ketamine.",
            ["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);

        using var page = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", language);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        var verdict = Regex.Match(html, "<section class=\"verdict .*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("id=\"verdict-overrides\"", verdict, StringComparison.Ordinal);
        Assert.Contains(heading, verdict, StringComparison.Ordinal);
        Assert.Contains($"<strong>{decision}</strong>", verdict, StringComparison.Ordinal);
        Assert.Contains("href=\"#overrides-title\"", verdict, StringComparison.Ordinal);
    }

    private static async Task<Guid> CorrectAsync(HttpClient api, Guid corrects, System.Text.Json.Nodes.JsonObject body, string reason)
    {
        using var created = await api.PostAsJsonAsync($"/api/v1/screenings/{corrects}/corrections", body.With("correctionReason", reason));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<int> CountAsync(HttpClient api, string patient)
    {
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings?patientReference={patient}"));
        return list.RootElement.GetProperty("items").GetArrayLength();
    }
}
