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
        await page.GotoAsync(path);

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
