using System.Net;
using System.Net.Http.Json;
using KetamineCds.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// Sessions that end: logout ends the bearer token and the page session on the server; locking an account, resetting
/// its password or changing its roles ends every token and cookie session it has at once (whatever sliding renewal
/// did); a page session ends at its absolute lifetime however active it is.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task ApiLogout_TheSameTokenAfterwards_IsRefusedThoughItsTicketIsCached()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var before = await client.GetAsync("/api/v1/ruleset"); // the decrypted ticket is now cached
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var logout = await client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var read = await client.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        using var create = await client.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-LOGOUT"));
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        using var again = await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task ApiLogout_AnotherTokenOfTheSameAccount_StillWorks()
    {
        using var factory = new KetamineCdsFactory();
        var first = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var second = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var logout = await first.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var other = await second.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PageLogout_ACopyOfTheCookieKeptFromBefore_OpensNothing()
    {
        using var factory = new KetamineCdsFactory();
        var (client, cookie) = await factory.SignInRecordingAsync(KetamineCdsFactory.Psychiatrist);
        var copied = factory.WithCopiedCookie(cookie());
        using var beforeLogout = await copied.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.OK, beforeLogout.StatusCode);

        using var logout = await client.PostFormAsync("/Screenings/New", "/Account/Logout", []);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        // QA14a P6: a shared clinic computer keeps no page or stored state of the session (the language cookie stays).
        Assert.Equal("\"cache\", \"storage\"", string.Join(", ", logout.Headers.GetValues("Clear-Site-Data")));
        using var afterLogout = await copied.GetAsync("/Screenings/New");
        Assert.True(SessionClients.IsSentToSignIn(afterLogout), $"Expected a redirect to sign in, got {(int)afterLogout.StatusCode}.");
    }

    [Fact]
    public async Task LogoutPage_OpenedWhileSignedIn_DoesNotSayYouAreSignedOutAndOffersTheButtonThatDoes()
    {
        using var factory = new KetamineCdsFactory();
        var (client, _) = await factory.SignInRecordingAsync(KetamineCdsFactory.Psychiatrist);

        var page = await client.GetStringAsync("/Account/Logout");

        Assert.DoesNotContain("You are signed out", page, StringComparison.Ordinal);
        Assert.Contains("You are still signed in as", page, StringComparison.Ordinal);
        Assert.Matches("<form class=\"form\" method=\"post\" action=\"/Account/Logout\">", page);
        using var stillIn = await client.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var logout = await client.PostFormAsync("/Account/Logout", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains("You are signed out", await client.GetStringAsync("/Account/Logout"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Signing out drops a screening's unsent answers kept in the tab, on purpose (drafts.js, for a shared computer): when it
    /// did (drafts.js posts answersCleared), the signed-out page says so, in the page's language; otherwise it says nothing
    /// of answers (helper 250).
    /// </summary>
    [Theory]
    [InlineData("en-GB", "Unsent screening answers kept in this browser tab were cleared when you signed out: they were not saved.")]
    [InlineData("zh-CN", "退出登录时，此浏览器标签页中保留的未提交筛查回答已被清除：这些回答未被保存。")]
    public async Task SignOut_ThatDroppedUnsentAnswers_SaysSoOnTheSignedOutPage(string language, string cleared)
    {
        using var factory = new KetamineCdsFactory();
        var (client, _) = await factory.SignInRecordingAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var logout = await client.PostFormAsync("/Account/Logout", "/Account/Logout", [new("answersCleared", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(logout.Headers.Location!));
        Assert.Contains($"<p class=\"notice\" id=\"answers-cleared\" role=\"status\">{cleared}</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("answers-cleared", WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Logout")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorLocksAccount_ItsTokenAndItsActiveCookie_AreRefusedAtOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var (page, _) = await factory.SignInRecordingAsync(KetamineCdsFactory.Psychiatrist);
        // Kept alive by use for 36 minutes: sliding renewals must not push the stamp check back.
        for (var minute = 0; minute < 36; minute += 6)
        {
            clock.Advance(TimeSpan.FromMinutes(6));
            using var active = await page.GetAsync("/Screenings/New");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Psychiatrist);

        using var locked = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Lock", [new("Reason", "left the clinic")]);

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        using var create = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-LOCKED"));
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        using var pageAfter = await page.GetAsync("/Screenings/New");
        Assert.True(SessionClients.IsSentToSignIn(pageAfter), $"Expected a redirect to sign in, got {(int)pageAfter.StatusCode}.");
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "Roles", "SelectedRoles", Roles.ClinicStaff)] // another role (none at all is refused)
    [InlineData(KetamineCdsFactory.Staff, "ResetPassword", "NewPassword", "Fresh!Clinic-Passw0rd")]
    public async Task AdministratorChangesTheAccount_ItsTokenAndCookie_AreRefusedNotMerelyForbidden(string email, string handler, string field, string value)
    {
        using var factory = new KetamineCdsFactory();
        var api = await factory.CreateApiClientAsync(email);
        var (page, _) = await factory.SignInRecordingAsync(email);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(email);

        using var changed = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler={handler}", [new(field, value)]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // Routes open to any signed-in user: only an ended session can refuse them.
        using var read = await api.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        using var pageAfter = await page.GetAsync("/Rules");
        Assert.True(SessionClients.IsSentToSignIn(pageAfter), $"Expected a redirect to sign in, got {(int)pageAfter.StatusCode}.");
    }

    [Fact]
    public async Task PageSession_ActiveButPastItsAbsoluteLifetime_IsSignedOut()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ClockFactory(clock, absoluteLifetime: "02:00:00");
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        for (var minute = 0; minute < 110; minute += 10)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            using var active = await page.GetAsync("/Screenings/New");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(11)); // 121 minutes after sign-in, 11 after the last request
        using var expired = await page.GetAsync("/Screenings/New");

        Assert.True(SessionClients.IsSentToSignIn(expired), $"Expected a redirect to sign in, got {(int)expired.StatusCode}.");
    }

    [Fact]
    public async Task SignInPage_WhileSignedIn_OffersToContinueOrSignOutAndShowsNoForm()
    {
        using var factory = new KetamineCdsFactory();
        var (client, _) = await factory.SignInRecordingAsync(KetamineCdsFactory.Psychiatrist);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Login?ReturnUrl=%2FScreenings%2FNew"));

        Assert.Contains("You are signed in as " + KetamineCdsFactory.Psychiatrist, page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/Screenings/New\">Continue as " + KetamineCdsFactory.Psychiatrist + "</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"password\"", page, StringComparison.Ordinal);
        // No form, so no accounts to sign in with either (the Development box stood under "You are signed in as").
        Assert.DoesNotContain("demo-accounts", page, StringComparison.Ordinal);
        Assert.DoesNotContain(KetamineCds.Web.Security.DemoAccounts.Password, page, StringComparison.Ordinal);

        // Signed out, the same Development page lists them beside its form.
        var signedOut = WebUtility.HtmlDecode(await factory.CreateRawClient().GetStringAsync("/Account/Login"));
        Assert.Contains("<section class=\"demo-accounts\"", signedOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Staff)]
    [InlineData(KetamineCdsFactory.Psychiatrist)]
    public async Task SignIn_SentWhileThisBrowserIsSignedIn_SignsNobodyInAndKeepsTheSession(string email)
    {
        // QA11 F1: a second person signing in on a shared browser (or a stale sign-in form in another tab) used to put
        // their ticket into the first person's session, which then read as ended for both of them.
        using var factory = new KetamineCdsFactory();
        var (client, _) = await factory.SignInRecordingAsync(KetamineCdsFactory.Psychiatrist);

        using var second = await client.PostFormAsync("/Account/Login", "/Account/Login",
            [new("Input.Email", email), new("Input.Password", KetamineCdsFactory.Password)]);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("You are signed in as " + KetamineCdsFactory.Psychiatrist, page, StringComparison.Ordinal);
        using var stillIn = await client.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Contains(KetamineCdsFactory.Psychiatrist, await stillIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInForm_OpenedBeforeThisBrowserSignedInElsewhere_AnswersWithThePageNotABare400()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        var staleToken = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        var freshToken = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        using (var first = await client.PostAsync("/Account/Login", Form(KetamineCdsFactory.Psychiatrist, freshToken)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // The other tab's form still carries the token of a browser that was not signed in.
        using var stale = await client.PostAsync("/Account/Login", Form(KetamineCdsFactory.Staff, staleToken));

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var page = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("You are signed in as " + KetamineCdsFactory.Psychiatrist, page, StringComparison.Ordinal);
        using var stillIn = await client.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task SignInForm_WithoutAValidToken_SignsNobodyInAndSaysToEnterItAgain()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");

        using var forged = await client.PostAsync("/Account/Login", Form(KetamineCdsFactory.Psychiatrist, "not-a-token"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var page = WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync());
        Assert.Contains("This sign-in form had expired: nothing was checked. Enter your email and password again.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"password\"", page, StringComparison.Ordinal);
        using var notIn = await client.GetAsync("/Screenings/New");
        Assert.True(SessionClients.IsSentToSignIn(notIn), $"Expected a redirect to sign in, got {(int)notIn.StatusCode}.");
    }

    private static FormUrlEncodedContent Form(string email, string token) => new(new Dictionary<string, string>
    {
        ["Input.Email"] = email,
        ["Input.Password"] = KetamineCdsFactory.Password,
        ["__RequestVerificationToken"] = token,
    });

    [Fact]
    public async Task SessionStore_RenewedWithAnotherAccountsTicket_EndsTheSessionRatherThanHandItOver()
    {
        using var factory = new KetamineCdsFactory();
        var sessions = factory.Services.GetRequiredService<KetamineCds.Web.Security.ServerSessions>();
        var psychiatrist = await factory.UserIdAsync(KetamineCdsFactory.Psychiatrist);
        var staff = await factory.UserIdAsync(KetamineCdsFactory.Staff);
        string? stamp;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KetamineCds.Infrastructure.Identity.ApplicationUser>>();
            stamp = (await users.FindByEmailAsync(KetamineCdsFactory.Psychiatrist))!.SecurityStamp;
        }

        var id = await sessions.StartAsync(psychiatrist, stamp, KetamineCds.Infrastructure.Identity.UserSession.PageKind, sessions.Now, null, [1], CancellationToken.None);

        await sessions.RenewAsync(id, psychiatrist, [2], stamp, CancellationToken.None);
        Assert.Equal(new byte[] { 2 }, (await sessions.FindAsync(id, CancellationToken.None))?.Ticket);

        await sessions.RenewAsync(id, staff, [3], stamp, CancellationToken.None);
        Assert.Null(await sessions.FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task PageSession_AbsoluteLifetimeByDefault_Is12Hours()
    {
        using var factory = new KetamineCdsFactory();

        var sessions = factory.Services.GetRequiredService<KetamineCds.Web.Security.ServerSessions>();

        Assert.Equal(TimeSpan.FromHours(12), sessions.AbsoluteLifetime);
    }
}
