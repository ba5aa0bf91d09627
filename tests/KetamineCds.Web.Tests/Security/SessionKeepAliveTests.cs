using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// The keep-alive that keeps typing from being lost to the idle sign-out (SessionKeepAlive): each page says how long its
/// session has left, the keep-alive renews the idle end at once and never the absolute one, and an ended session gets a
/// plain 401 the page's script can tell from a sign-in page.
/// </summary>
public sealed partial class SessionKeepAliveTests
{
    [Fact]
    public async Task KeepAlive_WithoutASession_Is401AndNeverARedirect()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();

        using var response = await client.GetAsync("/Account/KeepAlive");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task KeepAlive_WithoutASession_AnswersASmallProblemNotTheErrorPage(string accept)
    {
        // QA141 F7: the 401's body was the whole "Something went wrong" page; session.js asks with Accept: application/json
        // and reads only the status.
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/KeepAlive");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Something went wrong", body, StringComparison.Ordinal);
        Assert.True(body.Length < 400, body);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("sign in again", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SaysHowLongItsSessionHasLeft()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock);
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var fresh = SecondsLeft(await page.GetStringAsync("/Screenings/New"));
        clock.Advance(TimeSpan.FromMinutes(5));
        var later = SecondsLeft(await page.GetStringAsync("/Rules"));

        Assert.InRange(fresh, 14 * 60, 15 * 60);
        // Every request restarts the 15 minutes, even before half of them have passed (QA11 F11).
        Assert.Equal(15 * 60, later);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    public async Task PageRequest_RestartsTheFifteenMinutesWheneverItComes_SoTheSessionEndsFifteenMinutesAfterTheLastClick(int minutesAfterSignIn)
    {
        // QA11 F11: the cookie handler renewed the session only once more than half of the 15 minutes had passed, so a
        // click at minute 5 left the session ending 10 minutes later, not 15.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock);
        var kept = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var ended = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        clock.Advance(TimeSpan.FromMinutes(minutesAfterSignIn));
        using var click = await kept.GetAsync("/Rules");
        using var endedClick = await ended.GetAsync("/Rules");
        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1)); // a second before 15 minutes after the click
        using var stillLive = await kept.GetAsync("/Screenings");
        clock.Advance(TimeSpan.FromSeconds(2)); // a second past 15 minutes after the other account's last click
        using var afterIdle = await ended.GetAsync("/Screenings");

        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillLive.StatusCode);
        Assert.True(SessionClients.IsSentToSignIn(afterIdle), $"Expected a redirect to sign in, got {(int)afterIdle.StatusCode}.");
    }

    [Fact]
    public async Task KeepAlive_RenewsTheIdleEndAtOnce_SoTheSessionOutlastsItsFirstEnd()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock);
        var kept = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var notKept = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        clock.Advance(TimeSpan.FromMinutes(5));
        var renewed = await kept.GetFromJsonAsync<JsonElement>("/Account/KeepAlive");
        clock.Advance(TimeSpan.FromMinutes(12)); // 17 minutes after sign-in, 12 after the keep-alive

        using var keptAfter = await kept.GetAsync("/Screenings/New");
        using var notKeptAfter = await notKept.GetAsync("/Screenings");

        Assert.Equal(15 * 60, renewed.GetProperty("secondsLeft").GetInt64());
        Assert.Equal(HttpStatusCode.OK, keptAfter.StatusCode);
        Assert.True(SessionClients.IsSentToSignIn(notKeptAfter), $"Expected a redirect to sign in, got {(int)notKeptAfter.StatusCode}.");
    }

    [Fact]
    public async Task KeepAliveCheck_SaysWhatIsLeftWithoutRenewing_EvenWhereARequestWouldRenew()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock);
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        clock.Advance(TimeSpan.FromMinutes(10)); // past half the idle time: an ordinary request would renew now
        var checkedLeft = await page.GetFromJsonAsync<JsonElement>("/Account/KeepAlive?check=true");
        clock.Advance(TimeSpan.FromMinutes(6));
        using var after = await page.GetAsync("/Screenings/New");

        Assert.InRange(checkedLeft.GetProperty("secondsLeft").GetInt64(), 5 * 60 - 1, 5 * 60);
        Assert.True(SessionClients.IsSentToSignIn(after), $"Expected a redirect to sign in, got {(int)after.StatusCode}.");
    }

    [Fact]
    public async Task KeepAlive_NeverPassesTheAbsoluteLifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock, absoluteLifetime: "00:20:00");
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        clock.Advance(TimeSpan.FromMinutes(10));
        var renewed = await page.GetFromJsonAsync<JsonElement>("/Account/KeepAlive");
        var shown = SecondsLeft(await page.GetStringAsync("/Screenings/New"));

        Assert.InRange(renewed.GetProperty("secondsLeft").GetInt64(), 10 * 60 - 1, 10 * 60);
        Assert.InRange(shown, 10 * 60 - 1, 10 * 60);
    }

    [Fact]
    public async Task KeepAlive_AfterTheSessionEnded_Is401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock);
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        clock.Advance(TimeSpan.FromMinutes(16));
        using var response = await page.GetAsync("/Account/KeepAlive");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task SignInPage_HasNoSessionNotice()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();

        var html = await client.GetStringAsync("/Account/Login");

        Assert.DoesNotContain("session-notice", html, StringComparison.Ordinal);
        Assert.DoesNotContain("session.js", html, StringComparison.Ordinal);
    }

    private static long SecondsLeft(string html)
    {
        var match = SecondsLeftAttribute().Match(html);
        Assert.True(match.Success, "The page has no session notice with data-seconds-left.");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-seconds-left=\"(\\d+)\"")]
    private static partial Regex SecondsLeftAttribute();
}
