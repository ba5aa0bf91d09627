using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Domain.Principles;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA148 F5: what rests on an unconfirmed fact ("To verify", <see cref="UnconfirmedFacts"/>) is visible to the clinician,
/// not only in the repository: a short mark on each such finding of the result page and the print, linking to the fact
/// on the Rules page; and the Rules page lists the facts and the discrepancies D1 to D9 that rule texts cite, each under
/// its own anchor. In English and in Chinese.
/// </summary>
public sealed class UnconfirmedFactMarkTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private static readonly UnconfirmedFact Naltrexone = UnconfirmedFacts.All.Single(k => k.Number == 12);

    private static readonly UnconfirmedFact RacemicDriving = UnconfirmedFacts.All.Single(k => k.Number == 13);

    private async Task<Guid> RecordAsync(string reference)
    {
        // Esketamine TRD open, on naltrexone (NAL-001: To verify 12), with chronic neuropathic pain (PAIN-001: no
        // unconfirmed fact); REMS-003 (To verify 4 and 13) fires on every indicated pathway.
        var request = CompleteScreeningBodies.WithEveryItemRecorded(SampleRequests.Trd(reference)
            .With("onNaltrexone", true)
            .With("chronicNeuropathicPain", true));
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var ruleIds = body.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("NAL-001", ruleIds);
        Assert.Contains("PAIN-001", ruleIds);
        Assert.Contains("REMS-003", ruleIds);
        Assert.Empty(UnconfirmedFacts.For("PAIN-001"));
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>A new screening of <paramref name="reference"/> (<see cref="RecordAsync"/>), then its result page or, with "/Print", its print.</summary>
    private async Task<string> PageOfANewScreeningAsync(string reference, string page = "") =>
        await PageAsync($"/Screenings/{await RecordAsync(reference)}{page}");

    private async Task<string> PageAsync(string path, string? language = null)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var response = await CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The result page's card of one finding: the list item that links to the rule.</summary>
    private static string Card(string html, string ruleId) =>
        SingleItem(html, "<li class=\"finding ", $"href=\"/Rules#{ruleId}\">{ruleId}</a>");

    /// <summary>The print's item of one finding (findings list or checklist).</summary>
    private static string PrintedItem(string html, string ruleId) =>
        SingleItem(html, "<li>", $"<strong>{ruleId}</strong>");

    /// <summary>The one list item, opened by <paramref name="opening"/>, that holds <paramref name="rule"/>; asserts there is exactly one.</summary>
    private static string SingleItem(string html, string opening, string rule)
    {
        var items = html.Split(opening, StringSplitOptions.None).Skip(1)
            .Select(c => c[..c.IndexOf("</li>", StringComparison.Ordinal)])
            .Where(c => c.Contains(rule, StringComparison.Ordinal))
            .ToList();
        return Assert.Single(items);
    }

    [Fact]
    public async Task Result_FindingRestingOnAnUnconfirmedFact_IsMarkedWithTheFactAndLinksToItOnTheRulesPage()
    {
        var html = await PageOfANewScreeningAsync("MRN-F5-RESULT");

        var naltrexone = Card(html, "NAL-001");
        Assert.Contains("class=\"unconfirmed\"", naltrexone, StringComparison.Ordinal);
        Assert.Contains("Rests on a fact not yet confirmed", naltrexone, StringComparison.Ordinal);
        // Helper 250: the label ran on into the fact without a colon.
        Assert.Contains("Rests on a fact not yet confirmed</span>: " + Naltrexone.InBrief, WebUtility.HtmlDecode(naltrexone), StringComparison.Ordinal);
        Assert.Contains(Naltrexone.InBrief, naltrexone, StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules#to-verify-12\"", naltrexone, StringComparison.Ordinal);

        var rideHome = Card(html, "REMS-003");
        Assert.Contains("Rests on facts not yet confirmed", rideHome, StringComparison.Ordinal);
        Assert.Contains("Rests on facts not yet confirmed</span>: ", rideHome, StringComparison.Ordinal);
        Assert.Contains(RacemicDriving.InBrief, rideHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules#to-verify-4\"", rideHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules#to-verify-13\"", rideHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_FindingRestingOnNoUnconfirmedFact_HasNoMark()
    {
        var html = await PageOfANewScreeningAsync("MRN-F5-PLAIN");

        var pain = Card(html, "PAIN-001");
        Assert.DoesNotContain("unconfirmed", pain, StringComparison.Ordinal);
        Assert.DoesNotContain("to-verify", pain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_FindingsAndChecklist_MarkWhatRestsOnAnUnconfirmedFactByItsNumberAndSayWhereToReadIt()
    {
        var html = await PageOfANewScreeningAsync("MRN-F5-PRINT", "/Print");

        Assert.Contains("<span class=\"p-unconfirmed\">†12</span>", PrintedItem(html, "NAL-001"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"p-unconfirmed\">†4, 13</span>", PrintedItem(html, "REMS-003"), StringComparison.Ordinal);
        Assert.DoesNotContain("p-unconfirmed", PrintedItem(html, "PAIN-001"), StringComparison.Ordinal);
        Assert.Contains("id=\"unconfirmed-legend\"", html, StringComparison.Ordinal);
        Assert.Contains("\"To verify\" on the Rules page", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_InChinese_MarksTheFindingWithTheFactInChinese()
    {
        var id = await RecordAsync("MRN-F5-ZH");

        var html = await PageAsync($"/Screenings/{id}", "zh-CN");
        var print = await PageAsync($"/Screenings/{id}/Print", "zh-CN");

        var naltrexone = Card(html, "NAL-001");
        Assert.Contains("所依据的事实尚未证实</span>：停用纳曲酮后的过量风险", WebUtility.HtmlDecode(naltrexone), StringComparison.Ordinal);
        Assert.Contains("停用纳曲酮后的过量风险", naltrexone, StringComparison.Ordinal);
        Assert.DoesNotContain(Naltrexone.InBrief, naltrexone, StringComparison.Ordinal);
        Assert.Contains("<span class=\"p-unconfirmed\">†4、13</span>", PrintedItem(print, "REMS-003"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesPage_ListsEveryFactToVerifyAndEveryDiscrepancyUnderItsAnchor()
    {
        var html = await PageAsync("/Rules");

        Assert.Contains("<h2 id=\"to-verify\">To verify</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"sources-disagree\">Where the sources disagree</h2>", html, StringComparison.Ordinal);
        Assert.All(UnconfirmedFacts.All, k =>
        {
            Assert.Contains($"id=\"to-verify-{k.Number}\"", html, StringComparison.Ordinal);
            Assert.Contains(k.Fact, html, StringComparison.Ordinal);
        });
        Assert.All(Discrepancies.All, d =>
        {
            Assert.Contains($"id=\"{d.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains(d.Reading, html, StringComparison.Ordinal);
        });

        // A rule text that cites a discrepancy links to it, and a rule that rests on an unconfirmed fact links to the fact.
        var nal = html[html.IndexOf("id=\"NAL-001\"", StringComparison.Ordinal)..];
        nal = nal[..nal.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"#D7\">D7</a>", nal, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#to-verify-12\">12</a>", nal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesPage_InChinese_ShowsTheSectionsFactsAndDiscrepanciesInChinese()
    {
        var html = await PageAsync("/Rules", "zh-CN");

        Assert.Contains("<h2 id=\"to-verify\">待核实</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"sources-disagree\">来源之间的差异</h2>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"D7\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Discrepancies.All.Single(d => d.Id == "D7").Reading, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Naltrexone.Fact, html, StringComparison.Ordinal);
    }
}
