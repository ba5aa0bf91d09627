using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA318: a printed audit list stands alone. The decision log, the access log and the impact analysis say, from one partial
/// (_ListContext), when the list was produced (the clinic's time, eight hours ahead of UTC here, so a time written in UTC
/// fails), by whom, the filter in words (each field given, labelled as the form labels it, or "no filter"), and which of how
/// many matching entries a page shows when the list runs to more than one page. English and Chinese.
/// </summary>
public sealed partial class AuditListContextTests(AuditListContextTests.App app) : IClassFixture<AuditListContextTests.App>
{
    private const string ProducedAt = "2026-11-20 17:00:00 UTC+08:00";

    [Fact]
    public async Task DecisionLog_PagedByPatientAndDay_SaysWhenByWhomTheFilterInWordsAndWhichEntriesOfHowMany()
    {
        var patient = await app.LogScreeningsAsync("MRN-CTX-PAGED", IndexPageSize + 3);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var first = await GetOkAsync(auditor, $"/Audit?from=2026-11-20&patient={patient}");
        Assert.Equal($"Produced {ProducedAt} by {KetamineCdsFactory.Auditor} (Auditor).", Text(first, "list-produced"));
        Assert.Equal($"Filter: Recorded from (the clinic's day): 2026-11-20; Patient reference: {patient}.", Text(first, "list-filter"));
        Assert.Equal($"Entries 1 to {IndexPageSize} of {IndexPageSize + 3} matching are shown, newest first.", Text(first, "list-shown"));
        // The time is a machine-readable instant too, the one the clinic's time names.
        Assert.Contains("<time datetime=\"2026-11-20T09:00:00.0000000+00:00\">", first, StringComparison.Ordinal);

        var second = await GetOkAsync(auditor, NextPage(first));
        Assert.Equal($"Entries {IndexPageSize + 1} to {IndexPageSize + 3} of {IndexPageSize + 3} matching are shown, newest first.", Text(second, "list-shown"));
        Assert.Equal(Text(first, "list-filter"), Text(second, "list-filter"));
    }

    [Fact]
    public async Task DecisionLog_OnePage_SaysEveryMatchIsShown_AndAVerdictInWords_OrNoFilter()
    {
        var patient = await app.LogScreeningsAsync("MRN-CTX-ONE", 2);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var two = await GetOkAsync(auditor, $"/Audit?patient={patient}");
        Assert.Equal("All 2 matching entries are shown.", Text(two, "list-shown"));

        var one = await GetOkAsync(auditor, $"/Audit?patient={patient}&clinician=%20{KetamineCdsFactory.Psychiatrist.ToUpperInvariant()}%20&ruleSet={RuleSetCatalog.Current.Version}&overall=not-eligible-now");
        Assert.Equal(
            $"Filter: Recorded by (email): {KetamineCdsFactory.Psychiatrist.ToUpperInvariant()}; Patient reference: {patient}; Verdict: Not eligible now (not-eligible-now); Rule-set version: {RuleSetCatalog.Current.Version}.",
            Text(one, "list-filter"));
        Assert.Equal("No entries match.", Text(one, "list-shown"));

        var all = await GetOkAsync(auditor, "/Audit");
        Assert.Equal("No filter: all entries.", Text(all, "list-filter"));
    }

