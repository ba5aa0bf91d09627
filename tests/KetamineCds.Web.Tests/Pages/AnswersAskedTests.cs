using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA11 F4: the result page's "Answers recorded" leaves out a blank question the history does not call for (the field
/// catalogue's AskedWhen), as the print does, and says so; a question the history calls for and that was not answered
/// is still shown as "Not recorded".
/// </summary>
public sealed class AnswersAskedTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    /// <summary>QA11's 55-year-old man: no suicidality, US label, on an oral antidepressant, no substance use disorder.</summary>
    private static JsonObject Man(string reference) => new()
    {
        ["patientReference"] = reference,
        ["ageYears"] = 55,
        ["sexAtBirth"] = "male",
        ["jurisdiction"] = "us",
        ["primaryDiagnosis"] = "mdd",
        ["currentDepressiveEpisode"] = true,
        ["failedAdequateTrials"] = 2,
        ["distinctMechanisms"] = 2,
        ["onOralAntidepressant"] = true,
        ["psychosis"] = "none",
        ["suicidality"] = "none",
        ["substanceUse"] = "none",
        ["systolicBp"] = 185,
        ["diastolicBp"] = 115,
        ["hepaticImpairment"] = "none",
    };

    /// <summary>The questions the man's history does not call for, left blank.</summary>
    private static readonly string[] NotCalledFor =
        ["pregnant", "breastfeeding", "oralAntidepressantClass", "safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged", "suicidalIntent", "preparatoryActsOrAbortedAttempt", "substancesUsed"];

    /// <summary>The "Answers recorded" section of the result page, decoded.</summary>
    private static string Answers(string html)
    {
        var decoded = WebUtility.HtmlDecode(html);
        var start = decoded.IndexOf("id=\"answers-title\"", StringComparison.Ordinal);
        Assert.True(start > 0, "The result page has no answers section.");
        return decoded[start..decoded.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Result_QuestionsTheHistoryDoesNotCallFor_AreLeftOutAsOnThePrint_AndThePageSaysSo()
    {
        var id = await factory.RecordScreeningThroughApiAsync(Man("MRN-F4-MAN"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var answers = Answers(await client.GetStringAsync($"/Screenings/{id}"));
        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}/Print"));
        var printNotRecorded = Regex.Match(print, "<p class=\"p-answers p-answers--not-recorded\">.*?</p>", RegexOptions.Singleline).Value;

        foreach (var field in NotCalledFor)
        {
            Assert.DoesNotContain($"<dt>{Fields.Find(field)!.Label}</dt>", answers, StringComparison.Ordinal);
            Assert.DoesNotContain(Fields.Find(field)!.Label, printNotRecorded, StringComparison.Ordinal);
        }

        Assert.Contains("(Questions this history does not call for are left out.)", answers, StringComparison.Ordinal);
        Assert.Contains("(Questions this history does not call for are left out.)", printNotRecorded, StringComparison.Ordinal);

        // A question this history calls for and that was not answered is still "Not recorded", in the warning style.
        Assert.Contains($"<div class=\"answers--not-recorded\"><dt>{Fields.Find("aneurysmalVascularDisease")!.Label}</dt><dd>Not recorded</dd></div>", answers, StringComparison.Ordinal);
        Assert.Contains($"<dt>{Fields.Find("sexAtBirth")!.Label}</dt><dd>Male</dd>", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_Chinese_QuestionsNotCalledForAreLeftOutAndThePageSaysSoInChinese()
    {
        var id = await factory.RecordScreeningThroughApiAsync(Man("MRN-F4-MAN-ZH"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", "zh-CN");
        var answers = Answers(await response.Content.ReadAsStringAsync());

        Assert.DoesNotContain("<dt>妊娠</dt>", answers, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>已制定安全计划</dt>", answers, StringComparison.Ordinal);
        Assert.Contains("<dt>动脉瘤性血管疾病</dt><dd>未记录</dd>", answers, StringComparison.Ordinal);
        Assert.Contains("（本病史不涉及的问题未列出。）", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_QuestionsTheHistoryCallsFor_NotAnswered_StillShowNotRecorded()
    {
        // A 34-year-old whose sex at birth is not recorded, with active ideation and the safety net recorded: pregnancy,
        // breastfeeding, intent and preparatory acts are asked; blank, each is "Not recorded".
        var request = Man("MRN-F4-UNKNOWN-SEX");
        request.Remove("sexAtBirth");
        request["ageYears"] = 34;
        request["suicidality"] = "active-ideation";
        request["safetyPlanInPlace"] = true;
        request["lethalMeansCounselled"] = true;
        request["followUpArranged"] = true;
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var answers = Answers(await client.GetStringAsync($"/Screenings/{id}"));

        foreach (var field in new[] { "pregnant", "breastfeeding", "suicidalIntent", "preparatoryActsOrAbortedAttempt" })
        {
            Assert.Contains($"<div class=\"answers--not-recorded\"><dt>{Fields.Find(field)!.Label}</dt><dd>Not recorded</dd></div>", answers, StringComparison.Ordinal);
        }

        // Still left out: the class of the antidepressant under the US label, the substances without a disorder.
        Assert.DoesNotContain($"<dt>{Fields.Find("oralAntidepressantClass")!.Label}</dt>", answers, StringComparison.Ordinal);
        Assert.DoesNotContain($"<dt>{Fields.Find("substancesUsed")!.Label}</dt>", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_QuestionsCalledForAndAnswered_AreShownWithTheirAnswers()
    {
        var request = Man("MRN-F4-ALL");
        request["sexAtBirth"] = "female";
        request["pregnant"] = false;
        request["breastfeeding"] = false;
        request["jurisdiction"] = "eu";
        request["oralAntidepressantClass"] = "ssri";
        request["suicidality"] = "active-ideation";
        request["safetyPlanInPlace"] = true;
        request["lethalMeansCounselled"] = true;
        request["followUpArranged"] = true;
        request["suicidalIntent"] = false;
        request["preparatoryActsOrAbortedAttempt"] = false;
        request["substanceUse"] = "in-remission";
        request["substancesUsed"] = new JsonArray("alcohol");
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var answers = Answers(await client.GetStringAsync($"/Screenings/{id}"));

        Assert.Contains($"<dt>{Fields.Find("pregnant")!.Label}</dt>", answers, StringComparison.Ordinal);
        Assert.Contains($"<dt>{Fields.Find("substancesUsed")!.Label}</dt>", answers, StringComparison.Ordinal);
        Assert.Contains($"<dt>{Fields.Find("oralAntidepressantClass")!.Label}</dt>", answers, StringComparison.Ordinal);
    }

    /// <summary>
    /// QA272 F3: the contract takes answers to questions the history does not ask ("safetyPlanInPlace": true beside
    /// "suicidality": "none"). The result page and the print listed such an answer among the others while saying that
    /// questions this history does not call for are left out. Each is now listed apart, under "Answered, though not asked
    /// for this history", and the sentence speaks of the other questions; what is stored is unchanged.
    /// </summary>
    [Fact]
    public async Task Result_AnAnswerToAQuestionTheHistoryDoesNotAsk_IsListedApart_AndTheLeftOutSentenceStaysTrue()
    {
        var request = Man("MRN-F3-UNASKED");
        request["safetyPlanInPlace"] = true;
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var safetyPlan = Fields.Find("safetyPlanInPlace")!.Label;

        var answers = Answers(await client.GetStringAsync($"/Screenings/{id}"));
        var asked = answers[..answers.IndexOf("</dl>", StringComparison.Ordinal)];
        Assert.DoesNotContain(safetyPlan, asked, StringComparison.Ordinal);
        var apart = Regex.Match(answers, "<h3 id=\"answers-unasked-title\">(.*?)</h3>\\s*<dl class=\"answers answers--unasked\" id=\"answers-unasked\"[^>]*>(.*?)</dl>", RegexOptions.Singleline);
        Assert.True(apart.Success, "The answer to a question not asked is not listed apart:\n" + answers);
        Assert.Equal("Answered, though not asked for this history", apart.Groups[1].Value);
        Assert.Equal($"<div><dt>{safetyPlan}</dt><dd>Yes</dd></div>", Regex.Replace(apart.Groups[2].Value, ">\\s+<", "><").Trim());
        Assert.Contains("(Other questions this history does not call for are left out.)", answers, StringComparison.Ordinal);
        Assert.DoesNotContain("(Questions this history does not call for are left out.)", answers, StringComparison.Ordinal);

        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}/Print"));
        var printAnswers = Regex.Match(print, "<p class=\"p-answers\">.*?</p>", RegexOptions.Singleline).Value;
        var printUnasked = Regex.Match(print, "<p class=\"p-answers p-answers--unasked\" id=\"p-answers-unasked\">.*?</p>", RegexOptions.Singleline).Value;
        var printNotRecorded = Regex.Match(print, "<p class=\"p-answers p-answers--not-recorded\">.*?</p>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain(safetyPlan, printAnswers, StringComparison.Ordinal);
        Assert.Equal($"Answered, though not asked for this history: {safetyPlan}: Yes.", Regex.Replace(Regex.Replace(printUnasked, "<[^>]*>", ""), "\\s+", " ").Trim());
        Assert.Contains("(Other questions this history does not call for are left out.)", printNotRecorded, StringComparison.Ordinal);
        Assert.DoesNotContain("(Questions this history does not call for are left out.)", print, StringComparison.Ordinal);

        // What is stored is unchanged: the answer is kept as sent.
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var stored = JsonNode.Parse(await api.GetStringAsync($"/api/v1/screenings/{id}"))!;
        Assert.True(stored["input"]!["safetyPlanInPlace"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Result_Chinese_AnAnswerToAQuestionTheHistoryDoesNotAsk_IsListedApartInChinese()
    {
        var request = Man("MRN-F3-UNASKED-ZH");
        request["safetyPlanInPlace"] = true;
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", "zh-CN");
        var answers = Answers(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<dt>已制定安全计划</dt>", answers[..answers.IndexOf("</dl>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"answers-unasked-title\">本病史不涉及但已作答的问题</h3>", answers, StringComparison.Ordinal);
        Assert.Contains("<div><dt>已制定安全计划</dt><dd>是</dd></div>", answers, StringComparison.Ordinal);
        Assert.Contains("（本病史不涉及的其他问题未列出。）", answers, StringComparison.Ordinal);

        using var printResponse = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", "zh-CN");
        var print = WebUtility.HtmlDecode(await printResponse.Content.ReadAsStringAsync());
        var printUnasked = Regex.Replace(Regex.Match(print, "<p class=\"p-answers p-answers--unasked\" id=\"p-answers-unasked\">.*?</p>", RegexOptions.Singleline).Value, "<[^>]*>", "");
        Assert.Contains("本病史不涉及但已作答的问题", printUnasked, StringComparison.Ordinal);
        Assert.Contains("已制定安全计划", printUnasked, StringComparison.Ordinal);
        Assert.Contains("（本病史不涉及的其他问题未列出。）", print, StringComparison.Ordinal);
    }
}
