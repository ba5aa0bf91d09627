using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// QA141 F5: one rule for every endpoint that reads a JSON body, the API's and the CDS Hooks services': the body is sent
/// as <c>application/json</c> (parameters such as <c>charset=utf-8</c> allowed). Any other Content-Type, or none, is a 415
/// <c>application/problem+json</c> whose detail says what to send and what was sent, in the request's language, and
/// nothing is read or recorded. Before, a screening sent as text/plain got a 415 with a title alone (in English), the
/// same body with no Content-Type was recorded, a sign-in sent as a form was a 400, and the CDS Hooks services answered
/// and recorded whatever the Content-Type.
/// </summary>
public sealed class ContentTypeTests(ContentTypeTests.App app) : IClassFixture<ContentTypeTests.App>
{
    public const string Title = "The request body must be sent as JSON.";

    public const string ChineseTitle = "请求正文必须以 JSON 格式发送。";

    /// <summary>Every endpoint that reads a JSON body.</summary>
    public static TheoryData<string> Endpoints() => [.. App.Endpoints];

    public static TheoryData<string, string?> EndpointsAndRefusedTypes()
    {
        var data = new TheoryData<string, string?>();
        foreach (var endpoint in App.Endpoints)
        {
            foreach (var type in new[] { "text/plain", "application/xml", null, "application/x-www-form-urlencoded", "application/fhir+json" })
            {
                data.Add(endpoint, type);
            }
        }

        return data;
    }

    public static string Detail(string? sent) => sent is null
        ? "Send the body as JSON, with the header Content-Type: application/json (charset=utf-8 may follow it); this request had no Content-Type. Nothing was read or recorded."
        : $"Send the body as JSON, with the header Content-Type: application/json (charset=utf-8 may follow it); this request's Content-Type was {sent}. Nothing was read or recorded.";

    public static string ChineseDetail(string? sent) => sent is null
        ? "请以 JSON 格式发送请求正文，并带请求头 Content-Type: application/json（其后可加 charset=utf-8）；此请求没有 Content-Type。未读取也未记录任何内容。"
        : $"请以 JSON 格式发送请求正文，并带请求头 Content-Type: application/json（其后可加 charset=utf-8）；此请求的 Content-Type 是 {sent}。未读取也未记录任何内容。";

