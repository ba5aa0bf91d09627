using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// A clinician typing a long history is not signed out by the idle timeout, and if the session does end, what they
/// typed stays on the page and can be sent after signing in again in another tab (SessionKeepAlive, session.js). The
/// browser's clock is Playwright's, moved on by minutes; the server's is real, so the session ends by signing out in the
/// other tab, as an administrator's lock or a colleague's sign-out on the same browser would end it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SessionNoticeBrowserTests(BrowserFixture browser)
{
    private static readonly Regex KeepAlive = new("/Account/KeepAlive$");
    private static readonly Regex Check = new("/Account/KeepAlive\\?check=true$");

    [Fact]
    public async Task LongForm_WarnsAndRenews_AndAfterTheSessionEndsKeepsTheAnswersToSendOnceSignedInAgain()
    {
        var (page, problems) = await browser.NewPageUnderCspAsync();
        await page.Clock.InstallAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "psychiatrist@demo.local", BrowserFixture.Password));
        await page.GotoAsync("/Screenings/New");
        var notice = page.Locator("#session-notice");
        await Assertions.Expect(notice).ToBeHiddenAsync();

        // Nothing sent for 13.5 minutes: the warning, its minutes following the clock, and "Stay signed in" renews the session.
        await page.Clock.FastForwardAsync("13:30");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("You will be signed out in about 2 minutes");
        await browser.ScreenshotAsync(page, "40-session-warning");
        await page.Clock.FastForwardAsync("01:00");
        await Assertions.Expect(notice).ToContainTextAsync("You will be signed out in about a minute");
        var stayed = page.WaitForResponseAsync(r => KeepAlive.IsMatch(r.Url));
        await notice.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        Assert.Equal(200, (await stayed).Status);
        await Assertions.Expect(notice).ToBeHiddenAsync();

        // Typing is activity: five minutes later the session is renewed without a click.
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-SESSION-1");
        var renewed = page.WaitForResponseAsync(r => KeepAlive.IsMatch(r.Url));
        await page.Clock.FastForwardAsync("05:00");
        Assert.Equal(200, (await renewed).Status);
        await Assertions.Expect(notice).ToBeHiddenAsync();

        // The session ends (signed out in another tab); the form says so and keeps every answer.
        var other = await SignOutInAnotherTabAsync(page);
        // Past its end the page asks whether the session is still live, with a check that renews nothing.
        var refused = page.WaitForResponseAsync(r => Check.IsMatch(r.Url));
        await page.Clock.FastForwardAsync("16:00");
        Assert.Equal(401, (await refused).Status);
        await Assertions.Expect(notice).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(notice).ToContainTextAsync("What you typed is still here and has not been saved");
        await Assertions.Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Sign in in a new tab" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Patient reference (MRN)")).ToHaveValueAsync("MRN-SESSION-1");
        await browser.ScreenshotAsync(page, "41-session-ended");

        // Signed in again in the other tab: this tab says so, and sends what was typed.
        Assert.True(await BrowserFixture.SignInAsync(other, "psychiatrist@demo.local", BrowserFixture.Password));
        await Assertions.Expect(notice).ToContainTextAsync("You are signed in again");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("MRN-SESSION-1");

        // The one 401 is the keep-alive's answer once the session had ended; nothing else failed, no CSP refusal.
        Assert.Equal([], problems.Where(p => !(p.StartsWith("401 ", StringComparison.Ordinal) && p.Contains("/Account/KeepAlive", StringComparison.Ordinal))
            && !p.Contains("401 (Unauthorized)", StringComparison.Ordinal)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PageWithoutAForm_WhenTheSessionEnds_SaysSoWithoutTalkingOfTypedAnswers()
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local");
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Rules");
        await SignOutInAnotherTabAsync(page);

        await page.Clock.FastForwardAsync("16:00");

        var notice = page.Locator("#session-notice");
        await Assertions.Expect(notice).ToContainTextAsync("Your session has ended. Sign in again to go on.");
        await Assertions.Expect(notice).Not.ToContainTextAsync("What you typed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Warning_IsWrittenIntoALiveRegionThePageHadFromItsStart()
    {
        // QA10a A2: the warning's words were written into a hidden element with no role, which got role="status" and
        // showed only afterwards; a screen reader announces changes to a live region it already knows.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Screenings/New");
        var notice = page.Locator("#session-notice");
        await Assertions.Expect(notice).ToHaveAttributeAsync("role", "status");
        Assert.Equal("", await notice.Locator(".session-notice__text").TextContentAsync());
        var quiet = await notice.EvaluateAsync<string>("n => getComputedStyle(n).display + ' ' + (n.closest('[hidden],[aria-hidden=true]') === null)");
        Assert.NotEqual("none", quiet.Split(' ')[0]);
        Assert.EndsWith("True", quiet, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(notice).ToBeHiddenAsync(); // no box while quiet

        await page.Clock.FastForwardAsync("13:30");

        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(notice.Locator(".session-notice__text")).ToHaveTextAsync(new Regex("^You will be signed out in about 2 minutes"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Warning_ShownAtTheTop_NeverHidesTheFieldThatHasFocus()
    {
        // QA10a A1 (WCAG 2.4.11): the notice stays at the top of the window, and Shift+Tab up the form put the focus on
        // fields scrolled to the window's top edge, entirely under it.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Screenings/New");
        await page.Clock.FastForwardAsync("13:30");
        var notice = page.Locator("#session-notice");
        await Assertions.Expect(notice).ToBeVisibleAsync();

        await page.Locator("#clinicianNote").FocusAsync();
        var hidden = new List<string>();
        var steps = 0;
        string id;
        do
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            steps++;
            // The focused control's box against the notice's: a control above the notice's bottom edge is under it.
            var where = await page.EvaluateAsync<double[]>(@"() => {
                const n = document.getElementById('session-notice').getBoundingClientRect();
                const e = document.activeElement.getBoundingClientRect();
                return [n.bottom, e.top, e.bottom, e.height];
            }");
            id = await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName");
            if (where[3] > 0 && where[2] > 0 && where[1] < where[0] - 1)
            {
                hidden.Add($"{id}: top {where[1]:0} under the notice's bottom {where[0]:0}");
            }
        }
        while (id != "ageYears" && steps < 120);

        Assert.Equal("ageYears", id);
        Assert.Empty(hidden);
        await browser.ScreenshotAsync(page, "42-session-warning-focus");
        await page.Context.CloseAsync();
    }

    /// <summary>Ends the session from a second tab of the same browser, as "Sign out" there would; returns that tab.</summary>
    private static async Task<IPage> SignOutInAnotherTabAsync(IPage page)
    {
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(other, new Regex("/Account/(Login|Logout)"));
        return other;
    }
}
