using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>Regression tests for the smaller defects of issue 15, one or more per defect.</summary>
public sealed partial class SmallDefectTests(SmallDefectTests.App app) : IClassFixture<SmallDefectTests.App>
{
    [Theory]
    [InlineData("MRN-1\n")]
    [InlineData("MRN-1\r\n")]
    [InlineData("\nMRN-1")]
    public async Task CreateScreening_PatientReferenceWithANewline_IsRefused(string reference)
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await client.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(reference));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("patientReference", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListScreenings_PatientReferenceWithANewline_IsTrimmedAtItsEndsAndRefusedInside()
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);

        // Whitespace around a pasted reference is not part of it (the search trims it); inside, a newline is refused.
        using var trailing = await client.GetAsync("/api/v1/screenings?patientReference=MRN-1%0A");
        using var inside = await client.GetAsync("/api/v1/screenings?patientReference=MRN%0A-1");

        Assert.Equal(HttpStatusCode.OK, trailing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inside.StatusCode);
    }

    [Theory]
    [InlineData("{\"patientReference\":\"MRN-\\uD800\"}")]
    [InlineData("{\"patientReference\":\"MRN-\\uDC00x\"}")]
    [InlineData("{\"\\uD800\":1}")]
    public async Task CreateScreening_LoneSurrogateInTheJson_Is400NotA500(string json)
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await client.PostAsync("/api/v1/screenings", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateScreening_InvalidUtf8InTheBody_Is400NotA500()
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);
        var bytes = Encoding.UTF8.GetBytes("{\"patientReference\":\"MRN-X\"}");
        bytes[21] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/api/v1/screenings", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"email\":\"a\\uD800@clinic.example\",\"password\":\"x\"}")]
    [InlineData("{\"email\":\"a@clinic.example\",\"password\":\"\\uDFFF\"}")]
    public async Task Login_LoneSurrogateInTheJson_Is400NotA500(string json)
    {
        using var response = await app.Factory.CreateRawClient().PostAsync("/api/auth/login", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/auth/login", "not json", null, "The request body could not be read: send one JSON object")]
    [InlineData("/api/auth/login", "[1, 2]", null, "The request body could not be read: send one JSON object")]
    [InlineData("/api/auth/password", "not json", KetamineCdsFactory.Psychiatrist, "The request body could not be read: send one JSON object")]
    [InlineData("/api/auth/login", "not json", "zh", "无法读取请求正文：请发送一个 JSON 对象")]
    public async Task Api_BodyTheBinderCannotRead_Is400ProblemThatSaysWhatToSendAndEchoesNothing(string path, string body, string? who, string detail)
    {
        var client = who is null or "zh" ? app.Factory.CreateRawClient() : await app.ClientAsync(who);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (who == "zh")
        {
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/auth/login", "{\"email\":\"a@clinic.example\",\"password\":\"x\" x}", "line 1, byte ")]
    [InlineData("/api/auth/login", "not json", "line 1, byte ")]
    [InlineData("/api/auth/refresh", "{\"refreshToken\":\"abc\"", "line 1, byte ")]
    public async Task Auth_BodyThatIsNotJson_SaysWhereItStopsBeingJson(string path, string body, string where)
    {
        // QA walk, session 47: a broken body gave only "could not be read", where the screening API names the line and byte.
        using var response = await app.Factory.CreateRawClient().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty("$")[0].GetString();
        Assert.Contains("is not valid JSON (line 1, ", message, StringComparison.Ordinal);
        Assert.Contains(where, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_InvalidUtf8InTheBody_Is400NotA500()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"email\":\"aX@clinic.example\",\"password\":\"x\"}");
        bytes[11] = 0xC3; // a lead byte with no continuation
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        using var response = await app.Factory.CreateRawClient().PostAsync("/api/auth/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/Audit?to=9999-12-31", "&#x27;to&#x27; must be a date between")]
    [InlineData("/Audit?from=0001-01-01", "&#x27;from&#x27; must be a date between")]
    [InlineData("/Audit?from=2026-02-01&to=2026-01-01", "<a href=\"#filter-from\">The start of the period (&#x27;from&#x27;) must not be after its end (&#x27;to&#x27;).</a>")]
    [InlineData("/Audit/Impact?run=true&to=9999-12-31", "&#x27;to&#x27; must be a date between")]
    public async Task AuditPages_DateOutOfRange_Answer400WithAFieldMessage(string path, string message)
    {
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditCsvExport_DateOutOfRange_Is400ProblemBeforeAnyCsvAndRecordsNoExport()
    {
        var page = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var api = await app.ClientAsync(KetamineCdsFactory.Auditor);
        var exportsBefore = await app.CountAccessEventsAsync("export");

        using var fromPage = await page.GetAsync("/Audit?handler=Csv&to=9999-12-31");
        using var fromApi = await api.GetAsync("/api/v1/audit/export.csv?to=9999-12-31");

        foreach (var response in new[] { fromPage, fromApi })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("must be a date between", problem.RootElement.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(exportsBefore, await app.CountAccessEventsAsync("export"));
    }

    [Fact]
    public async Task AuditPage_ExportLink_DownloadsTheCsvWithThePagesCookie()
    {
        var psychiatrist = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-CSV-LINK"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var auditor = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var html = await auditor.GetStringAsync("/Audit?patient=MRN-CSV-LINK");
        var href = WebUtility.HtmlDecode(ExportLink().Match(html).Groups["href"].Value);
        Assert.StartsWith("/Audit?", href, StringComparison.Ordinal);

        using var csv = await auditor.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,sequence,recordedAt", lines[0], StringComparison.Ordinal);
        Assert.Contains(",MRN-CSV-LINK,", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/audit/verify", true, "verify")]
    [InlineData("/Audit/Verify?run=true", false, "verify")]
    [InlineData("/api/v1/ruleset", true, null)]
    public async Task AccessEvents_ForgedCorrelationIdHeader_RecordTheSanitisedIdNeverTheRawHeader(string path, bool api, string? kind)
    {
        var client = api ? await app.ClientAsync(KetamineCdsFactory.Auditor) : await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var forged = "evil<script>" + new string('x', 100);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", forged);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.NotEqual(forged, echoed);
        Assert.Matches("^[0-9a-f]{32}$", echoed);
        Assert.Equal(0, await app.CountAccessEventsAsync(null, forged));
        if (kind is not null)
        {
            Assert.Equal(1, await app.CountAccessEventsAsync(kind, echoed));
        }
    }

    [Fact]
    public async Task AdministratorAction_RecordsTheRequestsCorrelationId()
    {
        var admin = await app.PageClientAsync(KetamineCdsFactory.Admin);
        var id = await app.Factory.UserIdAsync(KetamineCdsFactory.Staff);
        // Locked first: an unlock of an account that is not locked changes nothing and records nothing (QA169 F2).
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KetamineCds.Infrastructure.Identity.ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(admin, $"/Admin/Users/Edit/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Admin/Users/Edit/{id}?handler=Unlock")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Correlation-Id", "admin-unlock-42");

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.CountAccessEventsAsync("user-administration", "admin-unlock-42"));
    }

    [Theory]
    [InlineData("/Screenings/New")]
    [InlineData("/Admin/Users")]
    public async Task ForgedHostHeader_NeverComesBackInARedirect(string path)
    {
        var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example") });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_ForgedHostHeader_IsNotListedAsAServer()
    {
        var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("evil.example", document, StringComparison.Ordinal);
        Assert.Contains("/api/auth/logout", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_HostileEmails_AreStoredFittedAndWithoutControlOrBidiCharacters()
    {
        var client = app.Factory.CreateRawClient();
        var hostile = new[]
        {
            new string('a', 300_000) + "@clinic.example",
            "victim@clinic.example\r\n2026-01-01 sign-in admin@clinic.example",
            "\u202Eelpmaxe.cinilc@nimda",
            "<script>alert(1)</script>@clinic.example",
        };

        foreach (var email in hostile)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong!Passw0rd1" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var stored = await app.StoredEmailsAsync("sign-in-failed");
        Assert.Contains(stored, e => e.Length == AccessLogColumns.UserEmail && e.EndsWith(LogText.Ellipsis));
        // Escaped since QA P11 (U+FFFD before): what was typed can be read, and still cannot forge a line or reorder text.
        Assert.Contains(@"victim@clinic.example\r\n2026-01-01 sign-in admin@clinic.example", stored);
        Assert.Contains(@"\u202Eelpmaxe.cinilc@nimda", stored);
        Assert.Contains("<script>alert(1)</script>@clinic.example", stored);
        Assert.All(stored, e => Assert.DoesNotMatch(@"[\p{Cc}\p{Cf}]", e));
    }

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]+)\"[^>]*>Export these as CSV</a>")]
    private static partial Regex ExportLink();

    /// <summary>One app for these tests, with signed-in clients per account.</summary>
    public sealed class App : IDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public KetamineCdsFactory Factory { get; } = new();

        public async Task<HttpClient> ClientAsync(string email) =>
            _clients.TryGetValue("api:" + email, out var client) ? client : _clients["api:" + email] = await Factory.CreateApiClientAsync(email);

        public async Task<HttpClient> PageClientAsync(string email) =>
            _clients.TryGetValue("page:" + email, out var client) ? client : _clients["page:" + email] = await Factory.CreatePageClientAsync(email);

        public async Task<int> CountAccessEventsAsync(string? kind, string? correlationId = null)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return await db.AccessEvents.CountAsync(e => (kind == null || e.Kind == kind) && (correlationId == null || e.CorrelationId == correlationId));
        }

        public async Task<List<string>> StoredEmailsAsync(string kind)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return await db.AccessEvents.Where(e => e.Kind == kind).Select(e => e.UserEmail).ToListAsync();
        }

        public void Dispose() => Factory.Dispose();
    }
}
