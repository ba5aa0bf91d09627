using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Helper 298: answers kept from a screening send that failed come back saying what the app knows of that send. The
/// outage page (503: the database could not be reached, nothing stored) and the page of a post the database refused
/// (409: nothing stored, sending it again unchanged will not help) say so to drafts.js, and the form says it in turn;
/// only a send nothing answered for (a bare 502 from something in between, the network lost) may have been recorded. And
/// answers kept by a language switch from the form the app sent back because the log failed during the commit come back
/// saying they may have been recorded, not "nothing has been saved yet"; from the form sent back "NOT saved" (refused,
/// or the database not reached), with the 409 or 503 page's notice (helper 305). Screenshots 80-84.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KeptDraftOutcomeBrowserTests(BrowserFixture browser)
{
    /// <summary>The reasons of the form's notices over answers it gives back after a send (#draft-restored-…).</summary>
    private static readonly string[] Notices = ["sent", "refused", "not-signed-in", "too-large", DatabaseUnavailableHandler.DatabaseUnavailableReason, DatabaseUnavailableHandler.DatabaseRefusedReason];

    [Theory]
    [InlineData(true, "en")]
    [InlineData(true, "zh-CN")]
    [InlineData(false, "en")]
    public async Task NewScreening_SendAnsweredByTheOutageOrRefusedPage_AnswersComeBackSayingNothingWasStored(bool unreachable, string language)
    {
        var zh = language == "zh-CN";
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", zh ? "zh-CN" : null);
        await page.GotoAsync("/Screenings/New");
        var reference = $"MRN-KEPT-{(unreachable ? "503" : "409")}-{language}";
        await FillByIdAsync(page, reference);
        // The app's own page for that failure, as it answers a post of this form (the browser app runs in Development,
        // where the developer page answers an exception instead): the handler writes it here, the route sends it back.
        var answer = await HandlerPageAsync(unreachable, zh ? "zh-Hans" : "en");
        await page.RouteAsync("**/Screenings/New", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.FulfillAsync(new() { Status = answer.Status, ContentType = "text/html; charset=utf-8", Body = answer.Html });
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await page.Locator("#record-screening").ClickAsync();
        var reason = unreachable ? DatabaseUnavailableHandler.DatabaseUnavailableReason : DatabaseUnavailableHandler.DatabaseRefusedReason;
        await page.WaitForFunctionAsync($"() => (JSON.parse(window.sessionStorage.getItem('ketaminecds.draft') || 'null') || {{}}).refused === '{reason}'");
        await page.UnrouteAllAsync();
        await page.Locator("main a").ClickAsync(); // Back to the form
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));

        var notice = page.Locator("#draft-restored-" + reason);
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync(zh ? "该筛查未保存" : "the screening was not saved");
        await Assertions.Expect(notice).ToContainTextAsync(unreachable
            ? (zh ? "提交时无法连接数据库，因此未存储任何内容。请检查答案，然后再次提交表单。" : "the database could not be reached when it was sent, so nothing was stored. Check the answers, then send the form again.")
            : "Sending it again unchanged will not help");
        foreach (var other in Notices.Where(o => o != reason))
        {
            await Assertions.Expect(page.Locator("#draft-restored-" + other)).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync(reference);
        await Assertions.Expect(page.Locator("#failedAdequateTrials")).ToHaveValueAsync("3");
        await ScreenshotAroundAsync(page, notice, $"80-answers-back-after-{reason}-{language}");

        if (unreachable)
        {
            // True: sent again once the database is back, it is recorded, once.
            await page.Locator("#record-screening").ClickAsync();
            await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
            Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('ketaminecds.draft')"));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_SendAnsweredByAPageThatSaysNothingOfIt_AnswersComeBackSayingItMayHaveBeenRecorded()
    {
        // A 502 from a proxy says nothing of what became of the send: the app may have recorded it.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await FillByIdAsync(page, "MRN-KEPT-502");
        await SendAnsweredByABare502Async(page);
        await page.GotoAsync("/Screenings/New");

        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToContainTextAsync("They are from a send that did not complete: the screening may or may not have been recorded. Check the patient's screenings before you send it again.");
        await Assertions.Expect(page.Locator("#draft-restored-database-unavailable")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#draft-restored-database-refused")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-KEPT-502");
        await ScreenshotAroundAsync(page, page.Locator("#draft-restored-sent"), "81-answers-back-after-a-send-nothing-answered-for");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_LogFailedDuringTheCommit_LanguageSwitchKeepsTheAnswersSayingTheyMayHaveBeenRecorded()
    {
        // The form came back saying the screening may have been stored; switched to Chinese, its answers came back saying
        // "nothing has been saved yet".
        using var app = new KestrelAppFactory
        {
            TestServices = services =>
            {
                services.RemoveAll<IDecisionLog>();
                // Its connection is lost during the commit of every screening.
                services.AddSingleton<IDecisionLog>(sp => new FailingLog(
                    sp.GetRequiredService<EfDecisionLog>(),
                    () => new DecisionLogUnavailableException("The connection to the decision log failed during the commit; the entry may have been stored.") { OutcomeUnknown = true }));
            },
        };
        app.StartServer();
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "psychiatrist@demo.local", BrowserFixture.Password));
        await page.GotoAsync("/Screenings/New");
        await FillByIdAsync(page, "MRN-KEPT-COMMIT");

        await page.Locator("#record-screening").ClickAsync();
        await Assertions.Expect(page.Locator("#not-recorded")).ToContainTextAsync("It may have been stored.");
        await page.Locator("form.language button").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-KEPT-COMMIT");
        await ScreenshotAroundAsync(page, page.Locator("#draft-restored-sent"), "82-answers-kept-by-a-switch-after-the-commit-failed-zh");

        await context.CloseAsync();
    }

    [Theory]
    [InlineData(true, "en")]
    [InlineData(true, "zh-CN")]
    [InlineData(false, "en")]
    public async Task NewScreening_NotSavedAlert_LanguageSwitchKeepsTheAnswersWithTheOutageOrRefusalPagesNotice(bool refusedByDatabase, string language)
    {
        // Helper 305 (helper 298's note): the form the app sent back with its "NOT saved" alert (the database refused the
        // screening, or could not be reached), switched to the other language, gave its answers back saying "Check them,
        // then send the form: nothing has been saved yet", though sending refused answers again unchanged will not help.
        // They now come back with the notice the 409 or 503 page's answers come back with.
        var zh = language == "zh-CN";
        Exception cause = refusedByDatabase
            ? new Npgsql.PostgresException("new row for relation \"ledger_entries\" violates check constraint", "ERROR", "ERROR", "23514")
            : new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
        using var app = new KestrelAppFactory
        {
            TestServices = services =>
            {
                services.RemoveAll<IDecisionLog>();
                services.AddSingleton<IDecisionLog>(sp => new FailingLog(
                    sp.GetRequiredService<EfDecisionLog>(), () => new DecisionLogUnavailableException("The decision log could not record the entry; nothing was stored.", cause)));
            },
        };
        app.StartServer();
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress,
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = zh ? language : null,
            ExtraHTTPHeaders = zh ? new Dictionary<string, string> { ["Accept-Language"] = language } : null,
        });
        var page = await context.NewPageAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "psychiatrist@demo.local", BrowserFixture.Password));
        await page.GotoAsync("/Screenings/New");
        var reference = $"MRN-SWITCH-{(refusedByDatabase ? "409" : "503")}-{language}";
        await FillByIdAsync(page, reference);

        await page.Locator("#record-screening").ClickAsync();
        await Assertions.Expect(page.Locator("#not-recorded")).ToContainTextAsync(refusedByDatabase
            ? (zh ? "数据库拒绝存储此筛查" : "The database refused to store it")
            : (zh ? "决策日志不可用" : "The decision log is unavailable"));
        await page.Locator("form.language button").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(zh ? "New screening" : "新建筛查");
        var reason = refusedByDatabase ? DatabaseUnavailableHandler.DatabaseRefusedReason : DatabaseUnavailableHandler.DatabaseUnavailableReason;
        var notice = page.Locator("#draft-restored-" + reason);
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync((refusedByDatabase, zh) switch
        {
            (true, true) => "They were sent, but the screening was not saved: the database refused to store it, so nothing was stored. Sending it again unchanged will not help",
            (true, false) => "该筛查未保存：数据库拒绝存储此筛查，因此未存储任何内容。原样再次提交无济于事",
            (false, _) => "该筛查未保存：提交时无法连接数据库，因此未存储任何内容。",
        });
        foreach (var other in Notices.Where(o => o != reason))
        {
            await Assertions.Expect(page.Locator("#draft-restored-" + other)).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync(); // "send the form: nothing has been saved yet"
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync(reference);
        await Assertions.Expect(page.Locator("#failedAdequateTrials")).ToHaveValueAsync("3");
        await ScreenshotAroundAsync(page, notice, $"84-answers-kept-by-a-switch-after-{reason}-{(zh ? "en" : "zh")}");

        await context.CloseAsync();
    }

    [Theory]
    [InlineData(DatabaseUnavailableHandler.DatabaseRefusedReason, "en")]
    [InlineData(DatabaseUnavailableHandler.DatabaseRefusedReason, "zh-CN")]
    [InlineData("sent", "en")]
    [InlineData("sent", "zh-CN")]
    public async Task NewScreening_FormSentBackNotSaved_SwitchMeetsAnEndedSession_SignInSaysTheAnswersAreKeptAndWhy_ASecondSwitchKeepsWhy(string outcome, string language)
    {
        // Helper 312 (helper 305's note): from the form the app sent back with its "NOT saved" alert (the database refused the
        // screening) or saying it may have been stored (the log failed during the commit), a language switch after the
        // session had ended (signed out in another tab) led to the sign-in page, whose note that the answers are kept stayed
        // hidden: it was written for answers typed and not sent. Signed in again, the answers came back with the right
        // notice; switched once more, they came back with the general one ("nothing has been saved yet"). The sign-in page
        // now says they are kept and why they were not saved (or may have been), and the notice stays the right one.
        var zh = language == "zh-CN";
        var refused = outcome != "sent";
        using var app = new KestrelAppFactory
        {
            TestServices = services =>
            {
                services.RemoveAll<IDecisionLog>();
                services.AddSingleton<IDecisionLog>(sp => new FailingLog(
                    sp.GetRequiredService<EfDecisionLog>(),
                    () => refused
                        ? new DecisionLogUnavailableException("The decision log could not record the entry; nothing was stored.", new Npgsql.PostgresException("new row for relation \"ledger_entries\" violates check constraint", "ERROR", "ERROR", "23514"))
                        : new DecisionLogUnavailableException("The connection to the decision log failed during the commit; the entry may have been stored.") { OutcomeUnknown = true }));
            },
        };
        app.StartServer();
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress,
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = zh ? language : null,
            ExtraHTTPHeaders = zh ? new Dictionary<string, string> { ["Accept-Language"] = language } : null,
        });
        var page = await context.NewPageAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "psychiatrist@demo.local", BrowserFixture.Password));
        await page.GotoAsync("/Screenings/New");
        var reference = $"MRN-H312-{outcome}-{language}";
        await FillByIdAsync(page, reference);
        await page.Locator("#record-screening").ClickAsync();
        await Assertions.Expect(page.Locator("#not-recorded")).ToContainTextAsync((refused, zh) switch
        {
            (true, false) => "The database refused to store it",
            (true, true) => "数据库拒绝存储此筛查",
            (false, false) => "It may have been stored.",
            (false, true) => "该筛查可能已被保存",
        });

        // The session ends: signed out in another tab.
        var other = await context.NewPageAsync();
        await other.GotoAsync("/Rules");
        await other.Locator("form.signout button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(other, new Regex("/Account/Logout$"));
        await other.CloseAsync();

        await page.Locator("form.language button").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?"));
        await Assertions.Expect(page.Locator("#language-not-changed")).ToBeVisibleAsync();
        var kept = page.Locator("#language-draft-kept-" + outcome);
        await Assertions.Expect(kept).ToBeVisibleAsync();
        await Assertions.Expect(kept).ToContainTextAsync(zh ? "已保留在此标签页中" : "are kept in this tab");
        await Assertions.Expect(kept).ToContainTextAsync((refused, zh) switch
        {
            (true, false) => "the screening was not saved: the database refused to store it, so nothing was stored. Sending it again unchanged will not help;",
            (true, true) => "该筛查未保存：数据库拒绝存储此筛查，因此未存储任何内容。原样再次提交无济于事；",
            (false, false) => "the screening may or may not have been recorded. Check the patient's screenings before you send it again.",
            (false, true) => "该筛查可能已记录，也可能未记录。再次提交前，请先查看该患者的筛查记录。",
        });
        // Only that note: not "typed and not sent", nor another outcome's.
        await Assertions.Expect(page.Locator("#language-not-changed p[id^=language-draft-kept]:visible")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, $"85-language-switch-after-session-ended-kept-{outcome}-{(zh ? "zh" : "en")}");

        await page.Locator("#email").FillAsync("psychiatrist@demo.local");
        await page.Locator("#password").FillAsync(BrowserFixture.Password);
        await page.Locator("main form.form button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync(reference);
        await Assertions.Expect(page.Locator("#draft-restored-" + outcome)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();

        // Switched again, the session live: the answers come back with the same notice, in the other language.
        await page.Locator("form.language button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(zh ? "New screening" : "新建筛查");
        var notice = page.Locator("#draft-restored-" + outcome);
        await Assertions.Expect(notice).ToBeVisibleAsync();
        foreach (var o in Notices.Where(o => o != outcome))
        {
            await Assertions.Expect(page.Locator("#draft-restored-" + o)).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync(); // "send the form: nothing has been saved yet"
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync(reference);
        await Assertions.Expect(page.Locator("#failedAdequateTrials")).ToHaveValueAsync("3");
        await ScreenshotAroundAsync(page, notice, $"86-answers-back-after-a-second-switch-{outcome}-{(zh ? "en" : "zh")}");

        await context.CloseAsync();
    }

    [Fact]
    public async Task SignInPage_SwitchedAsAnotherAccountOverAKeptDraft_SaysNothingOfIt_ItsOwnAccountStillGetsItBack()
    {
        // Helper 317: the sign-in page after a language switch refused for an ended session said "the answers on the
        // screening form are kept in this tab … and why" for any draft this tab held for that form, also one kept for the
        // account signed in here before (its send went unanswered), which the form gives back to that account only. To the
        // account that switched, with nothing typed, it spoke of answers it never had, and told it what became of the
        // other one's send. It now speaks only of a draft of the account the form was left as, as the form decides.
        var first = await CreatePsychiatristAsync("first");
        var second = await CreatePsychiatristAsync("second");
        var page = await browser.SignedInPageAsync(first);
        await page.GotoAsync("/Screenings/New");
        await FillByIdAsync(page, "MRN-H317-FIRST");
        await SendAnsweredByABare502Async(page);

        // The first account's session ends, not by signing out (which clears the tab's storage): as an idle timeout or an
        // administrator's change to the account ends it. The second signs in in this tab and opens the form, which keeps
        // the first one's answers for it and shows none of them.
        await EndTheSessionsOfAsync(first);
        Assert.True(await BrowserFixture.SignInAsync(page, second, BrowserFixture.Password));
        await page.GotoAsync("/Screenings/New");
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeHiddenAsync();

        // Its session ends so too, and it switches the language, nothing typed.
        await EndTheSessionsOfAsync(second);
        await page.Locator("form.language button").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Login\\?"));
        await Assertions.Expect(page.Locator("#language-not-changed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#language-not-changed p[id^=language-draft-kept]")).ToHaveCountAsync(KetamineCds.Web.Forms.KeptDraftOutcomes.All.Count + 1);
        await Assertions.Expect(page.Locator("#language-not-changed p[id^=language-draft-kept]:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#language-not-changed")).Not.ToContainTextAsync("kept in this tab", new() { UseInnerText = true });
        await browser.ScreenshotAsync(page, "87-language-switch-as-another-account-over-a-kept-draft");

        // The first account signs in here: the form gives its answers back, saying what is known of its send.
        await page.Locator("#email").FillAsync(first);
        await page.Locator("#password").FillAsync(BrowserFixture.Password);
        await page.Locator("main form.form button[type=submit]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-H317-FIRST");
        await Assertions.Expect(page.Locator("#draft-restored-sent")).ToBeVisibleAsync();

        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Sends the screening form and answers the post as a proxy might, with a bare 502 that says nothing of what became of
    /// the send (the app never sees it); the browser shows that page, and the form's later loads are the app's again.
    /// </summary>
    private static async Task SendAnsweredByABare502Async(IPage page)
    {
        await page.RouteAsync("**/Screenings/New", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.FulfillAsync(new() { Status = 502, ContentType = "text/html", Body = "<h1>502 Bad Gateway</h1>" });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await page.Locator("#record-screening").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("502 Bad Gateway");
        await page.UnrouteAllAsync();
    }

    /// <summary>
    /// Ends the account's sessions as an administrator's change to it does (a new security stamp): the browser still sends
    /// its cookie, and the app no longer takes it, as after an idle timeout. Signing out would also clear the tab's storage.
    /// </summary>
    private async Task EndTheSessionsOfAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!)).Succeeded);
    }

    /// <summary>A psychiatrist's account of its own, with the demo accounts' password, made directly in the app's user store.</summary>
    private async Task<string> CreatePsychiatristAsync(string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}"[..(name.Length + 13)] + "@clinic.example";
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Psychiatrist " + name };
        Assert.True((await users.CreateAsync(user, BrowserFixture.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Psychiatrist)).Succeeded);
        return email;
    }

    /// <summary>The page as the browser window shows it with <paramref name="notice"/> in view (the form is too long to read whole).</summary>
    private async Task ScreenshotAroundAsync(IPage page, ILocator notice, string name)
    {
        await notice.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, name + ".png") });
    }

    /// <summary>The screening form's required answers, by the controls' ids (the labels are in the page's language).</summary>
    private static async Task FillByIdAsync(IPage page, string reference)
    {
        await page.Locator("#patientReference").FillAsync(reference);
        await page.Locator("#ageYears").FillAsync("45");
        await page.Locator("#primaryDiagnosis").SelectOptionAsync("mdd");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.Locator("#failedAdequateTrials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-yes").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("none");
    }

    /// <summary>What the app answers a post of the screening form when the database cannot be reached (503) or refuses it (409).</summary>
    private static async Task<(int Status, string Html)> HandlerPageAsync(bool unreachable, string language)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = "/Screenings/New";
        http.Response.Body = new MemoryStream();
        http.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language), provider: null));
        Exception failure = unreachable ? new TimeoutException() : new SqliteException("SQLite Error 19: 'CHECK constraint failed'.", 19);
        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(http, failure, CancellationToken.None));
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    /// <summary>The app's decision log, which records no screening: each fails with <paramref name="failure"/>'s exception.</summary>
    private sealed class FailingLog(IDecisionLog inner, Func<DecisionLogUnavailableException> failure) : IDecisionLog
    {
        public Task<LoggedScreening> RecordScreeningAsync(ScreeningSubmission submission, CancellationToken cancellationToken = default) => throw failure();

        public Task<LoggedScreening> RecordCorrectionAsync(Guid correctsScreeningId, string reason, ScreeningSubmission submission, CancellationToken cancellationToken = default) =>
            inner.RecordCorrectionAsync(correctsScreeningId, reason, submission, cancellationToken);

        public Task<RecordedSubmission?> FindSubmissionAsync(Guid submissionId, CancellationToken cancellationToken = default) => inner.FindSubmissionAsync(submissionId, cancellationToken);

        public Task<LoggedScreening?> FindScreeningAsync(Guid id, CancellationToken cancellationToken = default) => inner.FindScreeningAsync(id, cancellationToken);

        public Task<PatientScreenings> ListScreeningsForPatientAsync(string patientReference, CancellationToken cancellationToken = default) =>
            inner.ListScreeningsForPatientAsync(patientReference, cancellationToken);

        public Task<LaterScreenings> FindLaterScreeningsAsync(Guid id, CancellationToken cancellationToken = default) => inner.FindLaterScreeningsAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<Guid, LaterScreenings>> FindLaterScreeningsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
            inner.FindLaterScreeningsAsync(ids, cancellationToken);

        public Task<LoggedOverride> RecordOverrideAsync(OverrideSubmission submission, CancellationToken cancellationToken = default) => inner.RecordOverrideAsync(submission, cancellationToken);

        public Task<LoggedHookAnswer> RecordHookAnswerAsync(HookAnswerSubmission submission, CancellationToken cancellationToken = default) => inner.RecordHookAnswerAsync(submission, cancellationToken);

        public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }
}
