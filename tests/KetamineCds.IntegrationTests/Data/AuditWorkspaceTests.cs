using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Pages.Audit;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// The auditor's pages and API on a host that wires them the way Program.cs will (infrastructure, the "Audit"
/// policy for the Auditor role, MapAuditApi, Razor Pages), with a test sign-in taken from a request header.
/// </summary>
public sealed class AuditWorkspaceTests : IAsyncLifetime
{
    private LogStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private readonly string _checkpoints = Path.Combine(Path.GetTempPath(), "ketaminecds-workspace-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _store = await LogStore.SqliteAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddKetamineCdsInfrastructure(_store.Settings);
        builder.Services.AddKetamineCdsCheckpoints(new CheckpointSettings(
            Path.Combine(_checkpoints, "checkpoints"), Path.Combine(_checkpoints, "key.pem"), true, CheckpointSettings.DefaultInterval, [], []));
        builder.Services.AddAuthentication(HeaderAuth.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuth>(HeaderAuth.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(AuditRequest.Policy, p => p.RequireRole("Auditor"));
        builder.Services.AddRazorPages().AddApplicationPart(typeof(IndexModel).Assembly);
        builder.Services.AddKetamineCdsLocalization();
        builder.Services.AddKetamineCdsClinic();
        _app = builder.Build();
        _app.UseRouting();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapRazorPages();
        _app.MapAuditApi();
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Add(HeaderAuth.Header, "Auditor");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        if (Directory.Exists(_checkpoints))
        {
            Directory.Delete(_checkpoints, recursive: true);
        }
    }

    [Fact]
    public async Task VerifyApi_HonestLog_AnswersTheContractShape()
    {
        await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2"));

        var json = await _client.GetStringAsync(new Uri("/api/v1/audit/verify", UriKind.Relative));

        // The contract's three fields come first, unchanged; 1.1 adds the checkpoints' fields after them.
        Assert.StartsWith("{\"checked\":2,\"intact\":true,\"firstBrokenId\":null,", json, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(json);
        Assert.Equal("full", body.RootElement.GetProperty("mode").GetString());
        Assert.True(body.RootElement.GetProperty("checkpoints").GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("failedCheckpoint").ValueKind);
    }

    [Fact]
    public async Task VerifyApi_TamperedLog_NamesTheEntry()
    {
        await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        var second = await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2"));
        await _store.DisableTriggersAsync();
        await _store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-9' WHERE \"Sequence\" = 2");

        using var body = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/v1/audit/verify", UriKind.Relative)));

        Assert.False(body.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(second.Id, body.RootElement.GetProperty("firstBrokenId").GetGuid());
    }

    [Fact]
    public async Task VerifyApi_NotAnAuditor_IsForbidden()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/verify");
        request.Headers.Add(HeaderAuth.Header, "Psychiatrist");
        using var client = _app.GetTestClient();

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ExportCsv_Filter_StreamsMatchingRowsAndRecordsTheExport()
    {
        var other = await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        var wanted = await _store.Log.RecordScreeningAsync(Screenings.Submit("=cmd|' /C calc'!A0"));

        using var filtered = await _client.GetAsync(new Uri("/api/v1/audit/export.csv?patient=MRN-1", UriKind.Relative));
        var filteredLines = (await filtered.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        using var response = await _client.GetAsync(new Uri("/api/v1/audit/export.csv", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv; charset=utf-8", filtered.Content.Headers.ContentType?.ToString());
        Assert.Equal(2, filteredLines.Length);
        Assert.StartsWith(other.Id + ",1,", filteredLines[1], StringComparison.Ordinal);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,sequence,recordedAt", lines[0], StringComparison.Ordinal);
        // A stored reference that a spreadsheet would run as a formula is written guarded.
        var row = Assert.Single(lines, l => l.StartsWith(wanted.Id + ",2,", StringComparison.Ordinal));
        Assert.Contains(",'=cmd|' /C calc'!A0,", row, StringComparison.Ordinal);
        Assert.Equal(new ChainVerification(2, true, null), await _store.Access.VerifyAsync());

        // As a filter it is refused, as the list API refuses it (QA14a P11): nothing exported, nothing recorded.
        using var refused = await _client.GetAsync(new Uri("/api/v1/audit/export.csv?patient=%3Dcmd%7C%27%20%2FC%20calc%27%21A0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(new ChainVerification(2, true, null), await _store.Access.VerifyAsync());
    }

    [Fact]
    public async Task AuditPages_LoggedScreening_RenderListDetailReplayVerifyAndImpact()
    {
        var logged = await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-42"));
        await _store.Log.RecordOverrideAsync(new OverrideSubmission(logged.Id, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "Declined", Screenings.Psychiatrist, "c"));

        var list = await _client.GetStringAsync(new Uri("/Audit?patient=MRN-42", UriKind.Relative));
        var detail = await _client.GetStringAsync(new Uri("/Audit/Screening/" + logged.Id, UriKind.Relative));
        var replay = await _client.GetStringAsync(new Uri("/Audit/Replay/" + logged.Id, UriKind.Relative));
        var verify = await _client.GetStringAsync(new Uri("/Audit/Verify?run=true", UriKind.Relative));
        var impact = await _client.GetStringAsync(new Uri("/Audit/Impact?run=true", UriKind.Relative));

        Assert.Contains("/Audit/Screening/" + logged.Id, list, StringComparison.Ordinal);
        Assert.Contains("Declined", detail, StringComparison.Ordinal);
        Assert.Contains("view-screening", await _client.GetStringAsync(new Uri("/Audit/Screening/" + logged.Id, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Reproduced exactly", replay, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", verify, StringComparison.Ordinal);
        Assert.Contains("1 screening examined", impact, StringComparison.Ordinal);
        foreach (var page in new[] { list, detail, replay, verify, impact })
        {
            Assert.DoesNotContain("style=", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/Audit", 6)]
    [InlineData("/Audit/Impact", 4)]
    [InlineData("/Audit/Verify", 2)]
    [InlineData("/Audit/Checkpoints", 1)]
    public async Task AuditPages_EveryControl_HasALabelAndEveryTableHeaders(string url, int visibleControls)
    {
        await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        // The decision log's list and the checkpoints take only their own names (an unknown query name is refused, QA158
        // F11; the checkpoints have no filters): "run" is the other pages'.
        var html = await _client.GetStringAsync(new Uri(url is "/Audit" or "/Audit/Checkpoints" ? url : url + "?run=true", UriKind.Relative));

        var controls = System.Text.RegularExpressions.Regex.Matches(html, "<(input|select|textarea)\\b[^>]*>")
            .Select(m => m.Value)
            .Where(tag => !tag.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(visibleControls, controls.Count);
        Assert.All(controls, tag =>
        {
            var id = System.Text.RegularExpressions.Regex.Match(tag, "id=\"([^\"]+)\"").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(id), tag);
            Assert.Contains($"<label for=\"{id}\"", html, StringComparison.Ordinal);
        });
        var tables = System.Text.RegularExpressions.Regex.Matches(html, "<table\\b.*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.All(tables, t => Assert.Contains("<th scope=\"col\">", t.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditIndex_MoreThanAPage_LinksToTheNextPageByCursor()
    {
        for (var i = 0; i < IndexModel.PageSize + 3; i++)
        {
            await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-" + i));
        }

        var first = await _client.GetStringAsync(new Uri("/Audit", UriKind.Relative));
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/Audit\\?before=[^\"]+)\"").Groups[1].Value;
        var second = await _client.GetStringAsync(new Uri(WebUtility.HtmlDecode(next), UriKind.Relative));

        Assert.NotEmpty(next);
        Assert.Contains("(3 shown)", second, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
    }

    /// <summary>Signs the request in with the role named in a header; no header, no user.</summary>
    private sealed class HeaderAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";
        public const string Header = "X-Test-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, "u-1"), new Claim(ClaimTypes.Name, "auditor@demo.local"), new Claim(ClaimTypes.Email, "auditor@demo.local"), new Claim(ClaimTypes.Role, role.ToString())],
                SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
