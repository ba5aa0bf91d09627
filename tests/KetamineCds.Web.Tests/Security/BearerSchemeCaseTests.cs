using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// QA180 F3: the API reads the bearer token whatever the letter case of its scheme, as HTTP says (RFC 9110, section
/// 11.1: the scheme is case-insensitive) and as the CDS Hooks services already did. Before, <c>Authorization: bearer
/// TOKEN</c> with a valid token was a 401 on every API route, while the same header was accepted by /cds-services.
/// </summary>
public sealed class BearerSchemeCaseTests(BearerSchemeCaseTests.App app) : IClassFixture<BearerSchemeCaseTests.App>
{
    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    [InlineData("Bearer")]
    public async Task ApiCall_SchemeInAnyLetterCase_IsSignedIn(string scheme)
    {
        var token = await app.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ruleset");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");

        using var response = await app.Factory.CreateRawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Bearerx")]
    public async Task ApiCall_AnotherScheme_Is401(string scheme)
    {
        var token = await app.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ruleset");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");

        using var response = await app.Factory.CreateRawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public sealed class App : IDisposable
    {
        private string? _token;

        public KetamineCdsFactory Factory { get; } = new();

        public async Task<string> TokenAsync()
        {
            if (_token is null)
            {
                using var response = await Factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = KetamineCdsFactory.Password });
                response.EnsureSuccessStatusCode();
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                _token = body.RootElement.GetProperty("accessToken").GetString()!;
            }

            return _token;
        }

        public void Dispose() => Factory.Dispose();
    }
}
