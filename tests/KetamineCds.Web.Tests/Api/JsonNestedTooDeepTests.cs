using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// QA session 46: a body that is valid JSON but nests objects and arrays deeper than an endpoint's reader reads was
/// answered "The body is not valid JSON (line 1, byte 25)" (the screening API) or "The body is not JSON." (CDS Hooks),
/// which is untrue. It is still refused whole with a 400 and nothing recorded, now saying that it nests too deeply,
/// naming the limit and where, in the request's language. A body that is not JSON is still told so.
/// </summary>
public sealed class JsonNestedTooDeepTests : IDisposable
{
    private const string PatientView = "/cds-services/ketamine-screening-patient-view";
    private const string Issuer = "https://ehr.nested-too-deep.test";

    private readonly TestCdsClient _cds = new(Issuer, "nested-too-deep-key");
    private readonly KetamineCdsFactory _factory;

    public JsonNestedTooDeepTests() => _factory = new KetamineCdsFactory { Settings = _cds.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _cds.Dispose();
    }

    /// <summary><paramref name="depth"/> arrays, one inside the other, around 1.</summary>
    private static string Nested(int depth) => new string('[', depth) + "1" + new string(']', depth);

    [Theory]
    [InlineData("en", "The body nests objects and arrays more than 8 levels deep (at ageYears[0][0][0][0][0][0][0]): it is valid JSON, but deeper than this endpoint reads.")]
    [InlineData("zh-CN", "请求正文中对象和数组的嵌套超过 8 层（位于 ageYears[0][0][0][0][0][0][0]）：它是有效的 JSON，但超出了此接口读取的深度。")]
    public async Task CreateScreening_ValueNestedPastTheLimit_Is400SayingSoNotThatItIsNotJson(string language, string expected)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = SampleRequests.Trd("MRN-DEEP-1").ToJsonString().Replace("\"ageYears\":45", "\"ageYears\":" + Nested(8), StringComparison.Ordinal);
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await api.SendAsync(Post("/api/v1/screenings", body, language));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal([expected], JsonNode.Parse(text)!["errors"]!["$"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    [Fact]
    public async Task CreateScreening_ValueNestedToTheLimit_IsReadAndRefusedAtItsField()
    {
        // Eight levels (the body and seven arrays) are read: the value is told that it is not a whole number, at its field.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = SampleRequests.Trd("MRN-DEEP-2").ToJsonString().Replace("\"ageYears\":45", "\"ageYears\":" + Nested(7), StringComparison.Ordinal);

        using var response = await api.PostAsync("/api/v1/screenings", Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.Null(errors["$"]);
        Assert.NotNull(errors["ageYears"]);
    }

    [Theory]
    [InlineData("{\"ageYears\":[[[[[[[[[1]]]]]]]]],}")] // nested too deep, and not JSON after it: not JSON
    [InlineData("{\"ageYears\":[[[1]]")]
    public async Task CreateScreening_BodyThatIsNotJson_IsStillToldSo(string body)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await api.PostAsync("/api/v1/screenings", Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var message = JsonNode.Parse(text)!["errors"]!["$"]![0]!.GetValue<string>();
        Assert.StartsWith("The body is not valid JSON (line 1, byte ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("levels deep", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/screenings")]
    [InlineData("/api/auth/login")]
    public async Task Body_NestedPastTheLimitThenBroken_SaysWhereItStopsBeingJson_NotWhereItNestsTooDeep(string path)
    {
        // Helper 218: the position given was where the reader's depth limit stopped it (byte 20 here, inside valid JSON), not the
        // trailing ",}" where the text stops being JSON (byte 145), which is what the message says is there.
        var body = "{\"ageYears\":" + Nested(65) + ",}";
        var api = path.StartsWith("/api/auth", StringComparison.Ordinal) ? _factory.CreateRawClient() : await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await api.PostAsync(path, Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var breakAt = body.Length; // the closing brace after the comma: 1-based, its byte in line 1
        Assert.Contains($"The body is not valid JSON (line 1, byte {breakAt}).", JsonNode.Parse(text)!["errors"]!["$"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task CorrectScreening_ValueNestedPastTheLimit_Is400SayingSoAndRecordsNothing()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var id = await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-DEEP-3"), api);
        var body = SampleRequests.Trd("MRN-DEEP-3").With("correctionReason", "Age mistyped.").ToJsonString()
            .Replace("\"ageYears\":45", "\"ageYears\":" + Nested(70), StringComparison.Ordinal);
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await api.PostAsync($"/api/v1/screenings/{id}/corrections", Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.StartsWith("The body nests objects and arrays more than 8 levels deep (at ageYears[0][0][0][0][0][0][0]):", JsonNode.Parse(text)!["errors"]!["$"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    [Fact]
    public async Task Login_BodyNestedPastTheLimit_Is400SayingSo()
    {
        var body = "{\"email\":" + JsonSerializer.Serialize(KetamineCdsFactory.Psychiatrist) + ",\"extra\":" + Nested(64) + "}";

        using var response = await _factory.CreateRawClient().PostAsync("/api/auth/login", Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.StartsWith("The body nests objects and arrays more than 64 levels deep (at extra[0]", JsonNode.Parse(text)!["errors"]!["$"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The body nests objects and arrays more than 128 levels deep (at deep[0][0][0]")]
    [InlineData("zh-CN", "请求正文中对象和数组的嵌套超过 128 层（位于 deep[0][0][0]")]
    public async Task PatientView_BodyNestedPastTheLimit_Answers400SayingSoAndRecordsNothing(string language, string expected)
    {
        var call = JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json")))!.ToJsonString();
        var body = "{\"deep\":" + Nested(128) + "," + call[1..];
        var before = await _factory.DecisionLogEntryCountAsync();

        using var request = Post(PatientView, body, language);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _cds.Token(PatientView));
        using var response = await _factory.CreateRawClient().SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var detail = JsonNode.Parse(text)!["detail"]!.GetValue<string>();
        Assert.StartsWith(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not JSON", detail, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    private static HttpRequestMessage Post(string path, string body, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    private static ByteArrayContent Json(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
