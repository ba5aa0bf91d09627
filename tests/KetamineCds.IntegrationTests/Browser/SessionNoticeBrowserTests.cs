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
    public async Task PageWithoutAForm_WhenTheSessionEnds_GoesToTheSignInPageAndBackAfterIt()
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local");
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Rules");
        await SignOutInAnotherTabAsync(page);

        await page.Clock.FastForwardAsync("16:00");

        // As a reload would: the sign-in page (with "your session has ended" when the cookie is still there, after an idle
        // end; signed out in another tab, it is gone), and signing in comes back to the page.
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?ReturnUrl=%2FRules(&ended=true)?$"));
        await SignInHereAsync(page, "auditor@demo.local");
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Rules$"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "Record an override")]
    [InlineData("zh-Hans", "记录偏离建议的决定")]
    public async Task ResultPage_NothingTyped_WhenTheSessionEnds_LeavesNoPatientDataOnTheScreen(string language, string resultText)
    {
        // QA11 F13: after the idle sign-out the patient's result stayed readable on an unattended screen, under the
        // header's name and "Sign out". The result page holds the override form, but nothing was typed into it.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Screenings/New");
        var reference = "MRN-SESSION-RESULT-" + language.ToUpperInvariant();
        await BrowserFixture.FillTheRequiredAnswersAsync(page, reference);
        await page.Locator("form.screening-form button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        var result = page.Url;
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = browser.BaseAddress }]);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(resultText);
        await SignOutInAnotherTabAsync(page);

        await page.Clock.FastForwardAsync("16:00");

        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?ReturnUrl=%2FScreenings%2F[0-9a-f-]{36}(&ended=true)?$"));
        await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
        Assert.DoesNotContain(reference, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("form.signout")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(page, "43-session-ended-result-" + language);
        await SignInHereAsync(page, "psychiatrist@demo.local");
        await BrowserFixture.ArrivedAtAsync(page, new Regex(Regex.Escape(result) + "$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ResultPage_OverrideExplanationTyped_WhenTheSessionEnds_KeepsWhatWasTyped()
    {
        // A page holding something typed and not sent keeps it, as documented (session.js): only a page with nothing typed goes.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-SESSION-OVERRIDE-TYPED");
        await page.Locator("form.screening-form button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        var result = page.Url;
        await page.Locator("#record-override summary").ClickAsync();
        var explanation = page.Locator("#override-explanation");
        await explanation.FillAsync("Reviewed with the patient.");
        await SignOutInAnotherTabAsync(page);

        await page.Clock.FastForwardAsync("16:00");

        var notice = page.Locator("#session-notice");
        await Assertions.Expect(notice).ToContainTextAsync("What you typed is still here and has not been saved");
        Assert.Equal(result, page.Url);
        await Assertions.Expect(explanation).ToHaveValueAsync("Reviewed with the patient.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Typing_RenewsTheSessionWithinThirtySecondsOfTheLastKeystroke_AndAtMostEveryThirtySeconds()
    {
        // QA11 F10: typing renewed the session only every 4 minutes, so the session could end about 19 minutes after
        // the last keystroke. Each keep-alive the page asks for is logged with the page's clock.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.Clock.InstallAsync();
        await page.AddInitScriptAsync(@"(() => {
            window.__keepAlives = [];
            const fetch = window.fetch;
            window.fetch = function (url) {
                if (String(url).indexOf('/Account/KeepAlive') === 0) { window.__keepAlives.push([Date.now(), String(url)]); }
                return fetch.apply(this, arguments);
            };
        })()");
        await page.GotoAsync("/Screenings/New");
        await page.Clock.PauseAtAsync(DateTime.UtcNow.AddMinutes(1)); // the page's clock moves only when the test moves it
        var patient = page.GetByLabel("Patient reference (MRN)");

        // A keystroke 40 seconds after the page came (more than 30 seconds after its renewal) renews at once.
        await page.Clock.RunForAsync(40_000);
        await patient.PressSequentiallyAsync("M");
        var firstKey = await page.EvaluateAsync<double>("() => Date.now()");
        var firstAnswer = page.WaitForResponseAsync(r => KeepAlive.IsMatch(r.Url));
        await page.Clock.RunForAsync(1_000);
        Assert.Equal(200, (await firstAnswer).Status);
        // Another 10 seconds later: not renewed again before 30 seconds have passed since the last renewal, then at once.
        await page.Clock.RunForAsync(9_000);
        await patient.PressSequentiallyAsync("R");
        var lastKey = await page.EvaluateAsync<double>("() => Date.now()");
        await page.Clock.RunForAsync(19_000);
        var before = await page.EvaluateAsync<double[][]>("() => window.__keepAlives.map(k => [k[0], k[1].indexOf('check') < 0 ? 1 : 0])");
        await page.Clock.RunForAsync(2_000);
        await page.Clock.RunForAsync(60_000); // nothing typed since: no more renewals
        var renewals = (await page.EvaluateAsync<double[][]>("() => window.__keepAlives.map(k => [k[0], k[1].indexOf('check') < 0 ? 1 : 0])"))
            .Where(k => k[1] == 1).Select(k => k[0]).ToList();

        Assert.Equal(2, renewals.Count);
        Assert.InRange(renewals[0] - firstKey, 0, 1_000);
        Assert.Single(before, k => k[1] == 1); // the second waited for 30 seconds after the first
        Assert.InRange(renewals[1] - renewals[0], 30_000, 30_000 + 1_000);
        Assert.InRange(renewals[1] - lastKey, 0, 30_000);
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

    /// <summary>Signs in on the sign-in page the tab shows, which then goes back to the page it names (ReturnUrl).</summary>
    private static async Task SignInHereAsync(IPage page, string email)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(BrowserFixture.Password);
        await page.Locator("main form.form button[type=submit]").ClickAsync();
    }

    /// <summary>Ends the session from a second tab of the same browser, as "Sign out" there would; returns that tab.</summary>
    private static async Task<IPage> SignOutInAnotherTabAsync(IPage page)
    {
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/");
        await other.Locator("form.signout button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(other, new Regex("/Account/(Login|Logout)"));
        return other;
    }
}
