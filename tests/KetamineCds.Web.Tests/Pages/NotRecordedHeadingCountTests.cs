using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using static KetamineCds.Web.Tests.Localization.TranslationCompletenessTests;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 251: a care heading of the result page's "Not recorded" counts the questions it lists, never the findings that
/// name them. One finding names several questions (CV-004 the systolic and the diastolic pressure; MED-005 five medicines;
/// SAF-001 seven items of the safety history), so "Must be known before the first dose (2)" covered three questions and
/// "Care items not recorded (2)" twelve; a clinician reads the number as the answers missing.
/// </summary>
public sealed partial class NotRecordedHeadingCountTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("en-GB", "en-GB")]
    [InlineData("zh-CN", "zh-Hans")]
    public async Task Result_ACareHeading_CountsTheQuestionsItListsNotTheFindings(string language, string culture)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", CompleteScreeningBodies.RequiredAnswers($"MRN-COUNT-{language}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var page = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", language);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        using var ui = new UiCulture(culture);
        var labels = Fields.All.Select(f => ClinicalText.Shared.FieldLabel(f)).ToList();
        var separator = ClinicalText.Shared.ListSeparator;
        var moreThanItsFindings = false;
        foreach (var heading in new[] { "not-recorded-before-dose", "not-recorded-care" })
        {
            var match = Regex.Match(html, $"<h3 id=\"{heading}\">.*?<span class=\"count\">(?<open>[(（])(?<count>[^)）]*)[)）]</span></h3>.*?<ul [^>]*aria-labelledby=\"{heading}\">(?<list>.*?)</ul>", RegexOptions.Singleline);
            Assert.True(match.Success, $"#{heading} and its list are on the page");
            // The questions each line names: its labels in bold, joined by the list separator (a label may hold a comma).
            var lines = Bold().Matches(match.Groups["list"].Value).Select(m => separator + m.Groups[1].Value + separator).ToList();
            var questions = labels.Count(l => lines.Exists(line => line.Contains(separator + l + separator, StringComparison.Ordinal)));
            Assert.True(questions > 0, $"#{heading} lists a question");
            moreThanItsFindings |= questions > lines.Count;
            var expected = culture == "zh-Hans" ? $"{questions} 个问题" : questions == 1 ? "1 question" : $"{questions} questions";
            Assert.Equal(expected, match.Groups["count"].Value);
            // Helper 336: the count in the language's brackets, full-width after Chinese text.
            Assert.Equal(culture == "zh-Hans" ? "（" : "(", match.Groups["open"].Value);
        }

        // The history this is about: a line naming several questions (blood pressure; the medicines; the safety history).
        Assert.True(moreThanItsFindings);
    }

    [GeneratedRegex("<strong>([^<]+)</strong>")]
    private static partial Regex Bold();
}
