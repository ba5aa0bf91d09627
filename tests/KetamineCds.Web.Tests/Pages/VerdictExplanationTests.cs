using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The overall verdict's explanation on the result page and the print. "Not indicated" leaves the investigational PTSD/OCD
/// pathway aside, so where that pathway applies the explanation says only an investigational use applies, never that no
/// pathway does (clinical audit QA10b C7; P-PTSD, P-OCD). "Incomplete" and "not eligible now" say that an indication exists
/// only where one does: a pathway that waits only because its indication cannot yet be ruled out (SUI-001 since 1.8.0,
/// PAL-001 since 1.16.0: its indication finding names an answer not recorded) is named as neither established nor ruled
/// out, with that answer (docs/clinical-review.md, section 29).
/// </summary>
public sealed class VerdictExplanationTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string NoPathway = "No ketamine or esketamine pathway applies to this history.";
    private const string InvestigationalOnly = "Only an investigational use applies: ketamine for PTSD or OCD";
    private const string InvestigationalOnlyZh = "仅适用一种研究性用途：氯胺酮用于 PTSD 或 OCD";

    private static JsonObject Request(string reference, string diagnosis, bool episode, int trials) => new()
    {
        ["patientReference"] = reference,
        ["ageYears"] = 40,
        ["primaryDiagnosis"] = diagnosis,
        ["currentDepressiveEpisode"] = episode,
        ["failedAdequateTrials"] = trials,
        ["onOralAntidepressant"] = false,
        ["psychosis"] = "none",
        ["suicidality"] = "none",
    };

    private async Task<Guid> CreateAsync(JsonObject request, string expectedOverall)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectedOverall, body.GetProperty("overall").GetString());
        return body.GetProperty("id").GetGuid();
    }

    [Theory]
    [InlineData("ptsd", "")]
    [InlineData("ocd", "/Print")]
    public async Task Result_PtsdOrOcdNotIndicatedOverall_SaysOnlyAnInvestigationalUseApplies(string diagnosis, string page)
    {
        // Every item recorded: the investigational pathway is open (Investigational only), not waiting for an answer (the
        // words while it waits are InvestigationalPathwayInViewTests').
        var request = CompleteScreeningBodies.PtsdWithEveryItemRecorded("MRN-C7-" + diagnosis);
        request["primaryDiagnosis"] = diagnosis;
        var id = await CreateAsync(request, "not-indicated");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}{page}"));

        Assert.Contains(InvestigationalOnly, html, StringComparison.Ordinal);
        Assert.DoesNotContain(NoPathway, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_PtsdInChinese_SaysOnlyAnInvestigationalUseApplies()
    {
        var id = await CreateAsync(CompleteScreeningBodies.PtsdWithEveryItemRecorded("MRN-C7-ZH"), "not-indicated");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", "zh-CN")).Content.ReadAsStringAsync());

        Assert.Contains(InvestigationalOnlyZh, html, StringComparison.Ordinal);
        Assert.DoesNotContain("此病史不适用任何氯胺酮或艾司氯胺酮路径。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_MddWithNoPathway_StillSaysNoPathwayApplies()
    {
        // One failed trial, no suicidality, no life-limiting illness: nothing applies, the investigational pathway included.
        // (From rule set 1.16.0 the illness not recorded keeps the palliative pathway waiting instead: section 26.)
        var request = Request("MRN-C7-MDD", "mdd", true, 1);
        request["lifeLimitingIllness"] = false;
        var id = await CreateAsync(request, "not-indicated");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        Assert.Contains(NoPathway, html, StringComparison.Ordinal);
        Assert.DoesNotContain(InvestigationalOnly, html, StringComparison.Ordinal);
    }

    private const string IndicationExists = "An indication exists";
    private const string IncompleteExists = "An indication exists and nothing recorded blocks it, but safety items it depends on are not recorded, so no pathway can open yet.";
    private const string IncompleteNotRuledOut = "No indication is established yet, but one cannot yet be ruled out, so no pathway can open yet. A blank answer is never read as \"no\": record the missing answers and screen again.";
    private const string NotEligibleNotRuledOut = "No indication is established yet, and one cannot yet be ruled out, but a contraindication or unmet precondition blocks treatment now.";
    private const string PalliativeNotRuledOut = "Neither established nor ruled out: Off-label rapid-acting ketamine in palliative care (not recorded: Life-limiting illness).";
    private const string NeitherEstablished = "Neither established nor ruled out";
    private const string IncompleteNotRuledOutZh = "尚未确立任何适应证，但有适应证尚不能排除，因此目前没有路径可以开放。空白的回答绝不会被视为“否”：请记录缺少的回答后重新筛查。";
    private const string NotEligibleNotRuledOutZh = "尚未确立任何适应证，且有适应证尚不能排除，但有禁忌证或未满足的前提条件，目前不能治疗。";

    /// <summary>MDD in an episode, no failed trial, no suicidality: only the palliative pathway waits (the illness not recorded).</summary>
    private static JsonObject PalliativeOnlyNotRuledOut(string reference) => Request(reference, "mdd", true, 0);

    private async Task<string> PageAsync(Guid id, string page, string? language = null)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        return WebUtility.HtmlDecode(language is null
            ? await client.GetStringAsync($"/Screenings/{id}{page}")
            : await (await CultureSelectionTests.GetAsync(client, $"/Screenings/{id}{page}", language)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task Result_OnlyThePalliativePathwayNotRuledOut_SaysNoIndicationIsEstablishedAndNamesTheAnswer(string page)
    {
        var id = await CreateAsync(PalliativeOnlyNotRuledOut("MRN-NRO-PAL" + page.Length), "incomplete");

        var html = await PageAsync(id, page);

        Assert.Contains(IncompleteNotRuledOut + " " + PalliativeNotRuledOut, html, StringComparison.Ordinal);
        Assert.DoesNotContain(IndicationExists, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("passive", "")]
    [InlineData("passive", "/Print")]
    [InlineData("item9", "")]
    public async Task Result_OnlyTheSuicidalIdeationPathwayNotRuledOut_SaysNoIndicationIsEstablishedAndNamesTheAnswer(string why, string page)
    {
        var request = Request("MRN-NRO-SUI-" + why + page.Length, "mdd", true, 0);
        request["lifeLimitingIllness"] = false;
        request["onOralAntidepressant"] = true;
        if (why == "passive")
        {
            request["suicidality"] = "passive-ideation";
            request["safetyPlanInPlace"] = true;
            request["lethalMeansCounselled"] = true;
            request["followUpArranged"] = true;
        }
        else
        {
            request["phq9Item9"] = 1;
        }

        var id = await CreateAsync(request, "incomplete");

        var html = await PageAsync(id, page);

        var answer = why == "passive" ? "Preparatory acts, or an aborted or interrupted attempt, within 3 months" : "Suicide risk assessed since this positive item 9";
        Assert.Contains(IncompleteNotRuledOut + " Neither established nor ruled out: Esketamine for depression with acute suicidal ideation (not recorded: " + answer + ").", html, StringComparison.Ordinal);
        Assert.DoesNotContain(IndicationExists, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task Result_TrdWithASafetyItemBlankAndTheIllnessRecorded_StillSaysAnIndicationExists(string page)
    {
        var request = Request("MRN-NRO-TRD" + page.Length, "mdd", true, 3);
        request["lifeLimitingIllness"] = false;
        var id = await CreateAsync(request, "incomplete");

        var html = await PageAsync(id, page);

        Assert.Contains(IncompleteExists, html, StringComparison.Ordinal);
        Assert.DoesNotContain(NeitherEstablished, html, StringComparison.Ordinal);
        Assert.DoesNotContain("No indication is established", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_TrdWithTheIllnessNotRecorded_SaysAnIndicationExistsAndNamesThePalliativePathwayNotRuledOut()
    {
        var id = await CreateAsync(Request("MRN-NRO-TRD-PAL", "mdd", true, 3), "incomplete");

        var html = await PageAsync(id, "");

        Assert.Contains(IncompleteExists, html, StringComparison.Ordinal);
        Assert.Contains("record them and screen again. " + PalliativeNotRuledOut, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task Result_PalliativeNotRuledOutAndAContraindication_SaysNoIndicationIsEstablishedButTreatmentIsBlocked(string page)
    {
        var request = PalliativeOnlyNotRuledOut("MRN-NRO-BLOCK" + page.Length);
        request["aneurysmalVascularDisease"] = true;
        var id = await CreateAsync(request, "not-eligible-now");

        var html = await PageAsync(id, page);

        Assert.Contains(NotEligibleNotRuledOut + " " + PalliativeNotRuledOut, html, StringComparison.Ordinal);
        Assert.DoesNotContain(IndicationExists, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task Result_TrdWithAContraindication_StillSaysAnIndicationExists(bool? lifeLimitingIllness)
    {
        // With the illness not recorded the palliative pathway is blocked too; the contraindication blocks it whatever the
        // answer, so the box does not name it (the longest prints stay one page).
        var request = Request("MRN-NRO-TRD-BLOCK-" + (lifeLimitingIllness is null ? "NR" : "NO"), "mdd", true, 3);
        if (lifeLimitingIllness is { } illness)
        {
            request["lifeLimitingIllness"] = illness;
        }

        request["aneurysmalVascularDisease"] = true;
        var id = await CreateAsync(request, "not-eligible-now");

        var html = await PageAsync(id, "");

        Assert.Contains("An indication exists, but a contraindication or unmet precondition blocks treatment now.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(NeitherEstablished, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "incomplete")]
    [InlineData("/Print", "not-eligible-now")]
    public async Task Result_PalliativeNotRuledOutInChinese_SaysNoIndicationIsEstablished(string page, string overall)
    {
        var request = PalliativeOnlyNotRuledOut("MRN-NRO-ZH-" + overall);
        if (overall == "not-eligible-now")
        {
            request["aneurysmalVascularDisease"] = true;
        }

        var id = await CreateAsync(request, overall);

        var html = await PageAsync(id, page, "zh-CN");

        Assert.Contains(overall == "incomplete" ? IncompleteNotRuledOutZh : NotEligibleNotRuledOutZh, html, StringComparison.Ordinal);
        Assert.Contains("既未确立也尚未排除：超说明书快速起效氯胺酮用于姑息治疗（未记录：限制生命的疾病）。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("存在适应证", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// QA293's TRD history (rule set 1.27.0; docs/clinical-review.md, section 39): every item recorded, suicidality none, PHQ-9
    /// total 18, item 9 as given and the assessment after it as given.
    /// </summary>
    private static JsonObject Qa293Trd(string reference, int? item9, bool? assessed)
    {
        var request = CompleteScreeningBodies.WithEveryItemRecorded(CompleteScreeningBodies.RequiredAnswers(reference));
        request["ageYears"] = 40;
        request["sexAtBirth"] = "female";
        request["pregnant"] = false;
        request["breastfeeding"] = false;
        request["distinctMechanisms"] = 2;
        request["systolicBp"] = 120;
        request["diastolicBp"] = 78;
        request["phq9Total"] = 18;
        request["lifeLimitingIllness"] = false;
        request["chronicNeuropathicPain"] = false;
        request["opioidInducedHyperalgesia"] = false;
        request.Remove("phq9Item9");
        request.Remove("suicideRiskAssessedAfterItem9");
        if (item9 is { } i)
        {
            request["phq9Item9"] = i;
        }

        if (assessed is { } a)
        {
            request["suicideRiskAssessedAfterItem9"] = a;
        }

        return request;
    }

    private const string AssessmentNotDone = "An indication exists and nothing recorded blocks it, but the suicide-risk assessment after a positive PHQ-9 item 9 is recorded as not done, so no pathway can open yet";
    private const string AssessmentNotDoneZh = "存在适应证，且已记录的信息中没有阻止治疗的内容，但阳性的 PHQ-9 第 9 项之后的自杀风险评估记录为未评估，因此目前没有路径可以开放";

    /// <summary>
    /// QA293 F2: with the assessment after a positive item 9 recorded "No", the pathways wait (1.27.0) but nothing is blank: the
    /// explanation names the assessment recorded as not done, never "safety items … are not recorded"; the "Not recorded" box
    /// lists no answer for it (it was recorded), and SUI-008 stands in the verdict box.
    /// </summary>
    [Theory]
    [InlineData("", "en")]
    [InlineData("/Print", "en")]
    [InlineData("", "zh-CN")]
    public async Task Result_Qa293AssessmentRecordedNotDone_SaysTheAssessmentIsWhatThePathwaysWaitFor(string page, string language)
    {
        var id = await CreateAsync(Qa293Trd("MRN-QA293-F2-" + language + page.Length, 2, false), "incomplete");

        var html = await PageAsync(id, page, language);

        Assert.Contains(language == "en" ? AssessmentNotDone : AssessmentNotDoneZh, html, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "but safety items it depends on are not recorded" : "但其所依赖的安全项目尚未记录", html, StringComparison.Ordinal);
        Assert.Contains("SUI-008", html, StringComparison.Ordinal);
    }

    /// <summary>Beside a blank the pathways also wait for (the life-limiting illness): the explanation as before, and a sentence for the assessment.</summary>
    [Fact]
    public async Task Result_Qa293AssessmentRecordedNotDoneBesideABlank_SaysBothAreWaitedFor()
    {
        var request = Qa293Trd("MRN-QA293-F2-AND-BLANK", 2, false);
        request.Remove("lifeLimitingIllness");
        var id = await CreateAsync(request, "incomplete");

        var html = await PageAsync(id, "");

        Assert.Contains("but safety items it depends on are not recorded", html, StringComparison.Ordinal);
        Assert.Contains("The suicide-risk assessment after a positive PHQ-9 item 9 is recorded as not done: the pathways wait for it too, as for a blank answer.", html, StringComparison.Ordinal);
    }

    /// <summary>The same history with the assessment left blank: the explanation as before, the blank named (1.8.0's reading).</summary>
    [Fact]
    public async Task Result_Qa293AssessmentNotRecorded_SaysSafetyItemsAreNotRecordedAsBefore()
    {
        var id = await CreateAsync(Qa293Trd("MRN-QA293-F2-BLANK", 2, null), "incomplete");

        var html = await PageAsync(id, "");

        Assert.Contains("An indication exists and nothing recorded blocks it, but safety items it depends on are not recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AssessmentNotDone, html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Only the suicidal-ideation pathway waits, on the assessment recorded as not done (no TRD): no indication is established,
    /// so the explanation never says one exists.
    /// </summary>
    [Fact]
    public async Task Result_OnlyTheSuicidalPathwayWaitsOnTheAssessmentNotDone_SaysNoIndicationIsEstablished()
    {
        var request = Qa293Trd("MRN-QA293-F2-NRO", 1, false);
        request["failedAdequateTrials"] = 1;
        request["distinctMechanisms"] = 1;
        var id = await CreateAsync(request, "incomplete");

        var html = await PageAsync(id, "");

        Assert.Contains("No indication is established yet, but the esketamine pathway for acute suicidal ideation cannot be ruled out while the suicide-risk assessment after a positive PHQ-9 item 9 is recorded as not done", html, StringComparison.Ordinal);
        Assert.DoesNotContain("An indication exists", html, StringComparison.Ordinal);
    }

    /// <summary>QA293 F1: a total with item 9 blank reads eligible with cautions and the "Not recorded" box names item 9 (SUI-017).</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Result_Qa293TotalWithItem9NotRecorded_ListsItem9AmongTheCareItemsNotRecorded(string language)
    {
        var id = await CreateAsync(Qa293Trd("MRN-QA293-F1-" + language, null, null), "eligible-with-cautions");

        var html = await PageAsync(id, "", language);

        Assert.Contains(language == "en" ? "Care items not recorded" : "未记录的注意项目", html, StringComparison.Ordinal);
        Assert.Contains("SUI-017", html, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "PHQ-9 item 9 is not recorded beside the PHQ-9 total" : "PHQ-9 总分已记录但第 9 项未记录", html, StringComparison.Ordinal);
    }
}
