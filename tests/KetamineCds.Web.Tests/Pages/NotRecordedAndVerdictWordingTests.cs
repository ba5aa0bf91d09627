using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA pass 148, page wording. F2: blood pressure and hepatic status are care items (the field catalogue's CallsForCare), so a
/// pathway opens while they are blank and the dose waits (CV-004, HEP-003); the form's introduction, its count of questions
/// not recorded, the result page and the print name them as care items that must be known before the first dose, never as
/// safety questions that could keep a pathway waiting. F11: with no pathway indicated, the verdict box names each
/// contraindication and caution in words, with its id, and an investigational PTSD/OCD use that is itself not eligible is
/// said to be blocked too. F8: the palliative pathway's name says off-label, its id on the wire unchanged.
/// </summary>
public sealed class NotRecordedAndVerdictWordingTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    /// <summary>
    /// QA148's benign base history "B": a man of 40 with TRD on an SSRI, no suicidality, PHQ-9 18 with item 9 = 0, and every
    /// safety question and care item answered with its ordinary answer (the catalogue's, <see cref="CompleteScreeningBodies.WithEveryItemRecorded(JsonObject)"/>).
    /// </summary>
    private static JsonObject Benign(string reference) =>
        CompleteScreeningBodies.WithEveryItemRecorded(CompleteScreeningBodies.ManOf40WithTrd(reference).With("oralAntidepressantClass", "ssri"));

    /// <summary>B with blood pressure and hepatic status left out (QA148 F2's steps).</summary>
    // The life-limiting illness recorded as absent: from rule set 1.16.0 the palliative pathway waits for it while it is not
    // recorded (docs/clinical-review.md, section 26), and this test is about the care items alone.
    private static JsonObject CareItemsBlank(string reference) =>
        Benign(reference).With("systolicBp", null).With("diastolicBp", null).With("hepaticImpairment", null).With("lifeLimitingIllness", false);

    /// <summary>QA148 F11's steps: imminent risk, no safety net, no pathway indicated.</summary>
    private static JsonObject ImminentRiskNoPathway(string reference, string diagnosis) => Benign(reference)
        .With("primaryDiagnosis", diagnosis).With("currentDepressiveEpisode", false).With("failedAdequateTrials", 0).With("distinctMechanisms", 0)
        .With("suicidality", "active-ideation-with-plan").With("suicidalIntent", true).With("preparatoryActsOrAbortedAttempt", true)
        .With("safetyPlanInPlace", false).With("lethalMeansCounselled", false).With("followUpArranged", false)
        .With("phq9Total", null).With("phq9Item9", null);

    private async Task<(Guid Id, JsonElement Body)> CreateAsync(JsonObject request, string expectedOverall)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectedOverall, body.GetProperty("overall").GetString());
        return (body.GetProperty("id").GetGuid(), body);
    }

    private async Task<string> PageAsync(string path, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Element(string html, string tag, string id)
    {
        var match = Regex.Match(html, $"<{tag} [^>]*id=\"{id}\"[^>]*>.*?</{tag}>", RegexOptions.Singleline);
        Assert.True(match.Success, $"#{id} is on the page");
        return match.Value;
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    /// <summary>A rule's summary of the current rule set in <paramref name="language"/>, as the pages show it.</summary>
    private static string Summary(string ruleId, string language)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "zh-CN" ? "zh-Hans" : "en-GB");
        try
        {
            return ClinicalText.Shared.RuleSummary(RuleSetCatalog.Current.Rules.First(r => r.Id == ruleId));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    // F2

    [Theory]
    [InlineData("en-GB", "No contraindication or unmet precondition among the answers recorded, but 3 care items that could show one are not recorded: Systolic blood pressure, Diastolic blood pressure, Hepatic impairment. A pathway is open without them, but no dose is given until they are known (CV-004, HEP-003).", "safety questions that could block a pathway")]
    [InlineData("zh-CN", "已记录的回答中没有禁忌证或未满足的前提条件，但另有 3 个可能显示禁忌证的注意项目未记录：", "可能阻止路径的安全问题")]
    public async Task Result_BloodPressureAndLiverBlank_NamesThemAsCareItemsTheDoseWaitsFor_NeverAsQuestionsThatCouldBlock(string language, string expected, string couldBlock)
    {
        var (id, body) = await CreateAsync(CareItemsBlank("MRN-QA148-F2-" + language), "eligible-with-cautions");
        Assert.Contains(body.GetProperty("pathways").EnumerateArray(), p => p.GetProperty("status").GetString() == "eligible-with-cautions");

        var html = await PageAsync($"/Screenings/{id}", language);

        var contraindications = Element(html, "p", "contraindications-unanswered");
        Assert.Contains(expected, Text(contraindications), StringComparison.Ordinal);
        Assert.DoesNotContain(couldBlock, contraindications, StringComparison.Ordinal);
        var notRecorded = Regex.Match(html, "<section class=\"not-recorded\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("id=\"not-recorded-before-dose\"", notRecorded, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-recorded-could-block\"", notRecorded, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-recorded-safety\"", notRecorded, StringComparison.Ordinal);
        var beforeDose = notRecorded[notRecorded.IndexOf("id=\"not-recorded-before-dose\"", StringComparison.Ordinal)..];
        Assert.Contains(language == "zh-CN" ? "已有路径开放，但在这些回答明确之前不得给药" : "A pathway is open without these answers, but no dose is given until they are known", beforeDose, StringComparison.Ordinal);
        Assert.Contains(">CV-004</a>", beforeDose, StringComparison.Ordinal);
        Assert.Contains(">HEP-003</a>", beforeDose, StringComparison.Ordinal);
        // Neither is listed again among the other care items.
        var care = beforeDose.IndexOf("id=\"not-recorded-care\"", StringComparison.Ordinal);
        Assert.True(care < 0 || !beforeDose[care..].Contains(">CV-004</a>", StringComparison.Ordinal), "CV-004 is listed once");
    }

    [Fact]
    public async Task Result_EightAnswers_CountsOnlyTheQuestionsThatCouldBlock_AndNamesTheCareItemsApart()
    {
        var (id, _) = await CreateAsync(CompleteScreeningBodies.RequiredAnswers("MRN-QA148-F2-MIXED"), "incomplete");

        var html = await PageAsync($"/Screenings/{id}", "en-GB");

        var text = Text(Element(html, "p", "contraindications-unanswered"));
        var count = int.Parse(Regex.Match(text, @"but (\d+) questions that a contraindication or unmet precondition depends on are not answered").Groups[1].Value, CultureInfo.InvariantCulture);
        var notAnswered = Regex.Match(text, @"Not answered: (.*?)\.").Groups[1].Value;
        // The safety questions the Not recorded box lists above its care items: the same questions, counted the same.
        var from = html.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal);
        var safety = html[from..html.IndexOf("id=\"not-recorded-before-dose\"", from, StringComparison.Ordinal)];
        // The same questions, counted the same, but the life-limiting illness (rule set 1.16.0): the palliative pathway waits for
        // it (REC-005), and no answer to it is a contraindication (clinical-review section 26).
        Assert.Contains("Life-limiting illness", safety, StringComparison.Ordinal);
        Assert.DoesNotContain("Life-limiting illness", notAnswered, StringComparison.Ordinal);
        Assert.Equal(count, safety.Split("class=\"not-recorded__item\"").Length - 2);
        Assert.DoesNotContain("blood pressure", notAnswered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hepatic", notAnswered, StringComparison.Ordinal);
        Assert.Contains("Care items that must be known before the first dose are not recorded either: Systolic blood pressure, Diastolic blood pressure, Hepatic impairment (CV-004, HEP-003).", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Must be known before the first dose <span class=\"p-count\">(3 questions)</span>:", "A pathway is open without them; no dose until they are known.")]
    [InlineData("zh-CN", "首剂前必须明确<span class=\"p-count\">（3 个问题）</span>：", "已有路径开放；上述项目明确之前不得给药。")]
    public async Task Print_BloodPressureAndLiverBlank_ListsThemAsCareItemsTheDoseWaitsFor(string language, string heading, string note)
    {
        var (id, _) = await CreateAsync(CareItemsBlank("MRN-QA148-F2-PRINT-" + language), "eligible-with-cautions");

        var html = await PageAsync($"/Screenings/{id}/Print", language);

        var beforeDose = Element(html, "p", "p-before-dose");
        Assert.Contains(heading, beforeDose, StringComparison.Ordinal);
        Assert.Contains(note, beforeDose, StringComparison.Ordinal);
        Assert.Contains("CV-004", beforeDose, StringComparison.Ordinal);
        Assert.Contains("HEP-003", beforeDose, StringComparison.Ordinal);
        var care = Regex.Match(html, "<p class=\"p-nr-care\">.*?</p>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("CV-004", care, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Care items left blank do not keep a pathway waiting, but these must be known before the first dose: Systolic blood pressure, Diastolic blood pressure, Hepatic impairment.", " (must be known before the first dose)")]
    [InlineData("zh-CN", "留空的注意项目不会使路径等待，但以下各项必须在首剂前明确：", "（首剂前必须明确）")]
    public async Task Form_IntroductionAndCount_NameTheCareItemsTheFirstDoseWaitsFor(string language, string intro, string mark)
    {
        var html = await PageAsync("/Screenings/New", language);

        Assert.Contains(intro, Element(html, "p", "form-intro"), StringComparison.Ordinal);
        var list = Regex.Match(html, "<ul id=\"safety-count-list\">.*?</ul>", RegexOptions.Singleline).Value;
        foreach (var field in new[] { "systolicBp", "diastolicBp", "hepaticImpairment" })
        {
            var item = Regex.Match(list, $"<li><a href=\"#{field}\">[^<]*</a>([^<]*)</li>").Groups[1].Value;
            Assert.Equal(mark, item);
        }

        Assert.Matches("<li><a href=\"#aneurysmalVascularDisease-yes\">[^<]*</a>[^<]+</li>", list); // a question that could block keeps its mark
        Assert.DoesNotMatch($"<li><a href=\"#aneurysmalVascularDisease-yes\">[^<]*</a>{Regex.Escape(mark)}</li>", list);
        Assert.Contains("data-safety=\"before-dose\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-text-before-dose=\"{mark}\"", html, StringComparison.Ordinal);
    }

    // F11

    [Theory]
    [InlineData("en-GB", "Contraindication or unmet precondition SUI-009: ", "Caution SUI-011: ")]
    [InlineData("zh-CN", "禁忌证或未满足的前提条件 SUI-009：", "注意事项 SUI-011：")]
    public async Task ResultAndPrint_ImminentRiskNoPathway_NameTheContraindicationAndCautionInWords(string language, string contraindication, string caution)
    {
        var (id, _) = await CreateAsync(ImminentRiskNoPathway("MRN-QA148-F11-" + language, "other"), "not-indicated");

        var result = Text(Element(await PageAsync($"/Screenings/{id}", language), "p", "verdict-still-act"));
        var printHtml = await PageAsync($"/Screenings/{id}/Print", language);
        var print = Text(Regex.Match(printHtml, "<p class=\"p-still-act\">.*?</p>", RegexOptions.Singleline).Value);

        foreach (var line in new[] { result, print })
        {
            Assert.Contains(contraindication + Summary("SUI-009", language), line, StringComparison.Ordinal);
            Assert.Contains(caution + Summary("SUI-011", language), line, StringComparison.Ordinal);
            Assert.Contains("SUI-007", line, StringComparison.Ordinal); // the requirements by id
        }
    }

    [Theory]
    [InlineData("en-GB", "is blocked too: it is not eligible now", "Only an investigational use applies")]
    [InlineData("zh-CN", "研究性用途（氯胺酮用于 PTSD 或 OCD）也被阻止", "仅适用一种研究性用途")]
    public async Task ResultAndPrint_PtsdImminentRiskNoSafetyNet_SayTheInvestigationalUseIsBlockedToo(string language, string blocked, string onlyInvestigational)
    {
        var (id, body) = await CreateAsync(ImminentRiskNoPathway("MRN-QA148-F11-PTSD-" + language, "ptsd"), "not-indicated");
        Assert.Equal("not-eligible", body.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("pathway").GetString() == "investigational-ptsd-ocd").GetProperty("status").GetString());

        foreach (var page in new[] { "", "/Print" })
        {
            var html = await PageAsync($"/Screenings/{id}{page}", language);

            Assert.Contains(blocked, html, StringComparison.Ordinal);
            Assert.DoesNotContain(onlyInvestigational, html, StringComparison.Ordinal);
        }
    }

    // F8

    [Theory]
    [InlineData("en-GB", "Off-label rapid-acting ketamine in palliative care")]
    [InlineData("zh-CN", "超说明书快速起效氯胺酮用于姑息治疗")]
    public async Task ResultAndPrint_PalliativePathway_NameSaysOffLabel_IdOnTheWireUnchanged(string language, string name)
    {
        var request = Benign("MRN-QA148-F8-" + language).With("ageYears", 70).With("lifeLimitingIllness", true).With("prognosisWeeks", 4)
            .With("failedAdequateTrials", 0).With("distinctMechanisms", 0);
        var (id, body) = await CreateAsync(request, "eligible");
        Assert.Contains(body.GetProperty("pathways").EnumerateArray(), p => p.GetProperty("pathway").GetString() == "palliative-rapid-acting"
            && p.GetProperty("status").GetString() == "eligible");

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        Assert.Contains($"<th scope=\"row\">{name}</th>", result, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>{name}</td>", print, StringComparison.Ordinal);
    }

    // QA session 48: counts of one read "1 safety questions … are not answered".

    [Theory]
    [InlineData("en-GB", "aneurysmalVascularDisease", "incomplete", "No contraindication or unmet precondition among the answers recorded, but 1 question that a contraindication or unmet precondition depends on is not answered. Not answered: Aneurysmal vascular disease.")]
    [InlineData("zh-CN", "aneurysmalVascularDisease", "incomplete", "已记录的回答中没有禁忌证或未满足的前提条件，但另有 1 个禁忌证或未满足的前提条件所取决的问题尚未回答。")]
    [InlineData("en-GB", "hepaticImpairment", "eligible-with-cautions", "No contraindication or unmet precondition among the answers recorded, but 1 care item that could show one is not recorded: Hepatic impairment.")]
    public async Task Result_OneQuestionNotAnswered_IsCountedInTheSingular(string language, string blank, string overall, string expected)
    {
        var (id, _) = await CreateAsync(Benign($"MRN-QA48-ONE-{blank}-{language}").With(blank, null).With("lifeLimitingIllness", false), overall);

        var html = await PageAsync($"/Screenings/{id}", language);

        var text = Text(Element(html, "p", "contraindications-unanswered"));
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 safety questions", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 care items", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Screenings/{0}")]
    [InlineData("/Screenings/{0}/Print")]
    public async Task ResultAndPrint_AgeOfOneYear_IsSaidInTheSingular(string path)
    {
        var (id, _) = await CreateAsync(Benign("MRN-QA48-AGE-ONE-" + path.Length).With("ageYears", 1), "not-eligible-now");

        var html = await PageAsync(string.Format(CultureInfo.InvariantCulture, path, id), "en-GB");

        Assert.Contains("1 year", html, StringComparison.Ordinal);
        // The header's age and a finding's "because" alike (it read "Because Age in years: 1 years").
        Assert.DoesNotMatch(@"\b1 years", html);
        Assert.Contains("Age in years: 1 year", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Prognosis in weeks: 1 week")]
    [InlineData("zh-CN", "1 周")]
    public async Task Result_PrognosisOfOneWeek_IsSaidInTheSingular(string language, string expected)
    {
        var (id, _) = await CreateAsync(Benign("MRN-QA48-ONE-WEEK-" + language).With("lifeLimitingIllness", true).With("prognosisWeeks", 1), "eligible");

        var html = await PageAsync($"/Screenings/{id}", language);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b1 weeks", html);
    }
}
