using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// A JSON body that starts with a UTF-8 byte-order mark (EF BB BF), as Windows tools write it, is read as the same body
/// without it on every JSON endpoint of the API (RFC 8259 section 8.1 lets a parser ignore one); a second mark is
/// refused with a message that names it, never "not valid JSON (line 1, byte 1)". CDS Hooks calls and feedback:
/// CdsHooksTests in the integration tests.
/// </summary>
public sealed class ByteOrderMarkTests(ByteOrderMarkTests.App app) : IClassFixture<ByteOrderMarkTests.App>
{
    private const string Bom = "\uFEFF";

    [Fact]
    public async Task CreateScreening_BodyStartingWithAByteOrderMark_IsRecorded()
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await client.PostAsync("/api/v1/screenings", Json(Bom + SampleRequests.Trd("MRN-BOM-1").ToJsonString()));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("MRN-BOM-1", JsonNode.Parse(body)!["input"]!["patientReference"]!.GetValue<string>());
    }

    [Fact]
    public async Task CorrectScreening_BodyStartingWithAByteOrderMark_IsRecordedWithItsReason()
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);
        using var first = await client.PostAsync("/api/v1/screenings", Json(SampleRequests.Trd("MRN-BOM-2").ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        using var response = await client.PostAsync(
            $"/api/v1/screenings/{id}/corrections", Json(Bom + SampleRequests.Trd("MRN-BOM-2").With("ageYears", 46).With("correctionReason", "Age mistyped.").ToJsonString()));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Contains("Age mistyped.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateScreening_BodyStartingWithTwoByteOrderMarks_Is400NamingTheMark()
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await client.PostAsync("/api/v1/screenings", Json(Bom + Bom + SampleRequests.Trd("MRN-BOM-3").ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["$"]![0]!.GetValue<string>();
        Assert.Contains("byte-order mark", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid JSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_BodyStartingWithAByteOrderMark_SignsIn()
    {
        var body = Bom + JsonSerializer.Serialize(new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password });

        using var response = await app.Factory.CreateRawClient().PostAsync("/api/auth/login", Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(text)!["accessToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Login_BodyStartingWithTwoByteOrderMarks_Is400NamingTheMark()
    {
        var body = Bom + Bom + JsonSerializer.Serialize(new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password });

        using var response = await app.Factory.CreateRawClient().PostAsync("/api/auth/login", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["$"]![0]!.GetValue<string>();
        Assert.Contains("byte-order mark", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_BodyStartingWithAByteOrderMark_GivesNewTokens()
    {
        var client = app.Factory.CreateRawClient();
        using var login = await client.PostAsync("/api/auth/login", Json(JsonSerializer.Serialize(new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password })));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var refreshToken = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["refreshToken"]!.GetValue<string>();

        using var response = await client.PostAsync("/api/auth/refresh", Json(Bom + JsonSerializer.Serialize(new { refreshToken })));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(text)!["accessToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ChangePassword_BodyStartingWithAByteOrderMark_IsReadFieldByField()
    {
        // A new password that is too short: the answer names newPassword, so the body was read (not "could not be read").
        var client = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = Bom + JsonSerializer.Serialize(new { currentPassword = KetamineCdsFactory.Password, newPassword = "short" });

        using var response = await client.PostAsync("/api/auth/password", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["newPassword"]);
        Assert.Null(problem["errors"]!["currentPassword"]);
        Assert.Null(problem["errors"]!["$"]);
    }

    /// <summary>The text as a UTF-8 body; a leading U+FEFF becomes the bytes EF BB BF.</summary>
    private static ByteArrayContent Json(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public sealed class App : IDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public KetamineCdsFactory Factory { get; } = new();

        public async Task<HttpClient> ClientAsync(string email) =>
            _clients.TryGetValue(email, out var client) ? client : _clients[email] = await Factory.CreateApiClientAsync(email);

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            Factory.Dispose();
        }
    }
}
