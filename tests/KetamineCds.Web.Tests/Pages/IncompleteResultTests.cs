using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Issue 10's journey: only the eight answers the form marks required. The result and the printed rationale say
/// "Incomplete", never "Eligible", and open with what was not recorded.
/// </summary>
public sealed partial class IncompleteResultTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public IncompleteResultTests(KetamineCdsFactory factory) => _factory = factory;

    /// <summary>Only the answers the form marks required: MDD, current episode, 3 failed trials, on an oral antidepressant.</summary>
    public static Dictionary<string, string> RequiredOnlyForm(string reference) => new()
    {
        ["Input.PatientReference"] = reference,
        ["Input.AgeYears"] = "45",
        ["Input.PrimaryDiagnosis"] = "mdd",
        ["Input.CurrentDepressiveEpisode"] = "true",
        ["Input.FailedAdequateTrials"] = "3",
        ["Input.OnOralAntidepressant"] = "true",
        ["Input.Psychosis"] = "none",
        ["Input.Suicidality"] = "none",
    };

    public static JsonObject RequiredOnlyRequest(string reference) => new()
    {
        ["patientReference"] = reference,
        ["ageYears"] = 45,
        ["primaryDiagnosis"] = "mdd",
        ["currentDepressiveEpisode"] = true,
        ["failedAdequateTrials"] = 3,
        ["onOralAntidepressant"] = true,
        ["psychosis"] = "none",
        ["suicidality"] = "none",
    };

    [Fact]
    public async Task Result_OnlyRequiredAnswersThroughTheForm_SaysIncompleteAndOpensWithNotRecorded()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = RequiredOnlyForm("MRN-INC-FORM");
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        var post = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var location = post.Headers.Location!.OriginalString;
        var id = Guid.Parse(location["/Screenings/".Length..]);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(location));

        Assert.Contains("verdict verdict--incomplete", html, StringComparison.Ordinal);
        Assert.Contains("Incomplete \u2014 not recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict--ok", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2714", html, StringComparison.Ordinal);
        Assert.Contains("status status--incomplete", html, StringComparison.Ordinal);

        // The "Not recorded" section comes right after the verdict, before the pathways.
        var notRecorded = html.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal);
        Assert.InRange(notRecorded, html.IndexOf("id=\"verdict-title\"", StringComparison.Ordinal), html.IndexOf("id=\"pathways-title\"", StringComparison.Ordinal));
        var section = Section(html, "not-recorded-safety", "not-recorded-care");
        Assert.Contains("<strong>Aneurysmal vascular disease</strong>", section, StringComparison.Ordinal);
        Assert.Contains("Esketamine for treatment-resistant depression", section, StringComparison.Ordinal);

        // Each item once, whatever the number of pathways that wait for it.
        Assert.Single(StrongItem().Matches(section), m => m.Groups[1].Value == "Aneurysmal vascular disease");

        // A re-screen starts from these answers; the old entry stays as it is.
        Assert.Contains($"href=\"/Screenings/New?from={id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Re-screen with these answers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_CareItemsNotRecorded_AreListedUnderNotRecorded()
    {
        var id = await CreateAsync(RequiredOnlyRequest("MRN-INC-CARE"));
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        var care = Section(html, "not-recorded-care", "Re-screen with these answers");
        Assert.Contains("Systolic blood pressure", care, StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules#", care, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_Staff_SeesIncompleteButNoRescreenLink()
    {
        var id = await CreateAsync(RequiredOnlyRequest("MRN-INC-STAFF"));
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        Assert.Contains("Incomplete \u2014 not recorded", html, StringComparison.Ordinal);
        Assert.Contains("Aneurysmal vascular disease", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Screenings/New?from=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_AnswersRecorded_ListsThe11FieldsWithNotRecordedAndDisplayTexts()
    {
        // Recorded straight into the log: the 1.1 fields reach the JSON reader and the form through another change.
        var id = await RecordAsync(RequiredOnlyHistory("MRN-INC-ANSWERS") with
        {
            Psychosis = PsychosisStatus.HistoryUntreated,
            SubstanceUse = SubstanceUse.Active,
            SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Alcohol, SubstanceUsed.KetamineOrPcp]),
            OralAntidepressantClass = OralAntidepressantClass.Snri,
        });
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        var answers = Section(html, "id=\"answers-title\"", "screening id");
        Assert.Contains("<dt>Psychosis</dt><dd>History of psychosis, not on an antipsychotic now</dd>", answers, StringComparison.Ordinal);
        Assert.Contains("<dd>Alcohol, Ketamine or PCP</dd>", answers, StringComparison.Ordinal);
        Assert.Contains("<dd>SNRI</dd>", answers, StringComparison.Ordinal);
        Assert.Contains("class=\"answers--not-recorded\"><dt>Myocardial infarction or stroke in the last 6 weeks</dt><dd>Not recorded</dd>", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_OnlyRequiredAnswers_SaysIncompleteListsNotRecordedAndKeepsTheDisclaimer()
    {
        var id = await CreateAsync(RequiredOnlyRequest("MRN-INC-PRINT"));
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}/Print"));

        Assert.Contains("p-verdict p-verdict--incomplete", html, StringComparison.Ordinal);
        Assert.Contains("Overall: Incomplete \u2014 not recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2714", html, StringComparison.Ordinal);
        var notRecorded = Section(html, "class=\"p-not-recorded\"", "<h2>Pathways</h2>");
        Assert.Contains("<strong>Aneurysmal vascular disease</strong>", notRecorded, StringComparison.Ordinal);
        Assert.Contains("esketamine TRD", notRecorded, StringComparison.Ordinal);
        Assert.Contains("Care items not recorded", notRecorded, StringComparison.Ordinal);
        Assert.Contains("KetamineCds supports, and never replaces, the clinician's judgement", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Answers recorded</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_EverySafetyItemRecorded_HasNoNotRecordedSafetyList()
    {
        var id = await RecordAsync(RequiredOnlyHistory("MRN-INC-NONE") with
        {
            SexAtBirth = SexAtBirth.Male,
            AneurysmalVascularDisease = false,
            ArteriovenousMalformation = false,
            IntracerebralHemorrhageHistory = false,
            HypersensitivityToKetamine = false,
            SeriousCardiovascularOrCerebrovascularCondition = false,
            RecentMyocardialInfarctionOrStroke = false,
            SubstanceUse = SubstanceUse.None,
            CurrentManiaOrMixedFeatures = false,
        });
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        Assert.DoesNotContain("Incomplete \u2014 not recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-recorded-safety\"", html, StringComparison.Ordinal);
    }

    private static PatientHistory RequiredOnlyHistory(string reference) => new()
    {
        PatientReference = reference,
        AgeYears = 45,
        PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 3,
        OnOralAntidepressant = true,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.None,
    };

    private async Task<Guid> RecordAsync(PatientHistory history)
    {
        using var scope = _factory.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<IDecisionLog>();
        var logged = await log.RecordScreeningAsync(new ScreeningSubmission(
            history, "{\"patientReference\":\"" + history.PatientReference + "\"}", ScreeningEngine.Evaluate(history),
            new Actor("", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), Guid.NewGuid().ToString("N")));
        return logged.Id;
    }

    private async Task<Guid> CreateAsync(JsonObject request)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string Section(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' is not on the page.");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [GeneratedRegex("<strong>([^<]+)</strong>")]
    private static partial Regex StrongItem();
}
