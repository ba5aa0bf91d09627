using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA299 (accessibility review of the one-page print) and the "Recorded as not done" box's wording. F7: the print's
/// "Findings" heading held the dagger's legend and the shared inputs' title, so a screen reader announced a heading of some
/// twenty words; the heading is its name alone and the two texts follow it as ordinary text, the shared inputs' list named
/// by its title. The box of answers recorded as not done said "These answers" over the one answer it lists.
/// </summary>
public sealed class PrintAccessibilityReviewTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private async Task<Guid> RecordAsync(System.Text.Json.Nodes.JsonObject request)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string> PageAsync(string path, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("en", "Findings", "Shared inputs:", "\"To verify\" on the Rules page")]
    [InlineData("zh-CN", "提示", "共同依据的输入：", "“待核实”")]
    public async Task Print_FindingsHeading_IsItsNameAlone_TheLegendAndTheSharedInputsTitleFollowItAsText(string language, string name, string sharedTitle, string legend)
    {
        // Esketamine TRD open, on naltrexone (NAL-001 rests on an unconfirmed fact: the dagger and its legend), with chronic
        // neuropathic pain: findings that share inputs.
        var id = await RecordAsync(CompleteScreeningBodies.WithEveryItemRecorded(SampleRequests.Trd("MRN-QA299-F7-" + language)
            .With("onNaltrexone", true)
            .With("chronicNeuropathicPain", true)));

        var html = await PageAsync($"/Screenings/{id}/Print", language);

        var headings = Regex.Matches(html, "<h2[^>]*>(.*?)</h2>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(name, headings);
        Assert.DoesNotContain(headings, h => h.Contains("unconfirmed-legend", StringComparison.Ordinal) || h.Contains(sharedTitle, StringComparison.Ordinal) || h.Contains(legend, StringComparison.Ordinal));
        // On the heading's ruled line, right after it, as ordinary text.
        var line = Regex.Match(html, "<div class=\"p-heading-line\"><h2>" + Regex.Escape(name) + "</h2>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(line.Success, "the Findings heading stands first on its ruled line");
        Assert.Contains("id=\"unconfirmed-legend\"", line.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains(legend, line.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"p-cite p-inputs-title\" id=\"shared-inputs-title\">{sharedTitle}</span>", line.Groups[1].Value, StringComparison.Ordinal);
        // The shared inputs' list is named by that title.
        Assert.Contains("<ul class=\"p-cite p-inputs\" aria-labelledby=\"shared-inputs-title\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Whatever the pathways, these findings call for action on the patient now:", "SUI-007: Imminent suicide risk: take safety precautions now")]
    [InlineData("zh-CN", "无论各路径结论如何，以下提示都要求现在就对患者采取行动：", "SUI-007：")]
    public async Task Print_ActNowLineByIds_EachIdsWordsAreItsTextForScreenReaders_HiddenFromSightOnly(string language, string heading, string read)
    {
        // Helper 312 (helper 303's note): where the page has no room for the verdict box's line in words (a note of the
        // field's maximum length), the ids stood alone, each titled with its words: a title on a plain span is not its text,
        // screen readers often ignore it, and keyboard and touch users cannot reach it. The words are the line's text now,
        // after each id, hidden from sight only: the print's own stylesheet (the only one its layout loads) takes them out of
        // the flow and clips them, so the printed line stays the ids, and never removes them (display: none or visibility:
        // hidden would hide them from screen readers too).
        var request = CompleteScreeningBodies.AdolescentAfterAnAttempt("MRN-H312-IDS-" + language);
        request["clinicianNote"] = string.Concat(Enumerable.Repeat("Discussed with the patient and the family at length. ", 40))[..2000];
        var id = await RecordAsync(request);

        var html = await PageAsync($"/Screenings/{id}/Print", language);

        var line = Regex.Match(html, "<p [^>]*id=\"verdict-act-now\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(heading, line, StringComparison.Ordinal);
        var hidden = Regex.Matches(line, "<span class=\"visually-hidden\">([^<]+)</span>").Select(m => m.Groups[1].Value).ToList();
        Assert.True(hidden.Count >= 2, $"each id's words are its text, hidden from sight: {line}");
        Assert.Contains(read, Regex.Replace(line, "<[^>]+>", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("title=", line, StringComparison.Ordinal);

        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        Assert.Contains("href=\"/css/print.css", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/css/site.css", html, StringComparison.Ordinal);
        var css = await client.GetStringAsync("/css/print.css");
        var rule = Regex.Match(css, @"(?m)^\.visually-hidden\s*\{([^}]*)\}");
        Assert.True(rule.Success, "print.css defines .visually-hidden");
        Assert.Contains("position: absolute", rule.Groups[1].Value, StringComparison.Ordinal);
        Assert.Matches("clip(-path)?:", rule.Groups[1].Value);
        Assert.DoesNotMatch(@"\.visually-hidden[^{]*\{[^}]*(display:\s*none|visibility:\s*hidden)", css);
    }

    [Theory]
    [InlineData("", "en", "This answer is recorded, as not done. The pathways wait for it as for a blank answer until it is recorded as done; then re-screen.", "These answers")]
    [InlineData("", "zh-CN", "此回答已有记录，记录为未评估。在记录为已完成之前，各路径如同对待空白回答一样等待此项；记录后请重新筛查。", "这些回答")]
    [InlineData("/Print", "en", "(the pathways wait for it as for a blank answer)", "them")]
    [InlineData("/Print", "zh-CN", "（各路径如同对待空白回答一样等待此项）", "这些")]
    public async Task RecordedNotDone_OneAnswerListed_TheBoxSpeaksOfOneAnswer(string page, string language, string singular, string plural)
    {
        var id = await RecordAsync(CompleteScreeningBodies.Item9AssessmentRecordedNotDone("MRN-QA299-ONE" + page.Length + language));

        var html = await PageAsync($"/Screenings/{id}{page}", language);

        var box = Regex.Match(html, $"<section [^>]*id=\"{(page == "" ? "recorded-not-done" : "p-recorded-not-done")}\"[^>]*>.*?</section>", RegexOptions.Singleline).Value;
        Assert.Single(Regex.Matches(box, page == "" ? "<li class=\"not-recorded__item\">" : "<span class=\"p-nr-item\">"));
        var note = Regex.Match(box, $"id=\"{(page == "" ? "recorded-not-done-note" : "p-recorded-not-done-note")}\">(.*?)</", RegexOptions.Singleline);
        Assert.True(note.Success, "the box says what its answer is");
        Assert.Equal(singular, note.Groups[1].Value.Trim());
        Assert.DoesNotContain(plural, box, StringComparison.Ordinal);
    }
}
