using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA pass 7, section 1: a screening that was later re-screened or corrected says so on its result, print and audit
/// pages, and the patient's list marks both (F2); a psychiatrist records a correction with a reason from the result
/// page or the API (F3); a re-screen form that comes back after an error still says when the earlier screening was
/// recorded and what was not carried over (F4); the earlier clinician's note is never carried into a new screening (F5).
/// </summary>
public sealed class CorrectionAndLaterScreeningTests : IClassFixture<KetamineCdsFactory>
{
    private const string TimeToTheSecond = @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC";

    private readonly KetamineCdsFactory _factory;

    public CorrectionAndLaterScreeningTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task EarlierScreening_RescreenedLater_ResultPrintAndAuditPageSayWhenAndLinkTheRescreen()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-LATER-RESCREEN");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var rescreen = await PostFormAsync(client, $"/Screenings/New?from={earlier}", Form("MRN-LATER-RESCREEN", ("from", earlier.ToString())));
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var result = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{earlier}"));
        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{earlier}/Print"));
        var audit = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{earlier}"));

        Assert.Matches($"Re-screened on {TimeToTheSecond} as <a href=\"/Screenings/{rescreen}\">{rescreen}</a>\\.", LaterBox(result));
        Assert.Contains("This screening was re-screened", LaterBox(result), StringComparison.Ordinal);
        Assert.Matches($"Re-screened on {TimeToTheSecond} as <a href=\"/Screenings/{rescreen}\">{rescreen}</a>\\.", LaterBox(print));
        Assert.Matches($"Re-screened on {TimeToTheSecond} as <a href=\"/Audit/Screening/{rescreen}\">{rescreen}</a>\\.", LaterBox(audit));
        Assert.DoesNotContain("id=\"later-screenings\"", await client.GetStringAsync($"/Screenings/{rescreen}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_FromTheResultPage_IsRecordedWithItsReasonAndTheEarlierScreeningShowsItAsCorrected()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-CORRECT-FORM");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var details = await client.GetStringAsync($"/Screenings/{earlier}");
        Assert.Contains($"href=\"/Screenings/New?corrects={earlier}\" id=\"correct-answer\">Correct an answer</a>", details, StringComparison.Ordinal);

        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/New?corrects={earlier}"));
        Assert.Contains($"Correction of screening <a href=\"/Screenings/{earlier}\">{earlier}</a> (recorded ", form, StringComparison.Ordinal);
        Assert.Contains("<textarea class=\"input textarea\" rows=\"3\" id=\"correctionReason\" name=\"correctionReason\"", form, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"corrects\" value=\"{earlier}\">", form, StringComparison.Ordinal);
        Assert.Contains("value=\"MRN-CORRECT-FORM\"", form, StringComparison.Ordinal);

        var correction = await PostFormAsync(client, $"/Screenings/New?corrects={earlier}",
            Form("MRN-CORRECT-FORM", ("corrects", earlier.ToString()), ("correctionReason", "Trials were 3, not 1 <pharmacy record>.")));

        var corrected = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{earlier}"));
        Assert.Contains("This screening was corrected", LaterBox(corrected), StringComparison.Ordinal);
        Assert.Matches(
            $"Corrected by psychiatrist@demo.local on {TimeToTheSecond} as <a href=\"/Screenings/{correction}\">{correction}</a>: Trials were 3, not 1 <pharmacy record>\\.",
            LaterBox(corrected));
        Assert.DoesNotContain("<pharmacy record>", await client.GetStringAsync($"/Screenings/{earlier}"), StringComparison.Ordinal); // encoded
        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{earlier}/Print"));
        Assert.Contains("This screening was corrected", LaterBox(print), StringComparison.Ordinal);
        Assert.Contains("Trials were 3, not 1 <pharmacy record>.", LaterBox(print), StringComparison.Ordinal);

        var own = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{correction}"));
        Assert.Contains($"Correction of screening <a href=\"/Screenings/{earlier}\">{earlier}</a> (recorded ", own, StringComparison.Ordinal);
        Assert.Contains("Reason: Trials were 3, not 1 <pharmacy record>.", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Re-screen of screening", own, StringComparison.Ordinal);
        var ownPrint = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{correction}/Print"));
        Assert.Contains($"<dt>Corrects</dt><dd>{earlier} (recorded ", ownPrint, StringComparison.Ordinal);

        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var audit = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{earlier}"));
        Assert.Contains($"as <a href=\"/Audit/Screening/{correction}\">{correction}</a>: Trials were 3, not 1", LaterBox(audit), StringComparison.Ordinal);
        var auditOfCorrection = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{correction}"));
        Assert.Contains($"<dt>Corrects</dt><dd><a href=\"/Audit/Screening/{earlier}\">{earlier}</a>: Trials were 3, not 1 <pharmacy record>.", auditOfCorrection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_WithoutReasonAndWithAnotherProblem_NamesBothAtOnceKeepsTheAnswersAndStoresNothing()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-CORRECT-NOREASON");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = Form("MRN-CORRECT-NOREASON", ("corrects", earlier.ToString()), ("correctionReason", "   "));
        form["Input.AgeYears"] = "";
        form["Input.ClinicianNote"] = "Typed before the error.";
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?corrects={earlier}");

        using var post = await client.PostAsync($"/Screenings/New?corrects={earlier}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains("There are 2 problems to fix; nothing has been saved yet", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#correctionReason\">Give the reason for the correction: what was entered wrongly, and how you know.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"correctionReason-error\">", html, StringComparison.Ordinal);
        // The count under the box ("N of 500 characters") is read with it, between its hint and its error (helper-176).
        // "Required" is said once, by the visible "(required)" in its label, not again by aria-required (helper-177).
        Assert.Contains("aria-describedby=\"correctionReason-hint correctionReason-count correctionReason-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Typed before the error.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains($"Correction of screening <a href=\"/Screenings/{earlier}\">{earlier}</a> (recorded ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(recorded )", html, StringComparison.Ordinal);
        Assert.Single(await ClinicianEmailsAsync("MRN-CORRECT-NOREASON"));
    }

    [Theory]
    [InlineData("en-GB", "No answer was changed")]
    [InlineData("zh-CN", "没有更改任何回答")]
    public async Task Correction_ThatChangesNoAnswer_IsRefusedAtTheTopAndRecordsNothing(string language, string message)
    {
        // QA157 F3: a correction that changed nothing was recorded, and the earlier screening then said it was corrected.
        var patient = "MRN-CORRECT-NOOP-" + language;
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await PostFormAsync(client, "/Screenings/New", Form(patient));
        var path = $"/Screenings/New?corrects={earlier}";
        // The same answers; only the note differs (a correction's note box starts empty, and the note is no answer).
        var form = Form(patient, ("corrects", earlier.ToString()), ("correctionReason", "Checked the trials again."), ("Input.ClinicianNote", ""));
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, path);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);

        using var post = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Matches($"<li><a href=\"#correction\">[^<]*{message}", html); // in the error summary, linked to the correction's section
        Assert.Contains("<p class=\"field-error\" id=\"corrects-error\">", html, StringComparison.Ordinal);
        Assert.Contains("Checked the trials again.</textarea>", html, StringComparison.Ordinal); // what was typed stays
        Assert.Single(await ClinicianEmailsAsync(patient));
        Assert.DoesNotContain("This screening was corrected", await client.GetStringAsync($"/Screenings/{earlier}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_ThatChangesNoAnswer_ThroughTheApi_Answers400UnderCorrects()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-CORRECT-NOOP-API");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = SampleRequests.Trd("MRN-CORRECT-NOOP-API");
        body["correctionReason"] = "Checked again.";

        using var response = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("No answer was changed", problem.RootElement.GetProperty("errors").GetProperty("corrects")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(await ClinicianEmailsAsync("MRN-CORRECT-NOOP-API"));
    }

    [Fact]
    public async Task Correction_ItsOwnResultAndPrint_NameTheAnswersItChangedBeforeAndAfter()
    {
        const string patient = "MRN-CORRECT-CHANGED";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await PostFormAsync(client, "/Screenings/New", Form(patient));
        var correction = await PostFormAsync(client, $"/Screenings/New?corrects={earlier}",
            Form(patient, ("corrects", earlier.ToString()), ("correctionReason", "Age and trials mistyped."), ("Input.AgeYears", "39"), ("Input.FailedAdequateTrials", "3")));

        var own = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{correction}"));
        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{correction}/Print"));
        var earlierPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{earlier}"));

        foreach (var page in new[] { own, print })
        {
            var changed = Regex.Match(page, "<[^>]+id=\"correction-changed\"[^>]*>(.*?)</(p|div)>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("Age in years: 38 years → 39 years", changed, StringComparison.Ordinal);
            Assert.Contains("Failed adequate antidepressant trials: 2 → 3", changed, StringComparison.Ordinal);
            Assert.DoesNotContain("Clinician", changed, StringComparison.Ordinal); // the note is no answer
        }

        Assert.DoesNotContain("id=\"correction-changed\"", earlierPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_ReasonTooLong_IsRefusedWithItsLimit()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-CORRECT-LONG");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = Form("MRN-CORRECT-LONG", ("corrects", earlier.ToString()), ("correctionReason", new string('x', 501)));
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?corrects={earlier}");

        using var post = await client.PostAsync($"/Screenings/New?corrects={earlier}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("The reason for the correction may have at most 500 characters.", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await ClinicianEmailsAsync("MRN-CORRECT-LONG"));
    }

    [Fact]
    public async Task Correction_AsStaff_IsNeitherOfferedNorAllowed()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-CORRECT-STAFF");
        var staff = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        Assert.DoesNotContain("Correct an answer", await staff.GetStringAsync($"/Screenings/{earlier}"), StringComparison.Ordinal);
        using var form = await staff.GetAsync($"/Screenings/New?corrects={earlier}");
        Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        using var post = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections", SampleRequests.Trd("MRN-CORRECT-STAFF").With("correctionReason", "x"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Correction_OfAnUnknownScreening_Returns404()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var page = await client.GetAsync($"/Screenings/New?corrects={Guid.NewGuid()}");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var post = await api.PostAsJsonAsync($"/api/v1/screenings/{Guid.NewGuid()}/corrections", SampleRequests.Trd("MRN-CORRECT-404").With("correctionReason", "x"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await ClinicianEmailsAsync("MRN-CORRECT-404"));
    }

    [Theory]
    [InlineData("corrects=abc", "en", "Page not found")]
    [InlineData("from=abc", "en", "Page not found")]
    [InlineData("corrects=", "en", "Page not found")]
    [InlineData("from=0f8fad5b-d9cb-469f", "en", "Page not found")]
    [InlineData("corrects=abc", "zh-CN", "未找到页面")]
    [InlineData("from=abc", "zh-CN", "未找到页面")]
    public async Task NewScreening_LinkWithAnUnreadableEarlierId_Is404AsForAnUnknownOne_NeverABlankForm(string query, string language, string notFound)
    {
        // QA11 F7: a link cut short opened the blank form of a new screening, which the clinician would take for the
        // correction or re-screen they had asked for.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Screenings/New?" + query);
        request.Headers.TryAddWithoutValidation("Accept-Language", language);

        using var page = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains(notFound, html, StringComparison.Ordinal);
        Assert.DoesNotContain("screening-form", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("corrects=abc")]
    [InlineData("from=abc")]
    public async Task NewScreening_PostWithAnUnreadableEarlierId_Is404AndRecordsNothing(string query)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var patient = "MRN-UNREADABLE-EARLIER-" + Guid.NewGuid().ToString("N")[..8];
        var form = Form(patient);
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        using var post = await client.PostAsync("/Screenings/New?" + query, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await ClinicianEmailsAsync(patient));
    }

    [Fact]
    public async Task ApiCorrection_ValidBody_Returns201NamingWhatItCorrectsAndWhy()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-CORRECT-API");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        // Trd records 3 trials: the correction changes them (one that changed nothing is refused, QA157 F3).
        using var post = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections",
            SampleRequests.Trd("MRN-CORRECT-API").With("failedAdequateTrials", 4).With("correctionReason", "  Trials were 4, not 3.  "));

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        using var body = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/screenings/{id}", post.Headers.Location!.OriginalString);
        Assert.Equal(["id", "recordedAt", "recordedBy", "corrects", "correctionReason", "ruleSet"], body.RootElement.EnumerateObject().Select(p => p.Name).Take(6));
        Assert.Equal(earlier, body.RootElement.GetProperty("corrects").GetGuid());
        Assert.Equal("Trials were 4, not 3.", body.RootElement.GetProperty("correctionReason").GetString());
        Assert.False(body.RootElement.GetProperty("input").TryGetProperty("correctionReason", out _));
        Assert.Equal(4, body.RootElement.GetProperty("input").GetProperty("failedAdequateTrials").GetInt32());
        using var earlierBody = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{earlier}"));
        Assert.False(earlierBody.RootElement.TryGetProperty("corrects", out _));
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        Assert.Contains("Trials were 4, not 3.", LaterBox(await client.GetStringAsync($"/Screenings/{earlier}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiCorrection_MissingReasonAndBadField_Returns400WithBothAndStoresNothing()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-CORRECT-API-400");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var post = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections", SampleRequests.Trd("MRN-CORRECT-API-400").With("ageYears", null));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        using var body = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal("Give the reason for the correction: what was entered wrongly, and how you know.", errors.GetProperty("correctionReason")[0].GetString());
        Assert.True(errors.TryGetProperty("ageYears", out _));
        Assert.Single(await ClinicianEmailsAsync("MRN-CORRECT-API-400"));
    }

    [Fact]
    public async Task PatientList_RescreenAndCorrection_MarksEachAndTheOnesDoneLaterWithTimesToTheSecond()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-LIST-MARKS");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var rescreen = await PostFormAsync(client, $"/Screenings/New?from={earlier}", Form("MRN-LIST-MARKS", ("from", earlier.ToString())));
        var correction = await PostFormAsync(client, $"/Screenings/New?corrects={rescreen}",
            Form("MRN-LIST-MARKS", ("corrects", rescreen.ToString()), ("correctionReason", "Trials were 3, not 2."), ("Input.FailedAdequateTrials", "3")));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings?patientReference=MRN-LIST-MARKS"));

        string Row(Guid id) => Regex.Match(html, $"<tr>\\s*<td><a href=\"/Screenings/{id}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Matches($"<time datetime=\"[^\"]+\">{TimeToTheSecond}</time>", Row(earlier));
        Assert.Contains("(re-screened later)", Row(earlier), StringComparison.Ordinal);
        Assert.Contains("(re-screen)", Row(rescreen), StringComparison.Ordinal);
        Assert.Contains("(corrected later)", Row(rescreen), StringComparison.Ordinal);
        Assert.Contains("(correction)", Row(correction), StringComparison.Ordinal);
        Assert.DoesNotContain("later)", Row(correction), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_CorrectedEntry_IsMarkedCorrectedLaterLinkingItsCorrectionInEnglishChineseAndTheCsv()
    {
        // QA11 F3: the auditor's list said "(correction)" on the correcting entry only; the corrected one read as live.
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-AUDIT-CORRECTED");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var rescreen = await PostFormAsync(client, $"/Screenings/New?from={earlier}", Form("MRN-AUDIT-CORRECTED", ("from", earlier.ToString())));
        var correction = await PostFormAsync(client, $"/Screenings/New?corrects={earlier}",
            Form("MRN-AUDIT-CORRECTED", ("corrects", earlier.ToString()), ("correctionReason", "Trials were 3, not 1.")));
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit?patient=mrn-audit-corrected"));

        // A row is found by its own Open link (the mark links the correction too).
        string Row(string page, Guid id) => Regex.Match(page, $"<tr>(?:(?!</tr>).)*<a href=\"/Audit/Screening/{id}\">(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;
        var sequence = Regex.Match(Row(html, correction), @"<td>(\d+)</td>").Groups[1].Value;
        Assert.NotEmpty(sequence);
        Assert.Contains($"<span class=\"audit-note audit-note--corrected\"> (corrected later by <a href=\"/Audit/Screening/{correction}\">#{sequence}</a>)</span>", Row(html, earlier), StringComparison.Ordinal);
        Assert.DoesNotContain("corrected later", Row(html, rescreen), StringComparison.Ordinal);
        Assert.DoesNotContain("corrected later", Row(html, correction), StringComparison.Ordinal);
        Assert.Contains("(correction)", Row(html, correction), StringComparison.Ordinal);

        using var zh = await Localization.CultureSelectionTests.GetAsync(auditor, "/Audit?patient=MRN-AUDIT-CORRECTED", "zh-CN");
        var zhHtml = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains($"（后已由 <a href=\"/Audit/Screening/{correction}\">#{sequence}</a> 更正）", Row(zhHtml, earlier), StringComparison.Ordinal);

        // The CSV's new columns are the last ones, so the columns machine readers know keep their places.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        foreach (var (reader, path) in new[] { (auditor, "/Audit?handler=Csv&patient=MRN-AUDIT-CORRECTED"), (api, "/api/v1/audit/export.csv?patient=MRN-AUDIT-CORRECTED") })
        {
            var lines = (await reader.GetStringAsync(path)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("id,sequence,recordedAt,clinician,role,patientReference,overall,ruleSetVersion,ruleSetDigest,correlationId,corrects,rescreenOf,entryType,unreadable,overrides,correctedBy,correctionReason,overrideOf,overrideDecision,overrideReason,overrideExplanation,issuer", lines[0]);
            string Line(Guid id) => Assert.Single(lines, l => l.StartsWith(id.ToString(), StringComparison.Ordinal));
            Assert.EndsWith($",screening,,0,{correction},,,,,,", Line(earlier), StringComparison.Ordinal);
            Assert.EndsWith(",screening,,0,,,,,,,", Line(rescreen), StringComparison.Ordinal);
            Assert.EndsWith($",{earlier},,screening,,0,,\"Trials were 3, not 1.\",,,,,", Line(correction), StringComparison.Ordinal);
            Assert.All(lines.Where(l => !l.Contains('"', StringComparison.Ordinal)), l => Assert.Equal(22, l.Split(',').Length));
        }
    }

    [Fact]
    public async Task Rescreen_ValidationError_KeepsTheEarlierScreeningsDateAndTheNotCarriedOverNotice()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var factory = new Infrastructure.ClockFactory(clock);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-RESCREEN-ERROR").With("systolicBp", 132).With("diastolicBp", 84));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var earlier = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        clock.Advance(TimeSpan.FromDays(1));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = Form("MRN-RESCREEN-ERROR", ("from", earlier.ToString()));
        form["Input.Phq9Item9"] = "5"; // out of range: the form comes back
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?from={earlier}");

        using var post = await client.PostAsync($"/Screenings/New?from={earlier}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"Re-screen of screening <a href=\"/Screenings/{earlier}\">{earlier}</a> (recorded 2026-11-20 09:00 UTC):", html, StringComparison.Ordinal);
        Assert.Contains("Systolic blood pressure, Diastolic blood pressure.",
            Regex.Match(html, "<p class=\"lead\" id=\"not-carried-over\">.*?</p>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from")]
    [InlineData("corrects")]
    public async Task RescreenOrCorrection_EarlierNote_IsLeftEmptyAndShownBesideTheBox(string mode)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-NOTE-" + mode).With("clinicianNote", "First screening; trials to be checked."));
        var earlier = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/New?{mode}={earlier}"));

        Assert.Matches("<textarea class=\"input textarea\" rows=\"4\" id=\"clinicianNote\" name=\"Input.ClinicianNote\"[^>]*></textarea>", html);
        Assert.Contains("<blockquote class=\"note\">First screening; trials to be checked.</blockquote>",
            Regex.Match(html, "<div class=\"earlier-note\" id=\"earlier-note\">.*?</div>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaterScreenings_InChinese_AreSaidInChinese()
    {
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-LATER-ZH");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        await PostFormAsync(client, $"/Screenings/New?corrects={earlier}", Form("MRN-LATER-ZH", ("corrects", earlier.ToString()), ("correctionReason", "试验次数录错。")));

        using var page = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{earlier}", "zh-CN");

        var box = LaterBox(WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Contains("本筛查已被更正", box, StringComparison.Ordinal);
        Assert.Matches($"已由 psychiatrist@demo.local 于 {TimeToTheSecond} 更正为 <a href=\"/Screenings/[0-9a-f-]+\">[0-9a-f-]+</a>：试验次数录错。", box);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("Trials were 3 \u202Eton 1")]
    [InlineData("x\u2066y\u2069")]
    [InlineData("bell\u0007")]
    public async Task ApiCorrectionAndScreening_HiddenCharactersInTheReasonOrNote_Return400NamingTheFieldAndStoreNothing(string text)
    {
        // QA8 F6: a reason an auditor reads must read as written; NUL and direction overrides are refused, not stored.
        var patient = "MRN-HIDDEN-API-" + Guid.NewGuid().ToString("N")[..8];
        var earlier = await _factory.RecordScreeningThroughApiAsync(patient);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var correction = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections",
            SampleRequests.Trd(patient).With("correctionReason", text).With("clinicianNote", text));
        using var screening = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(patient).With("clinicianNote", text));

        Assert.Equal(HttpStatusCode.BadRequest, correction.StatusCode);
        var errors = JsonDocument.Parse(await correction.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("control character or an invisible mark", errors.GetProperty("correctionReason")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("control character or an invisible mark", errors.GetProperty("clinicianNote")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, screening.StatusCode);
        errors = JsonDocument.Parse(await screening.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith("Clinician's note holds a control character", errors.GetProperty("clinicianNote")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(await ClinicianEmailsAsync(patient));
    }

    [Fact]
    public async Task ApiScreening_NoteOnSeveralLinesWithTabs_IsRecorded()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var screening = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-HIDDEN-LINES").With("clinicianNote", "Line one.\r\n\tLine two (تجربة, 试验)."));

        Assert.Equal(HttpStatusCode.Created, screening.StatusCode);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("Trials were 3 \u202Eton 1")]
    public async Task FormCorrection_HiddenCharactersInTheReasonAndNote_AreMessagesOnTheirFieldsAndNothingIsStored(string text)
    {
        // QA8 F6: the form answered a blank 400 for a NUL; it comes back with its messages and what was typed.
        var patient = "MRN-HIDDEN-FORM-" + Guid.NewGuid().ToString("N")[..8];
        var earlier = await _factory.RecordScreeningThroughApiAsync(patient);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = Form(patient, ("corrects", earlier.ToString()), ("correctionReason", text), ("Input.ClinicianNote", text));
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?corrects={earlier}");

        using var post = await client.PostAsync($"/Screenings/New?corrects={earlier}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains("There are 2 problems to fix; nothing has been saved yet", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#correctionReason\">The reason for the correction holds a control character or an invisible mark", html, StringComparison.Ordinal);
        Assert.Contains("Clinician's note holds a control character or an invisible mark", html, StringComparison.Ordinal);
        Assert.Single(await ClinicianEmailsAsync(patient));
    }

    [Fact]
    public async Task Form_SentBackWithProblems_IsMarkedUnsentAndAFreshFormIsNot()
    {
        // QA8 F2: drafts.js treats a form the server sent back as holding unsent answers.
        var earlier = await _factory.RecordScreeningThroughApiAsync("MRN-UNSENT-MARK");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = Form("MRN-UNSENT-MARK", ("corrects", earlier.ToString()), ("correctionReason", ""));
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/New?corrects={earlier}");

        using var post = await client.PostAsync($"/Screenings/New?corrects={earlier}", new FormUrlEncodedContent(form));
        var fresh = await client.GetStringAsync($"/Screenings/New?corrects={earlier}");

        Assert.Matches("<form method=\"post\" class=\"form screening-form\" novalidate data-keep-draft=\"psychiatrist@demo.local\" data-unsent=\"true\" data-may-have-been-recorded=\"false\" data-not-saved-because=\"\">", await post.Content.ReadAsStringAsync());
        Assert.Contains("data-keep-draft=\"psychiatrist@demo.local\" data-unsent=\"false\" data-may-have-been-recorded=\"false\" data-not-saved-because=\"\">", fresh, StringComparison.Ordinal);
    }

    /// <summary>The box naming the later screenings (empty when there is none).</summary>
    private static string LaterBox(string html) =>
        Regex.Match(html, "<div class=\"[^\"]*\" id=\"later-screenings\" role=\"note\">.*?</ul>", RegexOptions.Singleline).Value;

    /// <summary>The form with the required answers, and the re-screen's or correction's own fields.</summary>
    private static Dictionary<string, string> Form(string patient, params (string Name, string Value)[] extra)
    {
        var form = PageTests.ValidForm(patient);
        foreach (var (name, value) in extra)
        {
            form[name] = value;
        }

        return form;
    }

    /// <summary>Posts the form as the page does; it must be recorded (redirect to the new result).</summary>
    private static async Task<Guid> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, path);
        using var post = await client.PostAsync(path, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return Guid.Parse(post.Headers.Location!.OriginalString["/Screenings/".Length..]);
    }

    /// <summary>Who recorded each of a patient's screenings, from the API's list: one per screening stored.</summary>
    private async Task<IReadOnlyList<string>> ClinicianEmailsAsync(string patient)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings?patientReference={patient}"));
        return [.. list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordedBy").GetString()!)];
    }
}
