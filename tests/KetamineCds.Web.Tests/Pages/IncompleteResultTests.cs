using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>The result page, the print and the API for a screening whose safety items were not recorded (rule set 1.1.0).</summary>
public sealed class IncompleteResultTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private async Task<(Guid Id, JsonElement Body)> CreateAsync(JsonObject request)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body);
    }

    [Fact]
    public async Task Api_EightAnswers_SerialisesIncompleteAsTheContractSays()
    {
        var (_, body) = await CreateAsync(CompleteScreeningBodies.RequiredAnswers("MRN-INC-API"));

        Assert.Equal("incomplete", body.GetProperty("overall").GetString());
        var trd = body.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("pathway").GetString() == "esketamine-trd");
        Assert.Equal("incomplete", trd.GetProperty("status").GetString());
        var rec = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "REC-001");
        Assert.Equal("requirement", rec.GetProperty("kind").GetString());
        Assert.Contains(rec.GetProperty("because").EnumerateArray(), b => b.GetProperty("field").GetString() == "aneurysmalVascularDisease" && b.GetProperty("value").GetString() == "not recorded");
    }

    [Fact]
    public async Task Result_EightAnswers_OpensWithNotRecordedAndNeverShowsEligible()
    {
        var (id, _) = await CreateAsync(CompleteScreeningBodies.RequiredAnswers("MRN-INC-PAGE"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        Assert.Contains("verdict--incomplete", html, StringComparison.Ordinal);
        Assert.Contains("Incomplete \u2014 answers missing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict--ok", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2714", html, StringComparison.Ordinal);
        var notRecorded = html.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal);
        Assert.True(notRecorded > 0 && notRecorded < html.IndexOf("id=\"pathways-title\"", StringComparison.Ordinal), "Not recorded comes before the pathways");
        foreach (var field in new[] { "aneurysmalVascularDisease", "arteriovenousMalformation", "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "pregnant", "substanceUse" })
        {
            Assert.Contains($"<strong>{Fields.Find(field)!.Label}</strong>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Esketamine for treatment-resistant depression", html, StringComparison.Ordinal);
        Assert.Contains("Care items not recorded", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/New?from={id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Re-screen with these answers", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Systolic blood pressure</dt><dd>Not recorded</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Primary diagnosis</dt><dd>Major depressive disorder</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "No contraindication or unmet precondition among the answers recorded, but {0} questions that a contraindication or unmet precondition depends on are not answered.", "None.")]
    [InlineData("zh-CN", "已记录的回答中没有禁忌证或未满足的前提条件，但另有 {0} 个禁忌证或未满足的前提条件所取决的问题尚未回答。", "无。")]
    public async Task Result_EightAnswers_ContraindicationsNeverReadNone_TheyCountTheUnansweredQuestionsThatCouldBlock(string language, string expected, string none)
    {
        // QA113 F1: "Contraindications (0) None." (禁忌证 (0) 无。) read as "no contraindications" while every question that
        // could be one was blank.
        var (id, _) = await CreateAsync(CompleteScreeningBodies.RequiredAnswers("MRN-INC-CONTRA-" + language));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", language)).Content.ReadAsStringAsync());

        var notRecorded = Between(html, "id=\"not-recorded-title\"", "id=\"not-recorded-before-dose\"");
        var unanswered = notRecorded.Split("class=\"not-recorded__item\"").Length - 1;
        Assert.True(unanswered >= 9, $"the safety questions not recorded are listed ({unanswered})");
        var contraindications = Between(html, "id=\"kind-Contraindication\"", "</section>");
        // QA128 F4: the three questions contraindication rules read that the eight answers leave blank (blood pressure,
        // CV-003; hepatic status, HEP-001) are named too, but QA148 F2: as care items the first dose waits for, not counted
        // among the safety questions that could block a pathway (they were, as "unanswered + 3").
        // Rule set 1.16.0: the life-limiting illness is in that list (the palliative pathway waits for it, REC-005) but no answer
        // to it is a contraindication, so it is not counted among the questions that could block one (clinical-review section 26).
        var illness = language == "zh-CN" ? "限制生命的疾病" : "Life-limiting illness";
        Assert.Contains(illness, notRecorded, StringComparison.Ordinal);
        Assert.DoesNotContain(illness, contraindications, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, unanswered - 1), contraindications, StringComparison.Ordinal);
        Assert.Contains(language == "zh-CN" ? "首剂前必须明确的注意项目也未记录" : "Care items that must be known before the first dose are not recorded either: Systolic blood pressure, Diastolic blood pressure, Hepatic impairment", contraindications, StringComparison.Ordinal);
        Assert.Contains("href=\"#not-recorded-title\"", contraindications, StringComparison.Ordinal);
        Assert.DoesNotContain(none, contraindications, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_EverySafetyQuestionAnswered_ContraindicationsSayNone()
    {
        // QA128 F4: hepatic status too, which a contraindication (HEP-001) reads; the sample records a blood pressure.
        var request = SampleRequests.Trd("MRN-INC-CONTRA-NONE").With("substanceUse", "none").With("hepaticImpairment", "none");
        foreach (var safetyItem in new[] { "aneurysmalVascularDisease", "arteriovenousMalformation", "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke", "currentManiaOrMixedFeatures", "lifeLimitingIllness" })
        {
            // The life-limiting illness too: from rule set 1.16.0 the palliative pathway waits for it (clinical-review section 26).
            request = request.With(safetyItem, false);
        }

        var (id, _) = await CreateAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        Assert.DoesNotContain("id=\"not-recorded-safety\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-recorded-could-block\"", html, StringComparison.Ordinal);
        var contraindications = Between(html, "id=\"kind-Contraindication\"", "</section>");
        Assert.Contains("<p class=\"none\">None.</p>", contraindications, StringComparison.Ordinal);
        Assert.DoesNotContain("contraindications-unanswered", contraindications, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_EverySafetyQuestionAnsweredButTheIllness_ContraindicationsSayNoneAndTheIllnessIsNamedAsAwaited()
    {
        // Rule set 1.16.0 (clinical-review section 26): the palliative pathway waits for the life-limiting illness (REC-005),
        // but no answer to it is a contraindication. The Contraindications section said "1 safety question that could
        // block a pathway is not answered: Life-limiting illness"; it is named under Not recorded, as the pathway awaits it.
        var request = SampleRequests.Trd("MRN-INC-CONTRA-ILLNESS").With("substanceUse", "none").With("hepaticImpairment", "none");
        foreach (var safetyItem in new[] { "aneurysmalVascularDisease", "arteriovenousMalformation", "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke", "currentManiaOrMixedFeatures" })
        {
            request = request.With(safetyItem, false);
        }

        var (id, _) = await CreateAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        var contraindications = Between(html, "id=\"kind-Contraindication\"", "</section>");
        Assert.Contains("<p class=\"none\">None.</p>", contraindications, StringComparison.Ordinal);
        Assert.DoesNotContain("contraindications-unanswered", contraindications, StringComparison.Ordinal);
        Assert.DoesNotContain("Life-limiting illness", contraindications, StringComparison.Ordinal);
        Assert.Contains("Life-limiting illness", Between(html, "id=\"not-recorded-title\"", "</section>"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, false, 0, "not-indicated")]
    [InlineData(60, true, 3, "incomplete")]
    public async Task Result_SexAtBirthBlankWhereNoAnswerToItAloneCouldBlock_BothSectionsCountTheSameQuestions(int age, bool episode, int trials, string overall)
    {
        // Helper 201: a minimal history with sex at birth blank counted 9 questions that could block a pathway under Not recorded
        // and 10 under Contraindications (at 60, 8 and 9). Sex at birth is read by a contraindication rule, but no answer to it
        // alone makes one fire (at 30 the pregnancy question, listed, decides; at 60 pregnancy is not asked at all).
        var request = new JsonObject
        {
            ["patientReference"] = "MRN-INC-SEX-" + age,
            ["ageYears"] = age,
            ["primaryDiagnosis"] = "mdd",
            ["currentDepressiveEpisode"] = episode,
            ["failedAdequateTrials"] = trials,
            ["onOralAntidepressant"] = true,
            ["psychosis"] = "none",
            ["suicidality"] = "none",
            ["lifeLimitingIllness"] = false,
        };
        var (id, body) = await CreateAsync(request);
        Assert.Equal(overall, body.GetProperty("overall").GetString());
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        var safety = Between(html, "id=\"not-recorded-title\"", "id=\"not-recorded-before-dose\"");
        safety = safety[..(safety.IndexOf("id=\"not-recorded-care\"", StringComparison.Ordinal) is var care and >= 0 ? care : safety.Length)];
        var listed = safety.Split("class=\"not-recorded__item\"").Length - 1;
        var contraindications = Between(html, "id=\"kind-Contraindication\"", "</section>");
        Assert.Contains($"but {listed} questions that a contraindication or unmet precondition depends on are not answered.", contraindications, StringComparison.Ordinal);
        Assert.DoesNotContain("Sex at birth", safety, StringComparison.Ordinal);
        Assert.DoesNotContain("Not answered: Sex at birth", contraindications, StringComparison.Ordinal);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} is on the page");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }

    [Fact]
    public async Task Result_Staff_HasNoRescreenLink()
    {
        var (id, _) = await CreateAsync(CompleteScreeningBodies.RequiredAnswers("MRN-INC-STAFF"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = await client.GetStringAsync($"/Screenings/{id}");

        Assert.Contains("id=\"not-recorded-title\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Re-screen with these answers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_EightAnswers_ListsWhatToAnswerAndKeepsTheDisclaimer()
    {
        var (id, _) = await CreateAsync(CompleteScreeningBodies.RequiredAnswers("MRN-INC-PRINT"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}/Print"));

        Assert.Contains("p-verdict--incomplete", html, StringComparison.Ordinal);
        Assert.Contains("Overall: Incomplete \u2014 answers missing", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<h2>Not recorded</h2>", StringComparison.Ordinal) < html.IndexOf("<h2>Pathways</h2>", StringComparison.Ordinal));
        Assert.Contains($"<strong>{Fields.Find("hypersensitivityToKetamine")!.Label}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("esketamine TRD", html[html.IndexOf("Not recorded", StringComparison.Ordinal)..html.IndexOf("<h2>Pathways</h2>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("never replaces, the clinician", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2714", html, StringComparison.Ordinal);
    }

    /// <summary>The nine questions that could block a pathway which the eight answers leave unanswered (aged 45, sex at birth not recorded).</summary>
    private static readonly string[] NineUnansweredBlockingQuestions =
    [
        "pregnant", "currentManiaOrMixedFeatures", "substanceUse", "aneurysmalVascularDisease", "arteriovenousMalformation",
        "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke",
    ];

    /// <summary>The QA case: the eight answers and a blood pressure of 182/112, which blocks every pathway (CV-003).</summary>
    private static JsonObject EightAnswersAndBloodPressure182Over112(string reference)
    {
        var request = CompleteScreeningBodies.RequiredAnswers(reference);
        request["systolicBp"] = 182;
        request["diastolicBp"] = 112;
        return request;
    }

    [Theory]
    [InlineData("", "Some intent to act on the thoughts")]
    [InlineData("/Print", "Some intent to act on the thoughts")]
    public async Task ResultAndPrint_PassiveIdeationWithTheSafetyNet_NotRecordedNamesNoQuestionTheFormNeverAsked(string page, string intent)
    {
        // QA189 F1: the result and the print listed intent as a care item not recorded ("☐ Some intent to act on the
        // thoughts [SUI-014]"), although the form asks it only after active ideation.
        var request = CompleteScreeningBodies.RequiredAnswers("MRN-INC-PASSIVE" + page.Replace("/", "-", StringComparison.Ordinal));
        request["suicidality"] = "passive-ideation";
        request["safetyPlanInPlace"] = true;
        request["lethalMeansCounselled"] = true;
        request["followUpArranged"] = true;
        request["preparatoryActsOrAbortedAttempt"] = false;
        var (id, body) = await CreateAsync(request);
        Assert.Contains(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "SUI-014");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}{page}"));

        Assert.Contains("SAF-001", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<strong>{intent}</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_AContraindicationBlocks_StillListsEveryUnansweredQuestionThatCouldBlockAPathway()
    {
        var (id, body) = await CreateAsync(EightAnswersAndBloodPressure182Over112("MRN-INC-BP-PAGE"));
        Assert.Equal("not-eligible-now", body.GetProperty("overall").GetString());
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        var box = html[html.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal)..html.IndexOf("id=\"pathways-title\"", StringComparison.Ordinal)];
        foreach (var field in NineUnansweredBlockingQuestions)
        {
            Assert.Contains($"<strong>{Fields.Find(field)!.Label}</strong>", box, StringComparison.Ordinal);
        }

        Assert.Contains("Safety questions not answered that could block a pathway <span class=\"count\">(9 questions)</span>", box, StringComparison.Ordinal);
        Assert.Contains("A recorded contraindication or unmet precondition already makes the pathways not eligible now (see Contraindications and unmet preconditions)", box, StringComparison.Ordinal);
        // Answering them would not open a pathway: the words must not say that they alone keep it closed.
        Assert.DoesNotContain("Must be answered before a pathway can open", box, StringComparison.Ordinal);
        Assert.DoesNotContain("pathway waiting", box, StringComparison.Ordinal);
        Assert.Contains("Care items not recorded", box, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_AContraindicationBlocks_ListsEveryUnansweredQuestionThatCouldBlockAPathwayInTheBox()
    {
        var (id, _) = await CreateAsync(EightAnswersAndBloodPressure182Over112("MRN-INC-BP-PRINT"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}/Print"));

        var box = html[html.IndexOf("<h2>Not recorded", StringComparison.Ordinal)..html.IndexOf("<h2>Pathways</h2>", StringComparison.Ordinal)];
        foreach (var field in NineUnansweredBlockingQuestions)
        {
            Assert.Contains($"<strong>{Fields.Find(field)!.Label}</strong>", box, StringComparison.Ordinal);
        }

        Assert.Contains("Safety questions not answered that could block a pathway <span class=\"p-count\">(9 questions)</span>:", box, StringComparison.Ordinal);
        Assert.Contains("A recorded contraindication or unmet precondition already blocks; each of these could block as well.", box, StringComparison.Ordinal);
        Assert.DoesNotContain("Must be answered before a pathway can open", box, StringComparison.Ordinal);
        // Named in the box, so not again in the line of other questions not recorded.
        var rest = html[html.IndexOf("<h2>Answers recorded</h2>", StringComparison.Ordinal)..];
        Assert.DoesNotContain(Fields.Find("aneurysmalVascularDisease")!.Label, rest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task Print_CareItemsNotRecorded_EachIsAnItemWithItsBoxLabelsAndRule_NotOneJoinedText(string language)
    {
        // The review: the line joined the care items' labels into one run of text ("…disease [SAF-001]; Substances
        // involved [SUB-004]; …"); each is now an item of its own, as the questions above it are.
        var (id, _) = await CreateAsync(EightAnswersAndBloodPressure182Over112("MRN-CARE-PRINT-" + language));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", language)).Content.ReadAsStringAsync());

        // QA148 F2: the hepatic status (HEP-003) is a care item the first dose waits for, on a line of its own before the
        // other care items, its items made the same way.
        foreach (var (start, rule) in new[] { (html.IndexOf("<p class=\"p-nr-care\" id=\"p-before-dose\">", StringComparison.Ordinal), "HEP-003"), (html.IndexOf("<p class=\"p-nr-care\">", StringComparison.Ordinal), "SAF-001") })
        {
            Assert.True(start > 0, "the print has a line of care items not recorded");
            var line = html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
            var items = System.Text.RegularExpressions.Regex.Matches(line, "<span class=\"p-nr-item\"><span class=\"p-box\" aria-hidden=\"true\">\u2610</span>\u00A0(?<labels>(?:<strong>[^<]+</strong>(?:, |、)?)+)\u00A0\\[<span class=\"p-rule\">(?<rule>[A-Z]+-[0-9]+)</span>\\]</span>");
            Assert.True(items.Count > 0, line);
            Assert.Contains(items, m => m.Groups["rule"].Value == rule);
            // Nothing of an item stands outside it: the line is its title and its items.
            Assert.DoesNotContain("]" + (language == "zh-CN" ? "\uFF1B" : ";"), line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-CN", "患者 <strong class=\"id-block\">MRN-PUNCT-zh-CN</strong>，45 岁", "规则集 {0}，摘要值", "<span class=\"label\">依据</span> 收缩压：182 mmHg；舒张压：112 mmHg", "<strong>肝功能损害</strong>——")]
    [InlineData("en-GB", "Patient <strong class=\"id-block\">MRN-PUNCT-en-GB</strong>, 45 years", "rule set {0}, digest", "<span class=\"label\">Because</span> Systolic blood pressure: 182 mmHg; Diastolic blood pressure: 112 mmHg", "<strong>Hepatic impairment</strong> \u2014 ")]
    public async Task Result_InEachLanguage_UsesThatLanguagesPunctuation(string language, string patient, string ruleSet, string because, string careItem)
    {
        var (id, _) = await CreateAsync(EightAnswersAndBloodPressure182Over112("MRN-PUNCT-" + language));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", language)).Content.ReadAsStringAsync());

        Assert.Contains(patient, html, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, ruleSet, KetamineCds.Domain.Rules.RuleSetCatalog.Current.Version), html, StringComparison.Ordinal);
        Assert.Contains(because, html, StringComparison.Ordinal);
        Assert.Contains(careItem, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "禁忌证或未满足的前提条件，高", "<strong>肝功能损害</strong>\u00A0[<span class=\"p-rule\">HEP-003</span>]</span>", "<span class=\"id-whole\">PHQ-9</span> 第 9 项。", "[<span class=\"p-key\">P-SAFETY-REMS</span>、<span class=\"p-key\">SPRAVATO-PI-US</span>；依据 收缩压：182 mmHg；舒张压：112 mmHg]", "<strong>（a）</strong> <span>主要诊断：重度抑郁症；目前处于重度抑郁发作：是；抗抑郁药充分治疗失败次数：3 次。")]
    [InlineData("en-GB", "Contraindication or unmet precondition, high", "<strong>Hepatic impairment</strong>\u00A0[<span class=\"p-rule\">HEP-003</span>]</span>", "<span class=\"id-whole\">PHQ-9</span> item 9.", "[<span class=\"p-key\">P-SAFETY-REMS</span>, <span class=\"p-key\">SPRAVATO-PI-US</span>; because Systolic blood pressure: 182 mmHg; Diastolic blood pressure: 112 mmHg]", "<strong>(a)</strong> <span>Primary diagnosis: Major depressive disorder; Current major depressive episode: Yes; Failed adequate antidepressant trials: 3.")]
    public async Task Print_InEachLanguage_UsesThatLanguagesPunctuation(string language, string kindAndSeverity, string careItem, string lastNotRecorded, string cvCitation, string sharedInputs)
    {
        var (id, _) = await CreateAsync(EightAnswersAndBloodPressure182Over112("MRN-PUNCT-PRINT-" + language));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", language)).Content.ReadAsStringAsync());

        Assert.Contains($"<span class=\"p-kind\">{kindAndSeverity}</span> <strong>CV-003</strong>", html, StringComparison.Ordinal);
        Assert.Contains(careItem, html, StringComparison.Ordinal);
        Assert.Contains(lastNotRecorded, html, StringComparison.Ordinal);
        Assert.Contains(cvCitation, html, StringComparison.Ordinal);
        Assert.Contains(sharedInputs, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_APathwayDecidedByManyRules_WrapsItsRuleIdsAndNotAShortList()
    {
        // QA8 F14: fifteen rule ids on one unbreakable line squeezed the pathway's name to a character a line. More than six
        // ids wrap between ids (print.css: p-rules--wrap); a short list stays on one line beside the name.
        var request = CompleteScreeningBodies.RequiredAnswers("MRN-PRINT-MANY-IDS");
        foreach (var field in new[] { "aneurysmalVascularDisease", "arteriovenousMalformation", "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke" })
        {
            request[field] = true;
        }

        request["systolicBp"] = 190;
        request["diastolicBp"] = 115;
        var (id, body) = await CreateAsync(request);
        var trd = body.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("pathway").GetString() == "esketamine-trd");
        Assert.True(trd.GetProperty("ruleIds").GetArrayLength() > 6);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = await client.GetStringAsync($"/Screenings/{id}/Print");

        var rows = html[html.IndexOf("<table class=\"p-table\">", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"p-rules--wrap\"><span class=\"p-rule\">TRD-001</span>", rows, StringComparison.Ordinal);
        Assert.Contains("<td><span class=\"p-rule\">SUI-001</span>", rows, StringComparison.Ordinal);
    }

    [Fact]
    public void NotRecordedSummary_AContraindicationBlocks_ListsTheQuestionsAskedAndNotRecordedWithNoPathwayWaiting()
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.SystolicBp] = 182;
        request[Fields.DiastolicBp] = 112;
        var history = request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);

        var summary = NotRecordedSummary.Of(assessment, history);

        Assert.Equal(Verdict.NotEligibleNow, assessment.Overall);
        Assert.True(summary.BlockedByContraindication);
        Assert.Equal(NineUnansweredBlockingQuestions, summary.SafetyQuestions.Select(i => i.Field));
        Assert.All(summary.SafetyQuestions, i => Assert.Empty(i.Pathways));
        Assert.Empty(summary.BeforeAPathwayCanOpen);
    }

    [Fact]
    public void NotRecordedSummary_NothingBlocks_KeepsThePathwaysWaitingAndAddsNoQuestionTheFormDidNotAsk()
    {
        var history = Requests.OnlyTheRequiredAnswers().ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);

        var summary = NotRecordedSummary.Of(assessment, history);

        Assert.False(summary.BlockedByContraindication);
        Assert.Empty(summary.CouldAlsoBlock);
        Assert.Equal(["sexAtBirth", .. NineUnansweredBlockingQuestions], summary.BeforeAPathwayCanOpen.Select(i => i.Field).Where(f => f != "lifeLimitingIllness"));
        Assert.All(summary.BeforeAPathwayCanOpen.Where(i => i.Field != "lifeLimitingIllness"), i => Assert.Contains(Pathway.EsketamineTrd, i.Pathways));
        // From rule set 1.16.0 (clinical-review section 26): the illness is not recorded, so the palliative pathway waits for it too.
        Assert.Equal([Pathway.PalliativeRapidActing], summary.BeforeAPathwayCanOpen.Single(i => i.Field == "lifeLimitingIllness").Pathways);
        // Not asked of this history: no suicidality, no bipolar disorder.
        Assert.DoesNotContain(summary.SafetyQuestions, i => i.Field is "suicidalIntent" or "moodStabilizer" or "safetyPlanInPlace");
    }

    [Fact]
    public void NotRecordedSummary_TheWholeSafetyNetRecorded_DoesNotSayThatIntentOrAnAbortedAttemptCouldBlock()
    {
        // The QA case: active ideation, safety plan, lethal-means counselling and follow-up all recorded yes, intent and
        // preparatory acts left blank. No answer to either could block a pathway then (SUI-009 needs a safety net missing).
        var history = ActiveIdeation(safetyNet: true).ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);

        var summary = NotRecordedSummary.Of(assessment, history);

        Assert.DoesNotContain(summary.CouldAlsoBlock, i => i.Field is "suicidalIntent" or "preparatoryActsOrAbortedAttempt");
        // Every question an answer to which does block is still listed (an aneurysm always blocks).
        Assert.Contains(summary.SafetyQuestions, i => i.Field == "aneurysmalVascularDisease");
    }

    [Fact]
    public void NotRecordedSummary_NoSafetyNet_StillListsIntentAndAnAbortedAttempt()
    {
        var history = ActiveIdeation(safetyNet: false).ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);

        var summary = NotRecordedSummary.Of(assessment, history);

        // With no safety net, a recorded aborted attempt is imminent risk that blocks (SUI-009): the pathways wait for it.
        Assert.Contains(summary.BeforeAPathwayCanOpen, i => i.Field == "preparatoryActsOrAbortedAttempt");
        Assert.Contains(summary.SafetyQuestions, i => i.Field == "suicidalIntent");
        Assert.True(ScreeningEngine.Evaluate(history with { PreparatoryActsOrAbortedAttempt = true }, RuleSetCatalog.Current).OfKind(FindingKind.Contraindication).Any());
    }

    [Fact]
    public void NotRecordedSummary_ItemNineBesideNoSuicidality_ListsTheAssessmentAsAwaitedAndAsSui008sCareItemOnly()
    {
        // Rule set 1.8.0 (QA137 F2): every pathway waits for the suicide-risk assessment; SUI-008 asks for it. SUI-016 (SUI-001
        // until 1.19.0), an indication that cannot yet be ruled out, asks for no care of its own and is not listed as a care item.
        var history = Requests.OnlyTheRequiredAnswers().ToHistory() with { Phq9Total = 18, Phq9Item9 = 2 };
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        Assert.Contains(assessment.Findings, f => f.RuleId == "SUI-016");

        var summary = NotRecordedSummary.Of(assessment, history);

        var awaited = Assert.Single(summary.BeforeAPathwayCanOpen, i => i.Field == "suicideRiskAssessedAfterItem9");
        Assert.Contains(Pathway.EsketamineTrd, awaited.Pathways);
        Assert.Contains(Pathway.EsketamineSuicidalIdeation, awaited.Pathways);
        Assert.Equal(["SUI-008"], summary.CareItems.Where(c => c.Finding.RuleId.StartsWith("SUI", StringComparison.Ordinal)).Select(c => c.Finding.RuleId));
    }

    [Fact]
    public void NotRecordedSummary_SuicidalPathwayNotYetRuledOut_ListsTheCareItemsWithoutTheAnswerThePathwayWaitsFor()
    {
        // QA184 F3, rule set 1.14.0: passive ideation with preparatory acts left blank and one failed trial. The care rules
        // now fire for the waiting pathway; the blank they also name as an input is the pathway's waiting item, listed
        // once above, not a care item of blood pressure, hepatic status or the REMS requirements.
        var request = ActiveIdeation(safetyNet: true);
        request[Fields.Suicidality] = "passive-ideation";
        request[Fields.FailedAdequateTrials] = 1;
        var history = request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);

        var summary = NotRecordedSummary.Of(assessment, history);

        Assert.Equal(Verdict.Incomplete, assessment.Overall);
        Assert.Contains(summary.BeforeAPathwayCanOpen, i => i.Field == "preparatoryActsOrAbortedAttempt" && i.Pathways.SequenceEqual([Pathway.EsketamineSuicidalIdeation]));
        Assert.Equal(["CV-004", "HEP-003"], summary.BeforeFirstDose.Select(c => c.Finding.RuleId));
        Assert.Contains(summary.OtherCareItems, c => c.Finding.RuleId == "MED-005");
        Assert.Contains(summary.OtherCareItems, c => c.Finding.RuleId == "SAF-001");
        var preparatoryActs = Display.Label("preparatoryActsOrAbortedAttempt");
        Assert.All(summary.CareItems.Where(c => c.Finding.RuleId is "CV-004" or "HEP-003" or "MED-005" or "SAF-001"), c => Assert.DoesNotContain(preparatoryActs, c.Labels));
        Assert.DoesNotContain(summary.CareItems, c => c.Finding.RuleId.StartsWith("REMS-", StringComparison.Ordinal));
    }

    [Fact]
    public void NotRecordedSummary_PassiveIdeationWithTheSafetyNet_DoesNotListIntentTheFormNeverAsked()
    {
        // QA189 F1: passive ideation, the whole safety net and no preparatory acts recorded. SUI-014 fires and reads intent
        // (blank: the form asks it only after active ideation and refuses a yes beside passive ideation), so its care item
        // named "Some intent to act on the thoughts" as not recorded: a to-do the re-screen form gives no way to do.
        var request = ActiveIdeation(safetyNet: true);
        request[Fields.Suicidality] = "passive-ideation";
        request[Fields.PreparatoryActsOrAbortedAttempt] = false;
        var history = request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        Assert.Contains(assessment.Findings, f => f.RuleId == "SUI-014");
        Assert.False(Fields.SuicidalIntent.IsAskedOf(history));

        var summary = NotRecordedSummary.Of(assessment, history);

        var intent = Display.Label("suicidalIntent");
        Assert.DoesNotContain(summary.CareItems, c => c.Labels.Contains(intent));
        Assert.DoesNotContain(summary.SafetyQuestions, i => i.Field == "suicidalIntent");
        // The caution itself stays among the cautions; only the "not recorded" list drops what was never asked.
        Assert.DoesNotContain(summary.CareItems, c => c.Finding.RuleId == "SUI-014");
        Assert.Contains(summary.OtherCareItems, c => c.Finding.RuleId == "SAF-001");
    }

    [Fact]
    public void NotRecordedSummary_ActiveIdeationWithIntentBlank_StillListsIntent()
    {
        // The edge: with active ideation the form asks intent, so a blank one is still named.
        var history = ActiveIdeation(safetyNet: false).ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);

        var summary = NotRecordedSummary.Of(assessment, history);

        Assert.True(Fields.SuicidalIntent.IsAskedOf(history));
        Assert.Contains(summary.SafetyQuestions, i => i.Field == "suicidalIntent");
    }

    private static ScreeningRequest ActiveIdeation(bool safetyNet)
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.Suicidality] = "active-ideation";
        request[Fields.SafetyPlanInPlace] = safetyNet;
        request[Fields.LethalMeansCounselled] = safetyNet;
        request[Fields.FollowUpArranged] = safetyNet;
        return request;
    }

    [Fact]
    public void NotRecordedSummary_NothingNotRecorded_IsEmpty()
    {
        var history = new PatientHistory
        {
            PatientReference = "MRN-X",
            AgeYears = 45,
            PrimaryDiagnosis = PrimaryDiagnosis.Ptsd,
            CurrentDepressiveEpisode = false,
            FailedAdequateTrials = 0,
            OnOralAntidepressant = false,
            Psychosis = PsychosisStatus.None,
            Suicidality = Suicidality.None,
        };
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_0_0);

        Assert.True(NotRecordedSummary.Of(assessment).IsEmpty);
    }

    [Fact]
    public void NotRecordedSummary_TwoPathwaysWaitForOneItem_ListsItOnceWithBoth()
    {
        var ruleSet = RuleSetCatalog.Current;
        var rec = ruleSet.Pathways.Where(p => p.CompletenessRuleId is not null).Take(2).ToList();
        Finding Requirement(string id, params Evidence[] because) => new(id, FindingKind.Requirement, Severity.High, ["P-SAFETY"], [], "s", "d", because);
        var assessment = new Assessment(ruleSet.Identity, Verdict.Incomplete, [], [
            Requirement(rec[0].CompletenessRuleId!, new Evidence("pregnant", "not recorded"), new Evidence("substanceUse", "not recorded")),
            Requirement(rec[1].CompletenessRuleId!, new Evidence("pregnant", "not recorded")),
            Requirement("CV-009", new Evidence("systolicBp", "not recorded"), new Evidence("diastolicBp", "not recorded")),
            Requirement("XYZ-001", new Evidence("psychosis", "none")),
        ]);

        var summary = NotRecordedSummary.Of(assessment);

        var pregnant = Assert.Single(summary.BeforeAPathwayCanOpen, i => i.Field == "pregnant");
        Assert.Equal([rec[0].Pathway, rec[1].Pathway], pregnant.Pathways);
        Assert.Equal("Pregnant", pregnant.Label);
        Assert.Equal(2, summary.BeforeAPathwayCanOpen.Count);
        var care = Assert.Single(summary.CareItems);
        Assert.Equal(["Systolic blood pressure", "Diastolic blood pressure"], care.Labels);
    }

    [Theory]
    [InlineData("psychosis", "history-untreated", "History of psychosis, not on an antipsychotic now")]
    [InlineData("substancesUsed", "alcohol, ketamine-or-pcp", "Alcohol, Ketamine or PCP")]
    [InlineData("oralAntidepressantClass", "ssri", "SSRI")]
    [InlineData("oralAntidepressantClass", "other", "Another class (not an SSRI or SNRI)")]
    [InlineData("recentMyocardialInfarctionOrStroke", "true", "Yes")]
    [InlineData("suicidalIntent", "not recorded", "Not recorded")]
    [InlineData("systolicBp", "150", "150 mmHg")]
    public void Value_NewValues_AreShownInWords(string field, string value, string expected) =>
        Assert.Equal(expected, Display.Value(field, value));

    [Fact]
    public void Of_IncompleteVerdictAndStatus_HaveTheirOwnStyleAndNoTick()
    {
        var verdict = Display.Of(Verdict.Incomplete);
        var status = Display.Of(PathwayStatus.Incomplete);

        Assert.Equal("incomplete", verdict.Css);
        Assert.Equal("incomplete", status.Css);
        Assert.NotEqual(Display.Of(Verdict.Eligible).Symbol, verdict.Symbol);
        Assert.StartsWith("Incomplete", status.Text, StringComparison.Ordinal);
    }
}
