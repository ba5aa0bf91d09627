using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA281 F7: bipolar I with a mood stabilizer below a therapeutic level (BIP-003 blocks every pathway that applies) and the
/// life-limiting illness left blank. The palliative pathway is decided as indicated because its indication cannot yet be
/// ruled out (PAL-003), so its row read "Not eligible (PAL-003, BIP-003)" as if a palliative indication had been found. The
/// row now says, beside the status, that the indication is neither established nor ruled out and which answer is missing.
/// </summary>
public sealed class PathwayNotRuledOutRowTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private static JsonObject Bipolar(string reference) => new()
    {
        ["patientReference"] = reference,
        ["ageYears"] = 33,
        ["sexAtBirth"] = "male",
        ["primaryDiagnosis"] = "bipolar-i",
        ["currentDepressiveEpisode"] = true,
        ["failedAdequateTrials"] = 0,
        ["onOralAntidepressant"] = false,
        ["psychosis"] = "none",
        ["suicidality"] = "none",
        ["moodStabilizer"] = "lithium",
        ["moodStabilizerOptimized"] = false,
    };

    private async Task<string> ResultAsync(JsonObject request, string language)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-eligible-now", body.GetProperty("overall").GetString());
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{body.GetProperty("id").GetGuid()}", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string? Row(string html, string pathwayName)
    {
        var match = Regex.Match(html, "<tr>\\s*<th scope=\"row\">" + Regex.Escape(pathwayName) + "</th>.*?</tr>", RegexOptions.Singleline);
        return match.Success ? Regex.Replace(match.Value, "<[^>]+>", " ") : null;
    }

    [Theory]
    [InlineData("en-GB", "Off-label rapid-acting ketamine in palliative care", "Indication neither established nor ruled out; not recorded: Life-limiting illness.")]
    [InlineData("zh-CN", null, "适应证既未确立也尚未排除；未记录：")]
    public async Task Result_PalliativeIllnessBlankBesideABlock_SaysTheIndicationIsNotRuledOut(string language, string? row, string expected)
    {
        var html = await ResultAsync(Bipolar($"MRN-QA281-F7-{language}"), language);

        var note = Regex.Match(html, "<span class=\"pathways__not-ruled-out\" id=\"not-ruled-out-palliative-rapid-acting\">(.*?)</span>", RegexOptions.Singleline);
        Assert.True(note.Success, "the palliative row names its indication as not ruled out");
        Assert.Contains(expected, note.Groups[1].Value, StringComparison.Ordinal);
        // Only the pathway whose indication is not ruled out carries it.
        Assert.Single(Regex.Matches(html, "class=\"pathways__not-ruled-out\""));
        if (row is not null)
        {
            var text = Row(html, row);
            Assert.NotNull(text);
            Assert.Contains("Not eligible", text, StringComparison.Ordinal);
            Assert.Contains("neither established nor ruled out", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Result_PalliativeIllnessRecordedNo_SaysNothingOfTheKind()
    {
        var html = await ResultAsync(Bipolar("MRN-QA281-F7-NO").With("lifeLimitingIllness", false), "en-GB");

        Assert.DoesNotContain("pathways__not-ruled-out", html, StringComparison.Ordinal);
    }
}
