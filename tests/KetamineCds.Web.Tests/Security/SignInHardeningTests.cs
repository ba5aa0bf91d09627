using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// Sign-in hardening (QA pass 7, F7 to F10): wrong current passwords on changing the password and the lockout, every
/// problem of the change-password form at once, why and until when an account is locked on the administrator's page,
/// and a confirmation with a reason before locking an account or resetting its second factor.
/// </summary>
public sealed class SignInHardeningTests
{
    private const string NewPassword = "violet harbour lantern 42";
    private const string WrongPassword = "not my password at all";

    [Fact]
    public async Task ChangePassword_FifthWrongCurrentPassword_LocksTheAccountEndsEverySessionAndSaysSo()
    {
        using var factory = new KetamineCdsFactory();
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await PostChangeAsync(page, WrongPassword, NewPassword, NewPassword);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await PostChangeAsync(page, WrongPassword, NewPassword, NewPassword);

        Assert.True(SessionClients.IsSentToSignIn(fifth), $"Expected the sign-in page, got {(int)fifth.StatusCode}.");
        var signInPage = WebUtility.HtmlDecode(await page.GetStringAsync(fifth.Headers.Location!.OriginalString));
        var staff = await FindAsync(factory, KetamineCdsFactory.Staff);
        Assert.Contains("This account is locked", signInPage, StringComparison.Ordinal);
        Assert.Contains($"Too many wrong passwords: this account is now locked until {staff.LockoutEnd!.Value.UtcDateTime:HH:mm} UTC", signInPage, StringComparison.Ordinal);
        Assert.Contains("Your password has not been changed.", signInPage, StringComparison.Ordinal);
        Assert.True(staff.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));

        // This browser, and every other session and token of the account, has ended.
        using (var afterwards = await page.GetAsync("/Screenings"))
        {
            Assert.True(SessionClients.IsSentToSignIn(afterwards), $"Expected the sign-in page, got {(int)afterwards.StatusCode}.");
        }

