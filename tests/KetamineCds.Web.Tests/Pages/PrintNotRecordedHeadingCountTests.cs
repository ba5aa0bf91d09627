using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 287 (the brief's "care headings count findings, not questions"): every heading of the "Not recorded" box with a
/// count, on the print as on the result page, counts the questions listed under it, never the findings that name them (one
/// finding names several: CV-004 the systolic and the diastolic pressure, SAF-001 the items of the safety history). The
/// result page's care headings are held to this by <see cref="NotRecordedHeadingCountTests"/> (helper 251) and the print
/// reads the same counts (helper 262); this holds every counted heading of the print to the questions it prints, and the
/// print's counts to the page's, heading by heading, in English and in Chinese.
/// </summary>
public sealed partial class PrintNotRecordedHeadingCountTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    public static TheoryData<string, string> Histories()
    {
        var data = new TheoryData<string, string>();
        foreach (var history in new[] { "required answers", "suicidal ideation, safety answers blank", "PTSD, required answers", "MDD in remission", "hypersensitivity, required answers" })
        {
            foreach (var language in new[] { "en-GB", "zh-CN" })
            {
                data.Add(history, language);
            }
        }

        return data;
    }

    private static JsonObject History(string name, string reference) => name switch
    {
        // TRD: the blood pressure (two questions, one finding) and the hepatic status under "Must be known before the first
        // dose", the care items (several questions a finding) under "Care items not recorded".
        "required answers" => CompleteScreeningBodies.RequiredAnswers(reference),
        // Pathways waiting for the safety net: "Must be answered before a pathway can open".
        // (The one-page print tests' "suicidal ideation, safety answers not recorded".)
        "suicidal ideation, safety answers blank" => CompleteScreeningBodies.RequiredAnswers(reference).With("ageYears", 29).With("sexAtBirth", "female").With("pregnant", false)
            .With("suicidality", "active-ideation-with-plan").With("safetyPlanInPlace", true).With("lethalMeansCounselled", false).With("followUpArranged", true),
        // The investigational pathway waiting for the mania question; the first dose waiting for the blood pressure.
        "PTSD, required answers" => CompleteScreeningBodies.PtsdRequiredAnswers(reference),
        // No indication: "Care items that could show a contraindication".
        "MDD in remission" => CompleteScreeningBodies.RequiredAnswers(reference).With("currentDepressiveEpisode", false).With("failedAdequateTrials", 0),
        // A contraindication blocks: "Safety questions not answered that could block a pathway".
        "hypersensitivity, required answers" => CompleteScreeningBodies.RequiredAnswers(reference).With("hypersensitivityToKetamine", true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such history."),
    };

    private static async Task<string> GetAsync(HttpClient client, string path, string language)
    {
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Print_EveryCountedNotRecordedHeading_CountsTheQuestionsPrintedUnderIt_AsTheResultPageCountsThem(string history, string language)
    {
        var reference = "MRN-PRINT-COUNT-" + string.Concat(history.Where(char.IsLetter)).ToUpperInvariant()[..12] + "-" + language;
        var id = await factory.RecordScreeningThroughApiAsync(History(history, reference));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var page = await GetAsync(client, $"/Screenings/{id}", language);
        var print = await GetAsync(client, $"/Screenings/{id}/Print", language);

        // The print's box: each count, and the questions printed after it up to the next count (one in bold each: a care
        // item's labels are each in bold, joined outside).
        var box = Regex.Match(print, "<section class=\"p-not-recorded\">(?<box>.*?)</section>", RegexOptions.Singleline);
        Assert.True(box.Success, $"{history}: the print has a \"Not recorded\" box.");
        var counts = PrintCount().Matches(box.Groups["box"].Value);
        Assert.NotEmpty(counts);
        var printed = new List<int>();
        for (var i = 0; i < counts.Count; i++)
        {
            var from = counts[i].Index + counts[i].Length;
            var to = i + 1 < counts.Count ? counts[i + 1].Index : box.Groups["box"].Length;
            var questions = Regex.Count(box.Groups["box"].Value[from..to], "<strong>");
            var count = int.Parse(counts[i].Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(questions > 0, $"{history} ({language}): a print heading counts {count} and lists nothing.");
            Assert.True(count == questions, $"{history} ({language}): a print heading counts {count} and lists {questions} questions.");
            printed.Add(count);
        }

        // The result page's headings, in the same order, say the same counts.
        var onPage = Regex.Matches(page, "<h3 id=\"not-recorded-[a-z-]+\">[^<]*<span class=\"count\">[(（](?<n>\\d+)[^)）]*[)）]</span></h3>")
            .Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(onPage, printed);
    }

    [GeneratedRegex("<span class=\"p-count\">[(（](?<n>\\d+)[^)）]*[)）]</span>")]
    private static partial Regex PrintCount();
}
