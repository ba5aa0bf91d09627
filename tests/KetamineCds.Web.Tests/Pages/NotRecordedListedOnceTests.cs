using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 248: the result page and the printed rationale name each question not recorded once, under the most pressing
/// heading naming it, as the CDS Hooks card does (helper 245). Sex at birth and pregnancy (waited for by the pathways,
/// and asked for as care by REP-003), suicidal intent and recent behaviour beside active ideation (SUI-012), were listed
/// under "Must be answered before a pathway can open" and again under "Care items not recorded", each with its count.
/// The care finding is still shown, with its citation, among the findings.
/// </summary>
public sealed partial class NotRecordedListedOnceTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private async Task<Guid> CreateAsync(JsonObject request)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static JsonObject Request(string history, string mrn)
    {
        var request = CompleteScreeningBodies.RequiredAnswers(mrn);
        if (history == "active-ideation")
        {
            request["suicidality"] = "active-ideation";
            request["safetyPlanInPlace"] = true;
            request["lethalMeansCounselled"] = true;
            request["followUpArranged"] = true;
        }

        return request;
    }

    private async Task<string> PageAsync(Guid id, string page, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        return WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}{page}", language)).Content.ReadAsStringAsync());
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} is on the page");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to > from, $"{end} follows {start}");
        return html[from..to];
    }

    /// <summary>Every label in bold in the section, a care item's labels one by one, the ids' wrapping spans removed.</summary>
    private static List<string> Labels(string section, string language) =>
        [.. Bold().Matches(Tags().Replace(section.Replace("</strong>, <strong>", "</strong><strong>", StringComparison.Ordinal).Replace("</strong>、<strong>", "</strong><strong>", StringComparison.Ordinal), m => m.Value.StartsWith("<strong", StringComparison.Ordinal) || m.Value == "</strong>" ? m.Value : ""))
            .Select(m => m.Groups[1].Value)
            .SelectMany(l => l.Split(language == "zh-CN" ? "、" : ", "))];

    public static TheoryData<string, string, string, string[]> Histories() => new()
    {
        { "required-only", "en-GB", "REP-003", ["Sex at birth", "Pregnant"] },
        { "required-only", "zh-CN", "REP-003", [] },
        { "active-ideation", "en-GB", "SUI-012", ["Sex at birth", "Pregnant", "Some intent to act on the thoughts"] },
        { "active-ideation", "zh-CN", "SUI-012", [] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Result_AQuestionAPathwayWaitsForThatAlsoCallsForCare_IsListedOnceAndTheCountsAddUpToTheQuestions(string history, string language, string careRule, string[] labels)
    {
        var id = await CreateAsync(Request(history, $"MRN-ONCE-{history}-{language}"));
        var html = await PageAsync(id, "", language);

        var section = Between(html, "id=\"not-recorded-title\"", "</section>");
        var listed = Labels(section, language);
        Assert.NotEmpty(listed);
        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.All(labels, l => Assert.Single(listed, l));
        // The counts of the headings add up to the questions listed, never more: each line of a heading counted once.
        var counts = CountOf().Matches(section).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(counts <= listed.Count, $"{counts} counted for {listed.Count} questions");
        // The care finding is not lost: it is shown, linked to its rule, after the section.
        Assert.Contains($">{careRule}</", html[html.IndexOf("</section>", html.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal), StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Print_AQuestionAPathwayWaitsForThatAlsoCallsForCare_IsListedOnce(string history, string language, string careRule, string[] labels)
    {
        var id = await CreateAsync(Request(history, $"MRN-ONCE-P-{history}-{language}"));
        var html = await PageAsync(id, "/Print", language);

        var section = Between(html, "<section class=\"p-not-recorded\">", "</section>");
        var listed = Labels(section, language);
        Assert.NotEmpty(listed);
        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.All(labels, l => Assert.Single(listed, l));
        Assert.Contains(careRule, html[html.IndexOf("</section>", html.IndexOf("<section class=\"p-not-recorded\">", StringComparison.Ordinal), StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [GeneratedRegex("<strong>([^<]+)</strong>")]
    private static partial Regex Bold();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<span class=\"count\">[(（](\\d+)[^)）<]*[)）]</span>")]
    private static partial Regex CountOf();
}