        using (var token = await api.GetAsync("/api/v1/ruleset"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        }

        // The right password now changes nothing: the form is behind the sign-in, which the lock refuses.
        using var sixth = await PostChangeFormAsync(page, KetamineCdsFactory.Password, NewPassword, NewPassword);
        Assert.NotEqual(HttpStatusCode.OK, sixth.StatusCode);
        await AssertPasswordIsStillAsync(factory, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);
        var logged = await SignInEventsAsync(factory, KetamineCdsFactory.Staff);
        Assert.Equal(["sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "locked-out"], logged.Where(e => e.Detail!.StartsWith("change password", StringComparison.Ordinal)).Select(e => e.Kind));
    }

    [Fact]
    public async Task ChangePassword_AccountLockedBySignInAttemptsElsewhere_ChangesNothingAndSaysUntilWhen()
    {
        using var factory = new KetamineCdsFactory();
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        await LockBySignInAttemptsAsync(factory, KetamineCdsFactory.Staff);

        using var post = await PostChangeAsync(page, KetamineCdsFactory.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        var staff = await FindAsync(factory, KetamineCdsFactory.Staff);
        Assert.Contains($"This account is locked until {staff.LockoutEnd!.Value.UtcDateTime:HH:mm} UTC after too many failed sign-in attempts, so its password cannot be changed now.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your password has been changed", html, StringComparison.Ordinal);
        await AssertPasswordIsStillAsync(factory, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);
    }

    [Fact]
    public async Task ChangePasswordApi_FifthWrongCurrentPassword_Answers403AndEndsEveryTokenAndSessionOfTheAccount()
    {
        using var factory = new KetamineCdsFactory();
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = WrongPassword, newPassword = NewPassword });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var fifth = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = WrongPassword, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, fifth.StatusCode);
        using (var problem = JsonDocument.Parse(await fifth.Content.ReadAsStringAsync()))
        {
            Assert.Equal("AccountLockedNow", problem.RootElement.GetProperty("code").GetString());
            Assert.StartsWith("Too many wrong current passwords: this account is now locked", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var until = problem.RootElement.GetProperty("lockedUntil").GetDateTimeOffset();
            Assert.InRange(until, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        }

        using (var token = await api.GetAsync("/api/v1/ruleset"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        }

        using (var cookie = await page.GetAsync("/Screenings"))
        {
            Assert.True(SessionClients.IsSentToSignIn(cookie), $"Expected the sign-in page, got {(int)cookie.StatusCode}.");
        }

        using var sixth = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = KetamineCdsFactory.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        await AssertPasswordIsStillAsync(factory, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);
    }

    [Theory]
    [InlineData(null, "This account is locked (until lockedUntil) after too many failed sign-in attempts")]
    [InlineData("zh-CN", "此账户因多次登录失败已被锁定（至 lockedUntil）")]
    public async Task ChangePasswordApi_AccountLocked_Answers403InTheRequestsLanguageAndKeepsThePassword(string? language, string detail)
    {
        using var factory = new KetamineCdsFactory();
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        if (language is not null)
        {
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        await LockBySignInAttemptsAsync(factory, KetamineCdsFactory.Staff);

        using var post = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = KetamineCdsFactory.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var problem = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        Assert.Equal("AccountLocked", problem.RootElement.GetProperty("code").GetString());
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertPasswordIsStillAsync(factory, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);
    }

    [Theory]
    [InlineData(null, "There are 3 problems to fix; your password has not been changed", "The current password is not right.", "Passwords must be at least 12 characters.", "The two new passwords are not the same.")]
    [InlineData("zh-CN", "有 3 个问题需要修正；密码尚未更改", "当前密码不正确。", "密码至少需要 12 个字符。", "两次输入的新密码不一致。")]
    public async Task ChangePassword_SeveralProblems_ListsThemAllAtOnceInASummaryAndUnderTheirFields(string? language, string heading, string current, string length, string confirm)
    {
        using var factory = new KetamineCdsFactory();
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        if (language is not null)
        {
            page.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var post = await PostChangeAsync(page, WrongPassword, "mauve Qz7", "other");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains($"<h2 id=\"error-summary-title\">{heading}</h2>", html, StringComparison.Ordinal);
        foreach (var (field, message) in new[] { ("Input.CurrentPassword", current), ("Input.NewPassword", length), ("Input.ConfirmPassword", confirm) })
        {
            Assert.Equal((language is null ? "Error: " : "错误： ") + message, FieldMessages.Of(html, field));
            Assert.Contains($"<a href=\"#{field.Replace('.', '_')}\">{message}</a>", html, StringComparison.Ordinal);
        }

        await AssertPasswordIsStillAsync(factory, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);
    }

    [Fact]
    public async Task ChangePasswordApi_SeveralProblems_AnswersEveryFieldAtOnce()
    {
        using var factory = new KetamineCdsFactory();
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        using var post = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = "nope", newPassword = "mauve Qz7" });

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        using var problem = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["The current password is not right."], errors.GetProperty("currentPassword").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Passwords must be at least 12 characters."], errors.GetProperty("newPassword").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task EditUser_AccountLockedByFailedSignIns_SaysUntilWhenAndWhyAndListsTheAttempts()
    {
        using var factory = new KetamineCdsFactory();
        await LockBySignInAttemptsAsync(factory, KetamineCdsFactory.Auditor);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var auditor = await FindAsync(factory, KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{auditor.Id}"));

        Assert.Contains($"Locked until {auditor.LockoutEnd!.Value.UtcDateTime:HH:mm} UTC after failed sign-ins", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed sign-in attempts since the last success", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Locked by an administrator", html, StringComparison.Ordinal);
        var events = Regex.Match(html, "<table class=\"data-table\" id=\"sign-in-events\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(4, Regex.Count(events, "<td>Failed attempt</td>"));
        Assert.Single(Regex.Matches(events, "<td>Locked, or refused while locked</td>"));
    }

    [Fact]
    public async Task EditUser_AccountLockedByAnAdministrator_SaysSoOnTheAccountAndInTheList()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Auditor);
        using var locked = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Lock", [new("Reason", "left the clinic")]);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        var edit = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));
        var list = AccountList.WithWholeEmails(WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users")));

        Assert.Contains("Locked by an administrator", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("after failed sign-ins", edit, StringComparison.Ordinal);
        var row = Regex.Match(list, "<tr>\\s*<td class=\"user-email\">" + Regex.Escape(KetamineCdsFactory.Auditor) + "</td>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("Locked by an administrator", row, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lock", "confirm-lock", "", "There is a problem to fix; the account has not been locked")]
    [InlineData("Lock", "confirm-lock", "   ", "There is a problem to fix; the account has not been locked")]
    [InlineData("ResetSecondFactor", "confirm-reset-second-factor", "", "There is a problem to fix; the second factor has not been reset")]
    public async Task EditUser_LockOrResetWithoutAReason_AsksForOneAtItsSectionAndChangesNothing(string handler, string confirmation, string reason, string summary)
    {
        using var factory = new KetamineCdsFactory();
        var (id, html) = await PostReasonToEnrolledStaffAsync(factory, handler, reason);
        // The confirmation stands again, with the problem under the reason.
        Assert.Contains($"id=\"{confirmation}\"", html, StringComparison.Ordinal);
        Assert.Equal("Error: Give the reason; it is recorded in the access log.", FieldMessages.Of(html, "Reason"));
        // It comes back where it was (its form posts to its own section), with the error summary at the section's top
        // linking to the reason box, as the other forms do.
        Assert.Contains($"action=\"/Admin/Users/Edit/{id}?handler={handler}#{confirmation}\"", html, StringComparison.Ordinal);
        var section = Regex.Match(html, $"id=\"{confirmation}\".*?</form>", RegexOptions.Singleline).Value;
        Assert.Matches(new Regex($"id=\"error-summary\".*?{Regex.Escape(summary)}.*?<a href=\"#Reason\">Give the reason; it is recorded in the access log.</a>.*?<textarea[^>]*id=\"Reason\"", RegexOptions.Singleline), section);
        Assert.Single(Regex.Matches(html, "id=\"error-summary\""));
        // The rest of the page still shows the account as it is: its role stays ticked.
        Assert.Matches(new Regex("id=\"role-ClinicStaff\"[^>]*checked"), html);
        var staff = await FindAsync(factory, KetamineCdsFactory.Staff);
        Assert.Null(staff.LockoutEnd);
        Assert.True(staff.TwoFactorEnabled);
    }

    [Theory]
    [InlineData("Lock", "Left the clinic\u202E today")]
    [InlineData("Lock", "Left the clinic\u0007")]
    [InlineData("ResetSecondFactor", "Lost phone \u2066reported\u2069")]
    public async Task EditUser_ReasonWithHiddenCharacters_IsRefusedOnTheReasonAndChangesNothing(string handler, string reason)
    {
        // QA8 F6: the reason is recorded in the access log and read by auditors; it must read as it was written.
        using var factory = new KetamineCdsFactory();
        var (id, html) = await PostReasonToEnrolledStaffAsync(factory, handler, reason);
        Assert.StartsWith("Error: The reason holds a control character or an invisible mark", FieldMessages.Of(html, "Reason"), StringComparison.Ordinal);
        var staff = await FindAsync(factory, KetamineCdsFactory.Staff);
        Assert.Null(staff.LockoutEnd);
        Assert.True(staff.TwoFactorEnabled);
    }

    /// <summary>
    /// The administrator posts a lock or second-factor reset of the clinic staff account (enrolled in a second factor)
    /// with this reason, and the post is answered 200 (the confirmation again); returns the account's id and the page.
    /// </summary>
    private static async Task<(string Id, string Html)> PostReasonToEnrolledStaffAsync(KetamineCdsFactory factory, string handler, string reason)
    {
        await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Staff));
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler={handler}", [new("Reason", reason)]);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return (id, WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task EditUser_AccountLockedByFailedSignIns_CanBeLockedForGoodWithAReasonWithoutUnlockingItFirst()
    {
        using var factory = new KetamineCdsFactory();
        await LockBySignInAttemptsAsync(factory, KetamineCdsFactory.Auditor);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Auditor);

        // A timed lock offers both: unlock (it was the user) and lock (someone else is guessing the password).
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));
        Assert.Contains(">Unlock account</button>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Admin/Users/Edit/{id}?confirm=Lock#confirm-lock\"", page, StringComparison.Ordinal);
        var confirm = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}?confirm=Lock"));
        Assert.Matches(new Regex("id=\"confirm-lock\".*<textarea[^>]*name=\"Reason\".*<button type=\"submit\" class=\"button button-danger\">Lock account</button>", RegexOptions.Singleline), confirm);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?confirm=Lock", $"/Admin/Users/Edit/{id}?handler=Lock", [new("Reason", "the attempts were not the user's")]);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.True(KetamineCds.Web.Pages.Admin.Users.EditModel.IsAdministratorLock((await FindAsync(factory, KetamineCdsFactory.Auditor)).LockoutEnd));
        var log = factory.Services.GetRequiredService<EfAccessAudit>();
        var recorded = await log.ListForSubjectAsync("user:" + id);
        Assert.Contains(recorded, e => e.Kind == "user-administration" && e.Detail == "locked auditor@demo.local; reason: the attempts were not the user's");
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));
        Assert.Contains("Locked by an administrator", after, StringComparison.Ordinal);
        Assert.Contains(">Unlock account</button>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm=Lock", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditUser_UnlockOfAnAccountThatIsNotLocked_ChangesNothingRecordsNothingAndSaysSo()
    {
        // QA169 F2: a second click on Unlock, or a page left open after another administrator had unlocked the account,
        // recorded "unlocked staff@demo.local" in the access log and said it was unlocked, for an account that was not locked.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Unlock", []);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var recorded = await factory.Services.GetRequiredService<EfAccessAudit>().ListForSubjectAsync("user:" + id);
        Assert.DoesNotContain(recorded, e => e.Kind == "user-administration" && e.UserEmail == KetamineCdsFactory.Admin); // the demo account's creation at start-up is the app's
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(post.Headers.Location!.OriginalString));
        Assert.Contains("staff@demo.local is not locked; nothing has changed.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("staff@demo.local is unlocked.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditUser_LockOfAnAccountThatIsAlreadyLocked_ChangesNothingRecordsNothingAndKeepsTheFirstReason()
    {
        // QA169 F10: a double submit, or a page left open after another administrator had locked the account, recorded a
        // second "locked" event, with perhaps another reason, for an account that was already locked.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);
        var confirm = $"/Admin/Users/Edit/{id}?confirm=Lock";
        using var first = await admin.PostFormAsync(confirm, $"/Admin/Users/Edit/{id}?handler=Lock", [new("Reason", "left the clinic")]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await admin.PostFormAsync(confirm, $"/Admin/Users/Edit/{id}?handler=Lock", [new("Reason", "another reason")]);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var recorded = await factory.Services.GetRequiredService<EfAccessAudit>().ListForSubjectAsync("user:" + id);
        var locked = Assert.Single(recorded, e => e.Kind == "user-administration" && e.UserEmail == KetamineCdsFactory.Admin); // not the app's record of the demo account's creation
        Assert.Equal("locked staff@demo.local; reason: left the clinic", locked.Detail);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(second.Headers.Location!.OriginalString));
        Assert.Contains("staff@demo.local is already locked; nothing has changed. The reason given when it was locked stays the one on record.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("staff@demo.local is locked.", page, StringComparison.Ordinal);
        Assert.True(Web.Pages.Admin.Users.EditModel.IsAdministratorLock((await FindAsync(factory, KetamineCdsFactory.Staff)).LockoutEnd));
    }

    [Theory]
    [InlineData("Lock", "confirm-lock", "Lock account", "locked staff@demo.local; reason: left the clinic")]
    [InlineData("ResetSecondFactor", "confirm-reset-second-factor", "Reset second factor", "reset the second factor of staff@demo.local; reason: left the clinic")]
    public async Task EditUser_LockOrResetConfirmedWithAReason_DoesItAndRecordsTheReason(string handler, string confirmation, string button, string detail)
    {
        using var factory = new KetamineCdsFactory();
        await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Staff));
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        // The first step is a link to the confirmation, a page of its own (no script needed); nothing has changed yet.
        var first = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));
        Assert.DoesNotContain($"id=\"{confirmation}\"", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Admin/Users/Edit/{id}?confirm={handler}#{confirmation}\"", first, StringComparison.Ordinal);
        var confirm = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}?confirm={handler}"));
        Assert.Matches(new Regex($"id=\"{confirmation}\".*<textarea[^>]*name=\"Reason\".*<button type=\"submit\" class=\"button button-danger\">{button}</button>", RegexOptions.Singleline), confirm);
        Assert.True((await FindAsync(factory, KetamineCdsFactory.Staff)).TwoFactorEnabled);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?confirm={handler}", $"/Admin/Users/Edit/{id}?handler={handler}", [new("Reason", " left the clinic ")]);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var staff = await FindAsync(factory, KetamineCdsFactory.Staff);
        Assert.Equal(handler == "Lock", staff.LockoutEnd is not null);
        Assert.Equal(handler == "Lock", staff.TwoFactorEnabled);
        var log = factory.Services.GetRequiredService<EfAccessAudit>();
        var recorded = await log.ListForSubjectAsync("user:" + id);
        Assert.Contains(recorded, e => e.Kind == "user-administration" && e.Detail == detail);
    }

    private static Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string confirm) =>
        client.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword",
        [
            new("Input.CurrentPassword", current),
            new("Input.NewPassword", next),
            new("Input.ConfirmPassword", confirm),
        ]);

    /// <summary>Posts the form without reading it first (the client may no longer reach it).</summary>
    private static Task<HttpResponseMessage> PostChangeFormAsync(HttpClient client, string current, string next, string confirm) =>
        client.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(
        [
            new("Input.CurrentPassword", current),
            new("Input.NewPassword", next),
            new("Input.ConfirmPassword", confirm),
        ]));

    /// <summary>Locks the account with five wrong passwords at the API's sign-in (which ends no session).</summary>
    private static async Task LockBySignInAttemptsAsync(KetamineCdsFactory factory, string email)
    {
        var stranger = factory.CreateRawClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await stranger.PostAsJsonAsync("/api/auth/login", new { email, password = WrongPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        Assert.NotNull((await FindAsync(factory, email)).LockoutEnd);
    }

    private static async Task<ApplicationUser> FindAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!;
    }

    private static async Task AssertPasswordIsStillAsync(KetamineCdsFactory factory, string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.CheckPasswordAsync(user, password), "The password has changed.");
        Assert.False(await users.CheckPasswordAsync(user, NewPassword), "The new password works.");
    }

    /// <summary>The account's sign-in events in the access log, oldest first.</summary>
    private static async Task<IReadOnlyList<AccessLogEntry>> SignInEventsAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsContextFactory>();
        await using var db = contexts.CreateDbContext();
        return db.AccessEvents.Where(e => e.UserEmail == email && (e.Kind == "sign-in-failed" || e.Kind == "locked-out")).OrderBy(e => e.Sequence).ToList();
    }
}
