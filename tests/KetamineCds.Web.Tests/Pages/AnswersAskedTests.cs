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
}