    [Fact]
    public async Task AccessLog_PagedBySubjectAndKind_SaysTheFilterInWordsAndWhichEventsOfHowMany()
    {
        var subject = "patient:MRN-CTX-ACCESS-" + Guid.NewGuid().ToString("N")[..8];
        var access = app.Services.GetRequiredService<IAccessAudit>();
        for (var i = 0; i < AccessPageSize + 1; i++)
        {
            await access.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, KetamineCdsFactory.Psychiatrist, "Psychiatrist", subject, "search", $"corr-ctx-{i}"));
        }

        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var first = await GetOkAsync(auditor, $"/Audit/Access?kind=view-screening&subject={subject}");
        Assert.Equal($"Produced {ProducedAt} by {KetamineCdsFactory.Auditor} (Auditor).", Text(first, "list-produced"));
        Assert.Equal($"Filter: What happened: Viewed screenings (view-screening); Subject: {subject}.", Text(first, "list-filter"));
        Assert.Equal($"Access events 1 to {AccessPageSize} of {AccessPageSize + 1} matching are shown, newest first.", Text(first, "list-shown"));

        var second = await GetOkAsync(auditor, NextPage(first));
        Assert.Equal($"Access events {AccessPageSize + 1} to {AccessPageSize + 1} of {AccessPageSize + 1} matching are shown, newest first.", Text(second, "list-shown"));

        var one = await GetOkAsync(auditor, $"/Audit/Access?who={KetamineCdsFactory.Psychiatrist}&subject={subject}&from=2026-11-20&to=2026-11-20&kind=export");
        Assert.Equal(
            $"Filter: Recorded from (the clinic's day): 2026-11-20; Recorded to (the clinic's day, inclusive): 2026-11-20; Who (email, any letter case): {KetamineCdsFactory.Psychiatrist}; What happened: Exported (export); Subject: {subject}.",
            Text(one, "list-filter"));
        Assert.Equal("No access events match.", Text(one, "list-shown"));
    }

    [Fact]
    public async Task ImpactAnalysis_SaysThePeriodTheRuleSetsAndHowManyChangedScreeningsItLists()
    {
        await app.LogScreeningsAsync("MRN-CTX-IMPACT", 2);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetOkAsync(auditor, "/Audit/Impact?run=true&from=2026-11-20&baseline=1.0.0");
        Assert.Equal($"Produced {ProducedAt} by {KetamineCdsFactory.Auditor} (Auditor).", Text(html, "list-produced"));
        Assert.Equal(
            $"Filter: Recorded from (the clinic's day): 2026-11-20. Rule set analysed: {RuleSetCatalog.Current.Version}; Compare against: rule set 1.0.0.",
            Text(html, "list-filter"));
        var report = await app.Services.GetRequiredService<IDecisionLogAudit>().AnalyzeImpactAsync(null, null, RuleSetCatalog.Current, RuleSetCatalog.Find("1.0.0"));
        Assert.True(report.Changes.Count > 1, "the history logged should change verdict between 1.0.0 and the current rule set");
        Assert.Equal($"All {report.Changes.Count} screenings whose verdict would change are listed.", Text(html, "list-shown"));

        var unfiltered = await GetOkAsync(auditor, "/Audit/Impact?run=true");
        Assert.Equal($"No filter: all entries. Rule set analysed: {RuleSetCatalog.Current.Version}; Compare against: the verdicts as logged.", Text(unfiltered, "list-filter"));
    }

    [Fact]
    public async Task ListContext_InChinese_SaysTheSameInChinese()
    {
        var patient = await app.LogScreeningsAsync("MRN-CTX-ZH", IndexPageSize + 1);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(auditor, $"/Audit?patient={patient}", "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"由 {KetamineCdsFactory.Auditor} （审计员） 于 {ProducedAt} 生成。", Text(html, "list-produced"));
        Assert.Equal($"筛选条件：患者编号：{patient}。", Text(html, "list-filter"));
        Assert.Equal($"共 {IndexPageSize + 1} 条符合条件的条目，最新在前，显示第 1 至 {IndexPageSize} 条。", Text(html, "list-shown"));

        using var all = await CultureSelectionTests.GetAsync(auditor, "/Audit/Access", "zh-CN");
        Assert.Equal("未设筛选条件：全部条目。", Text(WebUtility.HtmlDecode(await all.Content.ReadAsStringAsync()), "list-filter"));
    }

    [Theory]
    [InlineData("/Audit?overall=maybe")]
    [InlineData("/Audit/Access?kind=nothing")]
    [InlineData("/Audit/Impact?run=true&version=9.9.9")]
    [InlineData("/Audit/Impact")]
    public async Task AListNotProduced_SaysNothingOfWhenOrWithWhichFilter(string path)
    {
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("id=\"list-context\"", html, StringComparison.Ordinal);
    }

    private static int IndexPageSize => KetamineCds.Web.Pages.Audit.IndexModel.PageSize;

    private static int AccessPageSize => KetamineCds.Web.Pages.Audit.AccessModel.PageSize;

    private static async Task<string> GetOkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return html;
    }

    /// <summary>The text of the paragraph <paramref name="id"/> of the list's context, its markup removed.</summary>
    private static string Text(string html, string id)
    {
        var match = Regex.Match(html, $"<p id=\"{id}\">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no #{id}");
        return Whitespace().Replace(Tags().Replace(match.Groups[1].Value, ""), " ").Trim();
    }

    private static string NextPage(string html)
    {
        var link = Regex.Match(html, "<a[^>]*rel=\"next\"[^>]*>");
        Assert.True(link.Success, "no next page");
        return Regex.Match(link.Value, "href=\"([^\"]+)\"").Groups[1].Value;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    /// <summary>The app on a clock stopped at 2026-11-20 09:00 UTC, in a clinic eight hours ahead of UTC.</summary>
    public sealed class App : KetamineCdsFactory
    {
        private static readonly Actor Clinician = new("u", Psychiatrist, "Psychiatrist");

        private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

        public App() => Settings = new Dictionary<string, string> { ["Clinic:TimeZone"] = "Asia/Shanghai" };

        /// <summary>Logs <paramref name="count"/> screenings of a new patient (the eight required answers) and returns the patient.</summary>
        public async Task<string> LogScreeningsAsync(string prefix, int count)
        {
            var patient = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
            var history = LoggedDirectly.RequiredAnswers(patient);
            for (var i = 0; i < count; i++)
            {
                await LoggedDirectly.RecordAsync(this, history, Clinician, $"corr-{patient}-{i}");
            }

            return patient;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(_clock);
            });
        }
    }
}
