using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 252 (QA247). A: with no pathway open or waiting ("Not indicated", or "Not eligible" as a contraindication blocks
/// every pathway), the cautions and requirements keep the rule set's words, some written for a session about to be given
/// (CV-002 "weigh delaying today's session"); the result page and the print frame them with one lead line, never changing a
/// rule's text. Finding 8: the contraindications section named the hepatic status "must be known before the first dose" where
/// the "Not recorded" box, from the findings (HEP-003 fires only while an indication holds), listed nothing of the kind.
/// </summary>
public sealed class NoPathwayInViewTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string FrameEn = "No pathway is open or waiting for this history. Where a caution or requirement speaks of a session or a dose, it applies only if a pathway is considered later.";
    private const string FrameZh = "此病史没有开放或等待中的路径。若某项注意事项或要求提及治疗或给药，仅在日后考虑某一路径时才适用。";

    /// <summary>
    /// The brief's not-indicated history: MDD in a current episode, no failed trial, no suicidality, not palliative, every
    /// item recorded, and a blood pressure of 150/95, so that CV-002 ("today's session") fires.
    /// </summary>
    private static JsonObject NotIndicated(string reference) => CompleteScreeningBodies.NotIndicatedEveryItemRecorded(reference, systolicBp: 150, diastolicBp: 95);

    /// <summary>The same with three failed trials (TRD indicated) and a hypersensitivity to ketamine: every pathway blocked.</summary>
    private static JsonObject NotEligible(string reference) =>
        NotIndicated(reference).With("failedAdequateTrials", 3).With("distinctMechanisms", 2).With("hypersensitivityToKetamine", true);

    private async Task<Guid> CreateAsync(JsonObject request, string expectedOverall)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectedOverall, body.GetProperty("overall").GetString());
        return body.GetProperty("id").GetGuid();
    }

    private async Task<string> PageAsync(string path, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string? Element(string html, string tag, string id)
    {
        var match = Regex.Match(html, $"<{tag} [^>]*id=\"{id}\"[^>]*>.*?</{tag}>", RegexOptions.Singleline);
        return match.Success ? Text(match.Value) : null;
    }

    private static string FrameSecond(string frame) => frame[(frame.IndexOfAny(['.', '。']) + 1)..].TrimStart();

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    [Theory]
    [InlineData("not-indicated", "en-GB")]
    [InlineData("not-indicated", "zh-CN")]
    [InlineData("not-eligible-now", "en-GB")]
    [InlineData("not-eligible-now", "zh-CN")]
    public async Task ResultAndPrint_NoPathwayOpenOrWaiting_FrameTheCautions(string overall, string language)
    {
        var reference = $"MRN-H252-FRAME-{overall}-{language}";
        var id = await CreateAsync(overall == "not-indicated" ? NotIndicated(reference) : NotEligible(reference), overall);
        var frame = language == "zh-CN" ? FrameZh : FrameEn;

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        // CV-002's own words stay ("today's session"), framed on the page above the cautions and on the print above the findings.
        Assert.Contains("CV-002", result, StringComparison.Ordinal);
        Assert.Equal(frame, Element(result, "p", "no-pathway-frame-Caution"));
        // The sheet runs its second sentence on after the verdict's explanation, which has said that no pathway applies.
        var verdict = Element(print, "section", "verdict");
        Assert.NotNull(verdict);
        Assert.Equal(FrameSecond(frame), Element(print, "span", "no-pathway-frame"));
        Assert.Contains(FrameSecond(frame), verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_APathwayOpen_HasNoFrame()
    {
        var id = await CreateAsync(NotIndicated("MRN-H252-FRAME-OPEN").With("failedAdequateTrials", 3).With("distinctMechanisms", 2), "eligible-with-cautions");

        var result = await PageAsync($"/Screenings/{id}", "en-GB");
        var print = await PageAsync($"/Screenings/{id}/Print", "en-GB");

        Assert.DoesNotContain("no-pathway-frame", result, StringComparison.Ordinal);
        Assert.DoesNotContain("no-pathway-frame", print, StringComparison.Ordinal);
    }

    // Finding 8 as QA247 saw it (c4c): not indicated, safety questions and the hepatic status blank. The "Not recorded" box
    // lists nothing under "Must be known before the first dose" (HEP-003 needs an indication), and the contraindications
    // section said "Care items that must be known before the first dose are not recorded either: Hepatic impairment."

    [Theory]
    [InlineData(true, "Care items that could show one are not recorded either: Hepatic impairment.")]
    [InlineData(false, "No contraindication or unmet precondition among the answers recorded, but 1 care item that could show one is not recorded: Hepatic impairment.")]
    public async Task Result_NotIndicated_NamesTheFirstDoseItemsAsTheNotRecordedBoxDoes(bool safetyQuestionBlank, string expected)
    {
        var request = NotIndicated("MRN-H252-F8-" + safetyQuestionBlank).With("hepaticImpairment", null);
        if (safetyQuestionBlank)
        {
            request = request.With("substanceUse", null);
        }

        var id = await CreateAsync(request, "not-indicated");

        var result = await PageAsync($"/Screenings/{id}", "en-GB");

        Assert.DoesNotContain("id=\"not-recorded-before-dose\"", result, StringComparison.Ordinal);
        var line = Element(result, "p", "contraindications-unanswered");
        Assert.NotNull(line);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("first dose", line, StringComparison.Ordinal);
        Assert.DoesNotContain("no dose is given", line, StringComparison.Ordinal);
    }
    // Helper 262. (1) The print's "Not recorded" headings had no counts where the result page's say "(N questions)" (helper
    // 251): both now say the summary's one count. (2) On "Not eligible" the note under "Must be known before the first dose"
    // read as if the missing answers were all that stood before a first dose: it says first that a contraindication already
    // blocks every pathway. (3) On "Not indicated" the contraindications line named the hepatic status among the care items
    // that could show one and linked to the "Not recorded" box, which did not list it (HEP-003 needs an indication).

    /// <summary>"Not eligible" with a safety question, the blood pressure and the hepatic status blank.</summary>
    private static JsonObject NotEligibleWithBlanks(string reference) => NotEligible(reference)
        .With("systolicBp", null).With("diastolicBp", null).With("hepaticImpairment", null).With("substanceUse", null);

    private static List<string> Counts(string html, string pattern) =>
        [.. Regex.Matches(html, pattern, RegexOptions.Singleline).Select(m => m.Groups[1].Value)];

    [Theory]
    [InlineData("en-GB", "(1 question)")]
    [InlineData("zh-CN", "（1 个问题）")]
    public async Task Print_NotRecordedHeadings_CountTheQuestionsAsTheResultPageDoes(string language, string oneQuestion)
    {
        var id = await CreateAsync(NotEligibleWithBlanks("MRN-H262-COUNTS-" + language), "not-eligible-now");

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        var box = result[result.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal)..result.IndexOf("id=\"pathways-title\"", StringComparison.Ordinal)];
        var onPage = Counts(box, "<h3 [^>]*>.*?<span class=\"count\">(.*?)</span></h3>");
        var onPrint = Counts(print, "<span class=\"p-count\">(.*?)</span>");
        Assert.True(onPage.Count >= 2, string.Join(" | ", onPage));
        Assert.Equal(onPage, onPrint);
        Assert.Contains(oneQuestion, Element(print, "p", "p-could-block"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "A recorded contraindication or unmet precondition already blocks every pathway", "A contraindication or unmet precondition already blocks every pathway")]
    [InlineData("zh-CN", "已记录的禁忌证或未满足的前提条件已阻止所有路径", "禁忌证或未满足的前提条件已阻止所有路径")]
    public async Task ResultAndPrint_NotEligible_FirstDoseNoteSaysEveryPathwayIsBlockedAlready(string language, string onPage, string onPrint)
    {
        var id = await CreateAsync(NotEligibleWithBlanks("MRN-H262-BLOCKED-" + language), "not-eligible-now");

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        Assert.StartsWith(onPage, Element(result, "p", "not-recorded-before-dose-note"), StringComparison.Ordinal);
        Assert.StartsWith(onPrint, Element(print, "span", "p-before-dose-note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultAndPrint_APathwayOpen_FirstDoseNoteKeepsItsWords()
    {
        // A pathway open: the note keeps its words (a guard beside the change, not a test of it).
        var id = await CreateAsync(NotIndicated("MRN-H262-OPEN").With("failedAdequateTrials", 3).With("distinctMechanisms", 2).With("hepaticImpairment", null), "eligible-with-cautions");

        var result = await PageAsync($"/Screenings/{id}", "en-GB");
        var print = await PageAsync($"/Screenings/{id}/Print", "en-GB");

        Assert.StartsWith("A pathway is open without these answers", Element(result, "p", "not-recorded-before-dose-note"), StringComparison.Ordinal);
        Assert.StartsWith("A pathway is open without them", Element(print, "span", "p-before-dose-note"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Hepatic impairment")]
    [InlineData("zh-CN", "肝功能损害")]
    public async Task Result_NotIndicated_TheNotRecordedBoxListsTheCareItemsTheContraindicationsLineNames(string language, string hepatic)
    {
        var id = await CreateAsync(NotIndicated("MRN-H262-LINE-" + language).With("hepaticImpairment", null).With("substanceUse", null), "not-indicated");

        var result = await PageAsync($"/Screenings/{id}", language);

        // The line names the hepatic status and sends the reader to the box ...
        var line = Element(result, "p", "contraindications-unanswered");
        Assert.NotNull(line);
        Assert.Contains(hepatic, line, StringComparison.Ordinal);
        Assert.Contains("#not-recorded-title", result, StringComparison.Ordinal);
        // ... which lists it, never as a safety question nor as an item the first dose waits for.
        var box = result[result.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal)..result.IndexOf("id=\"pathways-title\"", StringComparison.Ordinal)];
        var couldShow = Regex.Match(box, "<h3 id=\"not-recorded-could-show\">.*?</ul>", RegexOptions.Singleline);
        Assert.True(couldShow.Success, "the box lists the care items that could show a contraindication");
        Assert.Contains($"<strong>{hepatic}</strong>", couldShow.Value, StringComparison.Ordinal);
        Assert.Contains(language == "zh-CN" ? "（1 个问题）" : "(1 question)", couldShow.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("not-recorded-before-dose", box, StringComparison.Ordinal);
    }
}
