using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// Account hygiene (issue 15, docs/security.md "Accounts and passwords"): the common-password check, changing one's own
/// password, the forced change of an administrator-set password, the TOTP second factor and its per-role requirement,
/// and conflicting roles.
/// </summary>
public sealed class AccountHygieneTests
{
    private const string NewUserPassword = "Clinic intake 2026 start";
    private const string OwnPassword = "violet harbour lantern 42";

    [Theory]
    [InlineData("Password123!")]
    [InlineData("password")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("!!Summer2024")]
    [InlineData("L3tmein!!2025")]
    [InlineData("Trustno1!!!!")]
    [InlineData("QWERTYUIOP12!")]
    public void IsCommon_CommonPasswordWithDecorations_IsTrue(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("Demo!Passw0rd1")]
    [InlineData("violet harbour lantern 42")]
    [InlineData("Clinic!Start2026")]
    [InlineData("Fresh!Auditor2026")]
    [InlineData("ab1234567890!")]
    public void IsCommon_UncommonPassword_IsFalse(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void CommonPasswordList_IsEmbedded_AndHoldsTenThousandPasswords() =>
        Assert.Equal(10_000, CommonPasswordValidator.Count);

    [Fact]
    public void TestTotp_Rfc6238TestVector_GivesTheStandardsCode() =>
        // RFC 6238 appendix B: SHA-1 key "12345678901234567890" at T = 59 s gives 94287082; six digits are 287082.
        Assert.Equal("287082", TestTotp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));

    [Theory]
    [InlineData("Password123!")]
    [InlineData("Summer2024!!")]
    public async Task CreateUser_CommonPassword_IsRefusedUnderThePasswordField(string password)
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        using var post = await PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "common@clinic.example",
            ["Input.Role"] = Roles.ClinicStaff,
            ["Input.Password"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync();
        Assert.StartsWith("Error: This is one of the most common passwords", FieldMessages.Of(html, "Input.Password"), StringComparison.Ordinal);
        Assert.Null(await FindAsync(factory, "common@clinic.example"));
    }

    [Theory]
    [InlineData("margaret.okonkwo-smith@clinic.example", "The password must not be the account's email address or name.")] // the email itself
    [InlineData("Margaret.Okonkwo-Smith", "The password must not be the account's email address or name.")] // its part before the @
    [InlineData("Demo!Passw0rd1 ", "The published demo password cannot be used for a real account.")] // with a space after it
    public async Task CreateUser_PasswordIsTheAccountsNameOrTheDemoPasswordWithSpaces_IsRefused(string password, string message)
    {
        // QA132 F10: both were accepted as an initial password.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        using var post = await PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "margaret.okonkwo-smith@clinic.example",
            ["Input.Role"] = Roles.ClinicStaff,
            ["Input.Password"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("Error: " + message, FieldMessages.Of(WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()), "Input.Password"));
        Assert.Null(await FindAsync(factory, "margaret.okonkwo-smith@clinic.example"));
    }

