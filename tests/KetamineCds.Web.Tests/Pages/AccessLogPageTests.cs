using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The auditor's access log page (/Audit/Access): auditors only; newest first with what happened in words and in the
/// log's spelling; who (any letter case), kind, subject and date filters, with a field message and nothing listed for one
/// it cannot use; keyset pages; a CSV export of the same filter with formulas neutralised; every view and export is
/// itself in the log.
/// </summary>
public sealed partial class AccessLogPageTests(AccessLogPageTests.App app) : IClassFixture<AccessLogPageTests.App>
{
    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Audit/Access")]
    [InlineData(KetamineCdsFactory.Staff, "/Audit/Access")]
    [InlineData(KetamineCdsFactory.Admin, "/Audit/Access")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Audit/Access?handler=Csv")]
    [InlineData(KetamineCdsFactory.Admin, "/Audit/Access?handler=Csv")]
    public async Task AccessLog_NotAnAuditor_IsSentToAccessDeniedAndNothingIsRecorded(string email, string path)
    {
        var client = await app.PageClientAsync(email);
        var views = await app.CountAsync("view-access-log");
        var exports = await app.CountAsync("export");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(views, await app.CountAsync("view-access-log"));
        Assert.Equal(exports, await app.CountAsync("export"));
    }

    [Fact]
    public async Task AccessLog_Anonymous_IsSentToSignIn()
    {
        using var response = await app.Factory.CreateRawClient().GetAsync("/Audit/Access");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLog_Auditor_ListsNewestFirstInWordsAndCodeAndRecordsItsOwnView()
    {
        using (var failed = await app.Factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = "Staff@Demo.local", password = "Wrong!Passw0rd9" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit/Access");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(html);
        Assert.True(rows.Count >= 3, html);
        Assert.Equal(rows.Select(r => r.Sequence).OrderDescending(), rows.Select(r => r.Sequence));
        // This very view is the newest event: who, role, what in words beside the log's spelling, subject, detail.
        Assert.Contains("<td class=\"access-who\">auditor<wbr /><span class=\"email-domain\">@demo<wbr />.local</span></td>", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"access-role\"><span class=\"role-name\">Auditor</span></td>", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains("Viewed the access log <code class=\"audit-code\"><span class=\"kind-piece\">view-</span><wbr /><span class=\"kind-piece\">access-</span><wbr /><span class=\"kind-piece\">log</span></code>", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"access-subject\"><span class=\"subject-part\">access-log</span></td>", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"access-detail\">Audit workspace</td>", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Html.Contains("Staff<wbr /><span class=\"email-domain\">@Demo<wbr />.local</span>", StringComparison.Ordinal)
            && r.Html.Contains("Failed attempt <code class=\"audit-code\"><span class=\"kind-piece\">sign-</span><wbr /><span class=\"kind-piece\">in-</span><wbr /><span class=\"kind-piece\">failed</span></code>", StringComparison.Ordinal));
        var view = await app.LastAsync("view-access-log");
        Assert.Equal((KetamineCdsFactory.Auditor, "Auditor", "access-log", "audit workspace"), (view.UserEmail, view.Role, view.Subject, view.Detail));
        Assert.Equal(view.Sequence, rows[0].Sequence);
    }

    [Theory]
    [InlineData("en", "No role recorded")]
    [InlineData("zh-CN", "未记录角色")]
    public async Task AccessLog_SignInRow_SaysNoRoleWasRecorded_AndWrapsTheEmailBeforeItsAtAndTheDomainOnlyBeforeADot(string language, string noRole)
    {
        // A sign-in attempt for an email no account has is recorded without a role (AccessAuditing.RecordSignInAsync).
        await app.RecordAsync(AccessEventKind.SignIn, $"first.last@ward-{language}.clinic.example", null, "page");
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, $"/Audit/Access?who=first.last@ward-{language}.clinic.example", language);

        var row = Assert.Single(Rows(html)).Html;
        Assert.Contains($"<td class=\"access-who\">first.last<wbr /><span class=\"email-domain\">@ward-{language}<wbr />.clinic<wbr />.example</span></td>", row, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"access-role\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">{noRole}</span></td>", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auditor@demo.local", new[] { "auditor", "@demo", ".local" })]
    [InlineData("first.last@clinic.example.org", new[] { "first.last", "@clinic", ".example", ".org" })]
    [InlineData("a@b@c.d", new[] { "a@b", "@c", ".d" })]
    [InlineData("no-at-sign", new[] { "no-at-sign" })]
    [InlineData("@leading.at", new[] { "@leading.at" })]
    [InlineData("trailing@..dots.", new[] { "trailing", "@.", ".dots", "." })]
    [InlineData("", new[] { "" })]
    public void EmailPieces_BreakOnlyBeforeTheAtAndTheDomainsDots_AndJoinBackToTheEmail(string email, string[] pieces)
    {
        Assert.Equal(pieces, AccessEventTexts.EmailPieces(email));
        Assert.Equal(email, string.Concat(AccessEventTexts.EmailPieces(email)));
    }

    [Fact]
    public async Task AccessLog_InChinese_SaysWhatHappenedAndTheFixedDetailInChineseBesideWhatWasRecorded()
    {
        await app.RecordAsync(AccessEventKind.SignIn, "zh.reader@clinic.example", null, "page, recovery code");
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Audit/Access?who=zh.reader@clinic.example", "zh-CN");

        var row = Assert.Single(Rows(html));
        Assert.Contains("已登录 <code class=\"audit-code\"><span class=\"kind-piece\">sign-in</span></code>", row.Html, StringComparison.Ordinal);
        Assert.Contains("网页，恢复码 <code class=\"recorded-text\" lang=\"en\">page, recovery code</code>", row.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>访问日志</h1>", html, StringComparison.Ordinal);

        // The role is one word that must not wrap a character a line (审计员 at 1280 px).
        var views = await GetAsync(client, $"/Audit/Access?who={KetamineCdsFactory.Auditor}&kind=view-access-log", "zh-CN");
        Assert.Contains("<td class=\"access-role\"><span class=\"role-name\">审计员</span></td>", Rows(views)[0].Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("created user zh.admin1@clinic.example with role ClinicStaff", "创建了账户 zh.admin1@clinic.example，角色：诊所工作人员")]
    [InlineData("set roles of zh.admin2@clinic.example to [Auditor, ClinicStaff]", "将 zh.admin2@clinic.example 的角色设为：审计员、诊所工作人员")]
    [InlineData("locked zh.admin3@clinic.example; reason: left; the clinic", "锁定了 zh.admin3@clinic.example；原因：left; the clinic")]
    [InlineData("unlocked zh.admin4@clinic.example", "解锁了 zh.admin4@clinic.example")]
    [InlineData("reset the password of zh.admin5@clinic.example", "重置了 zh.admin5@clinic.example 的密码")]
    [InlineData("reset the second factor of zh.admin6@clinic.example; reason: phone lost", "重置了 zh.admin6@clinic.example 的第二重验证；原因：phone lost")]
    public async Task AccessLog_InChinese_AnAdministratorsChangeToAnAccountIsInChineseBesideWhatWasRecorded(string recorded, string chinese)
    {
        // QA169 F3: the administrator's events (creating, locking, unlocking, roles, resets) were shown only in the
        // recorded English on the Chinese pages (the access log, an account's events), unlike every other fixed detail.
        var email = Regex.Match(recorded, @"zh\.admin\d@clinic\.example").Value;
        await app.RecordAsync(AccessEventKind.UserAdministration, KetamineCdsFactory.Admin, "user:" + email, recorded);
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Audit/Access?kind=user-administration&subject=" + Uri.EscapeDataString("user:" + email), "zh-CN");

        var row = Assert.Single(Rows(html));
        var text = WebUtility.HtmlDecode(Regex.Replace(row.Html, "<(?!/?code)[^>]*>", ""));
        Assert.Contains(chinese + " <code class=\"recorded-text\" lang=\"en\">" + recorded + "</code>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLog_Filters_WhoInAnyCaseKindSubjectAndDates()
    {
        await app.RecordAsync(AccessEventKind.SignInFailed, "Filter.Who@Clinic.Example", null, "page");
        await app.RecordAsync(AccessEventKind.SignIn, "filter.who@clinic.example", null, "page");
        await app.RecordAsync(AccessEventKind.ViewScreening, "filter.who@clinic.example", "patient:MRN-FILTER-1", "list");
        await app.RecordAsync(AccessEventKind.ViewScreening, "filter.other@clinic.example", "patient:mrn-filter-1", "api list");
        await app.RecordAsync(AccessEventKind.SignInFailed, "filter.who@clinic.example.org", null, "page");
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var who = Rows(await GetAsync(client, "/Audit/Access?who=FILTER.WHO%40clinic.example"));
        var failed = Rows(await GetAsync(client, "/Audit/Access?who=filter.who%40CLINIC.example&kind=sign-in-failed"));
        var subject = Rows(await GetAsync(client, "/Audit/Access?subject=Patient%3AMrn-Filter-1"));
        var recent = Rows(await GetAsync(client, $"/Audit/Access?who=filter.who%40clinic.example&from={yesterday}"));
        var longAgo = await GetAsync(client, "/Audit/Access?who=filter.who%40clinic.example&from=2000-01-01&to=2000-01-31");

        Assert.Equal(3, who.Count);
        Assert.All(who, r => Assert.Matches("<td class=\"access-who\">(Filter.Who<wbr /><span class=\"email-domain\">@Clinic<wbr />.Example|filter.who<wbr /><span class=\"email-domain\">@clinic<wbr />.example)</span></td>", r.Html));
        var onlyFailed = Assert.Single(failed);
        Assert.Contains("Filter.Who<wbr /><span class=\"email-domain\">@Clinic<wbr />.Example</span>", onlyFailed.Html, StringComparison.Ordinal);
        Assert.Equal(2, subject.Count);
        Assert.All(subject, r => Assert.Contains("<span class=\"kind-piece\">view-</span><wbr /><span class=\"kind-piece\">screening</span>", r.Html, StringComparison.Ordinal));
        Assert.Equal(3, recent.Count);
        Assert.Contains("No access events match.", longAgo, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"access-events\"", longAgo, StringComparison.Ordinal);
        // The view records the filter it was read with.
        Assert.Equal("audit workspace; from=2000-01-01; to=2000-01-31; who=filter.who@clinic.example", (await app.LastAsync("view-access-log")).Detail);
    }

    [Fact]
    public async Task AccessLog_MoreThanAPage_OlderLinksWalkEveryEventOnceNewestFirst()
    {
        var recorded = new List<long>();
        for (var i = 0; i < 2 * KetamineCds.Web.Pages.Audit.AccessModel.PageSize + 20; i++)
        {
            await app.RecordAsync(AccessEventKind.Export, "paging@clinic.example", "paging-subject", "n" + i);
        }

        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var seen = new List<long>();
        var counts = new List<int>();
        string? next = "/Audit/Access?subject=paging-subject";
        while (next is not null)
        {
            var html = await GetAsync(client, next);
            var rows = Rows(html);
            counts.Add(rows.Count);
            seen.AddRange(rows.Select(r => r.Sequence));
            next = NextLink().Match(html) is { Success: true } m ? m.Groups[1].Value : null;
            Assert.True(counts.Count < 5, "the pages never end");
            if (next is not null)
            {
                Assert.Contains("subject=paging-subject", next, StringComparison.Ordinal); // the filter goes with every page
            }
        }

        Assert.Equal([KetamineCds.Web.Pages.Audit.AccessModel.PageSize, KetamineCds.Web.Pages.Audit.AccessModel.PageSize, 20], counts);
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        Assert.Equal(await db.AccessEvents.Where(e => e.Subject == "paging-subject").OrderByDescending(e => e.Sequence).Select(e => e.Sequence).ToListAsync(), seen);
    }

    [Theory]
    [InlineData("from=2026-13-45", "from", "'from' could not be read as a date")]
    [InlineData("to=2026-02-30", "to", "'to' could not be read as a date")]
    [InlineData("Filter.From=2026-13-45", "from", "'from' could not be read as a date")] // QA11 F12: the binder's prefixed spelling
    [InlineData("filter.TO=garbage", "to", "'to' could not be read as a date")]
    [InlineData("Filter.To=2026-01-31&to=garbage", "to", "Query parameters 'to' and 'Filter.To' name the same filter, so it is given more than once; give it once.")] // was "'to' could not be read as a date"
    [InlineData("Filter.From=2026-01-01&from=2026-02-01", "from", "Query parameters 'from' and 'Filter.From' name the same filter, so it is given more than once; give it once.")] // was "'from' was not used as given"
    [InlineData("from=2026-02-01&to=2026-01-01", "from", "The start of the period ('from') must not be after its end ('to').")]
    [InlineData("from=9999-12-31", "from", "'from' must be a date between 2000-01-01 and 2999-12-31.")]
    [InlineData("kind=signin", "kind", "'kind' must be one of: sign-in, sign-out, sign-in-failed,")]
    [InlineData("who=LONG", "who", "'who' can be at most 256 characters")]
    [InlineData("subject=LONG", "subject", "'subject' can be at most 128 characters")]
    [InlineData("who=NUL", "who", "'who' holds a control character or an invisible mark")] // the log writes them escaped (LogText): none matches
    [InlineData("subject=NUL", "subject", "'subject' holds a control character or an invisible mark")]
    [InlineData("who=dr%E2%80%AEwho%40clinic.example", "who", "'who' holds a control character or an invisible mark")]
    public async Task AccessLog_FilterItCannotUse_SaysWhichNextToItListsNothingAndRecordsNothing(string query, string field, string message)
    {
        query = query.Replace("LONG", new string('a', 300), StringComparison.Ordinal).Replace("NUL", "dr%00who%40clinic.example", StringComparison.Ordinal);
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var views = await app.CountAsync("view-access-log");

        using var response = await client.GetAsync("/Audit/Access?" + query);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<p class=\"field-error\" id=\"filter-{field}-error\">", html, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"filter-{field}-error", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("The filter cannot be used", html, StringComparison.Ordinal);
        Assert.Contains("Correct the filter to list access events.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"access-events\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Csv", html, StringComparison.Ordinal);
        Assert.Equal(views, await app.CountAsync("view-access-log"));
    }

    [Fact]
    public async Task AccessLog_UnknownKindInChinese_SaysSoInChinese()
    {
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Audit/Access?kind=signin", "zh-CN", HttpStatusCode.BadRequest);

        Assert.Contains("“kind”必须是以下之一：sign-in, sign-out, sign-in-failed", html, StringComparison.Ordinal);
        Assert.Contains("请更正筛选条件以列出访问事件。", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit/Access?handler=Csv", "access-log")]
    [InlineData("/Audit?handler=Csv", "decision-log")]
    public async Task Csv_Unfiltered_RecordsItsExportAsPlainCsvWithNoTrailingSeparator(string path, string subject)
    {
        // QA11 F9: an unfiltered export recorded its detail as "csv; ".
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await app.LastAsync("export");
        Assert.Equal((subject, "csv"), (export.Subject, export.Detail));
    }

    [Fact]
    public async Task AccessLogCsv_Filtered_ExportsThoseEventsWithFormulasNeutralisedAndIsRecorded()
    {
        await app.RecordAsync(AccessEventKind.SignInFailed, "=HYPERLINK(\"http://evil\")", null, "+SUM(A1:A9)");
        await app.RecordAsync(AccessEventKind.SignInFailed, "someone.else@clinic.example", null, "page");
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit/Access?handler=Csv&kind=sign-in-failed&who=" + Uri.EscapeDataString("=HYPERLINK(\"http://evil\")"));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("^\"?access-log-[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{6}Z\\.csv\"?$", response.Content.Headers.ContentDisposition?.FileName);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("id,sequence,occurredAt,userEmail,role,kind,subject,detail,correlationId,unreadable", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",,sign-in-failed,,'+SUM(A1:A9),", row, StringComparison.Ordinal);
        Assert.DoesNotContain("someone.else", csv, StringComparison.Ordinal);
        var export = await app.LastAsync("export");
        Assert.Equal((KetamineCdsFactory.Auditor, "access-log", "csv; who==HYPERLINK(\"http://evil\"); kind=sign-in-failed"), (export.UserEmail, export.Subject, export.Detail));
    }

    [Theory]
    [InlineData("kind=everything", "kind")]
    [InlineData("Filter.From=garbage", "from")] // QA11 F12: the binder's prefixed spelling exported the whole log
    [InlineData("filter.to=2026-02-30", "to")]
    [InlineData("Filter.From=2026-01-01&from=garbage", "from")]
    public async Task AccessLogCsv_FilterItCannotUse_Is400FieldProblemAndExportsNothing(string query, string field)
    {
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var exports = await app.CountAsync("export");

        using var response = await client.GetAsync("/Audit/Access?handler=Csv&" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(exports, await app.CountAsync("export"));
    }

    [Fact]
    public async Task AccessLogCsvApi_AuditorsBearerToken_ExportsWhatThePageExportsForTheSameFilterAndIsRecorded()
    {
        // For a SIEM or a script: the page's export, with the API's bearer token instead of the page's cookie.
        await app.RecordAsync(AccessEventKind.SignInFailed, "api.export@clinic.example", null, "=cmd|' /C calc'!A0");
        await app.RecordAsync(AccessEventKind.SignInFailed, "someone.other@clinic.example", null, "page");
        var api = await app.Factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var page = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        const string Filter = "kind=sign-in-failed&who=API.Export%40clinic.example&from=2000-01-01";

        using var response = await api.GetAsync("/api/v1/audit/access.csv?" + Filter);
        var csv = await response.Content.ReadAsStringAsync();
        var export = await app.LastAsync("export");
        var fromPage = await page.GetStringAsync("/Audit/Access?handler=Csv&" + Filter);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fromPage, csv);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(AccessLogCsvExport.Header.TrimEnd('\n'), lines[0]);
        Assert.Contains(",'=cmd|' /C calc'!A0,", Assert.Single(lines[1..]), StringComparison.Ordinal);
        Assert.Equal((KetamineCdsFactory.Auditor, "access-log"), (export.UserEmail, export.Subject));
        Assert.StartsWith("csv; from=2000-01-01; who=API.Export@clinic.example; kind=sign-in-failed", export.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind=everything", "kind")]
    [InlineData("from=yesterday", "from")]
    [InlineData("user=someone%40clinic.example", "user")]
    public async Task AccessLogCsvApi_FilterItCannotUse_Is400NamingItAndExportsNothing(string query, string field)
    {
        var api = await app.Factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var exports = await app.CountAsync("export");

        using var response = await api.GetAsync("/api/v1/audit/access.csv?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(exports, await app.CountAsync("export"));
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist)]
    [InlineData(KetamineCdsFactory.Admin)]
    public async Task AccessLogCsvApi_NotAnAuditor_Is403AndExportsNothing(string email)
    {
        var api = await app.Factory.CreateApiClientAsync(email);
        var exports = await app.CountAsync("export");

        using var response = await api.GetAsync("/api/v1/audit/access.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(exports, await app.CountAsync("export"));
    }

    [Theory]
    [InlineData("access-log", new[] { "access-log" }, new[] { true })]
    [InlineData("decision-log", new[] { "decision-log" }, new[] { true })]
    [InlineData("user:0b6a3f1e-5c2d-4e8f-9a7b-1c2d3e4f5a6b", new[] { "user:", "0b6a3f1e-", "5c2d-", "4e8f-", "9a7b-", "1c2d3e4f5a6b" }, new[] { true, false, false, false, false, false })]
    [InlineData("0B6A3F1E-5C2D-4E8F-9A7B-1C2D3E4F5A6B", new[] { "0B6A3F1E-", "5C2D-", "4E8F-", "9A7B-", "1C2D3E4F5A6B" }, new[] { false, false, false, false, false })]
    [InlineData("patient:MRN-12", new[] { "patient:", "MRN-12" }, new[] { true, true })]
    [InlineData("patient:MRN000000123", new[] { "patient:", "MRN000000123" }, new[] { true, true })]
    [InlineData("patient:MRN-TRACE-1024", new[] { "patient:", "MRN-", "TRACE-", "1024" }, new[] { true, true, true, true })]
    [InlineData("patient:MRN0000001234", new[] { "patient:", "MRN0000001234" }, new[] { true, false })]
    [InlineData("patient:KCH-2024-000123456.A", new[] { "patient:", "KCH-", "2024-", "000123456.", "A" }, new[] { true, true, true, true, true })]
    [InlineData("patient:ABCDEFGHIJKLMNOPQRSTUVWXYZ", new[] { "patient:", "ABCDEFGHIJKLMNOPQRSTUVWXYZ" }, new[] { true, false })]
    [InlineData("a/b-c:", new[] { "a/", "b-c:" }, new[] { true, true })]
    [InlineData("", new string[] { }, new bool[] { })]
    public void SubjectPieces_KeepWordsWhole_BreakAfterColonSlashAndBetweenAnIdsGroups_AndJoinBack(string subject, string[] pieces, bool[] whole)
    {
        var cut = AccessEventTexts.SubjectPieces(subject);

        Assert.Equal(pieces, cut.Select(p => p.Text));
        Assert.Equal(whole, cut.Select(p => p.Whole));
        Assert.Equal(subject, string.Concat(cut.Select(p => p.Text)));
    }

    [Theory]
    [InlineData("user-administration", new[] { "user-", "administration" })]
    [InlineData("view-access-log", new[] { "view-", "access-", "log" })]
    [InlineData("export", new[] { "export" })]
    [InlineData("sign-in", new[] { "sign-in" })]
    [InlineData("locked-out", new[] { "locked-out" })]
    [InlineData("", new string[] { })]
    public void KindPieces_ALongOneBreaksAfterItsHyphensOnly_AShortOneStaysWhole_AndJoinBack(string kind, string[] pieces)
    {
        var cut = AccessEventTexts.KindPieces(kind);

        Assert.Equal(pieces, cut);
        Assert.Equal(kind, string.Concat(cut));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task AccessLog_SubjectCell_KeepsEachWordOnOneLine_AndAnIdBreaksBetweenItsGroupsFirst(string language)
    {
        // The review: beside a long email in Who, the subject "access-log" broke as "acces" / "s-log": the cell wrapped
        // anywhere so that an id fits. Now each word is one unbreakable span; an id offers a break after each hyphen.
        var user = Guid.NewGuid();
        await app.RecordAsync(AccessEventKind.AccountSecurity, $"a.very.long.name.of.a.psychiatrist@subject-{language}.clinic.example.org", "user:" + user, "changed own password");
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Audit/Access", language);

        var row = Rows(html).First(r => r.Html.Contains($"subject-{language}", StringComparison.Ordinal)).Html;
        Assert.Contains($"<td class=\"access-subject\"><span class=\"subject-part\">user:</span><wbr />{IdPieces(user)}</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"access-subject\"><span class=\"subject-part\">access-log</span></td>", Rows(html)[0].Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task AccessLog_AnEmailInTheDetail_WrapsAtItsOwnPointsAsInWho_AndTheRestOfTheDetailIsAsRecorded(string language)
    {
        // The review: a long email in the Detail cell (an administrator's "created user ...") wrapped at any letter; it
        // wraps before its @ and its domain's dots, as in the Who column, and is still copied whole.
        await app.RecordAsync(AccessEventKind.UserAdministration, KetamineCdsFactory.Admin, "user:" + Guid.NewGuid(), $"locked first.last@detail-{language}.clinic.example; reason: left the ward (ask a.b@c.org).");
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Audit/Access", language);

        var row = WebUtility.HtmlDecode(Rows(html).First(r => r.Html.Contains($"detail-{language}", StringComparison.Ordinal)).Html);
        // In words in the page's language (QA169 F3), the email and the reason as recorded; a full-width mark after the
        // email in Chinese ends it as a semicolon does.
        var (locked, reason) = language == "en" ? ("Locked ", "; reason: ") : ("锁定了 ", "；原因：");
        Assert.Contains($"<td class=\"access-detail\">{locked}first.last<wbr /><span class=\"email-domain\">@detail-{language}<wbr />.clinic<wbr />.example</span>{reason}left the ward (ask a.b<wbr /><span class=\"email-domain\">@c<wbr />.org</span>).", row, StringComparison.Ordinal);
    }

    /// <summary>An id as the Subject column shows it: a break offered after each hyphen (a group breaks only where it must).</summary>
    private static string IdPieces(Guid id) => string.Join("-<wbr />", id.ToString().Split('-'));

    [Fact]
    public async Task AccessLog_ScreeningAndPatientSubjects_LinkToTheirAuditPages()
    {
        var psychiatrist = await app.Factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-ACCESS-LINK"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await psychiatrist.GetAsync($"/api/v1/screenings/{id}")).Dispose();
        (await psychiatrist.GetAsync("/api/v1/screenings?patientReference=MRN-ACCESS-LINK")).Dispose();
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var byId = await GetAsync(client, "/Audit/Access?subject=" + id.ToString().ToUpperInvariant());
        var byPatient = await GetAsync(client, "/Audit/Access?subject=patient%3AMRN-ACCESS-LINK");
        var screeningPage = await GetAsync(client, $"/Audit/Screening/{id}");

        Assert.Contains($"<a href=\"/Audit/Screening/{id}\">{IdPieces(id)}</a> <span class=\"audit-note\">(screening)</span>", byId, StringComparison.Ordinal);
        Assert.Contains("<td class=\"access-detail\">API</td>", Assert.Single(Rows(byId)).Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Audit?patient=MRN-ACCESS-LINK\"", byPatient, StringComparison.Ordinal);
        // A reference longer than 12 characters wraps after its hyphens, each piece whole.
        Assert.Contains("><span class=\"subject-part\">patient:</span><wbr /><span class=\"subject-part\">MRN-</span><wbr /><span class=\"subject-part\">ACCESS-</span><wbr /><span class=\"subject-part\">LINK</span></a>", byPatient, StringComparison.Ordinal);
        Assert.Contains("A patient's screenings (API) <code class=\"recorded-text\" lang=\"en\">api list</code>", byPatient, StringComparison.Ordinal);
        // The screening's own page says what happened in words, and leads to the whole log about it.
        Assert.Contains("<td data-kind=\"view-screening\">Viewed this entry</td>", screeningPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Audit/Access?subject={id}\"", screeningPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit", "en")]
    [InlineData("/Audit/Access", "en")]
    [InlineData("/Audit/Verify", "en")]
    [InlineData("/Audit/Checkpoints", "en")]
    [InlineData("/Audit/Impact", "en")]
    [InlineData("/Audit/Impact", "zh-CN")]
    [InlineData("/Audit/Checkpoints", "zh-CN")]
    public async Task AuditWorkspace_EveryPage_HasTheSameNavigation_WithThePageShownMarked(string path, string language)
    {
        // The navigation was on three of the five pages, one of them without "Rule set changes", and named the decision
        // log "Screenings" under its heading "Decision log".
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, path, language);

        var nav = Assert.Single(System.Text.RegularExpressions.Regex.Matches(html.ReplaceLineEndings(" "), "<nav class=\"audit-nav\"[^>]*>(.*?)</nav>")).Groups[1].Value;
        var links = System.Text.RegularExpressions.Regex.Matches(nav, "<a href=\"([^\"]+)\"( aria-current=\"page\")?>([^<]+)</a>");
        Assert.Equal(["/Audit", "/Audit/Access", "/Audit/Verify", "/Audit/Checkpoints", "/Audit/Impact", "/Rules/Diff"], links.Select(l => l.Groups[1].Value));
        Assert.Equal(path, Assert.Single(links, l => l.Groups[2].Success).Groups[1].Value);
        Assert.Equal(language == "en" ? "Decision log" : "决策日志", links[0].Groups[3].Value);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task ReplayPage_HasTheAuditNavigation_WithTheDecisionLogMarkedAsTheSectionItIsIn(string language)
    {
        // The replay page had no audit navigation: the auditor left it only by "Back to the screening". It is a page of
        // an entry of the decision log, not one of the workspace's pages: that link is marked as its section ("true",
        // as the header marks "Audit"), none as the page itself.
        var psychiatrist = await app.Factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-REPLAY-NAV"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, $"/Audit/Replay/{id}", language);

        AuditNavigation.AssertMarksTheDecisionLog(html, language);
    }

    private static async Task<string> GetAsync(HttpClient client, string path, string? language = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>The listed events: each row's sequence (its second cell) and its markup.</summary>
    private static List<(long Sequence, string Html)> Rows(string html)
    {
        var table = Table().Match(html);
        return table.Success
            ? [.. Row().Matches(table.Groups[1].Value).Select(m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Value))]
            : [];
    }

    [GeneratedRegex("<table class=\"audit-table\" id=\"access-events\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex("<tr>\\s*<td class=\"access-when\">.*?</td>\\s*<td>(\\d+)</td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex NextLink();

    /// <summary>One app for the class, with a signed-in page client per account, and the access log behind it.</summary>
    public sealed class App : IDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public KetamineCdsFactory Factory { get; } = new();

        public async Task<HttpClient> PageClientAsync(string email) =>
            _clients.TryGetValue(email, out var client) ? client : _clients[email] = await Factory.CreatePageClientAsync(email);

        /// <summary>An event recorded as the app records them (fitted to its columns, chained).</summary>
        public Task RecordAsync(AccessEventKind kind, string email, string? subject, string? detail) =>
            Factory.Services.GetRequiredService<IAccessAudit>().RecordAsync(new AccessEvent(kind, email, null, subject, detail, "test-" + Guid.NewGuid().ToString("N")[..8]));

        public async Task<int> CountAsync(string kind)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return await db.AccessEvents.CountAsync(e => e.Kind == kind);
        }

        public async Task<AccessLogEntry> LastAsync(string kind)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return await db.AccessEvents.Where(e => e.Kind == kind).OrderByDescending(e => e.Sequence).FirstAsync();
        }

        public void Dispose() => Factory.Dispose();
    }
}
