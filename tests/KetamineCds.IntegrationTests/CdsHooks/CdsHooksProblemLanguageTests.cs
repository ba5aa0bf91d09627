using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KetamineCds.Web.CdsHooks;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// The CDS Hooks problem answers follow the cards' language (docs/cds-hooks.md, "Language"): the call's Accept-Language,
/// else, once the token is accepted, the client's configured language, else English. A Chinese client or request got
/// every error in English: a body that is not JSON, the wrong hook, a missing context, an unknown service or card, 413,
/// 415, feedback's errors; before the token is accepted (401) and on a path or method no endpoint answers (404, 405) the
/// client is not known, and Accept-Language alone decides.
/// </summary>
public sealed class CdsHooksProblemLanguageTests
{
    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string language)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(language, Assert.Single(response.Content.Headers.ContentLanguage));
        return JsonNode.Parse(text)!;
    }

    private static void Says(JsonNode problem, string title, string? detail)
    {
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(detail, problem["detail"]?.GetValue<string>());
    }

    // The client's configured language, the call's Accept-Language, and the language the answer must be in.
    public static TheoryData<string?, string?, string> Languages => new()
    {
        { null, null, "en" },
        { null, "zh-CN", "zh-Hans" },
        { "zh-CN", null, "zh-Hans" },
        { "zh-CN", "en-US", "en" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task HookCall_BodyNotJson_Answers400InTheCardsLanguage(string? client, string? acceptLanguage, string language)
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientLanguage = client;

        using var response = await app.PostAsync(PatientView, "{not json", acceptLanguage: acceptLanguage);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, language);
        if (language == "en")
            Says(problem, "The request could not be read; nothing was recorded.", "The body is not JSON.");
        else
            Says(problem, "无法读取该请求；未记录任何内容。", "请求正文不是 JSON。");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task HookCall_WrongHookOrNoContext_Answers400InTheCardsLanguage(string? client, string? acceptLanguage, string language)
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientLanguage = client;
        var wrongHook = Sample("patient-view-mdd-nothing-else");
        wrongHook["hook"] = "order-sign";
        var noContext = Sample("patient-view-mdd-nothing-else");
        noContext.Remove("context");

        using var hook = await app.PostAsync(PatientView, wrongHook.ToJsonString(), acceptLanguage: acceptLanguage);
        using var context = await app.PostAsync(PatientView, noContext.ToJsonString(), acceptLanguage: acceptLanguage);

        var hookProblem = await ProblemAsync(hook, HttpStatusCode.BadRequest, language);
        var contextProblem = await ProblemAsync(context, HttpStatusCode.BadRequest, language);
        if (language == "en")
        {
            Says(hookProblem, "The request could not be read; nothing was recorded.", "This service answers the patient-view hook, not order-sign.");
            Says(contextProblem, "The request could not be read; nothing was recorded.", "context must be an object.");
        }
        else
        {
            Says(hookProblem, "无法读取该请求；未记录任何内容。", "本服务应答 patient-view hook，而不是 order-sign。");
            Says(contextProblem, "无法读取该请求；未记录任何内容。", "context 必须是一个对象。");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task UnknownService_Answers404InTheCardsLanguage(string? client, string? acceptLanguage, string language)
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientLanguage = client;

        using var response = await app.PostAsync("/cds-services/no-such-service", "{}", acceptLanguage: acceptLanguage);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound, language);
        Assert.Equal(language == "en" ? "No CDS service has this id." : "没有此 id 的 CDS 服务。", problem["title"]!.GetValue<string>());
        var services = string.Join(", ", CdsHookServices.All.Select(s => s.Id));
        Assert.Equal(
            language == "en"
                ? $"no-such-service is not the id of a CDS service here; the services are {services}, as GET /cds-services lists them. Nothing was done or recorded."
                : $"“no-such-service”不是此处任何 CDS 服务的 id；服务为：{services}，见 GET /cds-services 的列表。未执行也未记录任何操作。",
            problem["detail"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task BodyNotSentAsJson_Answers415InTheCardsLanguage(string? client, string? acceptLanguage, string language)
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientLanguage = client;
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(PatientView));
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await app.Raw().SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, language);
        Assert.Contains("text/plain", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(language != "en", problem["detail"]!.GetValue<string>().Any(c => c >= '\u4e00' && c <= '\u9fff'));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task BodyTooLarge_Answers413InTheCardsLanguage(string? client, string? acceptLanguage, string language)
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientLanguage = client;

        using var response = await app.PostAsync(PatientView, "\"" + new string('a', (4 * 1024 * 1024) + 10) + "\"", acceptLanguage: acceptLanguage);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, language);
        if (language == "en")
            Says(problem, "The request body is too large; nothing was recorded.", "The request body may be at most 4 MB.");
        else
            Says(problem, "请求正文过大；未记录任何内容。", "请求正文最多 4 MB。");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Feedback_BadOutcomeAndUnknownCard_AnswerInTheCardsLanguage(string? client, string? acceptLanguage, string language)
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientLanguage = client;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var card = Guid.NewGuid();
        const string Feedback = PatientView + "/feedback";

        using var bad = await app.PostAsync(Feedback, $$"""{"feedback":[{"card":"{{card}}","outcome":"ignored","outcomeTimestamp":"{{now}}"}]}""", app.Token(Feedback, "jti-bad"), acceptLanguage);
        using var unknown = await app.PostAsync(Feedback, $$"""{"feedback":[{"card":"{{card}}","outcome":"accepted","outcomeTimestamp":"{{now}}"}]}""", app.Token(Feedback, "jti-unknown"), acceptLanguage);

        var badProblem = await ProblemAsync(bad, HttpStatusCode.BadRequest, language);
        var unknownProblem = await ProblemAsync(unknown, HttpStatusCode.NotFound, language);
        if (language == "en")
        {
            Says(badProblem, "The request could not be read; nothing was recorded.", "feedback[0].outcome must be accepted or overridden.");
            Says(unknownProblem, "No card of this service has this uuid.", $"Unknown card {card}; nothing was recorded.");
        }
        else
        {
            Says(badProblem, "无法读取该请求；未记录任何内容。", "feedback[0].outcome 必须是 accepted 或 overridden。");
            Says(unknownProblem, "本服务没有此 uuid 的卡片。", $"未知卡片 {card}；未记录任何内容。");
        }
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("zh-CN", "zh-Hans")]
    public async Task RefusedToken_Answers401InTheRequestsLanguage_TheHeaderStaysEnglish(string? acceptLanguage, string language)
    {
        // The client is not known until its token is accepted: its configured language cannot apply.
        using var app = CdsHooksApp.Sqlite();
        app.ClientLanguage = "zh-CN";
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await app.Raw().SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized, language);
        if (language == "en")
            Says(problem, "The client JWT was refused.", "A client JWT is required (Authorization: Bearer).");
        else
            Says(problem, "客户端 JWT 被拒绝。", "需要客户端 JWT（Authorization: Bearer）。");
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"A client JWT is required (Authorization: Bearer).\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("zh-CN", "zh-Hans")]
    public async Task NoSuchEndpointOrMethod_Answers404And405InTheRequestsLanguage(string? acceptLanguage, string language)
    {
        using var app = CdsHooksApp.Sqlite();
        var client = app.Raw();
        using var notFoundRequest = new HttpRequestMessage(HttpMethod.Get, "/cds-services/no-such-service/feedback");
        using var notAllowedRequest = new HttpRequestMessage(HttpMethod.Get, PatientView);
        if (acceptLanguage is not null)
        {
            notFoundRequest.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            notAllowedRequest.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var notFound = await client.SendAsync(notFoundRequest);
        using var notAllowed = await client.SendAsync(notAllowedRequest);

        var missing = await ProblemAsync(notFound, HttpStatusCode.NotFound, language);
        var method = await ProblemAsync(notAllowed, HttpStatusCode.MethodNotAllowed, language);
        if (language == "en")
        {
            Says(missing, "No such CDS Hooks endpoint.", "GET /cds-services lists the services; call a service with POST /cds-services/{id}, and send feedback with POST /cds-services/{id}/feedback.");
            Says(method, "The method is not allowed here.", PatientView + " answers POST, not GET.");
        }
        else
        {
            Says(missing, "没有这个 CDS Hooks 端点。", "GET /cds-services 列出各项服务；用 POST /cds-services/{id} 调用服务，用 POST /cds-services/{id}/feedback 发送反馈。");
            Says(method, "此处不允许使用该方法。", PatientView + " 只接受 POST，不接受 GET。");
        }
    }
}
