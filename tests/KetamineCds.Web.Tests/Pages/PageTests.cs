using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace KetamineCds.Web.Tests.Pages;

public sealed partial class PageTests : IClassFixture<KetamineCdsFactory>
{
    private const string Disclaimer = "KetamineCds supports, and never replaces, the clinician";
    private readonly KetamineCdsFactory _factory;

    public PageTests(KetamineCdsFactory factory) => _factory = factory;

    public static Dictionary<string, string> ValidForm(string reference) => new()
    {
        ["Input.PatientReference"] = reference,
        ["Input.AgeYears"] = "38",
        ["Input.SexAtBirth"] = "male",
        ["Input.Jurisdiction"] = "us",
        ["Input.PrimaryDiagnosis"] = "bipolar-ii",
        ["Input.CurrentDepressiveEpisode"] = "true",
        ["Input.FailedAdequateTrials"] = "2",
        ["Input.DistinctMechanisms"] = "2",
        ["Input.OnOralAntidepressant"] = "false",
        ["Input.MoodStabilizer"] = "lithium",
        ["Input.MoodStabilizerOptimized"] = "true",
        ["Input.Psychosis"] = "none",
        ["Input.Suicidality"] = "passive-ideation",
        ["Input.SafetyPlanInPlace"] = "true",
        ["Input.LethalMeansCounselled"] = "true",
        ["Input.FollowUpArranged"] = "false",
        ["Input.Pregnant"] = "",
        ["Input.ClinicianNote"] = "Seen with partner.",
    };