    [Theory]
    [MemberData(nameof(EndpointsAndRefusedTypes))]
    public async Task Post_BodyNotSentAsApplicationJson_Is415ProblemSayingWhatToSend_AndRecordsNothing(string endpoint, string? contentType)
    {
        using var request = await app.RequestAsync(endpoint, contentType);
        var before = await app.RecordedAsync();

        using var response = await app.SendAsync(endpoint, request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{endpoint} sent as {contentType ?? "(none)"}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(415, problem["status"]!.GetValue<int>());
        Assert.Equal(Title, problem["title"]?.GetValue<string>());
        Assert.Equal(Detail(contentType), problem["detail"]?.GetValue<string>());
        Assert.Equal(before, await app.RecordedAsync());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_TextPlainInChinese_Is415WithTheTitleAndDetailInChinese(string endpoint)
    {
        using var request = await app.RequestAsync(endpoint, "text/plain");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var before = await app.RecordedAsync();

        using var response = await app.SendAsync(endpoint, request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(ChineseTitle, problem["title"]?.GetValue<string>());
        Assert.Equal(ChineseDetail("text/plain"), problem["detail"]?.GetValue<string>());
        Assert.Equal(before, await app.RecordedAsync());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_NoContentTypeInChinese_Is415WithTheDetailInChinese(string endpoint)
    {
        using var request = await app.RequestAsync(endpoint, null);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await app.SendAsync(endpoint, request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ChineseDetail(null), JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("screenings", "application/json", HttpStatusCode.Created)]
    [InlineData("screenings", "application/json; charset=utf-8", HttpStatusCode.Created)]
    [InlineData("screenings", "Application/JSON; charset=UTF-8", HttpStatusCode.Created)]
    [InlineData("corrections", "application/json; charset=utf-8", HttpStatusCode.Created)]
    [InlineData("login", "application/json", HttpStatusCode.OK)]
    [InlineData("login", "application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("refresh", "application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("patient-view", "application/json", HttpStatusCode.OK)]
    [InlineData("patient-view", "application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("order-sign", "application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("feedback", "application/json; charset=utf-8", HttpStatusCode.OK)]
    public async Task Post_ApplicationJson_WithOrWithoutCharset_IsReadAsBefore(string endpoint, string contentType, HttpStatusCode expected)
    {
        using var request = await app.RequestAsync(endpoint, contentType);
        var before = await app.RecordedAsync();

        using var response = await app.SendAsync(endpoint, request);

        Assert.True(response.StatusCode == expected, $"{endpoint} as {contentType}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (endpoint is "screenings" or "corrections" or "patient-view" or "feedback")
        {
            // Read and recorded: a screening, an answer or an override in the decision log.
            Assert.True((await app.RecordedAsync()).Entries > before.Entries, $"{endpoint} as {contentType}: nothing was recorded");
        }
    }

    [Fact]
    public async Task PasswordChange_ApplicationJsonWithCharset_IsReadFieldByField()
    {
        // The new password is too short: a field-level 400 shows the body was read (and nothing changes).
        using var request = await app.RequestAsync("password", "application/json; charset=utf-8");

        using var response = await app.SendAsync("password", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["newPassword"]);
    }

    [Theory]
    [InlineData("/api/v1/screenings")]
    [InlineData("/api/auth/password")]
    [InlineData(App.PatientView)]
    public async Task Post_WithoutCredentialsAndNotJson_IsRefusedAs401First(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };

        using var response = await app.Factory.CreateRawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("screenings", "text/plain")]
    [InlineData("screenings", null)]
    [InlineData("password", null)]
    [InlineData("login", "text/plain")]
    [InlineData("patient-view", null)]
    public async Task Post_NotJson_AcceptingOnlyHtml_IsStillTheProblemInTheRequestsLanguage(string endpoint, string? contentType)
    {
        using var request = await app.RequestAsync(endpoint, contentType);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await app.SendAsync(endpoint, request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ChineseDetail(contentType), JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]?.GetValue<string>());
    }

    [Fact]
    public async Task Post_ContentTypeThatIsNotAMediaType_IsNamedAsSent()
    {
        using var request = await app.RequestAsync("patient-view", null);
        request.Content!.Headers.TryAddWithoutValidation("Content-Type", "json please");

        using var response = await app.SendAsync("patient-view", request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(Detail("json please"), JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]?.GetValue<string>());
    }

    [Fact]
    public async Task Get_WithoutContentType_IsUntouched()
    {
        var client = await app.ApiClientAsync();

        using var list = await client.GetAsync("/api/v1/screenings?patientReference=MRN-CT-NONE");
        using var discovery = await app.SendAsync("discovery", app.WithClientJwt(HttpMethod.Get, "/cds-services"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }

    [Fact]
    public async Task OpenApi_EveryOperationThatReadsAJsonBody_Declares415()
    {
        var document = JsonNode.Parse(await app.Factory.CreateRawClient().GetStringAsync("/openapi/v1.json"))!;

        foreach (var path in new[] { "/api/v1/screenings", "/api/v1/screenings/{id}/corrections", "/api/auth/login", "/api/auth/refresh", "/api/auth/password" })
        {
            var declared = document["paths"]![path]!["post"]!["responses"]!["415"];
            Assert.True(declared is not null, $"{path}: no 415 in the OpenAPI document");
            Assert.Contains("application/json", declared["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    /// <summary>The app, with a CDS Hooks client of the test's own (the demo EHR off) and a psychiatrist's screening to correct.</summary>
    public sealed class App : IDisposable
    {
        public const string PatientView = "/cds-services/ketamine-screening-patient-view";
        public const string OrderSign = "/cds-services/ketamine-screening-order-sign";
        private const string Issuer = "https://ehr.content-type.test";
        private const string Kid = "content-type-key";

        public static readonly string[] Endpoints = ["screenings", "corrections", "login", "refresh", "password", "patient-view", "order-sign", "feedback"];

        private readonly TestCdsClient _client = new(Issuer, Kid);
        private HttpClient? _psychiatrist;

        public App() => Factory = new KetamineCdsFactory { Settings = _client.Settings() };

        public KetamineCdsFactory Factory { get; }

        public async Task<HttpClient> ApiClientAsync() => _psychiatrist ??= await Factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        /// <summary>The request an endpoint is sent, with this Content-Type (null: none); a body it would record if it read it.</summary>
        public async Task<HttpRequestMessage> RequestAsync(string endpoint, string? contentType)
        {
            // The psychiatrist signs in before anything is counted (a sign-in is an access event).
            await ApiClientAsync();
            var (method, path, body) = endpoint switch
            {
                "screenings" => (HttpMethod.Post, "/api/v1/screenings", SampleRequests.Trd("MRN-CT-" + Guid.NewGuid().ToString("N")[..8]).ToJsonString()),
                "corrections" => (HttpMethod.Post, $"/api/v1/screenings/{await ScreeningAsync()}/corrections", SampleRequests.Trd("MRN-CT-CORRECTED").With("ageYears", 46).With("correctionReason", "Age was mistyped.").ToJsonString()),
                "login" => (HttpMethod.Post, "/api/auth/login", JsonSerializer.Serialize(new { email = KetamineCdsFactory.Auditor, password = KetamineCdsFactory.Password })),
                "refresh" => (HttpMethod.Post, "/api/auth/refresh", JsonSerializer.Serialize(new { refreshToken = await RefreshTokenAsync() })),
                "password" => (HttpMethod.Post, "/api/auth/password", JsonSerializer.Serialize(new { currentPassword = KetamineCdsFactory.Password, newPassword = "short" })),
                "patient-view" => (HttpMethod.Post, PatientView, Sample("patient-view-mdd-with-aneurysm")),
                "order-sign" => (HttpMethod.Post, OrderSign, Sample("order-sign-esketamine")),
                "feedback" => (HttpMethod.Post, PatientView + "/feedback", await OverrideFeedbackAsync()),
                _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
            };
            var request = endpoint is "patient-view" or "order-sign" or "feedback" ? WithClientJwt(method, path) : new HttpRequestMessage(method, path);
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            request.Content = content;
            return request;
        }

        /// <summary>Sends the request as the endpoint's caller: the psychiatrist's token for the screening routes and the password change, else as it is.</summary>
        public async Task<HttpResponseMessage> SendAsync(string endpoint, HttpRequestMessage request)
        {
            var client = endpoint is "screenings" or "corrections" or "password" ? await ApiClientAsync() : Factory.CreateRawClient();
            return await client.SendAsync(request);
        }

        /// <summary>A request carrying a client JWT for its own URL (a new jti each time).</summary>
        public HttpRequestMessage WithClientJwt(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _client.Token(path));
            return request;
        }

        /// <summary>What the app has recorded: decision-log entries and access events together.</summary>
        public async Task<(int Entries, int AccessEvents)> RecordedAsync()
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return (await db.DecisionLogEntries.CountAsync(), await db.AccessEvents.CountAsync());
        }

        public void Dispose()
        {
            _psychiatrist?.Dispose();
            Factory.Dispose();
            _client.Dispose();
        }

        private static string Sample(string name) =>
            File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", name + ".json"));

        /// <summary>A new screening to correct (a screening corrected once is corrected through its correction).</summary>
        private async Task<Guid> ScreeningAsync() => await Factory.RecordScreeningThroughApiAsync("MRN-CT-CORRECTED", await ApiClientAsync());

        private async Task<string> RefreshTokenAsync()
        {
            using var response = await Factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Auditor, password = KetamineCdsFactory.Password });
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["refreshToken"]!.GetValue<string>();
        }

        /// <summary>Feedback overriding the critical card of a new patient-view answer: read, it would record an override.</summary>
        private async Task<string> OverrideFeedbackAsync()
        {
            using var call = WithClientJwt(HttpMethod.Post, PatientView);
            call.Content = new StringContent(Sample("patient-view-mdd-with-aneurysm"), Encoding.UTF8, "application/json");
            using var answered = await Factory.CreateRawClient().SendAsync(call);
            var text = await answered.Content.ReadAsStringAsync();
            Assert.True(answered.StatusCode == HttpStatusCode.OK, text);
            var card = JsonNode.Parse(text)!["cards"]!.AsArray().First(c => c!["indicator"]!.GetValue<string>() == "critical")!["uuid"]!.GetValue<string>();
            return new JsonObject
            {
                ["feedback"] = new JsonArray(new JsonObject
                {
                    ["card"] = card,
                    ["outcome"] = "overridden",
                    ["overrideReason"] = new JsonObject
                    {
                        ["reason"] = new JsonObject { ["system"] = "https://ketaminecds.org/fhir/CodeSystem/override-reason", ["code"] = "specialist-advice-obtained" },
                        ["userComment"] = "Vascular surgery reviewed the aneurysm.",
                    },
                    ["outcomeTimestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                }),
            }.ToJsonString();
        }
    }
}
