using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// A person's own account in headless Chromium under the app's real Content-Security-Policy: changing the password,
/// the forced change of an administrator-set password at first sign-in, and setting up an authenticator app and then
/// signing in with a code. Each walk uses its own new account so the demo accounts stay as other tests expect.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class AccountBrowserTests(BrowserFixture browser)
{
    private const string Initial = "initial words for walk 1";
    private const string Chosen = "orchid canyon ledger 58";

    [Fact]
    public async Task ChangePassword_FromTheHeaderLink_ChangesItAndSaysSo()
    {
        var email = await CreateUserAsync(Roles.ClinicStaff, mustChangePassword: false);
        var (page, problems) = await browser.NewPageUnderCspAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, email, Initial));

        await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/TwoFactor$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your password" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, ChangePasswordUrl());
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(Initial);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Password123!");
        await page.GetByLabel("New password again", new() { Exact = true }).FillAsync("Password123!");
        // The person can look at what they typed (ASVS V2.1.12); it is hidden again when the form is sent.
        await page.Locator(".reveal-field:has(#Input_NewPassword) button").ClickAsync();
        await Assertions.Expect(page.Locator(".reveal-field:has(#Input_NewPassword) button")).ToHaveTextAsync("Hide");
        Assert.Equal("text", await page.GetByLabel("New password", new() { Exact = true }).GetAttributeAsync("type"));
        await browser.ScreenshotAsync(page, "39-change-password-shown");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("one of the most common passwords", new() { Timeout = 60_000 });
        Assert.Equal("password", await page.GetByLabel("New password", new() { Exact = true }).GetAttributeAsync("type"));
        await browser.ScreenshotAsync(page, "40-change-password-common-refused");

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(Initial);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(Chosen);
        await page.GetByLabel("New password again", new() { Exact = true }).FillAsync(Chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your password has been changed", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync(page, "41-change-password-done");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
        Assert.True(await browser.SignsInAsync(email, Chosen));
        Assert.False(await browser.SignsInAsync(email, Initial));
    }

    [Fact]
    public async Task FirstSignIn_WithAnAdministratorSetPassword_GoesToTheChangeFirst()
    {
        var email = await CreateUserAsync(Roles.Psychiatrist, mustChangePassword: true);
        var (page, problems) = await browser.NewPageUnderCspAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, email, Initial));

        await BrowserFixture.ArrivedAtAsync(page, ChangePasswordUrl());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Choose your own password first");
        Assert.Equal(0, await page.Locator("nav[aria-label=Main]").CountAsync());
        await browser.ScreenshotAsync(page, "42-first-sign-in-change-required");

        // Any other page leads back here until the password is changed.
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.ArrivedAtAsync(page, ChangePasswordUrl());

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(Initial);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(Chosen);
        await page.GetByLabel("New password again", new() { Exact = true }).FillAsync(Chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));
        Assert.Equal(1, await page.Locator("nav[aria-label=Main]").CountAsync());
        await browser.ScreenshotAsync(page, "43-first-sign-in-changed-then-the-page-asked-for");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SecondFactor_EnrolThenSignIn_AsksForTheAppsCode()
    {
        var email = await CreateUserAsync(Roles.Auditor, mustChangePassword: false);
        var (page, problems) = await browser.NewPageUnderCspAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, email, Initial));

        await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/TwoFactor$"));
        await browser.ScreenshotAsync(page, "44-account-second-factor-off");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/TwoFactor/Enable$"));

        // The QR code is drawn by the app itself (a data: image allowed by the CSP) and has loaded.
        var qr = page.Locator("img.qr-code");
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"), "The QR code image did not load.");
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        await browser.ScreenshotAsync(page, "45-second-factor-enrol");

        await page.GetByLabel("Enter the 6-digit code the app now shows").FillAsync(TestTotp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10, new() { Timeout = 60_000 });
        await browser.ScreenshotAsync(page, "46-second-factor-recovery-codes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Logout$"));

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Initial);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/LoginWithCode"));
        await browser.ScreenshotAsync(page, "47-sign-in-code-step");
        // The next code: the one used to turn the second factor on works only once.
        await page.GetByLabel("Authenticator code").FillAsync(TestTotp.CodeInSteps(key, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync(new() { Timeout = 60_000 });

        await page.GotoAsync("/Account/TwoFactor");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Recovery codes left: 10");
        await browser.ScreenshotAsync(page, "48-account-second-factor-on");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SecondFactor_BackAfterTheRecoveryCodes_AsksToSendNothingAgainAndMakesNoOtherCodes()
    {
        // QA169 F12: the recovery codes were drawn by the post that turned the factor on (and by the one that made new
        // codes), so Back to them from the next page showed Chromium's "Confirm form resubmission" page, and sending it
        // again would have made other codes. Now each post redirects; the page it redirects to shows the codes once.
        var email = await CreateUserAsync(Roles.Psychiatrist, mustChangePassword: false);
        var (page, problems) = await browser.NewPageUnderCspAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, email, Initial));
        await page.GotoAsync("/Account/TwoFactor/Enable");
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Enter the 6-digit code the app now shows").FillAsync(TestTotp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10, new() { Timeout = 60_000 });
        Assert.EndsWith("/Account/TwoFactor/Enable", page.Url, StringComparison.Ordinal);
        var stored = await StoredRecoveryCodesAsync(email);

        // On a phone (390 px) each code stays on one line, not broken at its hyphen.
        await page.SetViewportSizeAsync(390, 844);
        Assert.Equal(0, await page.Locator("#recovery-codes li").EvaluateAllAsync<int>(
            "items => items.filter(li => { const r = document.createRange(); r.selectNodeContents(li); return r.getClientRects().length > 1; }).length"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 390 px.");
        await browser.ScreenshotAsync(page, "173-recovery-codes-phone");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Link, new() { Name = "I have kept them: continue" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/TwoFactor/Enable$"), new() { Timeout = 60_000 });
        await page.Locator("main").WaitForAsync(new() { Timeout = 60_000 });
        await GoBackToAPageAsync(page, "/Account/TwoFactor/Enable");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your second factor is already on.");
        Assert.Equal(0, await page.Locator("#recovery-codes").CountAsync());
        await browser.ScreenshotAsync(page, "173-back-after-second-factor-on");
        Assert.Equal(stored, await StoredRecoveryCodesAsync(email));

        // New recovery codes, then another page, then Back: the account page again, without the codes and with no others made.
        await page.GotoAsync("/Account/TwoFactor");
        await page.Locator("#password-codes").FillAsync(Initial);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make new recovery codes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10, new() { Timeout = 60_000 });
        Assert.EndsWith("/Account/TwoFactor", page.Url, StringComparison.Ordinal);
        var renewed = await StoredRecoveryCodesAsync(email);
        Assert.NotEqual(stored, renewed);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your password" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, ChangePasswordUrl());
        await GoBackToAPageAsync(page, "/Account/TwoFactor");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Recovery codes left: 10");
        Assert.Equal(0, await page.Locator("#recovery-codes").CountAsync());
        Assert.Equal(renewed, await StoredRecoveryCodesAsync(email));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RefusedForms_BackToThemLater_AskForThePageAgainNotToSendTheFormAgain()
    {
        // QA169 F12, the other posts of these pages: a refused form is drawn by its post, so Back to it from a later page
        // showed Chromium's "Confirm form resubmission" page (and offered to send the wrong code or password again).
        var email = await CreateUserAsync(Roles.ClinicStaff, mustChangePassword: false);
        string key;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var (page, problems) = await browser.NewPageUnderCspAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Initial);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/LoginWithCode"));
        // A wrong recovery code first (a page drawn by the post to ?handler=Recovery), then the app's code.
        await page.GetByText("Lost your phone? Use a recovery code").ClickAsync();
        await page.GetByLabel("Recovery code").FillAsync("AAAAA-BBBBB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with the recovery code" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("That recovery code is not right", new() { Timeout = 60_000 });
        await page.GetByLabel("Authenticator code").FillAsync(TestTotp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Locator("form.signout button[type=submit]").WaitForAsync(new() { Timeout = 60_000 });

        // Back to the code step, now signed in: the sign-in page says as whom, rather than asking for the password step.
        await GoBackToAPageAsync(page, "/Account/Login");
        await Assertions.Expect(page.Locator("#already-signed-in")).ToContainTextAsync("You are signed in as " + email);
        await browser.ScreenshotAsync(page, "173-back-to-the-code-step-signed-in");

        // A wrong current password, then the change: Back twice reaches the refused form as an empty form.
        await page.GotoAsync("/Account/ChangePassword");
        await page.Locator("#Input_CurrentPassword").FillAsync("not my password at all");
        await page.Locator("#Input_NewPassword").FillAsync(Chosen);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("The current password is not right.", new() { Timeout = 60_000 });
        await page.Locator("#Input_CurrentPassword").FillAsync(Initial);
        await page.Locator("#Input_NewPassword").FillAsync(Chosen);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your password has been changed", new() { Timeout = 60_000 });
        await page.GotoAsync("/Account/TwoFactor");
        await page.Locator("#password-codes").FillAsync("not my password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make new recovery codes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("The password is not right.", new() { Timeout = 60_000 });
        await page.GotoAsync("/Rules");
        await GoBackToAPageAsync(page, "/Account/TwoFactor");
        Assert.Equal(0, await page.Locator("#error-summary").CountAsync());
        await GoBackToAPageAsync(page, "/Account/TwoFactor");
        await GoBackToAPageAsync(page, "/Account/ChangePassword");
        await GoBackToAPageAsync(page, "/Account/ChangePassword");
        Assert.Equal(0, await page.Locator("#error-summary").CountAsync());
        Assert.Equal("", await page.Locator("#Input_CurrentPassword").InputValueAsync());

        // The wrong passwords were two guesses, not more: nothing was sent again.
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Equal(1, await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(email))!));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The browser's Back, which must land on the page at <paramref name="path"/> as a page, not on Chromium's "Confirm
    /// form resubmission" error page (net::ERR_CACHE_MISS) that Back to a page drawn by a post shows.
    /// </summary>
    private static async Task GoBackToAPageAsync(IPage page, string path)
    {
        string? failed = null;
        try
        {
            await page.GoBackAsync(new() { Timeout = 60_000 });
        }
        catch (PlaywrightException e)
        {
            failed = e.Message;
        }

        Assert.Null(failed);
        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
        var content = await page.ContentAsync();
        Assert.DoesNotContain("ERR_CACHE_MISS", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm Form Resubmission", content, StringComparison.OrdinalIgnoreCase);
        await page.Locator("main").WaitForAsync(new() { Timeout = 60_000 });
    }

    /// <summary>The account's stored (hashed) recovery codes: a new set stores another value.</summary>
    private async Task<string?> StoredRecoveryCodesAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetAuthenticationTokenAsync((await users.FindByEmailAsync(email))!, "[AspNetUserStore]", "RecoveryCodes");
    }

    [Fact]
    public async Task Admin_AdminWithAClinicalRole_IsRefusedWithAMessage()
    {
        var email = await CreateUserAsync(Roles.Auditor, mustChangePassword: true);
        var (page, problems) = await browser.NewPageUnderCspAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "admin@demo.local", BrowserFixture.Password));

        await page.GotoAsync("/Admin/Users");
        var row = page.Locator("tr", new() { HasText = email });
        Assert.Contains("must change at next sign-in", await row.InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "49-admin-users-password-and-second-factor");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByLabel("Administrator", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The Administrator role cannot be combined with Auditor", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync(page, "50-admin-role-conflict-refused");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Account/ChangePassword")]
    [InlineData("/Account/TwoFactor")]
    [InlineData("/Account/TwoFactor/Enable")]
    [InlineData("/Account/LoginWithCode")]
    public async Task AccountPages_HaveNoSeriousAccessibilityViolations(string path)
    {
        // axe-core is injected as a script, which needs the CSP bypass of the fixture's signed-in pages.
        var page = await browser.SignedInPageAsync("staff@demo.local");
        if (path == "/Account/LoginWithCode")
        {
            // The code step is for someone between the password and the code: a signed-in browser is sent to the sign-in
            // page's "You are signed in as …", so the step is checked signed out (it then says to sign in first).
            await page.Locator("form.signout button[type=submit]").ClickAsync();
            await BrowserFixture.ArrivedAtAsync(page, new Regex("/Account/Logout$"));
        }

        await page.GotoAsync(path);
        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);

        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    /// <summary>A new account with the <see cref="Initial"/> password, made directly in the app's user store.</summary>
    private async Task<string> CreateUserAsync(string role, bool mustChangePassword)
    {
        var email = $"walk.{Guid.NewGuid():N}"[..16] + "@clinic.example";
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Walk " + role, MustChangePassword = mustChangePassword };
        Assert.True((await users.CreateAsync(user, Initial)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    [GeneratedRegex("/Account/ChangePassword")]
    private static partial Regex ChangePasswordUrl();
}