    [Fact]
    public async Task Login_InDevelopment_ListsTheDemoAccounts()
    {
        var html = await _factory.CreateRawClient().GetStringAsync("/Account/Login");

        Assert.Contains("psychiatrist@demo.local", html, StringComparison.Ordinal);
        Assert.Contains("Development", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        var client = _factory.CreateRawClient();
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = KetamineCdsFactory.Psychiatrist,
            ["Input.Password"] = "nope",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Screenings/New")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Screenings/New")]
    [InlineData("/Rules")]
    [InlineData("/Principles")]
    [InlineData("/Screenings")]
    public async Task Page_Anonymous_RedirectsToSignIn(string path)
    {
        var response = await _factory.CreateRawClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Staff)]
    [InlineData(KetamineCdsFactory.Auditor)]
    [InlineData(KetamineCdsFactory.Admin)]
    public async Task NewScreening_NotPsychiatrist_IsDenied(string email)
    {
        var client = await _factory.CreatePageClientAsync(email);

        var response = await client.GetAsync("/Screenings/New");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_Psychiatrist_ShowsEveryContractFieldWithALabel()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync("/Screenings/New");

        foreach (var field in Fields.All)
        {
            Assert.Contains($"name=\"Input.{field.Property}\"", html, StringComparison.Ordinal);
            var hasLabel = html.Contains($"<label for=\"{field.Name}\"", StringComparison.Ordinal)
                || html.Contains($"<label for=\"{KetamineCds.Web.Screenings.FieldControl.AnchorOf(field)}\"", StringComparison.Ordinal);
            Assert.True(hasLabel, $"{field.Name} has no label");
        }

        Assert.Contains("data-show-when=\"Input.PrimaryDiagnosis=bipolar-i,bipolar-ii\"", html, StringComparison.Ordinal);
        Assert.Contains(Disclaimer, html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(" on[a-z]+=", html);
        // Scripts are files only (no inline script): the form's, the unsent answers' and the session notice's.
        Assert.Equal(3, Regex.Count(html, "<script"));
        Assert.Equal(3, Regex.Count(html, "<script src=\"/js/"));
        Assert.Contains("<script src=\"/js/site.js", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/drafts.js", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/session.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_ValidPost_RedirectsToStoredResult()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = ValidForm("MRN-PRG");
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        var post = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var location = post.Headers.Location!.OriginalString;
        Assert.Matches("^/Screenings/[0-9a-f-]{36}$", location);
        var result = await client.GetStringAsync(location);
        Assert.Contains("MRN-PRG", result, StringComparison.Ordinal);
        Assert.Contains("Ketamine as an adjunct in bipolar depression", result, StringComparison.Ordinal);
        Assert.Contains("Requirements", result, StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules#", result, StringComparison.Ordinal);
        Assert.Contains("href=\"/Principles#P-", result, StringComparison.Ordinal);
        Assert.Contains(Disclaimer, result, StringComparison.Ordinal);
        Assert.Contains("Seen with partner.", result, StringComparison.Ordinal);

        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        var stored = await api.GetFromJsonAsync<JsonElement>("/api/v1/screenings?patientReference=MRN-PRG");
        Assert.Equal(1, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task NewScreening_InvalidPost_KeepsInputShowsErrorsAndStoresNothing()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = ValidForm("MRN-INVALID");
        form["Input.AgeYears"] = "abc";
        form["Input.DistinctMechanisms"] = "5";
        form.Remove("Input.MoodStabilizer");
        form["Input.SafetyPlanInPlace"] = "";
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#ageYears\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#distinctMechanisms\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#moodStabilizer\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#safetyPlanInPlace-yes\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ageYears-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"MRN-INVALID\"", html, StringComparison.Ordinal);
        Assert.Contains("Seen with partner.</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"lethalMeansCounselled-yes\" name=\"Input.LethalMeansCounselled\" value=\"true\" checked", html);

        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        var stored = await api.GetFromJsonAsync<JsonElement>("/api/v1/screenings?patientReference=MRN-INVALID");
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task NewScreening_DecisionLogUnavailable_KeepsInputAndSaysNotRecorded()
    {
        var log = new Mock<IDecisionLog>();
        var (status, html) = await PostNewScreeningAsync(log, new DecisionLogUnavailableException("database down"), "MRN-DOWN");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The screening was NOT saved", html, StringComparison.Ordinal);
        Assert.Contains("value=\"MRN-DOWN\"", html, StringComparison.Ordinal);
        // Answers a language switch keeps from this form come back saying the database could not be reached (drafts.js).
        Assert.Contains("data-unsent=\"true\" data-may-have-been-recorded=\"false\" data-not-saved-because=\"database-unavailable\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Overall verdict", html, StringComparison.Ordinal);
        log.Verify(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task NewScreening_DecisionLogFailedDuringCommit_KeepsInputAndSaysItMayHaveBeenRecorded()
    {
        var (status, html) = await PostNewScreeningAsync(
            new Mock<IDecisionLog>(), new DecisionLogUnavailableException("connection lost during commit") { OutcomeUnknown = true }, "MRN-MAYBE");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The screening could NOT be confirmed as saved", html, StringComparison.Ordinal);
        Assert.Contains("It may have been stored.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The screening was NOT saved", html, StringComparison.Ordinal);
        Assert.Contains("value=\"MRN-MAYBE\"", html, StringComparison.Ordinal);
        // Helper 298: answers a language switch keeps from this form come back saying they may have been recorded (drafts.js).
        Assert.Contains("data-unsent=\"true\" data-may-have-been-recorded=\"true\" data-not-saved-because=\"\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Overall verdict", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_DatabaseRefusedTheEntry_KeepsInputAndSaysNotSavedWithoutCallingItAnOutage()
    {
        // The database answered (a check constraint): the page said "The decision log is unavailable ... submit again in a moment".
        var refused = new DecisionLogUnavailableException(
            "The decision log could not record the entry; nothing was stored.", new Npgsql.PostgresException("new row violates check constraint", "ERROR", "ERROR", "23514"));

        var (status, html) = await PostNewScreeningAsync(new Mock<IDecisionLog>(), refused, "MRN-REFUSED");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The screening was NOT saved", html, StringComparison.Ordinal);
        Assert.Contains("The database refused to store it, so no result can be shown.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The decision log is unavailable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("check constraint", html, StringComparison.Ordinal);
        Assert.Contains("value=\"MRN-REFUSED\"", html, StringComparison.Ordinal);
        // Answers a language switch keeps from this form come back saying the database refused them and that sending
        // them again unchanged will not help, as the 409 page's do, not "send the form: nothing has been saved yet".
        Assert.Contains("data-unsent=\"true\" data-may-have-been-recorded=\"false\" data-not-saved-because=\"database-refused\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Overall verdict", html, StringComparison.Ordinal);
    }

    /// <summary>Posts a valid new-screening form for <paramref name="mrn"/> while the decision log throws <paramref name="failure"/>.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostNewScreeningAsync(Mock<IDecisionLog> log, DecisionLogUnavailableException failure, string mrn)
    {
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        using var factory = new KetamineCdsFactory { DecisionLogOverride = log.Object };
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = ValidForm(mrn);
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");
        using var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Result_UnknownId_Returns404()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var response = await client.GetAsync($"/Screenings/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ResultAndPrint_Staff_CanReadAndPrintWithoutNavigation()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-PRINT"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var result = await client.GetStringAsync($"/Screenings/{id}");
        var print = await client.GetStringAsync($"/Screenings/{id}/Print");

        Assert.Contains("Overall verdict", result, StringComparison.Ordinal);
        Assert.Contains("MRN-PRINT", print, StringComparison.Ordinal);
        Assert.Contains("sha256:", print, StringComparison.Ordinal);
        Assert.Contains("Clinician signature", print, StringComparison.Ordinal);
        Assert.Contains("Dr Demo Psychiatrist", print, StringComparison.Ordinal);
        Assert.Contains(Disclaimer, print, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav", print, StringComparison.Ordinal);
        Assert.Contains("/css/print.css", print, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "longer monitoring (<span class=\"id-whole\">HEP-002</span>)")]
    [InlineData("zh-CN", "<span class=\"id-whole\">HEP-002</span>")]
    public async Task Result_RuleIdsAndSourceKeysInAFindingsText_AreKeptOnOneLine(string language, string detail)
    {
        // QA: in a narrow line the browser broke "EU-004" or "HEP-002" inside a finding's text at its hyphen (and Chinese
        // text wraps anywhere). Each identifier the text names is kept whole; the rule-id links already were.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-IDS-" + language));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var result = await client.GetStringAsync($"/Screenings/{id}");

        // HEP-003 fires (the hepatic status is not recorded) and names HEP-001 and HEP-002 in its detail.
        Assert.Contains(detail, result, StringComparison.Ordinal);
        Assert.Contains("<span class=\"id-whole\">HEP-001</span>", result, StringComparison.Ordinal);
        Assert.Contains("<span class=\"id-whole\">SPRAVATO-PI-US</span>", result, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"id-whole\"> ", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "<span class=\"id-whole\">PHQ-9</span> total is below 10")]
    [InlineData("zh-CN", "但 <span class=\"id-whole\">PHQ-9</span> 总分低于 10")]
    public async Task PrintAndAuditScreening_RuleIdsAndSourceKeysInTheirTexts_AreKeptOnOneLine_AsOnTheResultPage(string language, string summary)
    {
        // The review: the result page kept "PHQ-9" or "HEP-002" whole in a finding's text (bbb9b4c); the print and the
        // auditor's screening page still broke them at the hyphen in a narrow line or in Chinese text.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-IDS-PRINT-" + language).With("phq9Total", 8));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var clinician = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        clinician.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        auditor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var print = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/Screenings/{id}/Print"));
        var audit = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{id}"));

        // SCR-001 fires (PHQ-9 below 10): its summary names PHQ-9, and so does the input it cites (the PHQ-9 total).
        Assert.Contains(summary, print, StringComparison.Ordinal);
        Assert.True(Regex.Count(print, "<span class=\"id-whole\">PHQ-9</span>") >= 2, "the summary and the cited input");
        Assert.Contains(".id-whole", await clinician.GetStringAsync("/css/print.css"), StringComparison.Ordinal);
        Assert.Matches("<td class=\"audit-summary\">[^<]*" + Regex.Escape(summary), audit);
        Assert.Contains("<span class=\"id-whole\">PHQ-9</span></td>", audit, StringComparison.Ordinal); // its cites
        Assert.Contains("<span class=\"id-whole\">SPRAVATO-PI-US</span>", audit, StringComparison.Ordinal);
        Assert.Matches("<td><span class=\"id-whole\">[A-Z]+-[0-9]{3}</span>(, <span class=\"id-whole\">[A-Z]+-[0-9]{3}</span>)*</td></tr>", audit);
        Assert.DoesNotContain("<span class=\"id-whole\"> ", print + audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_ActiveIdeationWithAPlan_ShowsTheInputsOfEveryKindOfFinding()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd("MRN-PRINT-PLAN").With("suicidality", "active-ideation-with-plan").With("safetyPlanInPlace", true)
            .With("lethalMeansCounselled", true).With("followUpArranged", true).With("suicidalIntent", true);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}/Print"));

        // A requirement (the checklist) and an item of information keep the inputs that made them fire, as a caution does.
        Assert.Matches(@"<strong>SUI-007</strong>[^<]*<span class=""p-cite"">\[[^\]]*; because Suicidality: Active ideation with a plan\]</span>", print);
        Assert.Matches(@"<strong>SUI-006</strong>[^<]*\s*<span class=""p-cite"">\[[^\]]*; because Suicidality: Active ideation with a plan\]</span>", print);
        Assert.Matches(@"<strong>SUI-011</strong>[^<]*\s*<span class=""p-cite"">\[[^\]]*; because Suicidality: Active ideation with a plan\]</span>", print);
        // Inputs several findings share are printed once, under a letter the findings name, one letter to an item, each
        // with its inputs whole: no letter is written in terms of another ("(b) (a); ...").
        Assert.Contains("<li><strong>(a)</strong> <span>Primary diagnosis: Major depressive disorder; Current major depressive episode: Yes; Failed adequate antidepressant trials: 3.</span></li>", print, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<li><strong>\([a-z]\)</strong> <span>\([a-z]\)", print);
        Assert.Matches(@"<strong>TRD-001</strong>[^<]*\s*<span class=""p-cite"">\[[^\]]*; because \([a-z]\)\]</span>", print);
        Assert.Matches(@"<strong>REMS-001</strong>[^<]*<span class=""p-cite"">\[[^\]]*; because \([a-z]\)\]</span>", print);
    }

    [Fact]
    public async Task ResultAndPrint_NotIndicatedBesideAnImminentRisk_TheHeadlineNamesTheFindingsThatStillCallForAction()
    {
        // QA13 M3: "Not indicated: standard care first" with a neutral icon headed an imminent-risk contraindication
        // (SUI-009) and a same-day evaluation (SUI-007), four blocks down. The headline names them now.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd("MRN-M3-ATTEMPT").With("currentDepressiveEpisode", false).With("suicidality", "recent-attempt")
            .With("preparatoryActsOrAbortedAttempt", false).With("safetyPlanInPlace", false).With("lethalMeansCounselled", false).With("followUpArranged", false);
        var body = await (await api.PostAsJsonAsync("/api/v1/screenings", request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-indicated", body.GetProperty("overall").GetString());
        var id = body.GetProperty("id").GetGuid();
        var calm = await (await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-M3-CALM").With("currentDepressiveEpisode", false))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-indicated", calm.GetProperty("overall").GetString());
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var result = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));
        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}/Print"));

        var line = Regex.Match(result, @"<p class=""verdict__still-act""[^>]*>(.*?)</p>", RegexOptions.Singleline);
        Assert.True(line.Success, "the result page's headline names no finding");
        var text = Regex.Replace(line.Groups[1].Value, "<[^>]+>", "");
        Assert.Contains("No indicated pathway applies, yet these findings still call for action:", text, StringComparison.Ordinal);
        foreach (var ruleId in new[] { "SUI-009", "SUI-011", "SUI-007" })
        {
            Assert.Contains(ruleId, text, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"#kind-Contraindication\"", line.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(" ;", text, StringComparison.Ordinal); // the separators follow the ids, as in running text
        Assert.DoesNotContain("SUI-006", text, StringComparison.Ordinal); // information is read below, not acted on
        var printLine = Regex.Match(print, @"<p class=""p-still-act"">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(printLine.Success, "the print's headline names no finding");
        Assert.Contains("SUI-009", printLine.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("SUI-007", printLine.Groups[1].Value, StringComparison.Ordinal);

        // A "Not indicated" with nothing to act on keeps its plain headline.
        var plain = await client.GetStringAsync($"/Screenings/{calm.GetProperty("id").GetGuid()}");
        Assert.DoesNotContain("verdict__still-act", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_Admin_IsDenied()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-ADMIN"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        var response = await client.GetAsync($"/Screenings/{id}/Print");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_SignedIn_ListsEveryRuleWithAnAnchor()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        var html = await client.GetStringAsync("/Rules");

        foreach (var rule in Domain.Rules.RuleSetCatalog.Current.Rules)
        {
            Assert.Contains($"id=\"{rule.Id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Principles_SignedIn_ListsEveryPrincipleWithItsCitingRules()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = await client.GetStringAsync("/Principles");

        foreach (var principle in Domain.Principles.Citations.AllPrinciples)
        {
            Assert.Contains($"id=\"{principle.Id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/Rules#PSY-002\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_Psychiatrist_IsRecordedAndShown()
    {
        var (client, id) = await ScreeningAsPsychiatristAsync("MRN-OVERRIDE");
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");

        var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "DoNotProceed",
            ["Override.Reason"] = "PatientPreference",
            ["Override.Explanation"] = "Patient prefers to wait for the next review.",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var html = await client.GetStringAsync($"/Screenings/{id}");
        Assert.Contains("Patient prefers to wait for the next review.", html, StringComparison.Ordinal);
        Assert.Contains("Do not proceed", html, StringComparison.Ordinal);
        var print = await client.GetStringAsync($"/Screenings/{id}/Print");
        Assert.Contains("Patient prefers to wait for the next review.", print, StringComparison.Ordinal);
        Assert.Contains("Do not proceed", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_Recorded_ThePageItComesBackToSaysSoAsAStatusOnce()
    {
        // Before: the page came back at the overrides with nothing that said the override was recorded; a screen reader
        // heard the page's title only, and the focus was at the top of the page (helper 335).
        var (client, id) = await ScreeningAsPsychiatristAsync("MRN-OVERRIDE-STATUS");
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");
        const string Notice = "<p class=\"notice\" role=\"status\" id=\"override-recorded\" tabindex=\"-1\">Your override was recorded; it is listed below.</p>";
        Assert.DoesNotContain("override-recorded", await client.GetStringAsync($"/Screenings/{id}"), StringComparison.Ordinal);

        var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["Override.Reason"] = "PatientPreference",
            ["Override.Explanation"] = "Discussed with the patient.",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var html = await client.GetStringAsync(post.Headers.Location!.OriginalString.Split('#')[0]);
        Assert.Contains(Notice, html, StringComparison.Ordinal);
        // In the overrides section, under its heading, above the list it points to.
        Assert.Matches("<h2 id=\"overrides-title\">Clinician overrides</h2>\\s*<p class=\"notice\" role=\"status\" id=\"override-recorded\"", html);
        Assert.DoesNotContain("override-recorded", await client.GetStringAsync($"/Screenings/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "The override was NOT saved: the decision log is unavailable.")]
    [InlineData(true, "The override could NOT be confirmed as saved")]
    public async Task Override_DecisionLogUnavailable_KeepsTheTextAndSaysWhetherItMayHaveBeenRecorded(bool outcomeUnknown, string message)
    {
        var (status, html, log) = await OverrideWithFailingLogAsync("MRN-OVERRIDE-DOWN-" + outcomeUnknown, new DecisionLogUnavailableException("database down") { OutcomeUnknown = outcomeUnknown });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Patient prefers to wait.", html, StringComparison.Ordinal);
        log.Verify(l => l.RecordOverrideAsync(It.IsAny<OverrideSubmission>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Override_DatabaseRefusedTheEntry_KeepsTheTextAndSaysNotSavedWithoutCallingItAnOutage()
    {
        var (status, html, _) = await OverrideWithFailingLogAsync("MRN-OVERRIDE-REFUSED", new DecisionLogUnavailableException(
            "The decision log could not record the entry; nothing was stored.", new Microsoft.Data.Sqlite.SqliteException("SQLite Error 19: 'CHECK constraint failed'.", 19)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The override was NOT saved: the database refused to store it.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("the decision log is unavailable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("CHECK constraint", html, StringComparison.Ordinal);
        Assert.Contains("Patient prefers to wait.", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A psychiatrist's screening, then its override form posted ("do not proceed", "Patient prefers to wait.") to an app
    /// whose decision log throws <paramref name="failure"/> when recording the override: the answer's status and page.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Html, Mock<IDecisionLog> Log)> OverrideWithFailingLogAsync(string patientReference, Exception failure)
    {
        var (_, id) = await ScreeningAsPsychiatristAsync(patientReference);
        var screening = await _factory.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id);
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.FindScreeningAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(screening);
        log.Setup(l => l.FindLaterScreeningsAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(LaterScreenings.None);
        log.Setup(l => l.RecordOverrideAsync(It.IsAny<OverrideSubmission>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        using var factory = new KetamineCdsFactory { DecisionLogOverride = log.Object };
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");

        var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "DoNotProceed",
            ["Override.Reason"] = "PatientPreference",
            ["Override.Explanation"] = "Patient prefers to wait.",
            ["__RequestVerificationToken"] = token,
        }));
        return (post.StatusCode, await post.Content.ReadAsStringAsync(), log);
    }

    [Fact]
    public async Task Override_WithoutExplanation_IsRejectedAndNotRecorded()
    {
        var (client, id) = await ScreeningAsPsychiatristAsync("MRN-OVERRIDE-BAD");
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");

        var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync();
        Assert.Contains("Choose the reason for the override.", html, StringComparison.Ordinal);
        Assert.Contains("Explain the override in your own words.", html, StringComparison.Ordinal);
        Assert.Contains("None recorded.", html, StringComparison.Ordinal);

        // The errors are where the clinician looks: a summary (focused by site.js) at the override, which the form's
        // action opens the page at, each linking to its field; the fields point to their messages.
        var summary = Regex.Match(html, "<div class=\"error-summary\"[^>]*id=\"error-summary\">.*?</div>", RegexOptions.Singleline).Value;
        // "Saved", never "recorded": "not recorded" is what the page says of an unanswered question (QA).
        Assert.Contains("There are 2 problems to fix; nothing has been saved yet", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded", summary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#override-reason\">Choose the reason for the override.</a>", summary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#override-explanation\">", summary, StringComparison.Ordinal);
        Assert.Matches("<details class=\"override\" id=\"record-override\" open=\"open\">", html);
        Assert.Matches("<form method=\"post\" class=\"form\" novalidate action=\"[^\"]*handler=Override#record-override\"", html);
        Assert.Contains("id=\"override-reason\" name=\"Override.Reason\" aria-describedby=\"override-reason-hint override-reason-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Error: ")]
    [InlineData("zh-CN", "错误： ")]
    public async Task Override_NothingChosen_MarksEachFieldAsTheIntakeFormDoes(string? language, string prefix)
    {
        var (client, id) = await ScreeningAsPsychiatristAsync("MRN-OVERRIDE-MARKS-" + (language ?? "en"));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");

        var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        // QA113 F3: each message starts with the visually hidden "Error: " (FieldErrorPrefix), and each decision radio,
        // which the summary's first link focuses, is invalid and described by the group's message.
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        foreach (var field in new[] { "override-decision", "override-reason", "override-explanation" })
        {
            Assert.Matches($"<p class=\"field-error\" id=\"{field}-error\"><span class=\"visually-hidden\">{Regex.Escape(prefix)}</span>[^<]+</p>", html);
        }

        foreach (var radio in new[] { "override-proceed", "override-dont" })
        {
            var tag = Regex.Match(html, $"<input type=\"radio\" id=\"{radio}\"[^>]*>").Value;
            Assert.Contains("aria-invalid=\"true\"", tag, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"override-decision-error\"", tag, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PagePost_WithAWrongTokenOrToNoPage_GetsTheErrorPageWrittenForIt()
    {
        // QA114 F6: the status page re-executes the POST; the error page must not fail the same anti-forgery check.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var stale = await RefusedForms.PostWithAWrongTokenAsync(client, "/Screenings/New", ("Input.PatientReference", "MRN-STALE-TOKEN"));
        await RefusedForms.AssertTheErrorPageForARefusedFormAsync(stale);

        // A post to no page at all, without a token: the not-found page, not a 400.
        using var nowhere = await client.PostAsync("/nope", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await nowhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_Staff_IsForbiddenAndHasNoForm()
    {
        var (_, id) = await ScreeningAsPsychiatristAsync("MRN-OVERRIDE-STAFF");
        var staff = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var html = await staff.GetStringAsync($"/Screenings/{id}");
        Assert.DoesNotContain("Record an override", html, StringComparison.Ordinal);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(staff, $"/Screenings/{id}");

        var post = await staff.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["Override.Reason"] = "Other",
            ["Override.Explanation"] = "Staff should not be able to do this.",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff should not be able to do this.", await staff.GetStringAsync($"/Screenings/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Screenings/New")]
    [InlineData("/Screenings?patientReference=MRN-CSP")]
    [InlineData("/Rules")]
    [InlineData("/Principles")]
    [InlineData("/Screenings/{id}")]
    [InlineData("/Screenings/{id}/Print")]
    public async Task Page_Markup_IsReadyForAStrictContentSecurityPolicy(string path)
    {
        var (client, id) = await ScreeningAsPsychiatristAsync("MRN-CSP");

        var html = await client.GetStringAsync(path.Replace("{id}", id.ToString(), StringComparison.Ordinal));

        Assert.DoesNotMatch("\\sstyle\\s*=", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("\\son[a-z]+\\s*=", html);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_Anonymous_IsReadyForAStrictContentSecurityPolicy()
    {
        var html = await _factory.CreateRawClient().GetStringAsync("/Account/Login");

        Assert.DoesNotMatch("\\sstyle\\s*=", html);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
    }

    [Fact]
    public async Task FindScreenings_ReferenceTypedInAnotherCaseWithSpaces_ListsEverySpellingAndAsksToCheckTheyAreOnePatient()
    {
        var (client, first) = await ScreeningAsPsychiatristAsync("MRN-Spell-1");
        var (_, second) = await ScreeningAsPsychiatristAsync("mrn-spell-1");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings?patientReference=%20MRN-SPELL-1%20"));
        var api = await (await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync("/api/v1/screenings?patientReference=mrn-SPELL-1");

        Assert.Contains("2 screenings for MRN-SPELL-1", html, StringComparison.Ordinal);
        Assert.Contains($"/Screenings/{first}", html, StringComparison.Ordinal);
        Assert.Contains($"/Screenings/{second}", html, StringComparison.Ordinal);
        Assert.Contains("differ only in letter case: MRN-Spell-1, mrn-spell-1. Check that they are the same patient", html, StringComparison.Ordinal);
        Assert.Contains(first.ToString(), api, StringComparison.Ordinal);
        Assert.Contains(second.ToString(), api, StringComparison.Ordinal);

        // One spelling alone: no note.
        var single = await client.GetStringAsync("/Screenings?patientReference=MRN-CSP-NONE");
        Assert.DoesNotContain("reference-spellings", single, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Reference as recorded")]
    [InlineData("zh-CN", "记录时的患者编号")]
    public async Task FindScreenings_SeveralSpellings_EachRowShowsItsReferenceAsRecordedInThePagesLanguage(string? language, string heading)
    {
        var suffix = language is null ? "EN" : "ZH";
        var (client, upper) = await ScreeningAsPsychiatristAsync("MRN-Row-" + suffix);
        var (_, lower) = await ScreeningAsPsychiatristAsync("mrn-row-" + suffix.ToLowerInvariant());
        var (_, alone) = await ScreeningAsPsychiatristAsync("MRN-Alone-" + suffix);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings?patientReference=mrn-row-" + suffix));

        // The notice names the spellings; each row says which one it was recorded under, so no row has to be opened.
        Assert.Contains("id=\"reference-spellings\"", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"col\">{heading}</th>", html, StringComparison.Ordinal);
        Assert.Contains(">MRN-Row-" + suffix + "<", Row(html, upper), StringComparison.Ordinal);
        Assert.DoesNotContain("mrn-row-", Row(html, upper), StringComparison.Ordinal);
        Assert.Contains(">mrn-row-" + suffix.ToLowerInvariant() + "<", Row(html, lower), StringComparison.Ordinal);

        // One spelling: the heading already names it, and the list keeps its four columns.
        var single = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings?patientReference=MRN-Alone-" + suffix));
        Assert.Contains($"/Screenings/{alone}", single, StringComparison.Ordinal);
        Assert.DoesNotContain(heading, single, StringComparison.Ordinal);

        static string Row(string html, Guid id) =>
            Regex.Match(html, $"<tr>(?:(?!</tr>).)*?/Screenings/{id}\".*?</tr>", RegexOptions.Singleline).Value;
    }

    [Theory]
    [InlineData(null, "1 screening for MRN-Case-One-EN", "Screenings of MRN-Case-One-EN")]
    [InlineData("zh-CN", "MRN-Case-One-ZH 的筛查：1 条", "MRN-Case-One-ZH 的筛查记录")]
    public async Task FindScreenings_OneSpellingTypedInAnotherCase_HeadingNamesTheReferenceAsRecorded(string? language, string heading, string title)
    {
        // QA189 F2: "1 screening for mrn-case-one-en" named the reference as typed; with one spelling the list has no
        // reference column, so the reference as recorded (MRN-Case-One-EN) was shown nowhere on the page.
        var suffix = language is null ? "EN" : "ZH";
        var (client, id) = await ScreeningAsPsychiatristAsync("MRN-Case-One-" + suffix);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings?patientReference=mrn-case-one-" + suffix.ToLowerInvariant()));

        Assert.Contains($"/Screenings/{id}", html, StringComparison.Ordinal);
        Assert.Contains($"<h2>{heading}</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{title}", html, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"{title}\"", html, StringComparison.Ordinal);
        // The search box keeps what was typed.
        Assert.Contains("value=\"mrn-case-one-" + suffix.ToLowerInvariant() + "\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Psychiatrist@Demo.Local")]
    [InlineData(" PSYCHIATRIST@demo.local ")]
    public async Task AuditClinicianFilter_EmailInAnotherLetterCaseOrWithSpaces_ListsAndExportsTheirScreenings(string clinician)
    {
        var reference = "MRN-AUDIT-CASE-" + (clinician.StartsWith(' ') ? "SPACES" : "CAPITAL");
        var (_, id) = await ScreeningAsPsychiatristAsync(reference);
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var query = $"clinician={Uri.EscapeDataString(clinician)}&patient={reference}";

        var html = await auditor.GetStringAsync("/Audit?" + query);
        var fromPage = await auditor.GetStringAsync("/Audit?handler=Csv&" + query);
        var fromApi = await api.GetStringAsync("/api/v1/audit/export.csv?" + query);

        Assert.Contains($"/Audit/Screening/{id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No entries match", html, StringComparison.Ordinal);
        Assert.Contains($"{id},", fromPage, StringComparison.Ordinal);
        Assert.Contains($"{id},", fromApi, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, Guid Id)> ScreeningAsPsychiatristAsync(string reference)
    {
        var id = await _factory.RecordScreeningThroughApiAsync(reference);
        return (await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist), id);
    }

    [Fact]
    public async Task Logout_Post_SignsOut()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Rules");

        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Rules")).StatusCode);
    }
}