    [Fact]
    public async Task CreateUser_BadEmailHiddenMarkInTheNameAndAWeakPassword_SaysEveryProblemAtOnce()
    {
        // QA132 F10: only the email's problem was shown; the password's came after the email was fixed, and a display
        // name with a right-to-left override (shown as "xy" in the users list) was accepted.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        using var post = await PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "bad-email",
            ["Input.DisplayName"] = "x\u202Ey",
            ["Input.Role"] = Roles.ClinicStaff,
            ["Input.Password"] = "Password123!",
        });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Equal("Error: Enter a valid email address.", FieldMessages.Of(html, "Input.Email"));
        Assert.StartsWith("Error: The display name holds a control character or an invisible mark", FieldMessages.Of(html, "Input.DisplayName"), StringComparison.Ordinal);
        Assert.StartsWith("Error: This is one of the most common passwords", FieldMessages.Of(html, "Input.Password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_NothingFilledInChinese_SaysWhatIsMissingInChineseOnlyAndSumsItUpFirst()
    {
        // QA: the Chinese page showed the binder's English "The Email field is required." and no error summary.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var post = await PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "",
            ["Input.Role"] = Roles.ClinicStaff,
            ["Input.Password"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.DoesNotMatch(new Regex("[^>]{0,80}field is required"), html);
        var summary = Regex.Match(html, "<div class=\"error-summary[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(summary.Success, "no error summary");
        Assert.Contains("请输入用户的电子邮箱地址。", summary.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("请输入初始密码。", summary.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal("错误： 请输入用户的电子邮箱地址。", FieldMessages.Of(html, "Input.Email"));
    }

    [Fact]
    public async Task ResetPassword_CommonPassword_IsRefused()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = (await FindAsync(factory, KetamineCdsFactory.Staff))!.Id;

        using var post = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=ResetPassword", new() { ["NewPassword"] = "Password123!" });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("most common passwords", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await FindAsync(factory, KetamineCdsFactory.Staff))!.MustChangePassword);
    }

    [Theory]
    [InlineData(null, "", "There is a problem to fix; the password has not been reset", "Enter the new password.")]
    [InlineData(null, "abc", "There are 2 problems to fix; the password has not been reset", "Passwords must be at least 12 characters.")]
    [InlineData("zh-CN", "", "有 1 个问题需要修正；密码尚未重置", "请输入新密码。")]
    [InlineData("zh-CN", "abc", "有 2 个问题需要修正；密码尚未重置", "密码至少需要 12 个字符。")]
    public async Task ResetPassword_Refused_SaysSoAtTheTopOfItsFormLinkedToTheField(string? language, string password, string heading, string message)
    {
        // QA169 F4: the roles, lock and second-factor forms sum up their problem above the form; a refused password reset
        // said it only under the field, and never that the password had not been reset.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = (await FindAsync(factory, KetamineCdsFactory.Staff))!.Id;
        if (language is not null)
        {
            admin.DefaultRequestHeaders.Add("Accept-Language", language);
        }

        using var post = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=ResetPassword", new() { ["NewPassword"] = password });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Matches(new Regex($"<h3 id=\"error-summary-title\">{Regex.Escape(heading)}</h3>\\s*<ul>\\s*<li>\\s*<a href=\"#NewPassword\">{Regex.Escape(message)}"), html);
        Assert.False((await FindAsync(factory, KetamineCdsFactory.Staff))!.MustChangePassword);
    }

    [Fact]
    public async Task ChangePassword_Valid_ChangesItAndTheSecurityStamp()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var stampBefore = (await FindAsync(factory, KetamineCdsFactory.Staff))!.SecurityStamp;

        using var post = await PostFormAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = KetamineCdsFactory.Password,
            ["Input.NewPassword"] = OwnPassword,
            ["Input.ConfirmPassword"] = OwnPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var page = await client.GetStringAsync(post.Headers.Location!.OriginalString);
        Assert.Contains("Your password has been changed", page, StringComparison.Ordinal);
        Assert.NotEqual(stampBefore, (await FindAsync(factory, KetamineCdsFactory.Staff))!.SecurityStamp);
        var anonymous = factory.CreateRawClient();
        using var old = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = KetamineCdsFactory.Password });
        using var fresh = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = OwnPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        // This session goes on with the renewed cookie.
        using var stillIn = await client.GetAsync("/Screenings");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Theory]
    [InlineData("Wrong current 123", OwnPassword, OwnPassword, "Input.CurrentPassword", "The current password is not right.")]
    [InlineData(KetamineCdsFactory.Password, OwnPassword, "something else entirely", "Input.ConfirmPassword", "The two new passwords are not the same.")]
    [InlineData(KetamineCdsFactory.Password, "Password123!", "Password123!", "Input.NewPassword", "This is one of the most common passwords")]
    [InlineData(KetamineCdsFactory.Password, "short one", "short one", "Input.NewPassword", "Passwords must be at least 12 characters.")]
    [InlineData("", OwnPassword, OwnPassword, "Input.CurrentPassword", "Enter your current password.")]
    public async Task ChangePassword_BadInput_ShowsTheMessageAtItsFieldAndKeepsThePassword(string current, string next, string confirm, string field, string message)
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        using var post = await PostFormAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync();
        Assert.StartsWith("Error: " + message, FieldMessages.Of(html, field), StringComparison.Ordinal);
        var anonymous = factory.CreateRawClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = KetamineCdsFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_SignedOut_RedirectsToSignIn()
    {
        using var factory = new KetamineCdsFactory();
        using var response = await factory.CreateRawClient().GetAsync("/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewUser_AdministratorSetPassword_MustBeChangedBeforeAnyPageOrApiCall()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        using var created = await PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "new.doctor@clinic.example",
            ["Input.Role"] = Roles.Psychiatrist,
            ["Input.Password"] = NewUserPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True((await FindAsync(factory, "new.doctor@clinic.example"))!.MustChangePassword);

        var user = await SignInAsync(factory, "new.doctor@clinic.example", NewUserPassword);
        using var page = await user.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/ChangePassword?returnUrl=%2FScreenings%2FNew", page.Headers.Location!.OriginalString);

        var api = await ApiClientAsync(factory, "new.doctor@clinic.example", NewUserPassword);
        using var call = await api.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.Forbidden, call.StatusCode);
        Assert.Equal("application/problem+json", call.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await call.Content.ReadAsStringAsync()))
        {
            Assert.Equal("password-change-required", problem.RootElement.GetProperty("code").GetString());
            Assert.Contains("/Account/ChangePassword", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var form = await user.GetStringAsync("/Account/ChangePassword");
        Assert.Contains("Choose your own password first", form, StringComparison.Ordinal);
        using var changed = await PostFormAsync(user, "/Account/ChangePassword?returnUrl=%2FScreenings%2FNew", new()
        {
            ["Input.CurrentPassword"] = NewUserPassword,
            ["Input.NewPassword"] = OwnPassword,
            ["Input.ConfirmPassword"] = OwnPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/Screenings/New", changed.Headers.Location!.OriginalString);
        using var after = await user.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False((await FindAsync(factory, "new.doctor@clinic.example"))!.MustChangePassword);
        var freshApi = await ApiClientAsync(factory, "new.doctor@clinic.example", OwnPassword);
        using var freshCall = await freshApi.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.OK, freshCall.StatusCode);
    }

    [Fact]
    public async Task ChangePasswordApi_AccountThatMustChange_ChangesItAndIsOpenAgainAfterSigningIn()
    {
        using var factory = new KetamineCdsFactory();
        await CreateUserAsync(factory, "api.client@clinic.example", Roles.Psychiatrist, mustChangePassword: true);
        var api = await ApiClientAsync(factory, "api.client@clinic.example", NewUserPassword);
        using (var refused = await api.GetAsync("/api/v1/ruleset"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var wrong = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not the password 1", newPassword = OwnPassword }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            using var problem = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync());
            Assert.Equal("The current password is not right.", problem.RootElement.GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        }

        using (var common = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = NewUserPassword, newPassword = "Password123!" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
            using var problem = JsonDocument.Parse(await common.Content.ReadAsStringAsync());
            Assert.StartsWith("This is one of the most common passwords", problem.RootElement.GetProperty("errors").GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);
        }

        using var changed = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = NewUserPassword, newPassword = OwnPassword });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.False((await FindAsync(factory, "api.client@clinic.example"))!.MustChangePassword);
        var fresh = await ApiClientAsync(factory, "api.client@clinic.example", OwnPassword);
        using var open = await fresh.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task ChangePasswordApi_WithoutAToken_Answers401()
    {
        using var factory = new KetamineCdsFactory();

        using var response = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/password", new { currentPassword = KetamineCdsFactory.Password, newPassword = OwnPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_ByAdministrator_MustBeChangedAtNextSignIn()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = (await FindAsync(factory, KetamineCdsFactory.Auditor))!.Id;

        using var reset = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=ResetPassword", new() { ["NewPassword"] = NewUserPassword });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var auditor = await SignInAsync(factory, KetamineCdsFactory.Auditor, NewUserPassword);
        using var page = await auditor.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithACommonPasswordSetBeforeTheCheck_MustChangeIt()
    {
        using var factory = new KetamineCdsFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // An account whose password predates the check: stored without the validators, as an older version did.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var old = new ApplicationUser { UserName = "old.timer@clinic.example", Email = "old.timer@clinic.example", EmailConfirmed = true };
            old.PasswordHash = users.PasswordHasher.HashPassword(old, "Password123!");
            Assert.True((await users.CreateAsync(old)).Succeeded);
            Assert.True((await users.AddToRoleAsync(old, Roles.ClinicStaff)).Succeeded);
        }

        var client = await SignInAsync(factory, "old.timer@clinic.example", "Password123!");

        Assert.True((await FindAsync(factory, "old.timer@clinic.example"))!.MustChangePassword);
        using var page = await client.GetAsync("/Screenings");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("one of the most common passwords", await client.GetStringAsync("/Account/ChangePassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnUncommonPassword_IsNotMarked()
    {
        using var factory = new KetamineCdsFactory();
        await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        Assert.False((await FindAsync(factory, KetamineCdsFactory.Auditor))!.MustChangePassword);
    }

    [Fact]
    public async Task DemoAccounts_InDevelopment_NeedNoPasswordChangeAndNoSecondFactor()
    {
        using var factory = new KetamineCdsFactory();
        foreach (var (email, _, _) in DemoAccounts.All)
        {
            var user = (await FindAsync(factory, email))!;
            Assert.False(user.MustChangePassword, email);
            Assert.False(user.TwoFactorEnabled, email);
        }

        var psychiatrist = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var page = await psychiatrist.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SecondFactor_Enrolled_SignInAsksForAFreshCodeOnThePageAndInTheApi()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var (key, recoveryCodes, enrolmentCode) = await EnrolAsync(client);
        Assert.Equal(Authenticator.RecoveryCodeCount, recoveryCodes.Count);
        Assert.True((await FindAsync(factory, KetamineCdsFactory.Psychiatrist))!.TwoFactorEnabled);

        // Page: the password alone leads to the code step, not into the app.
        var fresh = factory.CreateRawClient();
        using var password = await PostFormAsync(fresh, "/Account/Login", new()
        {
            ["Input.Email"] = KetamineCdsFactory.Psychiatrist,
            ["Input.Password"] = KetamineCdsFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWithCode", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using (var notYet = await fresh.GetAsync("/Screenings/New"))
        {
            Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
            Assert.StartsWith("/Account/Login", notYet.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var wrong = await PostFormAsync(fresh, "/Account/LoginWithCode", new() { ["Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The code used to turn the second factor on does not work a second time (OWASP ASVS V2.8.4): that exact code,
        // not the current step's, which is a new code once the clock has moved on to the next step.
        using var replayed = await PostFormAsync(fresh, "/Account/LoginWithCode", new() { ["Code"] = enrolmentCode });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("That code was already used. Wait for the next code in your authenticator app", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = await PostFormAsync(fresh, "/Account/LoginWithCode", new() { ["Code"] = TestTotp.CodeInSteps(key, 1) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        using (var inside = await fresh.GetAsync("/Screenings/New"))
        {
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        }

        // API: Identity's field names.
        var api = factory.CreateRawClient();
        using var noCode = await api.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Contains("RequiresTwoFactor", await noCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badCode = await api.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, twoFactorCode = WrongCode(key) });
        Assert.Equal(HttpStatusCode.Unauthorized, badCode.StatusCode);
        // One code, read once: read again after a 30-second boundary it would be the next step's code, a new one (a flake
        // seen once under load, when the replay below was accepted).
        var stepAfterNext = TestTotp.CodeInSteps(key, 2);
        using var withCode = await api.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, twoFactorCode = stepAfterNext });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.Contains("accessToken", await withCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var sameCode = await api.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, twoFactorCode = stepAfterNext });
        Assert.Equal(HttpStatusCode.Unauthorized, sameCode.StatusCode);
        using (var problem = JsonDocument.Parse(await sameCode.Content.ReadAsStringAsync()))
        {
            Assert.Equal("TwoFactorCodeAlreadyUsed", problem.RootElement.GetProperty("code").GetString());
            Assert.StartsWith("This code from the authenticator app was already used. Wait for the next code", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var recovery = await api.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, twoFactorRecoveryCode = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, recovery.StatusCode);
        using var reused = await api.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, twoFactorRecoveryCode = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
    }

    [Fact]
    public async Task SecondFactor_CodeUsedAgainInChinese_IsRefusedSayingItWasUsedAndAWrongCodeStillSaysWrong()
    {
        using var factory = new KetamineCdsFactory();
        var (key, _, enrolmentCode) = await EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var page = factory.CreateRawClient();
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var password = await PostFormAsync(page, "/Account/Login", new()
        {
            ["Input.Email"] = KetamineCdsFactory.Psychiatrist,
            ["Input.Password"] = KetamineCdsFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);

        using var replayed = await PostFormAsync(page, "/Account/LoginWithCode", new() { ["Code"] = enrolmentCode });
        using var wrong = await PostFormAsync(page, "/Account/LoginWithCode", new() { ["Code"] = WrongCode(key) });

        Assert.Contains("该验证码已被使用过。请等待身份验证器应用显示下一个验证码", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("验证码不正确。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var stillOut = await page.GetAsync("/Screenings/New"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, twoFactorCode = enrolmentCode }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var api = await factory.CreateRawClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.StartsWith("该身份验证器应用验证码已被使用过。", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.RootElement.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task SecondFactor_RecoveryCodeOnThePage_SignsInOnceAndIsStoredHashed()
    {
        using var factory = new KetamineCdsFactory();
        var (_, recoveryCodes, _) = await EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Staff));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Stored salted and hashed (ASVS V2.6.2): the database holds none of the codes shown.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = await users.GetAuthenticationTokenAsync((await users.FindByEmailAsync(KetamineCdsFactory.Staff))!, "[AspNetUserStore]", "RecoveryCodes");
            Assert.Equal(Authenticator.RecoveryCodeCount, stored!.Split(';').Length);
            Assert.All(recoveryCodes, code => Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase));
        }


        var fresh = factory.CreateRawClient();
        using var password = await PostFormAsync(fresh, "/Account/Login", new() { ["Input.Email"] = KetamineCdsFactory.Staff, ["Input.Password"] = KetamineCdsFactory.Password });
        using var signedIn = await PostFormAsync(fresh, "/Account/LoginWithCode?handler=Recovery", new() { ["RecoveryCode"] = recoveryCodes[1].ToLowerInvariant() }, "/Account/LoginWithCode");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var status = await fresh.GetStringAsync("/Account/TwoFactor");
        Assert.Contains($"Recovery codes left: <strong>{Authenticator.RecoveryCodeCount - 1}</strong>", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondFactor_AWrongRecoveryCodeFirst_TheAppsCodeFormStillSignsIn()
    {
        // QA169 F1: after a wrong recovery code the page is /Account/LoginWithCode?handler=Recovery, and the app code's
        // form, which named no action, posted back there: the recovery handler answered "Enter one of your recovery
        // codes" to a right app code, and the user could not sign in with the app without starting again.
        using var factory = new KetamineCdsFactory();
        var (key, _, _) = await EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Staff));
        var fresh = factory.CreateRawClient();
        using var password = await PostFormAsync(fresh, "/Account/Login", new() { ["Input.Email"] = KetamineCdsFactory.Staff, ["Input.Password"] = KetamineCdsFactory.Password });
        const string afterRecovery = "/Account/LoginWithCode?handler=Recovery";
        using var wrongRecovery = await PostFormAsync(fresh, afterRecovery, new() { ["RecoveryCode"] = "XXXXX-XXXXX" }, "/Account/LoginWithCode");
        var html = await wrongRecovery.Content.ReadAsStringAsync();
        Assert.Contains("That recovery code is not right", html, StringComparison.Ordinal);

        // Where a browser sends the app code's form from this page: its action, or without one the page's own address.
        var form = Regex.Match(html, "<form([^>]*)>(?:(?!</form>).)*id=\"code\"", RegexOptions.Singleline);
        Assert.True(form.Success, "the page has no form with the app code's box");
        var action = Regex.Match(form.Groups[1].Value, "action=\"([^\"]*)\"");
        var target = action.Success ? System.Net.WebUtility.HtmlDecode(action.Groups[1].Value) : afterRecovery;
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var code = await fresh.PostAsync(target, new FormUrlEncodedContent([new("Code", TestTotp.CodeInSteps(key, 1)), new("ReturnUrl", ""), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.DoesNotContain("/Account/Login", code.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondFactor_AnotherAccountSignedInMeanwhileInThisBrowser_TheCodeSignsNobodyInOverIt()
    {
        // A shared ward computer: the psychiatrist gives the password and leaves the code step open; in another tab a
        // colleague signs in. The psychiatrist's right code must not sign in over the colleague's session (QA11 F1's
        // second-factor half): the page goes to the sign-in page, which says who is signed in, and nothing is recorded
        // as a sign-in.
        using var factory = new KetamineCdsFactory();
        var (key, _, _) = await EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var browser = factory.CreateRawClient();
        using (var password = await PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = KetamineCdsFactory.Psychiatrist, ["Input.Password"] = KetamineCdsFactory.Password }))
        {
            Assert.StartsWith("/Account/LoginWithCode", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var colleague = await PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = KetamineCdsFactory.Staff, ["Input.Password"] = KetamineCdsFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
            Assert.DoesNotContain("/Account/Login", colleague.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var signInsBefore = await CountSignInsAsync(factory, KetamineCdsFactory.Psychiatrist);
        // The form token from another page: the code step itself, asked for now, goes to the sign-in page (signed in).
        using var code = await PostFormAsync(browser, "/Account/LoginWithCode", new() { ["Code"] = TestTotp.CodeInSteps(key, 1) }, "/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/Account/Login", code.Headers.Location!.OriginalString);
        Assert.Equal(signInsBefore, await CountSignInsAsync(factory, KetamineCdsFactory.Psychiatrist));
        var loginPage = WebUtility.HtmlDecode(await browser.GetStringAsync("/Account/Login"));
        Assert.Contains("You are signed in as " + KetamineCdsFactory.Staff, loginPage, StringComparison.Ordinal);
        using var inside = await browser.GetAsync("/Screenings");
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Fact]
    public async Task SecondFactor_CodeStepAskedForWhenSignedIn_GoesToTheSignInPageThatSaysAsWhom()
    {
        // Back to the code step after signing in showed "Sign in with your email and password first (this step expires
        // after 5 minutes)" to someone signed in; now the sign-in page says who is signed in (continue or sign out).
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        using var step = await client.GetAsync("/Account/LoginWithCode?ReturnUrl=%2FRules");

        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FRules", step.Headers.Location!.OriginalString);
        var login = WebUtility.HtmlDecode(await client.GetStringAsync(step.Headers.Location));
        Assert.Contains("You are signed in as " + KetamineCdsFactory.Staff, login, StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules\"", login, StringComparison.Ordinal);
    }

    private static async Task<int> CountSignInsAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        return await db.AccessEvents.CountAsync(e => e.UserEmail == email && e.Kind == "sign-in");
    }

    [Fact]
    public async Task SecondFactor_TurnedOffWithThePassword_SignInNeedsThePasswordOnly()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        await EnrolAsync(client);

        using var refused = await PostFormAsync(client, "/Account/TwoFactor?handler=Disable", new() { ["Password"] = "not my password" }, "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The password is not right.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await FindAsync(factory, KetamineCdsFactory.Staff))!.TwoFactorEnabled);

        using var off = await PostFormAsync(client, "/Account/TwoFactor?handler=Disable", new() { ["Password"] = KetamineCdsFactory.Password }, "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await FindAsync(factory, KetamineCdsFactory.Staff))!.TwoFactorEnabled);
        await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
    }

    [Fact]
    public async Task SecondFactor_NewRecoveryCodes_RedirectAndAreShownOnceOldOnesStopWorking()
    {
        // QA169 F12: the new codes were drawn by the post itself, so the browser's Back offered to send it again (and a
        // second sending made yet other codes). Now the post redirects and the page shows the codes it is handed, once.
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var (_, oldCodes, _) = await EnrolAsync(client);

        using var post = await PostFormAsync(client, "/Account/TwoFactor?handler=RecoveryCodes", new() { ["Password"] = KetamineCdsFactory.Password }, "/Account/TwoFactor");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Account/TwoFactor", post.Headers.Location!.OriginalString);
        var shown = await client.GetStringAsync("/Account/TwoFactor");
        var codes = Regex.Matches(shown, "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Authenticator.RecoveryCodeCount, codes.Length);
        Assert.Empty(codes.Intersect(oldCodes));
        Assert.Contains($"Recovery codes left: <strong>{Authenticator.RecoveryCodeCount}</strong>", shown, StringComparison.Ordinal);
        var again = await client.GetStringAsync("/Account/TwoFactor");
        Assert.DoesNotContain("recovery-codes", again, StringComparison.Ordinal);

        // The old codes no longer sign in; a new one does.
        var fresh = factory.CreateRawClient();
        using (await PostFormAsync(fresh, "/Account/Login", new() { ["Input.Email"] = KetamineCdsFactory.Staff, ["Input.Password"] = KetamineCdsFactory.Password }))
        {
        }

        using var old = await PostFormAsync(fresh, "/Account/LoginWithCode?handler=Recovery", new() { ["RecoveryCode"] = oldCodes[0] }, "/Account/LoginWithCode");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var signedIn = await PostFormAsync(fresh, "/Account/LoginWithCode?handler=Recovery", new() { ["RecoveryCode"] = codes[0] }, "/Account/LoginWithCode");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task SecondFactor_RequiredForTheRole_PagesGoToEnrolmentAndTheApiRefusesUntilSetUp()
    {
        using var factory = new RequiredSecondFactorFactory(Roles.Psychiatrist);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var page = await client.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/TwoFactor/Enable", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var call = await api.PostAsJsonAsync("/api/v1/screenings", new { });
        Assert.Equal(HttpStatusCode.Forbidden, call.StatusCode);
        using (var problem = JsonDocument.Parse(await call.Content.ReadAsStringAsync()))
        {
            Assert.Equal("second-factor-required", problem.RootElement.GetProperty("code").GetString());
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var usersPage = AccountList.WithWholeEmails(await admin.GetStringAsync("/Admin/Users"));
        Assert.Contains("Second factor required for: Psychiatrist", usersPage, StringComparison.Ordinal);
        Assert.Matches(new Regex($"{Regex.Escape(KetamineCdsFactory.Psychiatrist)}</td>(?:(?!</tr>).)*Required, not set up", RegexOptions.Singleline), usersPage);

        // Other roles are not affected.
        var staff = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        using var staffPage = await staff.GetAsync("/Screenings");
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);

        var (key, _, _) = await EnrolAsync(client);
        using var after = await client.GetAsync("/Screenings/New");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var raw = factory.CreateRawClient();
        using var login = await raw.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, twoFactorCode = TestTotp.CodeInSteps(key, 1) });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        using var disable = await PostFormAsync(client, "/Account/TwoFactor?handler=Disable", new() { ["Password"] = KetamineCdsFactory.Password }, "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Contains("Your role requires a second factor, so it cannot be turned off.", await disable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await FindAsync(factory, KetamineCdsFactory.Psychiatrist))!.TwoFactorEnabled);
    }

    [Fact]
    public void SecondFactorRequiredRoles_UnknownRoleName_RefusesToStart()
    {
        using var factory = new RequiredSecondFactorFactory("Admins");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Accounts:SecondFactorRequiredRoles must name roles from", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetSecondFactor_ByAdministrator_TurnsItOffAndChangesTheKey()
    {
        using var factory = new KetamineCdsFactory();
        var (key, _, _) = await EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Staff));
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = (await FindAsync(factory, KetamineCdsFactory.Staff))!.Id;

        using var reset = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=ResetSecondFactor", new() { ["Reason"] = "phone lost" }, $"/Admin/Users/Edit/{id}");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var staff = (await users.FindByIdAsync(id))!;
        Assert.False(staff.TwoFactorEnabled);
        Assert.NotEqual(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), await users.GetAuthenticatorKeyAsync(staff));
    }

    [Theory]
    [InlineData(Roles.Psychiatrist, null, "The Administrator role cannot be combined with Psychiatrist: an administrator manages accounts")]
    [InlineData(Roles.ClinicStaff, null, "The Administrator role cannot be combined with Clinic staff: an administrator manages accounts")]
    [InlineData(Roles.Auditor, null, "The Administrator role cannot be combined with Auditor: an administrator manages accounts")]
    [InlineData(Roles.ClinicStaff, "zh-CN", "管理员角色不能与诊所工作人员角色同时授予：管理员负责管理账户")]
    public async Task Roles_AdminWithAClinicalOrAuditRole_IsRefusedWithAMessageInThePagesLanguage(string clinicalRole, string? language, string message)
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        if (language is not null)
        {
            admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var id = (await FindAsync(factory, KetamineCdsFactory.Auditor))!.Id;

        using var post = await PostPairsAsync(admin, $"/Admin/Users/Edit/{id}?handler=Roles",
            [new("SelectedRoles", Roles.Admin), new("SelectedRoles", clinicalRole)], $"/Admin/Users/Edit/{id}");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.Auditor], await users.GetRolesAsync((await users.FindByIdAsync(id))!));
    }

    [Theory]
    [InlineData(null, "Error:", "Choose at least one role. To stop this account from signing in, lock it instead.", "There is a problem to fix; the roles have not been changed", "Error: Manage ")]
    [InlineData("zh-CN", "错误：", "请至少选择一个角色。如要让此账户无法登录，请改为锁定它。", "有 1 个问题需要修正；角色尚未更改", "错误：管理 ")]
    public async Task Roles_EveryRoleUnticked_IsRefusedUnderTheRolesAndInASummary_AndNothingChanges(string? language, string error, string message, string heading, string title)
    {
        // Saved with no role ticked, the account lost every role with no word said (the review): it still signed in, to
        // the rules and its own account, so it was neither stopped (that is a lock) nor an account the app would create.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        if (language is not null)
        {
            admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var id = (await FindAsync(factory, KetamineCdsFactory.Psychiatrist))!.Id;
        string stamp;
        await using (var before = factory.Services.CreateAsyncScope())
        {
            stamp = (await before.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!.SecurityStamp!;
        }

        // Nothing ticked sends no SelectedRoles at all; an unknown role is dropped the same way.
        using var none = await PostPairsAsync(admin, $"/Admin/Users/Edit/{id}?handler=Roles", [], $"/Admin/Users/Edit/{id}");
        using var unknown = await PostPairsAsync(admin, $"/Admin/Users/Edit/{id}?handler=Roles", [new("SelectedRoles", "Superuser")], $"/Admin/Users/Edit/{id}");

        foreach (var post in new[] { none, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            var html = await post.Content.ReadAsStringAsync();
            Assert.Equal($"{error} {message}", FieldMessages.Of(html, "SelectedRoles"));
            var summary = Regex.Match(html, "<div class=\"error-summary\"[^>]*id=\"error-summary\">.*?</div>", RegexOptions.Singleline).Value;
            Assert.Contains($">{heading}</h3>", WebUtility.HtmlDecode(summary), StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#role-{Roles.All[0]}\">{message}</a>", WebUtility.HtmlDecode(summary), StringComparison.Ordinal);
            Assert.Contains($"<title>{title}", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.All(Roles.All, role => Assert.DoesNotMatch(new Regex($"<input [^>]*id=\"role-{role}\"[^>]*checked"), html));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = (await users.FindByIdAsync(id))!;
        Assert.Equal([Roles.Psychiatrist], await users.GetRolesAsync(account));
        Assert.Equal(stamp, account.SecurityStamp); // its sessions go on
        var db = scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>();
        Assert.False(await db.AccessEvents.AnyAsync(e => e.Kind == "user-administration" && e.Subject == "user:" + id && e.UserEmail == KetamineCdsFactory.Admin)); // the demo account's creation at start-up is the app's
    }

    [Fact]
    public async Task UsersPage_ExistingAccountWithConflictingRoles_IsFlagged()
    {
        using var factory = new KetamineCdsFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(KetamineCdsFactory.Auditor))!, Roles.Admin);
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var html = await admin.GetStringAsync("/Admin/Users");

        Assert.Contains("Accounts with conflicting roles", html, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<li><a href=\"/Admin/Users/Edit/[^\"]+\">{Regex.Escape(KetamineCdsFactory.Auditor)}</a> \\(Administrator, Auditor\\)</li>"), html);
        // The roles in words, as the role boxes name them, never their identifiers (QA).
        Assert.DoesNotMatch(new Regex("<td>[^<]*\\bClinicStaff\\b"), html);
    }

    [Theory]
    [InlineData(null, "The Administrator role cannot be combined with Psychiatrist, Clinic staff or Auditor:")]
    [InlineData("zh-CN", "管理员角色不能与精神科医生、诊所工作人员或审计员角色同时授予：")]
    public async Task EditPage_AccountHoldingConflictingRoles_NamesThemInWordsInThePagesLanguage(string? language, string message)
    {
        using var factory = new KetamineCdsFactory();
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var auditor = (await users.FindByEmailAsync(KetamineCdsFactory.Auditor))!;
            await users.AddToRolesAsync(auditor, [Roles.Admin, Roles.Psychiatrist, Roles.ClinicStaff]);
            id = auditor.Id;
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        if (language is not null)
        {
            admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));

        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersPage_NoConflictingAccounts_ShowsNoWarning()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        Assert.DoesNotContain("Accounts with conflicting roles", await admin.GetStringAsync("/Admin/Users"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bootstrap_CommonAdministratorPassword_RefusesToStart()
    {
        using var factory = new BootstrapFactory("Password123!");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("most common passwords", error.ToString(), StringComparison.Ordinal);
        // QA96 F5: the message the operator reads names the setting to fix.
        Assert.StartsWith("Bootstrap:AdminPassword is refused: the first administrator first.admin@clinic.example could not be created", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it@clinic.example")]
    [InlineData("")]
    public async Task Bootstrap_PasswordEmptyWhileAnAdministratorExists_CreatesNothingAndDoesNotFail(string email)
    {
        // QA96 F2: docker-compose.yml passes an empty Bootstrap:AdminPassword once it is removed from .env.
        using var factory = new KetamineCdsFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var before = users.Users.Count();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = email,
            ["Bootstrap:AdminPassword"] = "",
        }).Build();

        await DemoAccounts.EnsureBootstrapAdminAsync(scope.ServiceProvider, configuration);

        Assert.Equal(before, users.Users.Count());
        Assert.Null(await users.FindByEmailAsync("it@clinic.example"));
    }

    [Fact]
    public async Task Bootstrap_ExistingClinicalAccountAsAdministrator_IsRefused()
    {
        using var factory = new KetamineCdsFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // No administrator yet, so the bootstrap applies; it names the psychiatrist's account.
        await users.RemoveFromRoleAsync((await users.FindByEmailAsync(KetamineCdsFactory.Admin))!, Roles.Admin);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = KetamineCdsFactory.Psychiatrist,
            ["Bootstrap:AdminPassword"] = "bootstrap admin first 7",
        }).Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoAccounts.EnsureBootstrapAdminAsync(scope.ServiceProvider, configuration));

        Assert.Contains("Admin cannot be combined with Psychiatrist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Roles.Admin, await users.GetRolesAsync((await users.FindByEmailAsync(KetamineCdsFactory.Psychiatrist))!));
    }

    [Fact]
    public async Task Bootstrap_Administrator_ChangesThePasswordThenSetsUpTheRequiredSecondFactor()
    {
        using var factory = new BootstrapFactory("bootstrap admin first 7");
        var admin = await SignInAsync(factory, "first.admin@clinic.example", "bootstrap admin first 7", https: true);

        using var users = await admin.GetAsync("/Admin/Users");
        Assert.StartsWith("/Account/ChangePassword", users.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var changed = await PostFormAsync(admin, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = "bootstrap admin first 7",
            ["Input.NewPassword"] = OwnPassword,
            ["Input.ConfirmPassword"] = OwnPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Outside Development appsettings.json requires a second factor of administrators.
        using var next = await admin.GetAsync("/Admin/Users");
        Assert.StartsWith("/Account/TwoFactor/Enable", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await EnrolAsync(admin);
        using var open = await admin.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Theory]
    [InlineData("en", "That code was already used. Wait for the next code in your authenticator app", "That code is not right")]
    [InlineData("zh-CN", "该验证码已被使用过。请等待身份验证器应用显示下一个验证码", "验证码不正确")]
    public async Task Enable_ARightCodeAlreadyUsed_SaysItWasUsedNotThatItIsWrong(string language, string used, string wrong)
    {
        // QA: the set-up page said "not right" for a code that was right but already used (each code counts once).
        using var factory = new RequiredSecondFactorFactory(Roles.Psychiatrist);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var html = await client.GetStringAsync("/Account/TwoFactor/Enable");
        var key = Regex.Match(html, "id=\"shared-key\">([a-z2-7 ]+)<").Groups[1].Value;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(KetamineCdsFactory.Psychiatrist))!;
            user.LastAuthenticatorTimeStep = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) + 2;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        using var post = await PostFormAsync(client, "/Account/TwoFactor/Enable", new() { ["Code"] = TestTotp.Code(key) });

        var result = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains(used, result, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, result, StringComparison.Ordinal);
        // The message stands under the code field, which names it.
        Assert.StartsWith((language == "en" ? "Error: " : "错误： ") + used, FieldMessages.Of(result, "Code"), StringComparison.Ordinal);
    }

    /// <summary>Sets up the authenticator from the enrolment page; returns the shared key and the recovery codes shown.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> RecoveryCodes, string EnrolmentCode)> EnrolAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Account/TwoFactor/Enable");
        var key = Regex.Match(html, "id=\"shared-key\">([a-z2-7 ]+)<").Groups[1].Value;
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        Assert.Contains("otpauth://totp/KetamineCds:", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);

        var code = TestTotp.Code(key);
        using var post = await PostFormAsync(client, "/Account/TwoFactor/Enable", new() { ["Code"] = code });
        // Post/Redirect/Get (QA169 F12): the post redirects, the codes are shown by the page it redirects to, once, and
        // are never in the address.
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Account/TwoFactor/Enable", post.Headers.Location!.OriginalString);
        var result = await client.GetStringAsync(post.Headers.Location);
        var codes = Regex.Matches(result, "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Authenticator.RecoveryCodeCount, codes.Length);
        Assert.Contains("This is the only time they are shown", result, StringComparison.Ordinal);
        var again = await client.GetStringAsync(post.Headers.Location);
        Assert.DoesNotContain("recovery-codes", again, StringComparison.Ordinal);
        Assert.Contains("Your second factor is already on.", again, StringComparison.Ordinal);
        return (key, codes, code);
    }

    private static string WrongCode(string key) => ((int.Parse(TestTotp.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts a form with the anti-forgery token read from <paramref name="formPage"/> (the path itself by default).</summary>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null) =>
        PostPairsAsync(client, path, [.. fields], formPage ?? path);

    private static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields, string formPage)
    {
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, formPage.Split('?')[0]);
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpClient> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string email, string password, bool https = false)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });
        using var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    private static async Task<HttpClient> ApiClientAsync(KetamineCdsFactory factory, string email, string password)
    {
        var client = factory.CreateRawClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task CreateUserAsync(KetamineCdsFactory factory, string email, string role, bool mustChangePassword)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = mustChangePassword };
        Assert.True((await users.CreateAsync(user, NewUserPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private static async Task<ApplicationUser?> FindAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }

    private sealed class RequiredSecondFactorFactory(string roles) : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Accounts:SecondFactorRequiredRoles", roles);
        }
    }

    /// <summary>Production, with a bootstrap administrator from configuration.</summary>
    private sealed class BootstrapFactory(string password) : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Bootstrap:AdminEmail", "first.admin@clinic.example");
            builder.UseSetting("Bootstrap:AdminPassword", password);
        }
    }
}
