using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA157 Q2: a very risky patient read "Eligible with cautions — An indicated pathway is open, with cautions to weigh before
/// treating" above 24 cautions, seven of high severity, a box that looked the same as one moderate caution. In the fact
/// base's candidate rules (label-and-literature.md section 9, Conventions) a high-severity caution means hold or defer
/// pending a clinician's override. The verdict and the statuses stay; the verdict box of the result page and of the print
/// names each high-severity caution, in words with its id, in the screening's order, and says what that rests on, as
/// "Not indicated" names the findings that still call for action (QA13 M3, QA148 F11). Moderate cautions alone leave the box
/// as it was.
/// </summary>
public sealed class HighSeverityCautionsVerdictTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string Heading = "High-severity cautions: hold or defer treatment until you have weighed each one and recorded your decision.";
    private const string HeadingZh = "高严重程度的注意事项：请先暂缓或推迟治疗，直到您逐项权衡并记录了您的决定。";

    /// <summary>A woman of 40 with TRD on an SSRI, no suicidality, every safety question and care item answered, not breastfeeding.</summary>
    private static JsonObject Benign(string reference) =>
        CompleteScreeningBodies.WithEveryItemRecorded(CompleteScreeningBodies.WomanOf40WithTrd(reference).With("oralAntidepressantClass", "ssri"));

    /// <summary>QA157 Q2's patient, as near as its notes give it: 19, a plan with intent and preparatory acts, no lethal-means
    /// counselling, past psychosis untreated, ketamine or PCP use disorder in remission, opioids and naltrexone, 165/95,
    /// moderate hepatic impairment, breastfeeding.</summary>
    private static JsonObject Complex(string reference) => Benign(reference)
        .With("ageYears", 19).With("breastfeeding", true).With("psychosis", "history-untreated")
        .With("suicidality", "active-ideation-with-plan").With("suicidalIntent", true).With("preparatoryActsOrAbortedAttempt", true)
        .With("safetyPlanInPlace", true).With("lethalMeansCounselled", false).With("followUpArranged", true)
        .With("onOpioids", true).With("onNaltrexone", true).With("substanceUse", "in-remission").With("substancesUsed", new JsonArray("ketamine-or-pcp"))
        .With("systolicBp", 165).With("diastolicBp", 95).With("hepaticImpairment", "moderate").With("phq9Total", 22).With("phq9Item9", 2);

    private async Task<(Guid Id, List<(string RuleId, string Kind, string Severity)> Findings)> CreateAsync(JsonObject request)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("eligible-with-cautions", body.GetProperty("overall").GetString()); // the verdict does not change
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

    /// <summary>The box's line of high-severity cautions on the page or the print (one id on both), or null.</summary>
    private static string? HoldLine(string html)
    {
        var match = Regex.Match(html, "<p [^>]*id=\"verdict-high-cautions\"[^>]*>.*?</p>", RegexOptions.Singleline);
        return match.Success ? match.Value : null;
    }

    /// <summary>The verdict box itself (the page's section, the print's p-verdict section).</summary>
    private static string VerdictBox(string html)
    {
        var match = Regex.Match(html, "<section class=\"(?:verdict|p-verdict) [^\"]*\".*?</section>", RegexOptions.Singleline);
        Assert.True(match.Success, "the verdict box is on the page");
        return match.Value;
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

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

    [Theory]
    [InlineData("en-GB", Heading, ": ")]
    [InlineData("zh-CN", HeadingZh, "：")]
    public async Task ResultAndPrint_OneHighSeverityCaution_TheVerdictBoxNamesIt(string language, string heading, string colon)
    {
        // Breastfeeding: REP-002, a high-severity caution; moderate hepatic impairment (HEP-002) a moderate one beside it;
        // the REMS requirements are of high severity but not cautions.
        var (id, findings) = await CreateAsync(Benign("MRN-QA157-Q2-ONE-" + language).With("breastfeeding", true).With("hepaticImpairment", "moderate"));
        Assert.Equal(["REP-002"], findings.Where(f => f is { Kind: "caution", Severity: "high" }).Select(f => f.RuleId));
        var moderate = findings.Where(f => f is { Kind: "caution", Severity: not "high" }).Select(f => f.RuleId).ToList();
        Assert.NotEmpty(moderate);
        var highRequirements = findings.Where(f => f is { Kind: "requirement", Severity: "high" }).Select(f => f.RuleId).ToList();
        Assert.NotEmpty(highRequirements);

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);
        foreach (var (page, html) in new[] { ("result", result), ("print", print) })
        {
            var line = HoldLine(html);
            Assert.True(line is not null, $"the {page}'s verdict box names no high-severity caution");
            Assert.Contains(line, VerdictBox(html), StringComparison.Ordinal); // inside the box, not below it
            var text = Text(line);
            Assert.StartsWith(heading, text.Trim(), StringComparison.Ordinal);
            Assert.Contains("REP-002" + colon + Summary("REP-002", language), text, StringComparison.Ordinal);
            Assert.Contains(language == "zh-CN" ? "事实库中的候选规则" : "the fact base's candidate rules", text, StringComparison.Ordinal);
            foreach (var other in moderate.Concat(highRequirements))
            {
                Assert.DoesNotContain(other, text, StringComparison.Ordinal);
            }
        }

        // On the page the id links to the finding below.
        Assert.Contains("href=\"#finding-REP-002\"", HoldLine(result), StringComparison.Ordinal);
        Assert.Matches("<li class=\"finding finding--caution\" id=\"finding-REP-002\">", result);
    }

    [Fact]
    public async Task ResultAndPrint_QaComplexCase_TheVerdictBoxNamesEveryHighSeverityCautionInTheScreeningsOrder()
    {
        var (id, findings) = await CreateAsync(Complex("MRN-QA157-Q2-COMPLEX"));
        var high = findings.Where(f => f is { Kind: "caution", Severity: "high" }).Select(f => f.RuleId).Distinct().ToList();
        Assert.True(high.Count >= 5, $"the QA's case fires several high-severity cautions ({string.Join(", ", high)})");
        var moderate = findings.Where(f => f is { Kind: "caution", Severity: not "high" }).Select(f => f.RuleId).ToList();
        Assert.NotEmpty(moderate);

        foreach (var path in new[] { $"/Screenings/{id}", $"/Screenings/{id}/Print" })
        {
            var line = HoldLine(await PageAsync(path, "en-GB"));
            Assert.True(line is not null, $"{path}: the verdict box names no high-severity caution");
            var named = Regex.Matches(Text(line), @"\b[A-Z]+-\d{3}\b").Select(m => m.Value).Distinct().ToList();
            Assert.Equal(high, named.Where(high.Contains).ToList()); // each, in the screening's order
            Assert.Empty(named.Intersect(moderate));
            foreach (var ruleId in high)
            {
                Assert.Contains(ruleId + ": " + Summary(ruleId, "en-GB"), Text(line), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task ResultAndPrint_ModerateCautionsOnly_KeepThePlainVerdictBox(string language)
    {
        // Moderate hepatic impairment: HEP-002, a moderate caution, and no high one.
        var (id, findings) = await CreateAsync(Benign("MRN-QA157-Q2-MOD-" + language).With("hepaticImpairment", "moderate"));
        Assert.Contains(findings, f => f is { RuleId: "HEP-002", Kind: "caution" });
        Assert.DoesNotContain(findings, f => f is { Kind: "caution", Severity: "high" });

        foreach (var path in new[] { $"/Screenings/{id}", $"/Screenings/{id}/Print" })
        {
            var html = await PageAsync(path, language);
            Assert.Null(HoldLine(html));
            Assert.DoesNotContain(language == "zh-CN" ? HeadingZh : Heading, html, StringComparison.Ordinal);
        }
    }
}
