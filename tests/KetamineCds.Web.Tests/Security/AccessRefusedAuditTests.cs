using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// QA158 F1 (OWASP ASVS 4.0.3 V7.2.2): every refusal of a signed-in user (an API 403, a page's access denied) is recorded
/// in the access log as <c>access-refused</c>, with the user, the role they act in, the path, the policy and the roles it
/// allows, the query as sent and the request's correlation id; the answer itself is what it was. Allowed requests and
/// signed-out ones (a 401, the sign-in redirect) record no refusal. The auditor reads them on /Audit/Access, in words,
/// filtered by their kind, and in access.csv.
/// </summary>
public sealed partial class AccessRefusedAuditTests(AccessRefusedAuditTests.App app) : IClassFixture<AccessRefusedAuditTests.App>
{
    private const string Refused = "access-refused";

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/api/v1/audit/export.csv", "", "Audit (role Auditor)")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/api/v1/audit/export.jsonl", "", "Audit (role Auditor)")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/api/v1/audit/access.csv", "", "Audit (role Auditor)")]
    [InlineData(KetamineCdsFactory.Admin, "/api/v1/screenings", "?patientReference=X1", "ReadScreening (roles Psychiatrist, ClinicStaff, Auditor)")]
    public async Task Api_WrongRole_Is403AsBefore_AndIsRecordedWithUserPathPolicyQueryAndCorrelationId(string email, string path, string query, string policy)
    {
        var client = await app.ApiClientAsync(email);
        var correlation = "qa158-" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Get, path + query);
        request.Headers.Add("X-Correlation-Id", correlation);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var refused = await app.ByCorrelationAsync(correlation);
        Assert.Equal((Refused, email, path), (refused.Kind, refused.UserEmail, refused.Subject));
        Assert.Equal(email == KetamineCdsFactory.Admin ? "Admin" : "Psychiatrist", refused.Role);
        Assert.Equal($"api GET; policy {policy}" + (query.Length > 0 ? "; query " + query : ""), refused.Detail);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Audit", "Audit (role Auditor)")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Audit/Verify", "Audit (role Auditor)")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Audit/Access", "Audit (role Auditor)")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Admin/Users", "Admin (role Admin)")]
    [InlineData(KetamineCdsFactory.Admin, "/Screenings/New", "ReadScreening, CreateScreening (role Psychiatrist)")]
    public async Task Page_WrongRole_IsSentToAccessDeniedAsBefore_AndIsRecorded(string email, string path, string policy)
    {
        var client = await app.PageClientAsync(email);
        var correlation = "qa158-" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Correlation-Id", correlation);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
        var refused = await app.ByCorrelationAsync(correlation);
        Assert.Equal((Refused, email, path, $"page GET; policy {policy}"), (refused.Kind, refused.UserEmail, refused.Subject, refused.Detail));
    }

    [Fact]
    public async Task Page_OverridePostedByClinicStaff_IsRefusedAsBefore_AndIsRecorded()
    {
        // The result page checks the override's policy itself (Details.OnPostOverrideAsync), not the middleware.
        var id = await app.Factory.RecordScreeningThroughApiAsync("MRN-REFUSED-OVERRIDE");
        var staff = await app.PageClientAsync(KetamineCdsFactory.Staff);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(staff, $"/Screenings/{id}");
        var correlation = "qa158-" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Screenings/{id}?handler=Override")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Override.Decision"] = "Proceed",
                ["Override.Reason"] = "BenefitOutweighsRiskAfterReview",
                ["Override.Explanation"] = KetamineCdsFactory.OverrideExplanation,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("X-Correlation-Id", correlation);

        using var response = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var refused = await app.ByCorrelationAsync(correlation);
        Assert.Equal((Refused, KetamineCdsFactory.Staff, "ClinicStaff", $"/Screenings/{id}", "page POST; policy CreateScreening (role Psychiatrist); query ?handler=Override"),
            (refused.Kind, refused.UserEmail, refused.Role, refused.Subject, refused.Detail));
    }

    [Fact]
    public async Task AllowedRequests_AndSignedOutOnes_RecordNoRefusal()
    {
        var auditorPage = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var auditorApi = await app.ApiClientAsync(KetamineCdsFactory.Auditor);
        var psychiatristApi = await app.ApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var anonymous = app.Factory.CreateRawClient();
        var before = await app.CountAsync(Refused);

        foreach (var (client, path, status) in new[]
        {
            (auditorPage, "/Audit", HttpStatusCode.OK),
            (auditorPage, "/Audit/Access", HttpStatusCode.OK),
            (auditorApi, "/api/v1/audit/access.csv", HttpStatusCode.OK),
            (psychiatristApi, "/api/v1/screenings?patientReference=X1", HttpStatusCode.OK),
            (anonymous, "/Audit", HttpStatusCode.Redirect),
            (anonymous, "/api/v1/audit/export.csv", HttpStatusCode.Unauthorized),
        })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await app.CountAsync(Refused));
    }

    [Theory]
    [InlineData("en", "Refused: the role does not allow it", "Web page, GET: allowed for Auditor only (policy Audit); query ?patientReference=MRN-TRIED")]
    [InlineData("zh-CN", "被拒绝：角色无此权限", "网页，GET：仅限审计员（策略 Audit）；查询 ?patientReference=MRN-TRIED")]
    public async Task AccessLogPage_ShowsRefusalsInWords_FiltersByTheirKind_AndExportsThem(string language, string words, string detail)
    {
        var psychiatrist = await app.PageClientAsync(KetamineCdsFactory.Psychiatrist);
        using (var refused = await psychiatrist.GetAsync("/Audit?patientReference=MRN-TRIED"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        var auditor = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Audit/Access?kind=" + Refused);
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var response = await auditor.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<option value=\"{Refused}\" selected=\"selected\">{words} ({Refused})</option>", html, StringComparison.Ordinal);
        var rows = Rows().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains($"{words} <code class=\"audit-code\"><span class=\"kind-piece\">access-</span><wbr /><span class=\"kind-piece\">refused</span></code>", r, StringComparison.Ordinal));
        var newest = rows[0];
        Assert.Contains("psychiatrist", newest, StringComparison.Ordinal);
        Assert.Contains($"{detail} <code class=\"recorded-text\" lang=\"en\">page GET; policy Audit (role Auditor); query ?patientReference=MRN-TRIED</code>", newest, StringComparison.Ordinal);

        using var csv = await auditor.GetAsync("/Audit/Access?handler=Csv&kind=" + Refused);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains($",{Refused},", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"{KetamineCdsFactory.Psychiatrist},Psychiatrist,{Refused},/Audit,page GET; policy Audit (role Auditor); query ?patientReference=MRN-TRIED,", StringComparison.Ordinal));
    }

    [GeneratedRegex("<tr>\\s*<td class=\"access-when\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    /// <summary>One app for the class, with a signed-in client per account and channel, and the access log behind it.</summary>
    public sealed class App : IDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public KetamineCdsFactory Factory { get; } = new();

        public async Task<HttpClient> PageClientAsync(string email) =>
            _clients.TryGetValue("page " + email, out var client) ? client : _clients["page " + email] = await Factory.CreatePageClientAsync(email);

        public async Task<HttpClient> ApiClientAsync(string email) =>
            _clients.TryGetValue("api " + email, out var client) ? client : _clients["api " + email] = await Factory.CreateApiClientAsync(email);

        public async Task<int> CountAsync(string kind)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return await db.AccessEvents.CountAsync(e => e.Kind == kind);
        }

        /// <summary>The one access event of a request, found by the correlation id the test sent.</summary>
        public async Task<AccessLogEntry> ByCorrelationAsync(string correlationId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return Assert.Single(await db.AccessEvents.Where(e => e.CorrelationId == correlationId).ToListAsync());
        }

        public void Dispose() => Factory.Dispose();
    }
}
