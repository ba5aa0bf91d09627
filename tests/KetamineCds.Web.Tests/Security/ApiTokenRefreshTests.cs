using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// <c>POST /api/auth/refresh</c>: new tokens only while the token's server-side session is live and the account
/// unchanged; each refresh token works once; no refresh carries a session past its absolute lifetime; every refusal is
/// the same 401.
/// </summary>
public sealed class ApiTokenRefreshTests
{
    [Fact]
    public async Task Refresh_WhileTheSessionIsLive_GivesNewTokensAndTheOldOnesStopWorking()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        var first = await SignInAsync(client, KetamineCdsFactory.Psychiatrist);

        using var refreshed = await RefreshAsync(client, first.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await TokensAsync(refreshed);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await RuleSetStatusAsync(client, second.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RuleSetStatusAsync(client, first.AccessToken));
        using var reused = await RefreshAsync(client, first.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        using var again = await RefreshAsync(client, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Refresh_AfterLogout_IsRefused()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        var tokens = await SignInAsync(client, KetamineCdsFactory.Psychiatrist);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var loggedOut = await client.SendAsync(logout);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);

        using var refreshed = await RefreshAsync(client, tokens.RefreshToken);

        await AssertRefusedAsync(refreshed);
    }

    [Theory]
    [InlineData("Lock", null)]
    [InlineData("Roles", null)]
    [InlineData("ResetPassword", "Fresh!Clinic-Passw0rd")]
    public async Task Refresh_AfterAnAdministratorChangedTheAccount_IsRefused(string handler, string? newPassword)
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        var tokens = await SignInAsync(client, KetamineCdsFactory.Staff);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        using var changed = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler={handler}",
            newPassword is null ? [new("SelectedRoles", "Auditor")] : [new("NewPassword", newPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var refreshed = await RefreshAsync(client, tokens.RefreshToken);

        await AssertRefusedAsync(refreshed);
    }

    [Fact]
    public async Task Refresh_AfterTheUserChangedTheirOwnPassword_IsRefused()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        var tokens = await SignInAsync(client, KetamineCdsFactory.Psychiatrist);
        using var change = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password")
        {
            Content = JsonContent.Create(new { currentPassword = KetamineCdsFactory.Password, newPassword = "Fresh!Clinic-Passw0rd" }),
        };
        change.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var changed = await client.SendAsync(change);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var refreshed = await RefreshAsync(client, tokens.RefreshToken);

        await AssertRefusedAsync(refreshed);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("access token")]
    public async Task Refresh_WithATokenThatIsNotARefreshToken_IsRefusedWithTheSame401(string token)
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        if (token == "access token")
        {
            token = (await SignInAsync(client, KetamineCdsFactory.Auditor)).AccessToken;
        }

        using var refreshed = await RefreshAsync(client, token);

        await AssertRefusedAsync(refreshed);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        Assert.Equal(1, await db.AccessEvents.CountAsync(e => e.Kind == "sign-in-failed" && e.Detail == "api refresh"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"refreshToken\":\"\"}")]
    [InlineData("{\"refreshToken\":42}")]
    [InlineData("not json")]
    public async Task Refresh_WithoutARefreshToken_Is400WithTheErrorUnderRefreshToken(string body)
    {
        using var factory = new KetamineCdsFactory();

        using var response = await factory.CreateRawClient().PostAsync("/api/auth/refresh", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["refreshToken"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Refresh_NearTheAbsoluteLifetime_NeverCarriesTheSessionPastIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock, absoluteLifetime: "01:30:00");
        var client = factory.CreateRawClient();
        var tokens = await SignInAsync(client, KetamineCdsFactory.Psychiatrist);

        clock.Advance(TimeSpan.FromMinutes(50));
        using var first = await RefreshAsync(client, tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        tokens = await TokensAsync(first);
        clock.Advance(TimeSpan.FromMinutes(35)); // 85 minutes after sign-in
        Assert.Equal(HttpStatusCode.OK, await RuleSetStatusAsync(client, tokens.AccessToken));
        using var second = await RefreshAsync(client, tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        tokens = await TokensAsync(second);

        clock.Advance(TimeSpan.FromMinutes(6)); // 91 minutes after sign-in: the token itself would last another 54

        Assert.Equal(HttpStatusCode.Unauthorized, await RuleSetStatusAsync(client, tokens.AccessToken));
        using var late = await RefreshAsync(client, tokens.RefreshToken);
        await AssertRefusedAsync(late);
    }

    [Fact]
    public async Task Refresh_AfterTheSessionExpired_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock);
        var client = factory.CreateRawClient();
        var tokens = await SignInAsync(client, KetamineCdsFactory.Psychiatrist);

        clock.Advance(TimeSpan.FromMinutes(61));
        using var refreshed = await RefreshAsync(client, tokens.RefreshToken);

        await AssertRefusedAsync(refreshed);
    }

    [Fact]
    public async Task Refresh_Succeeding_IsRecordedInTheAccessAuditLikeASignIn()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        var tokens = await SignInAsync(client, KetamineCdsFactory.Auditor);

        using var refreshed = await RefreshAsync(client, tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        Assert.Equal(1, await db.AccessEvents.CountAsync(e => e.Kind == "sign-in" && e.Detail == "api refresh" && e.UserEmail == KetamineCdsFactory.Auditor));
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);

    private static async Task<Tokens> SignInAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = KetamineCdsFactory.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TokensAsync(response);
    }

    private static async Task<Tokens> TokensAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new(body.RootElement.GetProperty("accessToken").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private static async Task<HttpStatusCode> RuleSetStatusAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ruleset");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Refresh refused.", problem.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("The refresh token is not valid, was already used, or its session has ended", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.RootElement.TryGetProperty("accessToken", out _));
    }
}
