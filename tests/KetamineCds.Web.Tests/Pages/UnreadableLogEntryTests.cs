using System.Net;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// A screening whose stored history was altered in the database (the only way to get one): every page and endpoint that
/// opens it answers 409 with which entry it is, that the log may have been altered, and a reference, never a 500 or a
/// stack trace (the app runs in Development, where an unhandled exception would show one); lists, the export and the
/// impact analysis keep the other entries and mark this one; verification still names it.
/// </summary>
public sealed class UnreadableLogEntryTests : IClassFixture<UnreadableLogEntryTests.App>
{
    private static readonly string[] Leaks = ["Exception", " at KetamineCds.", " at System.", "StackTrace", "stack trace"];

    private readonly App _app;

    public UnreadableLogEntryTests(App app) => _app = app;

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings/{0}", false)]
    [InlineData(KetamineCdsFactory.Staff, "/Screenings/{0}/Print", false)]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Screening/{0}", true)]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Replay/{0}", true)]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings/New?from={0}", false)]
    public async Task Page_EntryAltered_Is409NamingTheEntryWithAReferenceAndNoStackTrace(string user, string path, bool linksToVerify)
    {
        var (_, altered, sequence) = await _app.LogAsync();
        var client = await _app.CreatePageClientAsync(user);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, altered));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"Entry {sequence} ({altered}) of the decision log cannot be read", html, StringComparison.Ordinal);
        Assert.Contains("the log may have been altered", html, StringComparison.Ordinal);
        Assert.Matches("logged with reference [0-9A-Za-z:._-]+", html);
        Assert.Equal(linksToVerify, html.Contains("href=\"/Audit/Verify\"", StringComparison.Ordinal));
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings/{0}", false, "view-screening", "page; ")]
    [InlineData(KetamineCdsFactory.Staff, "/Screenings/{0}/Print", false, "print-screening", "")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Screening/{0}", false, "view-screening", "audit workspace; ")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Replay/{0}", false, "replay", "")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings/New?from={0}", false, "view-screening", "re-screen; ")]
    [InlineData(KetamineCdsFactory.Auditor, "/api/v1/screenings/{0}", true, "view-screening", "api; ")]
    public async Task Open_EntryAltered_RecordsTheRefusedAttemptInTheAccessLog_UnderTheReferenceGiven(string user, string path, bool api, string kind, string pagesDetail)
    {
        // QA318 F6: a 409 for an altered entry left only an app-log line; "who tried to open it" found nothing.
        var (_, altered, sequence) = await _app.LogAsync();
        var client = api ? await _app.CreateApiClientAsync(user) : await _app.CreatePageClientAsync(user);
        var reference = "refused-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, altered));
        request.Headers.Add("X-Correlation-Id", reference);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(reference, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var recorded = Assert.Single(await _app.AccessEventsAsync(reference));
        Assert.Equal(
            (user, kind, altered.ToString(), $"{pagesDetail}refused as unreadable: entry {sequence}"),
            (recorded.UserEmail, recorded.Kind, recorded.Subject, recorded.Detail));
    }

    [Theory]
    [InlineData("replay", KetamineCdsFactory.Auditor, "replay", "api; ", "Auditor")]
    [InlineData("override", KetamineCdsFactory.Psychiatrist, "view-screening", "override; ", "Psychiatrist")]
    [InlineData("correction", KetamineCdsFactory.Psychiatrist, "view-screening", "api correction; ", "Psychiatrist")]
    public async Task ActOn_EntryAltered_RecordsTheRefusedAttemptInTheAccessLog_PageAndApiAlike(string what, string user, string kind, string detail, string role)
    {
        // QA318: the audit API's replay of an altered entry, an override posted on one (the screening's page) and an API
        // correction of one answered 409 and left no access event, where the pages' and GET's opening of it did.
        var (_, altered, sequence) = await _app.LogAsync();
        var reference = "refused-" + Guid.NewGuid().ToString("N");
        var client = what == "override" ? await _app.CreatePageClientAsync(user) : await _app.CreateApiClientAsync(user);
        var token = what == "override" ? await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New") : "";
        using var request = what switch
        {
            "replay" => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/audit/screenings/{sequence}/replay"),
            "override" => new HttpRequestMessage(HttpMethod.Post, $"/Screenings/{altered}?handler=Override")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Override.Decision"] = "Proceed",
                    ["Override.Reason"] = "BenefitOutweighsRiskAfterReview",
                    ["Override.Explanation"] = "Reviewed.",
                    ["__RequestVerificationToken"] = token,
                }),
            },
            _ => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/screenings/{altered}/corrections")
            {
                Content = System.Net.Http.Json.JsonContent.Create(SampleRequests.Trd(_app.Patient).With("failedAdequateTrials", 4).With("correctionReason", "Trials were 4.")),
            },
        };
        request.Headers.Add("X-Correlation-Id", reference);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(reference, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var recorded = Assert.Single(await _app.AccessEventsAsync(reference));
        Assert.Equal(
            (user, role, kind, altered.ToString(), $"{detail}refused as unreadable: entry {sequence}"),
            (recorded.UserEmail, recorded.Role, recorded.Kind, recorded.Subject, recorded.Detail));
    }

    [Theory]
    [InlineData("en", "API; refused: entry {0} cannot be read; the log may have been altered", "Opened to record an override; refused: entry {0} cannot be read; the log may have been altered", "Opened to correct (API); refused: entry {0} cannot be read; the log may have been altered")]
    [InlineData("zh-CN", "API；已拒绝：无法读取第 {0} 条，日志可能已被篡改", "打开以记录偏离建议的决定；已拒绝：无法读取第 {0} 条，日志可能已被篡改", "打开以更正（API）；已拒绝：无法读取第 {0} 条，日志可能已被篡改")]
    public async Task AccessLog_RefusedReplayOverrideAndCorrection_SayInWordsThatTheEntryCouldNotBeRead(string language, string replay, string overriding, string correction)
    {
        var (_, altered, sequence) = await _app.LogAsync();
        var auditorApi = await _app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        (await auditorApi.GetAsync($"/api/v1/audit/screenings/{sequence}/replay")).Dispose();
        var psychiatrist = await _app.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        (await psychiatrist.PostFormAsync("/Screenings/New", $"/Screenings/{altered}?handler=Override", [new("Override.Decision", "Proceed"), new("Override.Reason", "BenefitOutweighsRiskAfterReview"), new("Override.Explanation", "Reviewed.")])).Dispose();
        var psychiatristApi = await _app.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        (await psychiatristApi.PostAsync($"/api/v1/screenings/{altered}/corrections", System.Net.Http.Json.JsonContent.Create(SampleRequests.Trd(_app.Patient).With("failedAdequateTrials", 4).With("correctionReason", "Trials were 4.")))).Dispose();

        var html = await AccessLogPageAsync(altered, language);

        Assert.Contains(RefusedDetailCell(replay, sequence, "api; "), html, StringComparison.Ordinal);
        Assert.Contains(RefusedDetailCell(overriding, sequence, "override; "), html, StringComparison.Ordinal);
        Assert.Contains(RefusedDetailCell(correction, sequence, "api correction; "), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Web page; refused: entry {0} cannot be read; the log may have been altered", "Refused: entry {0} cannot be read; the log may have been altered")]
    [InlineData("zh-CN", "网页；已拒绝：无法读取第 {0} 条，日志可能已被篡改", "已拒绝：无法读取第 {0} 条，日志可能已被篡改")]
    public async Task AccessLog_RefusedAttempts_SayInWordsThatTheEntryCouldNotBeRead(string language, string view, string print)
    {
        var (_, altered, sequence) = await _app.LogAsync();
        (await (await _app.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetAsync($"/Screenings/{altered}")).Dispose();
        (await (await _app.CreatePageClientAsync(KetamineCdsFactory.Staff)).GetAsync($"/Screenings/{altered}/Print")).Dispose();

        var html = await AccessLogPageAsync(altered, language);

        Assert.Contains(RefusedDetailCell(view, sequence, "page; "), html, StringComparison.Ordinal);
        Assert.Contains(RefusedDetailCell(print, sequence, ""), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EntryAlteredInChinese_SaysSoInChinese()
    {
        var (_, altered, sequence) = await _app.LogAsync();
        var client = await _app.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.GetAsync($"/Screenings/{altered}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"无法读取决策日志第 {sequence} 条（{altered}）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_OnAnAlteredEntry_RecordsNothingAndSaysWhy()
    {
        var (_, altered, _) = await _app.LogAsync();
        var client = await _app.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        using var response = await client.PostAsync($"/Screenings/{altered}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["Override.Reason"] = "BenefitOutweighsRiskAfterReview",
            ["Override.Explanation"] = "Reviewed.",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("cannot be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await _app.ScalarAsync($"SELECT COUNT(*) FROM \"DecisionLogEntries\" WHERE \"RelatesToId\" = '{altered.ToString().ToUpperInvariant()}' AND \"EntryType\" = 'override'"));
    }

    [Theory]
    [InlineData(null, "This log entry cannot be read")]
    [InlineData("zh-CN", "无法读取此日志条目")]
    public async Task ApiGet_EntryAltered_Is409ProblemNamingTheEntry(string? language, string title)
    {
        var (_, altered, sequence) = await _app.LogAsync();
        var client = await _app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/screenings/{altered}");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(409, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, body.RootElement.GetProperty("title").GetString());
        Assert.Equal(altered, body.RootElement.GetProperty("entryId").GetGuid());
        Assert.Equal(sequence, body.RootElement.GetProperty("sequence").GetInt64());
        Assert.Contains(body.RootElement.GetProperty("reference").GetString()!, body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiList_OneEntryAltered_ListsTheOthersAndNamesIt()
    {
        var (readable, altered, sequence) = await _app.LogAsync();
        var client = await _app.CreateApiClientAsync(KetamineCdsFactory.Staff);

        using var response = await client.GetAsync($"/api/v1/screenings?patientReference={_app.Patient}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([readable], body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var unreadable = Assert.Single(body.RootElement.GetProperty("unreadable").EnumerateArray());
        Assert.Equal((altered, sequence), (unreadable.GetProperty("id").GetGuid(), unreadable.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task PatientList_OneEntryAltered_ListsTheOthersAndNamesIt()
    {
        var (readable, altered, sequence) = await _app.LogAsync();
        var client = await _app.CreatePageClientAsync(KetamineCdsFactory.Staff);

        using var response = await client.GetAsync($"/Screenings?patientReference={_app.Patient}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/Screenings/{readable}\"", html, StringComparison.Ordinal);
        Assert.Contains($"Entry {sequence} ({altered})", html, StringComparison.Ordinal);
        Assert.Contains("cannot be read", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_OneEntryAltered_ListsEveryEntryAndMarksOnlyThatOne()
    {
        var (readable, altered, _) = await _app.LogAsync();
        var client = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync($"/Audit?patient={_app.Patient}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = html.Split("<tr", StringSplitOptions.None);
        var alteredRow = Assert.Single(rows, r => r.Contains(altered.ToString(), StringComparison.Ordinal));
        var readableRow = Assert.Single(rows, r => r.Contains(readable.ToString(), StringComparison.Ordinal));
        Assert.Contains("Cannot be read", alteredRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot be read", readableRow, StringComparison.Ordinal);

        // Verification still reports the change, naming the altered entry.
        var api = await _app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var verify = JsonDocument.Parse(await api.GetStringAsync("/api/v1/audit/verify"));
        Assert.False(verify.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(altered, verify.RootElement.GetProperty("firstBrokenId").GetGuid());
    }

    [Fact]
    public async Task AuditList_OneEntryAltered_ShowsNoVerdictAsFactForIt()
    {
        // QA255: the altered entry's row showed its stored verdict (a green "Eligible") beside "Cannot be read".
        var (readable, altered, _) = await _app.LogAsync();
        var client = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Audit?patient={_app.Patient}"));
        var rows = html.Split("<tr", StringSplitOptions.None);
        var alteredRow = Assert.Single(rows, r => r.Contains(altered.ToString(), StringComparison.Ordinal));
        var readableRow = Assert.Single(rows, r => r.Contains(readable.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("audit-verdict verdict-", alteredRow, StringComparison.Ordinal);
        Assert.Contains("Verdict not shown.", alteredRow, StringComparison.Ordinal);
        // QA284 F4: why (the log may have been altered) is said once in the row, not twice.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(alteredRow, "may have been altered"));
        Assert.Contains("audit-verdict verdict-", readableRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Verdict not shown", readableRow, StringComparison.Ordinal);

        using var chinese = await Localization.CultureSelectionTests.GetAsync(client, $"/Audit?patient={_app.Patient}", "zh-CN");
        var zhRow = Assert.Single(WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync()).Split("<tr", StringSplitOptions.None), r => r.Contains(altered.ToString(), StringComparison.Ordinal));
        Assert.Contains("不显示结论。", zhRow, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(zhRow, "可能已被篡改"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CsvExport_OneEntryAltered_ExportsEveryEntryAndMarksOnlyThatOne(bool fromThePage)
    {
        var (readable, altered, _) = await _app.LogAsync();
        var client = fromThePage ? await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor) : await _app.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync(fromThePage ? $"/Audit?handler=Csv&patient={_app.Patient}" : $"/api/v1/audit/export.csv?patient={_app.Patient}");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(",entryType,unreadable,overrides,correctedBy,correctionReason,overrideOf,overrideDecision,overrideReason,overrideExplanation,issuer", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",screening,true,0,,,,,,,", Assert.Single(lines, l => l.StartsWith(altered.ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",screening,,0,,,,,,,", Assert.Single(lines, l => l.StartsWith(readable.ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impact_OneEntryAltered_AnalysesTheRestAndNamesIt()
    {
        var (_, altered, sequence) = await _app.LogAsync();
        var client = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("would change verdict", html, StringComparison.Ordinal);
        Assert.Contains("could not be read and was left out of the analysis", html, StringComparison.Ordinal);
        Assert.Contains($"Entry {sequence} ({altered})", html, StringComparison.Ordinal);
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("screening", "api repeat; ")]
    [InlineData("correction", "api correction repeat; ")]
    public async Task KeyedRepeat_RecordedEntryAltered_Is409AndRecordsTheRefusedAttemptInTheAccessLog(string what, string detail)
    {
        // A POST sent again with its Idempotency-Key answers with the entry the key recorded; when that entry cannot be read
        // the repeat is a 409 naming it, and (helper 325) the refused attempt is in the access log as every other one is.
        await _app.LogAsync();
        var patient = "MRN-UNREADABLE-KEYED-" + what.ToUpperInvariant();
        var client = await _app.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var path = "/api/v1/screenings";
        var body = SampleRequests.Trd(patient);
        if (what == "correction")
        {
            path = $"/api/v1/screenings/{await _app.RecordScreeningThroughApiAsync(patient, client)}/corrections";
            body = SampleRequests.Trd(patient).With("failedAdequateTrials", 4).With("correctionReason", "Trials were 4.");
        }

        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return request;
        }

        Guid recorded;
        using (var first = Send())
        using (var firstResponse = await client.SendAsync(first))
        {
            Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
            recorded = Guid.Parse(firstResponse.Headers.Location!.ToString().Split('/')[^1]);
        }

        var sequence = await _app.ScalarAsync($"SELECT \"Sequence\" FROM \"DecisionLogEntries\" WHERE \"Id\" = '{recorded.ToString().ToUpperInvariant()}'");
        await _app.ExecuteSqlAsync($"UPDATE \"DecisionLogEntries\" SET \"HistoryJson\" = '{{not json' WHERE \"Sequence\" = {sequence};");
        var reference = "refused-" + Guid.NewGuid().ToString("N");
        using var again = Send();
        again.Headers.Add("X-Correlation-Id", reference);

        using var response = await client.SendAsync(again);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("This log entry cannot be read", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal((recorded, sequence, reference), (problem.RootElement.GetProperty("entryId").GetGuid(), problem.RootElement.GetProperty("sequence").GetInt64(), problem.RootElement.GetProperty("reference").GetString()));
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, text, StringComparison.Ordinal));
        var refused = Assert.Single(await _app.AccessEventsAsync(reference));
        Assert.Equal(
            (KetamineCdsFactory.Psychiatrist, "Psychiatrist", "view-screening", recorded.ToString(), $"{detail}refused as unreadable: entry {sequence}"),
            (refused.UserEmail, refused.Role, refused.Kind, refused.Subject, refused.Detail));

        foreach (var (language, words) in new[]
        {
            ("en", what == "screening" ? "Sent again with its Idempotency-Key (API); refused: entry {0} cannot be read; the log may have been altered" : "Correction sent again with its Idempotency-Key (API); refused: entry {0} cannot be read; the log may have been altered"),
            ("zh-CN", what == "screening" ? "以其 Idempotency-Key 再次发送（API）；已拒绝：无法读取第 {0} 条，日志可能已被篡改" : "以其 Idempotency-Key 再次发送的更正（API）；已拒绝：无法读取第 {0} 条，日志可能已被篡改"),
        })
        {
            Assert.Contains(RefusedDetailCell(words, sequence, detail), await AccessLogPageAsync(recorded, language), StringComparison.Ordinal);
        }
    }

    /// <summary>The access log of <paramref name="altered"/> as an auditor reads it in <paramref name="language"/>, its HTML decoded.</summary>
    private async Task<string> AccessLogPageAsync(Guid altered, string language)
    {
        var auditor = await _app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var response = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit/Access?subject={altered}", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The detail cell of a refused attempt's row: <paramref name="words"/> (with the entry's sequence in place of {0}), then
    /// the text recorded, <paramref name="recordedPrefix"/> and "refused as unreadable: entry N", as written.
    /// </summary>
    private static string RefusedDetailCell(string words, long sequence, string recordedPrefix) =>
        $"<td class=\"access-detail\">{string.Format(System.Globalization.CultureInfo.InvariantCulture, words, sequence)} <code class=\"recorded-text\" lang=\"en\">{recordedPrefix}refused as unreadable: entry {sequence}</code></td>";

    /// <summary>The app, with two screenings of one patient logged once and the second's stored history altered in the database.</summary>
    public sealed class App : KetamineCdsFactory
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private (Guid Readable, Guid Altered, long Sequence)? _logged;

        public string Patient { get; } = "MRN-UNREADABLE";

        public async Task<(Guid Readable, Guid Altered, long Sequence)> LogAsync()
        {
            await _once.WaitAsync();
            try
            {
                if (_logged is { } logged)
                {
                    return logged;
                }

                var psychiatrist = await CreateApiClientAsync(Psychiatrist);
                var ids = new List<Guid>();
                for (var i = 0; i < 2; i++)
                {
                    ids.Add(await RecordScreeningThroughApiAsync(Patient, psychiatrist));
                }

                var screening = await Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(ids[1]);
                await ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\";"
                    + $"UPDATE \"DecisionLogEntries\" SET \"HistoryJson\" = '{{not json' WHERE \"Sequence\" = {screening!.Sequence};");
                _logged = (ids[0], ids[1], screening.Sequence);
                return _logged.Value;
            }
            finally
            {
                _once.Release();
            }
        }

        public async Task<List<AccessLogEntry>> AccessEventsAsync(string correlationId)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>().AccessEvents.AsNoTracking()
                .Where(e => e.CorrelationId == correlationId).ToListAsync();
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

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
