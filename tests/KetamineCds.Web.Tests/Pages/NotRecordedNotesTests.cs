using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 267 (psychiatrist's QA). F-b: on "Not eligible" the "Not recorded" box's two notes (the safety questions that could
/// block a pathway, the care items the first dose waits for) each sent the reader to "Contraindications and unmet
/// preconditions": it is said once. F-c: on "Not indicated" the result page lists the care items that could show a
/// contraindication under a heading of their own (helper 262) while the print named them among the answers not recorded:
/// the print groups them under the same heading, with the same count.
/// </summary>
public sealed class NotRecordedNotesTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string SeeEn = "(see Contraindications and unmet preconditions)";
    private const string SeeZh = "（见“禁忌证和未满足的前提条件”）";

    /// <summary>MDD in a current episode, no failed trial, no suicidality, not palliative, every item recorded: "Not indicated".</summary>
    private static JsonObject NotIndicated(string reference) => CompleteScreeningBodies.NotIndicatedEveryItemRecorded(reference);

    /// <summary>
    /// Three failed trials (TRD indicated), a hypersensitivity to ketamine (every pathway blocked), and a safety question, the
    /// blood pressure and the hepatic status blank: both notes of the box are shown.
    /// </summary>
    private static JsonObject NotEligibleWithBlanks(string reference) => NotIndicated(reference)
        .With("failedAdequateTrials", 3).With("distinctMechanisms", 2).With("hypersensitivityToKetamine", true)
        .With("systolicBp", null).With("diastolicBp", null).With("hepaticImpairment", null).With("substanceUse", null);

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

    private static string Box(string result) =>
        result[result.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal)..result.IndexOf("id=\"pathways-title\"", StringComparison.Ordinal)];

    private static string? Element(string html, string tag, string id)
    {
        var match = Regex.Match(html, $"<{tag} [^>]*id=\"{id}\"[^>]*>.*?</{tag}>", RegexOptions.Singleline);
        return match.Success ? Regex.Replace(match.Value, "<[^>]+>", "") : null;
    }

    private static int Occurrences(string text, string value) => Regex.Count(text, Regex.Escape(value));

    [Theory]
    [InlineData("en-GB", SeeEn, "A recorded contraindication or unmet precondition already blocks every pathway")]
    [InlineData("zh-CN", SeeZh, "已记录的禁忌证或未满足的前提条件已阻止所有路径")]
    public async Task Result_NotEligible_TheBoxSendsTheReaderToTheContraindicationsOnce(string language, string see, string blocks)
    {
        var id = await CreateAsync(NotEligibleWithBlanks("MRN-H267-FB-" + language), "not-eligible-now");

        var box = Box(await PageAsync($"/Screenings/{id}", language));

        // Both notes are there: the safety question that could block, the care items the first dose waits for ...
        Assert.Contains("id=\"not-recorded-could-block\"", box, StringComparison.Ordinal);
        Assert.Contains("id=\"not-recorded-before-dose\"", box, StringComparison.Ordinal);
        // ... the second still says first that every pathway is blocked already (helper 262) ...
        Assert.StartsWith(blocks, Element(box, "p", "not-recorded-before-dose-note"), StringComparison.Ordinal);
        // ... and the pointer to the contraindications is said once.
        Assert.Equal(1, Occurrences(box, see));
    }

    [Theory]
    [InlineData("en-GB", "Care items that could show a contraindication", "Hepatic impairment", "(1 question)")]
    [InlineData("zh-CN", "可能显示禁忌证的注意项目", "肝功能损害", "（1 个问题）")]
    public async Task Print_NotIndicated_GroupsTheCareItemsThatCouldShowAContraindicationAsTheResultPageDoes(string language, string heading, string hepatic, string count)
    {
        // As helper 262's page test: a safety question blank too, so the "Not recorded" box is shown.
        var id = await CreateAsync(NotIndicated("MRN-H267-FC-" + language).With("hepaticImpairment", null).With("substanceUse", null), "not-indicated");

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        // The result page's box has the heading (helper 262) ...
        Assert.Contains(heading, Element(Box(result), "h3", "not-recorded-could-show"), StringComparison.Ordinal);
        // ... and the print's has it too, with the item and the same count ...
        var group = Element(print, "p", "p-could-show");
        Assert.NotNull(group);
        // Helper 336: in Chinese the full-width bracket follows the heading with no space.
        Assert.StartsWith(heading + (language == "zh-CN" ? "" : " ") + count, group.Trim(), StringComparison.Ordinal);
        Assert.Contains(hepatic, group, StringComparison.Ordinal);
        var onPage = Regex.Matches(Box(result), "<h3 [^>]*>.*?<span class=\"count\">(.*?)</span></h3>", RegexOptions.Singleline).Select(m => m.Groups[1].Value);
        var onPrint = Regex.Matches(print, "<span class=\"p-count\">(.*?)</span>", RegexOptions.Singleline).Select(m => m.Groups[1].Value);
        Assert.Equal(onPage, onPrint);
        // ... so the answers not recorded do not name it a second time.
        var answers = Regex.Match(print, @"<h2>(Answers recorded|已记录的回答)</h2>.*?</section>", RegexOptions.Singleline);
        Assert.True(answers.Success, "the print lists the answers");
        Assert.DoesNotContain(hepatic, answers.Value, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(Regex.Replace(print, "<[^>]+>", ""), hepatic));
    }
}
