using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Nothing typed is lost to a click (QA7 F15): switching the language on a half-filled intake form keeps its answers
/// and says so, and leaving the form by a header link asks first. Screenshots 72 to 79.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnsentAnswersBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewScreening_LanguageSwitchedWithAnswersTyped_KeepsThemAndSaysSo()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-1");
        await page.GetByLabel("Age in years").FillAsync("41");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("bipolar-ii");
        await page.Locator("#moodStabilizer").SelectOptionAsync("lithium");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.Locator("#clinicianNote").FillAsync("Seen with her sister.");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();

        await page.Locator("form.language button").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-1");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("41");
        await Assertions.Expect(page.Locator("#primaryDiagnosis")).ToHaveValueAsync("bipolar-ii");
        // The section the restored diagnosis calls for is shown again, with its answer.
        await Assertions.Expect(page.Locator("#moodStabilizer")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#moodStabilizer")).ToHaveValueAsync("lithium");
        await Assertions.Expect(page.Locator("#currentDepressiveEpisode-yes")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#clinicianNote")).ToHaveValueAsync("Seen with her sister.");
        // Kept for that one reload only.
        Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('ketaminecds.draft')"));
        await browser.ScreenshotAsync(page, "72-answers-kept-across-language-switch-zh");

        // A reload without a switch starts empty, as the form always did.
        await page.GotoAsync("/Screenings/New");
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_HeaderLinkFollowedWithAnswersTyped_AsksBeforeLeaving()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        using var prompts = new Prompts(page);

        // Nothing typed: the link just goes. Arrival is polled (ArrivedAtAsync), not awaited with WaitForURLAsync, whose
        // navigation event can be missed when the click's navigation commits while it starts waiting: it once timed out
        // in CI with nothing typed (the race BrowserFixture.ArrivedAtAsync records).
        await page.Locator("header nav a[href='/Rules']").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Rules$"));
        Assert.Empty(prompts.Seen);

        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-2");
        await page.Locator("header nav a[href='/Rules']").ClickAsync();

        // The prompt is handled on Playwright's event thread: wait until it has been (dismissed), then read what was asked.
        await prompts.FirstHandledAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-2");
        Assert.Equal(["beforeunload"], prompts.Seen);
        Assert.EndsWith("/Screenings/New", page.Url, StringComparison.Ordinal);

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_RestoredAfterASwitch_IsKeptByTheNextSwitchAndLeavingAsks()
    {
        // QA8 F1: the restored answers are still unsent.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-3");
        await page.GetByLabel("Age in years").FillAsync("33");
        await page.Locator("form.language button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-3");

        // Back to English without typing: still there.
        await page.Locator("form.language button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New screening");
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-3");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("33");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();

        // And a header link asks first.
        var asked = await LeaveByTheRulesLinkAsync(page);
        Assert.Equal(["beforeunload"], asked);
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-3");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_SentBackWithProblems_IsKeptByASwitchAndLeavingAsks()
    {
        // QA8 F2: what the server sent back after refusing the post was not recorded.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-4");
        await page.GetByLabel("Age in years").FillAsync("44");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("mdd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-4");

        var asked = await LeaveByTheRulesLinkAsync(page);
        Assert.Equal(["beforeunload"], asked);

        await page.Locator("form.language button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-4");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("44");
        await Assertions.Expect(page.Locator("#primaryDiagnosis")).ToHaveValueAsync("mdd");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Correction_SentBackWithProblems_SwitchKeepsTheEditsNotTheEarlierAnswers()
    {
        // QA8 F2: a refused correction must not quietly go back to the earlier screening's answers.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-DRAFT-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct an answer" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New\\?corrects=[0-9a-f-]{36}$"));
        var correctionForm = page.Url;
        await Assertions.Expect(page.Locator("#failedAdequateTrials")).ToHaveValueAsync("3");
        await page.Locator("#failedAdequateTrials").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync(); // no reason: refused
        await Assertions.Expect(page.Locator("#correctionReason-error")).ToBeVisibleAsync();

        await page.Locator("form.language button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("更正筛查");
        Assert.Equal(correctionForm, page.Url);
        await Assertions.Expect(page.Locator("#failedAdequateTrials")).ToHaveValueAsync("5");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task NewScreening_SessionEndedInAnotherTab_SwitchLeadsToSignInAndTheAnswersComeBackAfterIt(string language)
    {
        // QA8 F22: never a bare JSON page; the draft outlives the sign-in page.
        var zh = language == "zh-CN";
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", zh ? language : null);
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#patientReference").FillAsync("MRN-DRAFT-6");
        await page.Locator("#ageYears").FillAsync("51");

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/Rules");
        await other.Locator("form.signout button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(other, new Regex("/Account/Logout$"));
        await other.CloseAsync();

        await page.Locator("form.language button").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?"));
        await Assertions.Expect(page.Locator("#language-not-changed")).ToContainTextAsync(zh ? "语言未更改" : "The language was not changed");
        // This tab kept the answers typed: the notice says so (helper 273: it said so whether or not it had), in the words
        // the form's notice uses once they are back (KeptDraftOutcomes, helper 323), for the lifetime drafts.js keeps them.
        var kept = page.Locator("#language-draft-kept");
        await Assertions.Expect(kept).ToBeVisibleAsync();
        await Assertions.Expect(kept).ToContainTextAsync(zh ? "如果您在 2 小时内用同一账户登录" : "when you sign in with the same account within 2 hours");
        await Assertions.Expect(kept).ToContainTextAsync(zh ? "这些回答已填写但尚未提交" : "They were typed and not sent");
        await Assertions.Expect(page.Locator("#language-not-changed p[id^=language-draft-kept]:visible")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "73-language-switch-after-session-ended" + (zh ? "-zh" : ""));

        await page.Locator("#email").FillAsync("psychiatrist@demo.local");
        await page.Locator("#password").FillAsync(BrowserFixture.Password);
        await page.Locator("main form.form button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-6");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("51");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored")).ToContainTextAsync(zh ? "这些回答已填写但尚未提交" : "They were typed and not sent");
        await Assertions.Expect(page.Locator("[id^=draft-restored-]:visible")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('ketaminecds.draft')"));
        // The top of the form, where the notice is (the whole form is many screens long).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "73-answers-back-after-sign-in-" + (zh ? "zh" : "en") + ".png") });

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_SessionEndedInAnotherTab_SwitchWithNothingTyped_SignInPageSaysNothingWasKept()
    {
        // Helper 273: the sign-in page said answers typed and not sent were kept in this tab, also when this tab kept none
        // (nothing typed, as here; scripts off; storage refused). It says so only when drafts.js holds them.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await Assertions.Expect(page.Locator("#patientReference")).ToBeVisibleAsync();

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/Rules");
        await other.Locator("form.signout button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(other, new Regex("/Account/Logout$"));
        await other.CloseAsync();

        await page.Locator("form.language button").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?"));
        await Assertions.Expect(page.Locator("#language-not-changed")).ToContainTextAsync("Sign in again to go back to the page, then choose the language again.");
        await Assertions.Expect(page.Locator("#language-draft-kept")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#language-draft-kept")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#language-not-changed")).Not.ToContainTextAsync("kept in this tab", new() { UseInnerText = true }); // as shown
        Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('ketaminecds.draft')"));
        await browser.ScreenshotAsync(page, "73-language-switch-after-session-ended-nothing-kept");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_SendRefusedWhole_AnswersComeBackWithTheFormAndGoOnceRecorded()
    {
        // QA96 F3: the database down at the moment of sending answers 503 with no form at all; what was typed must not be
        // lost. The send is refused here by the browser's route with a bare 503 that says nothing of what became of it, so
        // the form says it may have been recorded; the app's own outage page says nothing was stored, and the form then
        // says so (KeptDraftOutcomeBrowserTests, helper 298).
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-F3");
        await page.GetByLabel("Age in years").FillAsync("52");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("mdd");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.Locator("#failedAdequateTrials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-yes").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("none");
        await page.RouteAsync("**/Screenings/New", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.FulfillAsync(new() { Status = 503, ContentType = "text/plain", Body = "database unavailable" });
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("database unavailable");
        await page.UnrouteAllAsync();
        await page.GotoAsync("/Screenings/New");

        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-F3");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("52");
        await Assertions.Expect(page.Locator("#failedAdequateTrials")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator("#onOralAntidepressant-yes")).ToBeCheckedAsync();
        await browser.ScreenshotAsync(page, "74-answers-kept-after-a-refused-send");

        // Sent again and recorded: the patient's page drops them, and the next form starts empty.
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('ketaminecds.draft')"));
        await page.GotoAsync("/Screenings/New");
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeHiddenAsync();

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NewScreening_SentAfterTheSessionEnded_AnswersComeBackSayingNothingWasRecorded(bool cookieStillSent)
    {
        // Helper 254: the send was refused for authentication before anything was read, so the form given back after
        // signing in says nothing was saved, not "may or may not have been recorded". The session ends as an idle
        // timeout ends it: the server's session is gone while the browser still sends its cookie (or, a browser that
        // dropped the cookie, sends none).
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        var reference = cookieStillSent ? "MRN-DRAFT-EXP1" : "MRN-DRAFT-EXP2";
        await BrowserFixture.FillTheRequiredAnswersAsync(page, reference);
        await page.Locator("#clinicianNote").FillAsync("Typed before the session ended.");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "KetamineCds.Auth");
        await EndTheSessionAsync(page);
        if (cookieStillSent)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = session.Name, Value = session.Value, Domain = session.Domain, Path = session.Path, HttpOnly = session.HttpOnly, SameSite = session.SameSite }]);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?"));
        if (cookieStillSent)
        {
            await Assertions.Expect(page.Locator("#session-ended")).ToContainTextAsync("The screening you sent just now was not saved.");
        }
        else
        {
            // No cookie: whether a session ever existed cannot be told, so the page does not say one ended.
            await Assertions.Expect(page.Locator("#not-signed-in-unsaved")).ToContainTextAsync("The screening you sent just now was not saved");
            await Assertions.Expect(page.Locator("#session-ended")).ToHaveCountAsync(0);
        }

        // This tab kept the answers of that send: the page says they come back, not to enter them again.
        await Assertions.Expect(page.Locator("#draft-kept")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-not-kept")).ToBeHiddenAsync();
        await browser.ScreenshotAsync(page, cookieStillSent ? "75-send-after-session-ended-sign-in" : "75-send-without-session-cookie-sign-in");

        await page.Locator("#email").FillAsync("psychiatrist@demo.local");
        await page.Locator("#password").FillAsync(BrowserFixture.Password);
        await page.Locator("main form.form button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));

        // Why it was refused, as the sign-in page said it: an ended session, or (no cookie) no signed-in session at all.
        var (said, notSaid) = cookieStillSent ? ("#draft-restored-refused", "#draft-restored-not-signed-in") : ("#draft-restored-not-signed-in", "#draft-restored-refused");
        await Assertions.Expect(page.Locator(said)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(said)).ToContainTextAsync("They were sent, but the screening was not saved");
        await Assertions.Expect(page.Locator(said)).ToContainTextAsync(cookieStillSent ? "your session had ended" : "without a signed-in session");
        await Assertions.Expect(page.Locator(notSaid)).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync(reference);
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("45");
        await Assertions.Expect(page.Locator("#failedAdequateTrials")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator("#onOralAntidepressant-yes")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#clinicianNote")).ToHaveValueAsync("Typed before the session ended.");
        await browser.ScreenshotAsync(page, cookieStillSent ? "76-answers-back-after-sign-in-not-recorded" : "76-answers-back-after-sign-in-no-session-cookie");

        // True: sent now, it is recorded (once), and the kept answers go.
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('ketaminecds.draft')"));

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_SentWithAnExpiredFormToken_AnswersComeBackSayingNothingWasRecorded()
    {
        // Helper 254: a form token that no longer holds is refused (400) before the page reads the form: nothing recorded.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-DRAFT-XSRF");
        await page.EvaluateAsync("() => { document.querySelector('main form.screening-form input[name=__RequestVerificationToken]').value = 'expired'; }");

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The request could not be accepted");
        await page.GotoAsync("/Screenings/New");

        await Assertions.Expect(page.Locator("#draft-restored-refused")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-XSRF");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_SendLostOnTheNetwork_StillSaysItMayHaveBeenRecorded()
    {
        // Helper 254: a send the network lost may have reached the app: the form keeps saying so. A refusal page reached
        // again afterwards (going back to it) answers an earlier send, not this one.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-DRAFT-NET");
        await page.RouteAsync("**/Screenings/New", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        var lost = new TaskCompletionSource<IRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.RequestFailed += (_, request) =>
        {
            if (request.Method == "POST")
            {
                lost.TrySetResult(request);
            }
        };

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        // The answers were kept as the form was sent (drafts.js, on the submit event, before the send was lost). Wait for the
        // send to fail, not for an error page: whether Chromium commits one for an aborted form post varies (CI, session 54).
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.UnrouteAllAsync();
        // A sign-in page that once said an earlier send was refused, reloaded: it says nothing of this send.
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FScreenings%2FNew&unsaved=true");
        await page.ReloadAsync();
        await page.GotoAsync("/Screenings/New");

        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored-refused")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-NET");
        await browser.ScreenshotAsync(page, "77-answers-back-after-a-lost-send-may-have-been-recorded");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_AtAPercentEscapedAddress_LanguageSwitchKeepsTheAnswers()
    {
        // Session 57: the kept draft names the address as the browser has it (/Screenings/N%65w), the server sends the
        // switch back to the address as it reads it (/Screenings/New): compared as written, the answers were never given back.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/N%65w");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-ESC1");
        await page.GetByLabel("Age in years").FillAsync("47");

        await page.Locator("form.language button").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-ESC1");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("47");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_AtAPercentEscapedAddress_SentAfterTheSessionEnded_AnswersComeBackSayingNothingWasRecorded()
    {
        // Session 57: the sign-in page's marker (data-draft-refused, the return address decoded) never matched the draft's
        // address as the browser wrote it: the page said to enter the answers again, and the form kept them to itself.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/N%65w");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-DRAFT-ESC2");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "KetamineCds.Auth");
        await EndTheSessionAsync(page);
        await page.Context.AddCookiesAsync([new Cookie { Name = session.Name, Value = session.Value, Domain = session.Domain, Path = session.Path, HttpOnly = session.HttpOnly, SameSite = session.SameSite }]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?"));
        await Assertions.Expect(page.Locator("#session-ended")).ToContainTextAsync("The screening you sent just now was not saved.");
        await Assertions.Expect(page.Locator("#draft-kept")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-not-kept")).ToBeHiddenAsync();

        await page.Locator("#email").FillAsync("psychiatrist@demo.local");
        await page.Locator("#password").FillAsync(BrowserFixture.Password);
        await page.Locator("main form.form button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));

        await Assertions.Expect(page.Locator("#draft-restored-refused")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-ESC2");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("45");
        await browser.ScreenshotAsync(page, "79-answers-back-at-an-escaped-address-not-recorded");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_SentChunkedOverTheLimit_AnswersComeBackSayingTheFormWasTooLarge()
    {
        // Session 56: a form re-sent chunked (no Content-Length, as a proxy may) over the server's limit got the 400 "form
        // may have expired", and the answers came back saying so. The browser's send is passed on here chunked, as such a
        // proxy would, with the browser's own cookies; the browser shows the app's answer.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-DRAFT-CHUNKED");
        await page.Locator("#clinicianNote").FillAsync(new string('x', 3_000));
        var cookies = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => c.Name + "=" + c.Value));
        using var proxy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var relayed = new List<int>();
        await page.RouteAsync("**/Screenings/New", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            // The note made larger than the server accepts, as a 5 MB paste would be.
            var body = route.Request.PostData!.Replace(new string('x', 3_000), new string('x', 2 * 1024 * 1024), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Post, browser.BaseAddress + "/Screenings/New") { Content = new StreamContent(new UnsizedStream(System.Text.Encoding.ASCII.GetBytes(body))) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            request.Headers.TransferEncodingChunked = true;
            request.Headers.Add("Cookie", cookies);
            using var response = await proxy.SendAsync(request);
            relayed.Add((int)response.StatusCode);
            await route.FulfillAsync(new() { Status = (int)response.StatusCode, ContentType = "text/html; charset=utf-8", Body = await response.Content.ReadAsStringAsync() });
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The screening was NOT saved: the form was too large");
        Assert.Equal([413], relayed);
        await browser.ScreenshotAsync(page, "78-chunked-send-over-the-limit-too-large");
        await page.UnrouteAllAsync();
        await page.Locator("#back-to-form").ClickAsync();

        await Assertions.Expect(page.Locator("#draft-restored-too-large")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored-refused")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-CHUNKED");
        await Assertions.Expect(page.Locator("#clinicianNote")).ToHaveValueAsync(new string('x', 3_000));
        await browser.ScreenshotAsync(page, "78-answers-back-after-a-chunked-send-too-large");

        await page.Context.CloseAsync();
    }

    /// <summary>Ends this browser's page session from a second tab, as "Sign out" there would.</summary>
    private static async Task EndTheSessionAsync(IPage page)
    {
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/Rules");
        await other.Locator("form.signout button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(other, new Regex("/Account/Logout$"));
        await other.CloseAsync();
    }

    /// <summary>Clicks the header's Rules link, dismissing any "leave this page?" prompt; returns the prompts seen.</summary>
    private static async Task<List<string>> LeaveByTheRulesLinkAsync(IPage page)
    {
        // The handler stays until the prompt has been handled: taken off at once, a prompt that arrives after it was
        // dismissed by Playwright unseen and the list read empty.
        using var prompts = new Prompts(page);
        await page.Locator("header nav a[href='/Rules']").ClickAsync();
        await prompts.FirstHandledAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToBeVisibleAsync();
        return prompts.Seen;
    }

    /// <summary>
    /// The page's dialogs, each dismissed (stay on the page) and its type noted, on Playwright's event thread; a test waits
    /// for the first to have been handled before it reads them.
    /// </summary>
    private sealed class Prompts : IDisposable
    {
        private readonly IPage _page;
        private readonly List<string> _seen = [];
        private readonly TaskCompletionSource _handled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly EventHandler<IDialog> _onDialog;

        public Prompts(IPage page)
        {
            _page = page;
            _onDialog = async (_, dialog) =>
            {
                lock (_seen)
                {
                    _seen.Add(dialog.Type);
                }

                try
                {
                    await dialog.DismissAsync(); // stay on the page
                }
                finally
                {
                    _handled.TrySetResult();
                }
            };
            _page.Dialog += _onDialog;
        }

        /// <summary>The types of the dialogs handled so far.</summary>
        public List<string> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        /// <summary>Completes when the first dialog has been dismissed; fails, naming what was awaited, when none comes.</summary>
        public async Task FirstHandledAsync()
        {
            try
            {
                await _handled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException("The browser did not ask before leaving the page (no beforeunload prompt within 30 s).", ex);
            }
        }

        public void Dispose() => _page.Dialog -= _onDialog;
    }

    /// <summary>A body whose length is not known in advance (not seekable): HttpClient sends it chunked.</summary>
    private sealed class UnsizedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
