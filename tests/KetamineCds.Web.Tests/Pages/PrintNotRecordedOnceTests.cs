using System.Net;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The print names each question not recorded once. Its closing list, "Not recorded (besides those named above)", left out
/// the questions the "Not recorded" box and the defaults applied name, but not those a finding names among its inputs: with
/// a contraindication recorded (an aneurysm) the completeness rules are silent, so the life-limiting illness left blank is
/// in no box, and PAL-001 and the shared inputs (b) print "Not recorded: Life-limiting illness", which the closing list
/// then named a second time.
/// </summary>
public sealed class PrintNotRecordedOnceTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private async Task<string> PrintAsync(System.Text.Json.Nodes.JsonObject request, string language)
    {
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    /// <summary>The labels the findings and the checklist (with the shared inputs) name after "Not recorded:".</summary>
    private static HashSet<string> NamedNotRecordedWithTheFindings(string html, string notRecorded, string colon, string listSeparator)
    {
        var flow = Text(Regex.Match(html, "<div class=\"p-flow\">.*?</section>\\s*</div>", RegexOptions.Singleline).Value);
        Assert.False(string.IsNullOrEmpty(flow), "the print has its findings' flow");
        return [.. Regex.Matches(flow, Regex.Escape(notRecorded + colon) + "([^;；\\]\\.。]+)")
            .SelectMany(m => m.Groups[1].Value.Split(listSeparator)).Select(l => l.Trim())];
    }

    /// <summary>The labels of the closing list of questions not recorded (empty when there is none).</summary>
    private static List<string> ClosingList(string html, string colon, string semicolon)
    {
        var list = Text(Regex.Match(html, "<p class=\"p-answers p-answers--not-recorded\">.*?</p>", RegexOptions.Singleline).Value);
        if (list.Length == 0)
        {
            return [];
        }

        // "Not recorded (besides those named above): A; B: default applied; C. (Questions ...)": each label before any value.
        var items = list[(list.IndexOf(colon, StringComparison.Ordinal) + colon.Length)..];
        items = items[..items.IndexOfAny(['.', '。'])];
        return [.. items.Split(semicolon).Select(i => i.Split(colon)[0].Trim())];
    }

    public static TheoryData<string, string, string, string, string, string, string> Languages => new()
    {
        { "en-GB", "Not recorded", ": ", ", ", "; ", "Life-limiting illness", "(besides those named above)" },
        { "zh-CN", "未记录", "：", "、", "；", "限制生命的疾病", "（上文已列出者除外）" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Print_ContraindicationRecordedAndTheIllnessBlank_NamesTheIllnessOnceWithTheFindingsNotAgainInTheClosingList(string language, string notRecorded, string colon, string listSeparator, string semicolon, string illness, string besides)
    {
        var html = await PrintAsync(SampleRequests.Trd("MRN-NR-ONCE-" + language).With("aneurysmalVascularDisease", true), language);

        var withFindings = NamedNotRecordedWithTheFindings(html, notRecorded, colon, listSeparator);
        var closing = ClosingList(html, colon, semicolon);

        Assert.Contains(illness, withFindings);
        Assert.DoesNotContain(illness, closing);
        Assert.Empty(closing.Intersect(withFindings));
        // The closing list still names what is named nowhere above, and says that others are.
        Assert.NotEmpty(closing);
        Assert.Contains(besides, Text(Regex.Match(html, "<p class=\"p-answers p-answers--not-recorded\">.*?</p>", RegexOptions.Singleline).Value), StringComparison.Ordinal);
    }

    public static TheoryData<string> Histories => new()
    {
        "plain", "aneurysm", "active-ideation", "no-episode", "monotherapy-no-jurisdiction",
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Print_AnyHistory_ClosingListNamesNoQuestionTheFindingsNameAsNotRecorded(string history)
    {
        var request = history switch
        {
            "plain" => SampleRequests.Trd("MRN-NR-ONCE-PLAIN"),
            "aneurysm" => SampleRequests.Trd("MRN-NR-ONCE-ANEURYSM").With("aneurysmalVascularDisease", true).With("systolicBp", null).With("diastolicBp", null),
            "active-ideation" => SampleRequests.Trd("MRN-NR-ONCE-SUI").With("suicidality", "active-ideation").With("safetyPlanInPlace", true).With("lethalMeansCounselled", false).With("followUpArranged", true).With("aneurysmalVascularDisease", true),
            "no-episode" => SampleRequests.Trd("MRN-NR-ONCE-NOEP").With("currentDepressiveEpisode", false).With("intracerebralHemorrhageHistory", true),
            _ => SampleRequests.Trd("MRN-NR-ONCE-MONO").With("onOralAntidepressant", false).With("hypersensitivityToKetamine", true),
        };
        var html = await PrintAsync(request, "en-GB");

        var withFindings = NamedNotRecordedWithTheFindings(html, "Not recorded", ": ", ", ");
        Assert.Empty(ClosingList(html, ": ", "; ").Intersect(withFindings));
    }
}
