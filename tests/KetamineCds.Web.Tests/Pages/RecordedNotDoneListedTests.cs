using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 297 (docs/clinical-review.md, section 40): from rule set 1.27.0 the pathways wait for the suicide-risk assessment
/// after a positive PHQ-9 item 9 recorded as not done ("No") as for a blank one, and the completeness findings (REC-00x) name
/// it with its answer. The "Not recorded" lists take only blank answers and the print's checklist leaves the completeness
/// findings out, so on the print that assessment stood in neither list: a clinician did not see that it is what the pathways
/// wait for. The result page and the print list it under "Recorded as not done", with the pathways waiting, never under
/// "Not recorded"; and from 1.28.0 the completeness findings' summary says "not recorded, or recorded as not done".
/// </summary>
public sealed class RecordedNotDoneListedTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string AssessmentLabel = "Suicide risk assessed since this positive item 9";
    private const string AssessmentLabelZh = "自此次第 9 项阳性以来已评估自杀风险";

    /// <summary>
    /// Helper 294's history with every other item recorded: the assessment recorded as not done is all the pathways wait
    /// for.
    /// </summary>
    private static JsonObject OnlyTheAssessment(string reference)
    {
        var request = CompleteScreeningBodies.WithEveryItemRecorded(CompleteScreeningBodies.Item9AssessmentRecordedNotDone(reference));
        request["lifeLimitingIllness"] = false;
        request["chronicNeuropathicPain"] = false;
        request["opioidInducedHyperalgesia"] = false;
        return request;
    }

    private async Task<Guid> CreateAsync(JsonObject request)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("incomplete", body.GetProperty("overall").GetString());
        return body.GetProperty("id").GetGuid();
    }

    private async Task<string> PageAsync(Guid id, string page, string language = "en")
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await CultureSelectionTests.GetAsync(client, $"/Screenings/{id}{page}", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The element with this id, its text without tags and with its white space made single.</summary>
    private static string Text(string html, string tag, string id)
    {
        var match = Regex.Match(html, $"<{tag} [^>]*id=\"{id}\"[^>]*>.*?</{tag}>", RegexOptions.Singleline);
        Assert.True(match.Success, $"#{id} is on the page");
        return Regex.Replace(Regex.Replace(match.Value, "<[^>]+>", " "), @"\s+", " ");
    }

    /// <summary>The "Not recorded" box, or null where the page has none.</summary>
    private static string? NotRecordedBox(string html, string page)
    {
        var match = page == "/Print"
            ? Regex.Match(html, "<section class=\"p-not-recorded\">.*?</section>", RegexOptions.Singleline)
            : Regex.Match(html, "<section class=\"not-recorded\" aria-labelledby=\"not-recorded-title\">.*?</section>", RegexOptions.Singleline);
        return match.Success ? match.Value : null;
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task Result_AssessmentRecordedNotDoneBesideBlanks_ListedAsRecordedNotDoneWithThePathwaysWaitingNeverAsNotRecorded(string page)
    {
        var id = await CreateAsync(CompleteScreeningBodies.Item9AssessmentRecordedNotDone("MRN-H297-BLANKS" + page.Length));

        var html = await PageAsync(id, page);

        var box = Text(html, "section", page == "/Print" ? "p-recorded-not-done" : "recorded-not-done");
        Assert.Contains("Recorded as not done", box, StringComparison.Ordinal);
        Assert.Contains(AssessmentLabel, box, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded", box, StringComparison.Ordinal);
        // The four pathways that wait (REC-001, REC-002, REC-003, REC-005), as the "Not recorded" box names them.
        foreach (var pathway in new[] { Pathway.EsketamineTrd, Pathway.EsketamineSuicidalIdeation, Pathway.KetamineOffLabelTrd, Pathway.PalliativeRapidActing })
        {
            Assert.Contains(page == "/Print" ? Display.ListedName(pathway) : Display.Of(pathway), box, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Display.ListedName(Pathway.BipolarAdjunct), box, StringComparison.Ordinal);
        // The blanks are still listed under "Not recorded", and the assessment is not among them.
        var notRecorded = NotRecordedBox(html, page);
        Assert.NotNull(notRecorded);
        Assert.Contains("Substance use disorder", notRecorded, StringComparison.Ordinal);
        Assert.DoesNotContain(AssessmentLabel, notRecorded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task Result_OnlyTheAssessmentRecordedNotDoneWaited_ListedAsRecordedNotDoneAndNoNotRecordedBox(string page)
    {
        var id = await CreateAsync(OnlyTheAssessment("MRN-H297-ONLY" + page.Length));

        var html = await PageAsync(id, page);

        var box = Text(html, "section", page == "/Print" ? "p-recorded-not-done" : "recorded-not-done");
        Assert.Contains(AssessmentLabel, box, StringComparison.Ordinal);
        Assert.Null(NotRecordedBox(html, page));
    }

    [Fact]
    public async Task Result_AssessmentRecordedNotDone_CompletenessSummarySaysRecordedAsNotDone()
    {
        var id = await CreateAsync(OnlyTheAssessment("MRN-H297-SUMMARY"));

        var html = await PageAsync(id, "");

        Assert.Contains("Not recorded, or recorded as not done: the esketamine for treatment-resistant depression pathway cannot open", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded: the esketamine for treatment-resistant depression pathway", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task Result_AssessmentRecordedNotDoneInChinese_ListedAsRecordedNotDone(string page)
    {
        var id = await CreateAsync(CompleteScreeningBodies.Item9AssessmentRecordedNotDone("MRN-H297-ZH" + page.Length));

        var html = await PageAsync(id, page, "zh-CN");

        var box = Text(html, "section", page == "/Print" ? "p-recorded-not-done" : "recorded-not-done");
        Assert.Contains("记录为未评估", box, StringComparison.Ordinal);
        Assert.Contains(AssessmentLabelZh, box, StringComparison.Ordinal);
        Assert.DoesNotContain("未记录", box, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,}", Regex.Replace(box, "PTSD|OCD|TRD|PHQ-9|REC-\\d+", ""));
        if (page == "")
        {
            Assert.Contains("未记录，或记录为未评估：在所列安全项目记录完毕", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Result_AssessmentLeftBlank_ListedUnderNotRecordedAndNoRecordedNotDoneBox()
    {
        var request = CompleteScreeningBodies.Item9AssessmentRecordedNotDone("MRN-H297-BLANK");
        request.Remove("suicideRiskAssessedAfterItem9");
        var id = await CreateAsync(request);

        foreach (var page in new[] { "", "/Print" })
        {
            var html = await PageAsync(id, page);
            Assert.DoesNotContain("recorded-not-done", html, StringComparison.Ordinal);
            Assert.Contains(AssessmentLabel, NotRecordedBox(html, page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NotRecordedSummary_AssessmentRecordedNotDone_IsARecordedItemWithThePathwaysWaitingAndNoQuestion()
    {
        var history = new PatientHistory
        {
            PatientReference = "H297",
            AgeYears = 40,
            SexAtBirth = SexAtBirth.Female,
            Jurisdiction = Jurisdiction.Us,
            PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
            CurrentDepressiveEpisode = true,
            FailedAdequateTrials = 3,
            DistinctMechanisms = 2,
            OnOralAntidepressant = true,
            Psychosis = PsychosisStatus.None,
            Suicidality = Suicidality.None,
            Phq9Total = 18,
            Phq9Item9 = 2,
            SuicideRiskAssessedAfterItem9 = false,
        };

        var summary = NotRecordedSummary.Of(ScreeningEngine.Evaluate(history), history);

        var item = Assert.Single(summary.RecordedNotDone);
        Assert.Equal("suicideRiskAssessedAfterItem9", item.Field);
        Assert.Equal(AssessmentLabel, item.Label);
        Assert.Equal([Pathway.EsketamineTrd, Pathway.EsketamineSuicidalIdeation, Pathway.KetamineOffLabelTrd, Pathway.PalliativeRapidActing], item.Pathways);
        Assert.DoesNotContain(summary.SafetyQuestions, q => q.Field == item.Field);
        Assert.DoesNotContain(summary.QuestionsByHeading.SelectMany(q => q), f => f == item.Field);

        // Blank, it is a question not recorded, and nothing is recorded as not done; in 1.26.0, which did not wait for it, neither.
        var blank = history with { SuicideRiskAssessedAfterItem9 = null };
        var asBlank = NotRecordedSummary.Of(ScreeningEngine.Evaluate(blank), blank);
        Assert.Empty(asBlank.RecordedNotDone);
        Assert.Contains(asBlank.BeforeAPathwayCanOpen, q => q.Field == item.Field);
        Assert.Empty(NotRecordedSummary.Of(ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_26_0), history).RecordedNotDone);
    }
}
