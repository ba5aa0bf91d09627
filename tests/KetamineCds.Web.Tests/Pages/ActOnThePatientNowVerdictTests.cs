using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA272 F1 (clinical safety, presentation): an imminent suicide risk was not in the verdict box when the verdict was "Not
/// eligible now" or "Incomplete". A 17-year-old after a recent attempt read only "Not eligible now — a contraindication or
/// unmet precondition blocks treatment now"; SUI-007 ("take safety precautions now and arrange a same-day evaluation for
/// possible hospitalisation") stood some 5,470 px below, SUI-010 and SUI-011 below the fold too; an EU adult with active
/// ideation and intent, preparatory acts blank, read only the answer the "Incomplete" waits for. The print was the same.
/// Every verdict box now names the findings that act on the patient whatever the pathways (Display.ActOnThePatientNow): the
/// page in words with their ids, linked to the finding below, the print by id; "Eligible with cautions" names no caution twice.
/// </summary>
public sealed class ActOnThePatientNowVerdictTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string Heading = "Whatever the pathways, these findings call for action on the patient now:";
    private const string HeadingZh = "无论各路径结论如何，以下提示都要求现在就对患者采取行动：";

    /// <summary>QA272's second repro: an EU adult with active ideation and intent, preparatory acts not recorded (the
    /// safety net in place, so that no contraindication closes the pathway). Incomplete: the suicidal-ideation pathway waits
    /// for the preparatory acts (REC-002).</summary>
    private static JsonObject EuAdultWithIntent(string reference) => new()
    {
        ["patientReference"] = reference,
        ["ageYears"] = 34,
        ["sexAtBirth"] = "male",
        ["jurisdiction"] = "eu",
        ["primaryDiagnosis"] = "mdd",
        ["currentDepressiveEpisode"] = true,
        ["failedAdequateTrials"] = 1,
        ["onOralAntidepressant"] = true,
        ["oralAntidepressantClass"] = "ssri",
        ["psychosis"] = "none",
        ["suicidality"] = "active-ideation",
        ["suicidalIntent"] = true,
        ["safetyPlanInPlace"] = true,
        ["lethalMeansCounselled"] = true,
        ["followUpArranged"] = true,
    };

    private async Task<(Guid Id, List<(string RuleId, string Kind, string Severity)> Findings)> CreateAsync(JsonObject request, string overall)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(overall, body.GetProperty("overall").GetString());
        var findings = body.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("kind").GetString()!, f.GetProperty("severity").GetString()!)).ToList();
        return (body.GetProperty("id").GetGuid(), findings);
    }

    private async Task<string> PageAsync(string path, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The box's line of findings that act on the patient now, on the page or the print (one id on both), or null.</summary>
    private static string? ActNowLine(string html)
    {
        var match = Regex.Match(html, "<p [^>]*id=\"verdict-act-now\"[^>]*>.*?</p>", RegexOptions.Singleline);
        return match.Success ? match.Value : null;
    }

    private static string? HoldLine(string html)
    {
        var match = Regex.Match(html, "<p [^>]*id=\"verdict-high-cautions\"[^>]*>.*?</p>", RegexOptions.Singleline);
        return match.Success ? match.Value : null;
    }

    private static string VerdictBox(string html)
    {
        var match = Regex.Match(html, "<section class=\"(?:verdict|p-verdict) [^\"]*\".*?</section>", RegexOptions.Singleline);
        Assert.True(match.Success, "the verdict box is on the page");
        return match.Value;
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    private static List<string> RuleIdsIn(string text) => [.. Regex.Matches(text, @"\b[A-Z]+-\d{3}\b").Select(m => m.Value).Distinct()];

    private static string Summary(string ruleId, string language)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "zh-CN" ? "zh-Hans" : "en-GB");
        try
        {
            return ClinicalText.Shared.RuleSummary(RuleSetCatalog.Current.Rules.First(r => r.Id == ruleId));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Checks the page's and the print's line: inside the verdict box, its heading, each expected finding with its
    /// id, nothing else; on the page each in words and linking to its finding below, on the print each in words too, cautions
    /// first, where the page has room (QA299: these histories, without a note, leave it), by id otherwise (the longest
    /// history's re-screen ran onto a second Letter page with the words; <see cref="Print_NoRoomLeftByTheNote_TheLineStaysByIdEachIdWithItsWordsForScreenReaders"/>).</summary>
    private async Task AssertTheBoxNamesAsync(Guid id, string language, List<(string RuleId, string Kind, string Severity)> findings, IReadOnlyList<string> expected)
    {
        var requirements = findings.Where(f => f.Kind == "requirement").Select(f => f.RuleId).ToHashSet();
        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);
        var colon = language == "zh-CN" ? "：" : ": ";
        foreach (var (page, html) in new[] { ("result", result), ("print", print) })
        {
            var line = ActNowLine(html);
            Assert.True(line is not null, $"the {page}'s verdict box names no finding that acts on the patient now");
            Assert.Contains(line, VerdictBox(html), StringComparison.Ordinal);
            var text = Text(line);
            Assert.StartsWith(language == "zh-CN" ? HeadingZh : Heading, text.Trim(), StringComparison.Ordinal);
            Assert.Equal(page == "result" ? expected : [.. expected.Where(r => !requirements.Contains(r)), .. expected.Where(requirements.Contains)], RuleIdsIn(text));
            foreach (var ruleId in expected)
            {
                Assert.Contains(ruleId + colon + Summary(ruleId, language), text, StringComparison.Ordinal);
            }
        }

        foreach (var ruleId in expected)
        {
            Assert.Contains($"href=\"#finding-{ruleId}\"", ActNowLine(result), StringComparison.Ordinal);
            Assert.Matches($"<li class=\"finding finding--[a-z]+\" id=\"finding-{ruleId}\">", result);
        }
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task ResultAndPrint_NotEligibleNowAfterARecentAttempt_TheVerdictBoxNamesTheImminentRisk(string language)
    {
        var (id, findings) = await CreateAsync(CompleteScreeningBodies.AdolescentAfterAnAttempt("MRN-QA272-F1-A-" + language), "not-eligible-now");
        Assert.Contains(findings, f => f is { RuleId: "AGE-001", Kind: "contraindication" });
        Assert.Contains(findings, f => f.RuleId == "SUI-007");

        // Of the high-severity findings, the suicide-risk cautions and requirements, in the screening's order (cautions, then
        // requirements, each by id): SUI-007 (the
        // same-day evaluation), SUI-010 and SUI-011 with the safety net's; never AGE-001 (the verdict's own), AGE-002
        // (moderate) nor SUI-006 (information). From rule set 1.26.0 (QA281 F6) SUI-013 is not listed beside SUI-010, which
        // says the same for imminent risk.
        string[] expected = ["SUI-003", "SUI-004", "SUI-007", "SUI-010", "SUI-011"];
        Assert.Equal(expected, findings.Where(f => expected.Contains(f.RuleId)).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(findings, f => f.RuleId == "SUI-013");
        await AssertTheBoxNamesAsync(id, language, findings, [.. findings.Select(f => f.RuleId).Distinct().Where(expected.Contains)]);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task ResultAndPrint_IncompleteWithActiveIdeationAndIntent_TheVerdictBoxNamesTheImminentRisk(string language)
    {
        var (id, findings) = await CreateAsync(EuAdultWithIntent("MRN-QA272-F1-B-" + language), "incomplete");
        // EU-004 is a high-severity caution of the pathway's label, not of the patient's risk: left to the findings below.
        Assert.Contains(findings, f => f is { RuleId: "EU-004", Severity: "high" });
        string[] expected = ["SUI-007", "SUI-011"];
        Assert.Equal(expected, findings.Select(f => f.RuleId).Distinct().Where(expected.Contains).Order(StringComparer.Ordinal));
        await AssertTheBoxNamesAsync(id, language, findings, [.. findings.Select(f => f.RuleId).Distinct().Where(expected.Contains)]);
    }

    [Fact]
    public async Task ResultAndPrint_EligibleWithCautions_NamesTheRequirementsNowAndNoCautionTwice()
    {
        // 40, TRD on an SSRI, every item recorded; active ideation with a plan and intent, preparatory acts, a safety plan
        // and follow-up in place but no lethal-means counselling: eligible with cautions, SUI-010 and SUI-011 among the
        // high-severity cautions (from rule set 1.26.0 not SUI-013 beside SUI-010: QA281 F6), SUI-007 and SUI-004 requirements.
        var request = CompleteScreeningBodies.WithEveryItemRecorded(CompleteScreeningBodies.WomanOf40WithTrd("MRN-QA272-F1-C")
            .With("oralAntidepressantClass", "ssri").With("suicidality", "active-ideation-with-plan").With("suicidalIntent", true)
            .With("preparatoryActsOrAbortedAttempt", true).With("safetyPlanInPlace", true).With("lethalMeansCounselled", false)
            .With("followUpArranged", true).With("phq9Total", 22).With("phq9Item9", 2));
        var (id, findings) = await CreateAsync(request, "eligible-with-cautions");
        Assert.Contains(findings, f => f is { RuleId: "SUI-011", Kind: "caution" });
        Assert.Contains(findings, f => f is { RuleId: "SUI-010", Kind: "caution" });
        Assert.DoesNotContain(findings, f => f.RuleId == "SUI-013");

        foreach (var path in new[] { $"/Screenings/{id}", $"/Screenings/{id}/Print" })
        {
            var html = await PageAsync(path, "en-GB");
            var hold = HoldLine(html);
            var now = ActNowLine(html);
            Assert.True(hold is not null && now is not null, $"{path}: both lines are in the box");
            var held = RuleIdsIn(Text(hold));
            var named = RuleIdsIn(Text(now));
            Assert.Contains("SUI-011", held);
            Assert.Equal(["SUI-004", "SUI-007"], named);
            Assert.Empty(named.Intersect(held)); // no finding named twice
            if (!path.EndsWith("/Print", StringComparison.Ordinal))
            {
                Assert.Contains("SUI-007: " + Summary("SUI-007", "en-GB"), Text(now), StringComparison.Ordinal); // the print: by id
            }
        }
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task Print_NoRoomLeftByTheNote_TheLineStaysByIdEachIdWithItsWordsForScreenReaders(string language)
    {
        // QA299: a note of the maximum length (2,000 characters) is cut to the lines the page leaves it, so the page has no
        // room for the words: the print names the findings by id, as before. Helper 312: each id's words were in a title on
        // a plain span, which screen readers often ignore (a description at best, not the text) and keyboard and touch users
        // cannot reach; they are now in the line's text after the id, hidden from sight only (print.css, .visually-hidden),
        // so the printed line is the ids alone, as before.
        var request = CompleteScreeningBodies.AdolescentAfterAnAttempt("MRN-QA299-NOTE-" + language);
        request["clinicianNote"] = string.Concat(Enumerable.Repeat("Discussed with the patient and the family at length. ", 40))[..2000];
        var (id, findings) = await CreateAsync(request, "not-eligible-now");
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        var line = ActNowLine(print);
        Assert.NotNull(line);
        var requirements = findings.Where(f => f.Kind == "requirement").Select(f => f.RuleId).ToHashSet();
        string[] expected = ["SUI-003", "SUI-004", "SUI-007", "SUI-010", "SUI-011"];
        var ordered = findings.Select(f => f.RuleId).Distinct().Where(expected.Contains).ToList();
        var seen = Text(Regex.Replace(line, "<span class=\"visually-hidden\">[^<]*</span>", ""));
        Assert.Equal([.. ordered.Where(r => !requirements.Contains(r)), .. ordered.Where(requirements.Contains)], RuleIdsIn(seen));
        var colon = language == "zh-CN" ? "：" : ": ";
        foreach (var ruleId in expected)
        {
            // Printed: the id alone.
            Assert.DoesNotContain(Summary(ruleId, language), seen, StringComparison.Ordinal);
            // Read: the id, then its words, in the line's text.
            Assert.Contains($"<span class=\"p-rule\">{ruleId}<span class=\"visually-hidden\">{colon}{Summary(ruleId, language)}</span></span>", line, StringComparison.Ordinal);
            Assert.Contains(ruleId + colon + Summary(ruleId, language), Text(line), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("title=", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eligible")]
    [InlineData("not-indicated")]
    public async Task ResultAndPrint_NoRiskOrNotIndicated_NoSecondLine(string overall)
    {
        // Eligible without a suicide risk: nothing to name. Not indicated after a recent attempt: its own line
        // ("No indicated pathway applies, yet ...") names them all, SUI-007 included; the box says it once.
        var request = overall == "eligible"
            ? CompleteScreeningBodies.WithEveryItemRecorded(CompleteScreeningBodies.ManOf40WithTrd("MRN-QA272-F1-D").With("oralAntidepressantClass", "ssri"))
            : SampleRequests.Trd("MRN-QA272-F1-E").With("currentDepressiveEpisode", false).With("suicidality", "recent-attempt")
                .With("preparatoryActsOrAbortedAttempt", false).With("safetyPlanInPlace", false).With("lethalMeansCounselled", false).With("followUpArranged", false);
        var (id, _) = await CreateAsync(request, overall);
        foreach (var path in new[] { $"/Screenings/{id}", $"/Screenings/{id}/Print" })
        {
            var html = await PageAsync(path, "en-GB");
            Assert.Null(ActNowLine(html));
            Assert.DoesNotContain(Heading, html, StringComparison.Ordinal);
            if (overall == "not-indicated")
            {
                Assert.Contains("SUI-007", Text(Regex.Match(html, "<p class=\"(?:verdict__still-act|p-still-act)\".*?</p>", RegexOptions.Singleline).Value), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ReadsOnlySuicideRisk_RuleSet1_24_0_TheCautionsAndRequirementsOfThePatientsRisk()
    {
        // The rule data decides: of 1.24.0's high-severity cautions and requirements, those whose condition reads the
        // suicide-risk answers and nothing else. SUI-002 (the pathway's oral antidepressant) reads the diagnosis; EU-004,
        // REMS-00x, CV-004 read a pathway's indication or a care item.
        var ruleSet = RuleSetCatalog.V1_24_0;
        var selected = ruleSet.Rules
            .Where(r => r.Severity == Severity.High && r.Kind is FindingKind.Caution or FindingKind.Requirement)
            .Where(r => Display.ReadsOnlySuicideRisk(ruleSet.Version, r.Id))
            .Select(r => r.Id)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["SUI-003", "SUI-004", "SUI-005", "SUI-007", "SUI-008", "SUI-010", "SUI-011", "SUI-012", "SUI-013"], selected);
        Assert.False(Display.ReadsOnlySuicideRisk(ruleSet.Version, "SUI-002"));
        Assert.True(Display.ReadsOnlySuicideRisk("9.9.9", "SUI-007")); // an unknown version: the latest rule set's rule
        Assert.False(Display.ReadsOnlySuicideRisk(ruleSet.Version, "XYZ-999"));
    }
}
