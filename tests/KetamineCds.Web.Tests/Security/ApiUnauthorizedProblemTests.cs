using System.Net;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// helper-224's QA walk: every 401 of the bearer API was a bare "Unauthorized" problem with no detail, the same for no
/// token, another scheme, and a token expired, revoked or garbled, so a client could not tell whether to send a token or
/// get a new one. Now no token (or another scheme) says how to send one; a bearer token refused says so, how to get a new
/// one, and carries <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750, section 3.1).
/// </summary>
public sealed class ApiUnauthorizedProblemTests(BearerSchemeCaseTests.App app) : IClassFixture<BearerSchemeCaseTests.App>
{
    private static async Task<(HttpResponseMessage Response, JsonElement Problem)> GetAsync(BearerSchemeCaseTests.App app, string? authorization, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/screenings");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var response = await app.Factory.CreateRawClient().SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response, body.RootElement.Clone());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task NoBearerToken_SaysHowToSendOne(string? authorization)
    {
        var (response, problem) = await GetAsync(app, authorization, "en-GB");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("An access token is required.", problem.GetProperty("title").GetString());
        Assert.Contains("POST /api/auth/login", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("en-GB", "The access token was not accepted.", "POST /api/auth/refresh")]
    [InlineData("zh-CN", "访问令牌未被接受。", "POST /api/auth/refresh")]
    public async Task BearerTokenRefused_SaysSo_HowToGetANewOne_AndInvalidToken(string language, string title, string detail)
    {
        var (response, problem) = await GetAsync(app, "Bearer not-a-token-this-service-issued", language);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("not-a-token", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidToken_IsStillSignedIn()
    {
        var token = await app.TokenAsync();

        var (response, _) = await GetAsync(app, "Bearer " + token, "en-GB");

        // Staff may list screenings; the point is that a good token is not refused by the new 401 text.
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
