using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Sign-in hardening in Chromium, in English and in Chinese (QA pass 7, F7 to F10): every problem of Change password
/// at once, the fifth wrong current password locking the account and saying so, the administrator's page saying why
/// and until when with the sign-in events, and locking an account through its confirmation step with a reason. Each
/// walk uses new accounts; the pages are checked with axe-core and photographed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInHardeningBrowserTests(BrowserFixture browser)
{
    private const string Initial = "initial words for hardening";

    [Theory]
    [InlineData(null, "There are 3 problems to fix; your password has not been changed", "This account is locked", "after failed sign-ins", "Failed attempt")]
    [InlineData("zh-CN", "有 3 个问题需要修正；密码尚未更改", "此账户已锁定", "因登录失败锁定至", "尝试失败")]
    public async Task ChangePassword_ProblemsThenFiveWrongCurrentPasswords_ListsThemAllThenLocksAndSaysWhy(string? locale, string summary, string locked, string state, string failed)
    {
        var suffix = locale is null ? "en" : "zh";
        var email = await CreateUserAsync(secondFactor: false);
        var page = await NewPageAsync(locale);
        Assert.True(await BrowserFixture.SignInAsync(page, email, Initial));

        await page.GotoAsync("/Account/ChangePassword");
        await FillChangeAsync(page, "not my password at all", "mauve Qz7", "other");
        await Assertions.Expect(page.Locator("#error-summary-title")).ToHaveTextAsync(summary, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#error-summary li a")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".field-error:not(:empty)")).ToHaveCountAsync(3);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, $"90-change-password-all-problems-{suffix}");

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await FillChangeAsync(page, "not my password at all", "violet harbour lantern 42", "violet harbour lantern 42");
            await page.Locator("#error-summary, #account-locked").First.WaitForAsync(new() { Timeout = 60_000 });
        }

        await Assertions.Expect(page.Locator("#account-locked h2")).ToHaveTextAsync(locked, new() { Timeout = 60_000 });
        Assert.EndsWith("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, $"91-locked-by-change-password-{suffix}");
        await page.Context.CloseAsync();

        var admin = await browser.SignedInPageAsync("admin@demo.local", locale);
        await admin.GotoAsync($"/Admin/Users/Edit/{await IdAsync(email)}");
        await Assertions.Expect(admin.Locator("#account-state")).ToContainTextAsync(state);
        await Assertions.Expect(admin.Locator("#sign-in-events tbody tr")).ToHaveCountAsync(6); // the sign-in, 4 failed, the lock
        await Assertions.Expect(admin.Locator("#sign-in-events tbody td", new() { HasTextString = failed })).ToHaveCountAsync(4);
        // A timed lock can be unlocked, or made an administrator's lock without unlocking it first.
        await Assertions.Expect(admin.Locator("form[action*='handler=Unlock'] button")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("a[href*='confirm=Lock']")).ToBeVisibleAsync();
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(admin));
        await browser.ScreenshotAsync(admin, $"92-admin-locked-after-failed-sign-ins-{suffix}");
        await admin.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Give the reason; it is recorded in the access log.", "Locked by an administrator")]
    [InlineData("zh-CN", "请填写理由；它会记录在访问日志中。", "已由管理员锁定")]
    public async Task AdminLockAndSecondFactorReset_AskToConfirmWithAReason(string? locale, string reasonMissing, string lockedByAdmin)
    {
        var suffix = locale is null ? "en" : "zh";
        var email = await CreateUserAsync(secondFactor: true);
        var admin = await browser.SignedInPageAsync("admin@demo.local", locale);
        await admin.GotoAsync($"/Admin/Users/Edit/{await IdAsync(email)}");

        // Reset second factor: the link opens the confirmation; Cancel goes back and nothing has changed.
        await admin.Locator("a[href*='confirm=ResetSecondFactor']").ClickAsync();
        await Assertions.Expect(admin.Locator("#confirm-reset-second-factor textarea[name=Reason]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(admin));
        await browser.ScreenshotAsync(admin, $"93-admin-confirm-reset-second-factor-{suffix}");
        await admin.Locator("#confirm-reset-second-factor a").ClickAsync();
        await Assertions.Expect(admin.Locator("#confirm-reset-second-factor")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(admin.Locator("a[href*='confirm=ResetSecondFactor']")).ToBeVisibleAsync();

        // Lock: the confirmation without a reason is shown again with the problem; with one, the account is locked.
        await admin.Locator("a[href*='confirm=Lock']").ClickAsync();
        await admin.Locator("#confirm-lock button[type=submit]").ClickAsync();
        // Read as a screen reader reads it: a visually hidden "Error:" in the page's language, then the message.
        await Assertions.Expect(admin.Locator("#confirm-lock .field-error")).ToHaveTextAsync((locale is null ? "Error: " : "错误： ") + reasonMissing, new() { Timeout = 60_000 });
        // It comes back at the confirmation, not the page's top, with the error summary focused and linking to the reason.
        Assert.EndsWith("#confirm-lock", admin.Url, StringComparison.Ordinal);
        await Assertions.Expect(admin.Locator("#confirm-lock #error-summary a[href='#Reason']")).ToHaveTextAsync(reasonMissing);
        await Assertions.Expect(admin.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(admin.Locator("#confirm-lock")).ToBeInViewportAsync();
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(admin));
        await browser.ScreenshotAsync(admin, $"94-admin-confirm-lock-no-reason-{suffix}");
        await admin.Locator("#confirm-lock textarea[name=Reason]").FillAsync("Left the clinic");
        await admin.Locator("#confirm-lock button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator("#account-state")).ToContainTextAsync(lockedByAdmin, new() { Timeout = 60_000 });
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(admin));
        await browser.ScreenshotAsync(admin, $"95-admin-locked-by-administrator-{suffix}");
        Assert.False(await browser.SignsInAsync(email, Initial));
        await admin.Context.CloseAsync();
    }

    private static async Task FillChangeAsync(IPage page, string current, string next, string again)
    {
        await page.Locator("#Input_CurrentPassword").FillAsync(current);
        await page.Locator("#Input_NewPassword").FillAsync(next);
        await page.Locator("#Input_ConfirmPassword").FillAsync(again);
        await page.Locator("main form.form-narrow button[type=submit]").ClickAsync();
    }

    /// <summary>A signed-out page in a fresh context, in <paramref name="locale"/>; axe-core needs the CSP bypass.</summary>
    private async Task<IPage> NewPageAsync(string? locale)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BypassCSP = true,
            Locale = locale,
            ExtraHTTPHeaders = locale is null ? null : new Dictionary<string, string> { ["Accept-Language"] = locale },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A new clinic staff account with the <see cref="Initial"/> password, optionally with a second factor.</summary>
    private async Task<string> CreateUserAsync(bool secondFactor)
    {
        var email = $"hard.{Guid.NewGuid():N}"[..16] + "@clinic.example";
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Hardening walk" };
        Assert.True((await users.CreateAsync(user, Initial)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ClinicStaff)).Succeeded);
        if (secondFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return email;
    }

    private async Task<string> IdAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
