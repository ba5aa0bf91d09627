using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA318: a printed audit page stands alone. The screening's and the EHR answer's pages show their place in the chain as
/// the override's does, from one partial (F7); a replay's heading carries the entry's number and its facts name the
/// entry, the patient, when (the clinic's time) and by whom (F8); the stored assessment is labelled as what it is, the
/// canonical English, not "as shown" (F5). English and Chinese; the clinic's time zone is not UTC, so a time written in UTC fails.
/// </summary>
public sealed partial class AuditEntryPrintedContextTests : IClassFixture<AuditEntryPrintedContextTests.App>
{
    private readonly App _app;

    public AuditEntryPrintedContextTests(App app) => _app = app;

    [Fact]
    public async Task ScreeningHookAnswerAndOverridePages_ShowTheirPlaceInTheChainAlike_AsStored()
    {
        var (screening, hookAnswer, overrideId) = await _app.LogAsync();
        var auditor = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        foreach (var (path, id, elementId) in new[]
        {
            ($"/Audit/Screening/{screening}", screening, "screening-chain"),
            ($"/Audit/HookAnswer/{hookAnswer}", hookAnswer, "hook-answer-chain"),
            ($"/Audit/Override/{overrideId}", overrideId, "override-chain"),
        })
        {
            using var response = await auditor.GetAsync(path);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var stored = await _app.StoredAsync(id);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The same markup on every page (one partial), with this entry's values as stored.
            var place = ChainPlace().Match(html);
            Assert.True(place.Success, path);
            Assert.Equal(
                (elementId, stored.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Hash, stored.PreviousHash),
                (place.Groups["id"].Value, place.Groups["sequence"].Value, place.Groups["hash"].Value, place.Groups["previous"].Value));
            Assert.NotEqual("", stored.PreviousHash);
        }

        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{screening}", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("<h2>在哈希链中的位置</h2>", chinese, StringComparison.Ordinal);
        Assert.Contains($"<dt>本条目的哈希值</dt><dd><code>{(await _app.StoredAsync(screening)).Hash}</code></dd>", chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Replay of screening #{0}", "Recorded by")]
    [InlineData("zh-CN", "筛查 #{0} 的重放", "记录人")]
    public async Task ReplayOfAScreening_HeadingCarriesItsNumber_AndTheFactsNameTheEntryPatientTimeAndClinician(string language, string heading, string recordedBy)
    {
        var (screening, _, _) = await _app.LogAsync();
        var auditor = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Replay/{screening}", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var stored = await _app.StoredAsync(screening);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expectedHeading = string.Format(System.Globalization.CultureInfo.InvariantCulture, heading, stored.Sequence);
        Assert.Equal(expectedHeading, Heading(html));
        Assert.Contains($"<title>{expectedHeading}", html, StringComparison.Ordinal);
        var facts = Facts(html);
        Assert.Contains($"<dd><code>{screening}</code></dd>", facts, StringComparison.Ordinal);
        Assert.Contains($"<dd>{App.Patient}</dd>", facts, StringComparison.Ordinal);
        Assert.Contains($">{_app.ClinicTimeOf(stored.RecordedAt)}</time>", facts, StringComparison.Ordinal);
        Assert.Contains("UTC+08:00", facts, StringComparison.Ordinal);
        Assert.Contains($"<dt>{recordedBy}</dt><dd>{KetamineCdsFactory.Psychiatrist} ", facts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Replay of EHR answer #{0}", "Asked by")]
    [InlineData("zh-CN", "电子病历应答 #{0} 的重放", "请求者")]
    public async Task ReplayOfAnEhrAnswer_HeadingCarriesItsNumber_AndTheFactsNameTheEntryPatientTimeAndWhoAsked(string language, string heading, string askedBy)
    {
        var (_, hookAnswer, _) = await _app.LogAsync();
        var auditor = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Replay/{hookAnswer}", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var stored = await _app.StoredAsync(hookAnswer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, heading, stored.Sequence), Heading(html));
        // An answer that kept no inputs is not replayed; the page still says what it is of.
        Assert.Contains("id=\"replay-inputs-not-kept\"", html, StringComparison.Ordinal);
        var facts = Facts(html);
        Assert.Contains($"<dd><code>{hookAnswer}</code></dd>", facts, StringComparison.Ordinal);
        Assert.Contains($"<dd>{App.HookPatient}</dd>", facts, StringComparison.Ordinal);
        Assert.Contains($">{_app.ClinicTimeOf(stored.RecordedAt)}</time>", facts, StringComparison.Ordinal);
        Assert.Contains($"<dt>{askedBy}</dt><dd>{App.EhrUser} ", facts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Output as stored", "its texts in English, which is canonical", "Output as shown")]
    [InlineData("zh-CN", "存储的输出", "英文为规范文本", "显示的输出")]
    public async Task ScreeningPage_StoredAssessment_IsLabelledTheCanonicalEnglishNotWhatTheClinicianSaw(string language, string heading, string intro, string untrue)
    {
        var (screening, _, _) = await _app.LogAsync();
        var auditor = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{screening}", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h2>{heading}</h2>", html, StringComparison.Ordinal);
        Assert.Contains(intro, html.Split("id=\"output-as-stored\">")[1].Split("</p>")[0], StringComparison.Ordinal);
        Assert.DoesNotContain(untrue, html, StringComparison.Ordinal);
    }

    private static string Heading(string html) => Regex.Match(html, "<h1>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value;

    private static string Facts(string html)
    {
        var start = html.IndexOf("id=\"replay-entry\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no #replay-entry");
        return html[start..html.IndexOf("</dl>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<h2>Place in the chain</h2>\\s*<dl class=\"audit-facts\" id=\"(?<id>[a-z-]+)\">\\s*<dt>Sequence</dt><dd>(?<sequence>[0-9]+)</dd>\\s*<dt>This entry's hash</dt><dd><code>(?<hash>[0-9a-f]+)</code></dd>\\s*<dt>Previous hash</dt><dd><code>(?<previous>[0-9a-f]*)</code></dd>\\s*</dl>")]
    private static partial Regex ChainPlace();

    /// <summary>The app in a clinic eight hours ahead of UTC, with a screening, an EHR answer and an override logged once.</summary>
    public sealed class App : KetamineCdsFactory
    {
        public const string Patient = "MRN-PRINTED-CONTEXT";

        public const string HookPatient = "MRN-PRINTED-HOOK";

        public const string EhrUser = "Practitioner/printed-1";

        private readonly SemaphoreSlim _once = new(1, 1);
        private (Guid Screening, Guid HookAnswer, Guid Override)? _logged;

        public App() => Settings = new Dictionary<string, string> { ["Clinic:TimeZone"] = "Asia/Shanghai" };

        public async Task<(Guid Screening, Guid HookAnswer, Guid Override)> LogAsync()
        {
            await _once.WaitAsync();
            try
            {
                if (_logged is { } logged)
                {
                    return logged;
                }

                var first = await RecordScreeningThroughApiAsync(Patient);
                var screening = await RecordScreeningThroughApiAsync(Patient);
                var origin = new HookOrigin("https://ehr.example", EhrUser, "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}");
                var hookAnswer = (await Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(
                    new HookAnswerSubmission(HookPatient, ["failedAdequateTrials"], new Actor(EhrUser, EhrUser, "EhrUser"), "corr-printed", origin) { RuleSet = RuleSetCatalog.Current.Identity })).Id;
                await RecordOverrideThroughPageAsync(first);
                await using var scope = Services.CreateAsyncScope();
                var overrideId = await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().DecisionLogEntries
                    .Where(e => e.EntryType == DecisionLogEntryTypes.Override).Select(e => e.Id).SingleAsync();
                _logged = (screening, hookAnswer, overrideId);
                return _logged.Value;
            }
            finally
            {
                _once.Release();
            }
        }

        public async Task<DecisionLogEntry> StoredAsync(Guid id)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().DecisionLogEntries.AsNoTracking().SingleAsync(e => e.Id == id);
        }

        /// <summary>A stored time as the audit pages write it: the clinic's, to the microsecond, with its offset.</summary>
        public string ClinicTimeOf(DateTime stored) =>
            Services.GetRequiredService<ClinicTime>().AtPrecise(new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _once.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
