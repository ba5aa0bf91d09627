using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// Helper 230, the rest of helper 229's bad-input walk of the API: an id that is not a UUID is answered as an unknown id
/// is (it was the route constraint's bare 404 "Not Found"); a rule set version that is not a version number is a 400
/// naming the query field (it was 404 "No such rule set"); the 413 of sign-in and the password change states the limit;
/// and the checkpoint routes and the replay refuse a query name they do not read, as the verification does. Each in the
/// request's language.
/// </summary>
public sealed class ApiBadInputTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("GET", "/api/v1/screenings/xyz", "en", "No screening has this id.", "A screening's id is a UUID, such as 0f8fad5b-d9cb-469f-a165-70867728950e; this one is not.")]
    [InlineData("GET", "/api/v1/screenings/12345", "zh-Hans", "没有此 id 的筛查。", "筛查的 id 是 UUID（例如 0f8fad5b-d9cb-469f-a165-70867728950e）；此 id 不是。")]
    [InlineData("POST", "/api/v1/screenings/xyz/corrections", "en", "No screening has this id.", "A screening's id is a UUID, such as 0f8fad5b-d9cb-469f-a165-70867728950e; this one is not.")]
    [InlineData("POST", "/api/v1/screenings/not-a-guid/corrections", "zh-Hans", "没有此 id 的筛查。", "筛查的 id 是 UUID（例如 0f8fad5b-d9cb-469f-a165-70867728950e）；此 id 不是。")]
    public async Task ScreeningId_NotAUuid_Is404AsAnUnknownId_SayingWhy(string method, string path, string language, string title, string detail)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var before = await factory.DecisionLogEntryCountAsync();

        using var response = await SendAsync(client, method, path, language, method == "POST" ? CorrectionBody : null);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await factory.DecisionLogEntryCountAsync());
    }

    /// <summary>
    /// Helper 235 (QA): a UUID no screening has was a 404 with the title alone, where an id that is not a UUID had a detail:
    /// every 404 for an unknown id names the id it looked for, in the request's language, and records nothing.
    /// </summary>
    [Theory]
    [InlineData("GET", "en", "No screening has this id.", "The decision log holds no screening with the id {0}.")]
    [InlineData("GET", "zh-Hans", "没有此 id 的筛查。", "决策日志中没有 id 为 {0} 的筛查。")]
    [InlineData("POST", "en", "No screening has this id.", "The decision log holds no screening with the id {0}, so there is nothing to correct; nothing was recorded.")]
    [InlineData("POST", "zh-Hans", "没有此 id 的筛查。", "决策日志中没有 id 为 {0} 的筛查，因此没有可更正的内容；未记录任何内容。")]
    public async Task ScreeningId_UnknownUuid_Is404WithADetailNamingTheId(string method, string language, string title, string detail)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var id = Guid.NewGuid();
        var before = await factory.DecisionLogEntryCountAsync();
        var accessBefore = await AccessEventsAsync();
        var path = method == "GET" ? $"/api/v1/screenings/{id}" : $"/api/v1/screenings/{id}/corrections";

        using var response = await SendAsync(client, method, path, language, method == "POST" ? CorrectionBody : null);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, detail, id), problem["detail"]?.GetValue<string>());
        Assert.Equal(before, await factory.DecisionLogEntryCountAsync());
        Assert.Equal(accessBefore, await AccessEventsAsync());
    }

    [Fact]
    public async Task ScreeningId_NotAUuid_WithoutSignIn_Is401AsForAUuid()
    {
        using var response = await factory.CreateRawClient().GetAsync("/api/v1/screenings/xyz");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/ruleset?version=abc", "en", "version", "The rule set version is not a version number.", "Not a version number: a rule set's version is three whole numbers separated by dots, such as 1.1.0.")]
    [InlineData("/api/v1/ruleset?version=1.0", "zh-Hans", "version", "规则集版本不是版本号。", "不是版本号：规则集的版本是以点分隔的三个整数，例如 1.1.0。")]
    [InlineData("/api/v1/ruleset/diff?from=abc&to=1.1.0", "en", "from", "The rule set version is not a version number.", "Not a version number: a rule set's version is three whole numbers separated by dots, such as 1.1.0.")]
    [InlineData("/api/v1/ruleset/diff?from=1.0.0&to=v2", "zh-Hans", "to", "规则集版本不是版本号。", "不是版本号：规则集的版本是以点分隔的三个整数，例如 1.1.0。")]
    public async Task RuleSetVersion_NotAVersionNumber_Is400NamingTheField(string path, string language, string field, string title, string message)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
    }

    /// <summary>
    /// Helper 238: the last three 400s of the API titled with ASP.NET's generic "One or more validation errors occurred.":
    /// the rule set's unknown or repeated query name, the diff's missing version, and the password change's refused fields.
    /// Each title says what was refused, in the request's language.
    /// </summary>
    [Theory]
    [InlineData("GET", "/api/v1/ruleset?ver=1.0.0", "en", "The rule set was not looked up: give at most one version, and no other query parameter.")]
    [InlineData("GET", "/api/v1/ruleset?version=1.0.0&version=1.1.0", "zh-Hans", "未查询规则集：最多提供一个 version，且不要提供其他查询参数。")]
    [InlineData("GET", "/api/v1/ruleset/diff?from=1.0.0", "en", "The rule sets were not compared: give one from and one to version, and no other query parameter.")]
    [InlineData("GET", "/api/v1/ruleset/diff?to=1.1.0&x=1", "zh-Hans", "未比较规则集：请各提供一个 from 和 to 版本，且不要提供其他查询参数。")]
    [InlineData("POST", "/api/auth/password", "en", "The password was not changed: some fields need attention.")]
    [InlineData("POST", "/api/auth/password", "zh-Hans", "密码未被更改：部分字段需要处理。")]
    public async Task BadInput_Is400WithATitleSayingWhatWasRefused_NotTheGenericOne(string method, string path, string language, string title)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        // A field that is not a string: no password is checked, so nothing counts towards the lockout.
        var body = method == "POST" ? "{\"currentPassword\": 5, \"newPassword\": \"\"}" : null;

        using var response = await SendAsync(client, method, path, language, body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.NotEmpty(problem["errors"]!.AsObject());
    }

    [Theory]
    [InlineData("/api/v1/ruleset?version=9.9.9")]
    [InlineData("/api/v1/ruleset/diff?from=9.9.9&to=1.1.0")]
    public async Task RuleSetVersion_WellFormedButUnknown_Stays404(string path)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        using var response = await client.GetAsync(path);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No such rule set", problem["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/auth/login", "en", "The body of this request may be at most 1 MB.")]
    [InlineData("/api/auth/refresh", "en", "The body of this request may be at most 1 MB.")]
    [InlineData("/api/auth/password", "zh-Hans", "此请求的正文最多 1 MB。")]
    [InlineData("/api/auth/password", "en", "The body of this request may be at most 1 MB.")]
    public async Task AuthBody_TooLarge_Is413StatingTheLimit(string path, string language, string detail)
    {
        var client = path == "/api/auth/password" ? await factory.CreateApiClientAsync(KetamineCdsFactory.Staff) : factory.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent("{\"email\": \"" + new string('a', 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/api/v1/audit/checkpoints?x=1", "en")]
    [InlineData("POST", "/api/v1/audit/checkpoints?x=1", "en")]
    [InlineData("GET", "/api/v1/audit/checkpoints/key?format=der", "en")]
    [InlineData("GET", "/api/v1/audit/screenings/1/replay?full=true", "zh-Hans")]
    public async Task AuditRoute_QueryNameItDoesNotRead_Is400NamingIt_AndDoesNothing(string method, string path, string language)
    {
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var before = await AccessEventsAsync();

        using var response = await SendAsync(auditor, method, path, language);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var name = path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..path.IndexOf('=', StringComparison.Ordinal)];
        Assert.Equal([name], problem["errors"]!.AsObject().Select(e => e.Key));
        if (language == "en")
        {
            Assert.Equal("The request was refused: the query names a parameter this route does not read.", problem["title"]!.GetValue<string>());
            Assert.Equal($"Unknown query parameter '{name}'; this route reads no query parameters.", problem["errors"]![name]![0]!.GetValue<string>());
        }
        else
        {
            Assert.Equal("请求被拒绝：查询中含有此路由不读取的参数。", problem["title"]!.GetValue<string>());
            Assert.Equal($"未知的查询参数“{name}”；此路由不读取任何查询参数。", problem["errors"]![name]![0]!.GetValue<string>());
        }

        Assert.Equal(before, await AccessEventsAsync());
    }

    /// <summary>
    /// Helper 241 (QA as an integrator): <c>POST /api/v1/audit/checkpoints</c> reads no body, and signed a checkpoint of the
    /// head whatever it was sent (<c>{"sequence": 2}</c> answered 201 as if it had been heeded). A body of any type is a
    /// 400 under "$" naming what was sent, with any query name it does not read beside it; nothing is signed or recorded.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/audit/checkpoints", "{\"sequence\": 2}", "application/json", "This route reads no request body, and this request sent 15 bytes as application/json: send it without a body. Nothing was done or recorded.")]
    [InlineData("/api/v1/audit/checkpoints", "x", "text/plain", "This route reads no request body, and this request sent 1 byte as text/plain: send it without a body. Nothing was done or recorded.")]
    [InlineData("/api/v1/audit/checkpoints?x=1", "{}", "application/json", "This route reads no request body, and this request sent 2 bytes as application/json: send it without a body. Nothing was done or recorded.")]
    public async Task CreateCheckpoint_WithABody_Is400NamingIt_AndSignsNothing(string path, string body, string contentType, string message)
    {
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var before = await AccessEventsAsync();
        var files = CheckpointFiles();

        using var response = await auditor.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request was refused: this route reads no request body.", problem["title"]!.GetValue<string>());
        Assert.Equal(message, problem["errors"]!["$"]![0]!.GetValue<string>());
        Assert.Equal(path.Contains('?', StringComparison.Ordinal) ? ["x", "$"] : ["$"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(files, CheckpointFiles());
        Assert.Equal(before, await AccessEventsAsync());
    }

    /// <summary>The refusal of a body is in the request's language, title and field message alike (it was English only).</summary>
    [Fact]
    public async Task CreateCheckpoint_WithABody_InChinese_Is400InChinese()
    {
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var files = CheckpointFiles();

        using var response = await SendAsync(auditor, "POST", "/api/v1/audit/checkpoints", "zh-Hans", "{\"sequence\": 2}");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("请求被拒绝：此路由不读取请求正文。", problem["title"]!.GetValue<string>());
        Assert.Equal("此路由不读取请求正文，而此请求发送了15 字节（Content-Type 为 application/json）：请不带正文发送。未执行也未记录任何操作。", problem["errors"]!["$"]![0]!.GetValue<string>());
        Assert.Equal(files, CheckpointFiles());
    }

    /// <summary>An empty body (Content-Length: 0, as most clients send a POST without content) is no body: the checkpoint is signed.</summary>
    [Fact]
    public async Task CreateCheckpoint_WithAnEmptyBody_IsSigned()
    {
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-H241-EMPTY-BODY", await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist));

        using var response = await auditor.PostAsync("/api/v1/audit/checkpoints", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// Helper 235's walk: a query parameter on the routes of one screening, and on the one that records a screening, was
    /// ignored (<c>POST /api/v1/screenings?dryRun=true</c> recorded the screening): a 400 naming it, nothing recorded.
    /// </summary>
    [Theory]
    [InlineData("POST", "/api/v1/screenings?dryRun=true", "dryRun")]
    [InlineData("POST", "/api/v1/screenings/{0}/corrections?x=1", "x")]
    [InlineData("GET", "/api/v1/screenings/{0}?include=all", "include")]
    public async Task ScreeningRoute_QueryParameter_Is400NamingIt_AndRecordsNothing(string method, string path, string name)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var id = await factory.RecordScreeningThroughApiAsync("MRN-QUERY-" + name, client);
        var before = await factory.DecisionLogEntryCountAsync();
        var accessBefore = await AccessEventsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id));
        if (method == "POST")
        {
            var body = SampleRequests.Trd("MRN-QUERY-" + name).With("ageYears", 46);
            body["correctionReason"] = "Age entered wrongly.";
            if (!path.Contains("corrections", StringComparison.Ordinal))
            {
                body.Remove("correctionReason");
            }

            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([name], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal($"Unknown query parameter '{name}'; this route reads no query parameters.", problem["errors"]![name]![0]!.GetValue<string>());
        Assert.Equal(before, await factory.DecisionLogEntryCountAsync());
        Assert.Equal(accessBefore, await AccessEventsAsync());
    }

    /// <summary>Helper 235's walk: a role the route does not allow got a bare "Forbidden"; the problem names the roles it is open to.</summary>
    [Theory]
    [InlineData("en", "Your role does not allow this.", "GET /api/v1/audit/verify is open only to these roles: Auditor. Nothing was done, and the refusal is recorded in the access log.")]
    [InlineData("zh-Hans", "您的角色不允许此操作。", "GET /api/v1/audit/verify 仅对以下角色开放：Auditor。未执行任何操作，此次拒绝已记入访问日志。")]
    public async Task ApiRoute_RoleNotAllowed_Is403NamingTheRoles(string language, string title, string detail)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/verify");
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(detail, problem["detail"]?.GetValue<string>());
    }

    /// <summary>Helper 235's walk: a path under /api that no route answers got a bare "Not Found"; the problem names the path.</summary>
    [Theory]
    [InlineData("/api/v1/audit/screenings/abc", "en", "No API route at this path.", "/api/v1/audit/screenings/abc is not a route of this API; every route is listed in /openapi/v1.json. Nothing was done.")]
    [InlineData("/api/v1/screening", "zh-Hans", "此路径上没有 API 路由。", "/api/v1/screening 不是此 API 的路由；所有路由均列于 /openapi/v1.json。未执行任何操作。")]
    public async Task ApiPath_NoRoute_Is404NamingThePath(string path, string language, string title, string detail)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await SendAsync(client, "GET", path, language);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(detail, problem["detail"]?.GetValue<string>());
    }

    private const string CorrectionBody = "{\"correctionReason\": \"typo\"}";

    private int CheckpointFiles() =>
        Directory.Exists(factory.CheckpointDirectory) ? Directory.GetFiles(factory.CheckpointDirectory, "*.json").Length : 0;

    /// <summary>A request in <paramref name="language"/> (Accept-Language), with <paramref name="json"/> as its body when given.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string language, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private async Task<int> AccessEventsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync();
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }
}
