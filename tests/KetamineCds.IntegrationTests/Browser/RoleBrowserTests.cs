using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Each role's pages in headless Chromium under the app's real Content-Security-Policy (no bypass): the pages'
/// own scripts work and nothing is refused, and the administrator manages an account from the browser.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RoleBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("psychiatrist@demo.local", "/Screenings/New", "20-psychiatrist-new")]
    [InlineData("staff@demo.local", "/Screenings", "21-staff-find")]
    [InlineData("auditor@demo.local", "/Audit", "22-auditor-audit")]
    [InlineData("auditor@demo.local", "/Audit/Verify", "23-auditor-verify")]
    [InlineData("auditor@demo.local", "/Audit/Checkpoints", "27-auditor-checkpoints")]
    [InlineData("admin@demo.local", "/Admin/Users", "24-admin-users")]
    public async Task RolePage_UnderTheRealCsp_LoadsWithoutRefusalsOrScriptErrors(string email, string path, string screenshot)
    {
        var (page, problems) = await SignInUnderCspAsync(email);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await browser.ScreenshotAsync(page, screenshot);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ConditionalSections_UnderTheRealCsp_AppearWhenAnswered()
    {
        var (page, problems) = await SignInUnderCspAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        Assert.False(await page.Locator("#moodStabilizer").IsVisibleAsync());

        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("bipolar-i");
        await page.Locator("#suicidality").SelectOptionAsync("active-ideation");

        Assert.True(await page.Locator("#moodStabilizer").IsVisibleAsync());
        Assert.True(await page.Locator("#safetyPlanInPlace-yes").IsVisibleAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_CreatesLocksAndUnlocksAUser_AndTheNewUserCanSignIn()
    {
        var (page, problems) = await SignInUnderCspAsync("admin@demo.local");
        var email = $"dr.{Guid.NewGuid():N}"[..12] + "@clinic.example";

        await page.GotoAsync("/Admin/Users/Create");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync("Dr New Colleague");
        await page.GetByLabel("Role").SelectOptionAsync("ClinicStaff");
        await page.GetByLabel("Initial password").FillAsync("Clinic!Start2026");
        await browser.ScreenshotAsync(page, "25-admin-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Admin/Users$"));
        var row = page.Locator("tr", new() { HasText = email });
        // The role in words, as the role boxes name it, never its identifier.
        Assert.Contains("Clinic staff", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        // Locking asks to confirm, with a reason for the access log, on a step of its own (no script needed).
        await page.GetByRole(AriaRole.Link, new() { Name = "Lock account…" }).ClickAsync();
        await page.GetByLabel("Reason (recorded in the access log)").FillAsync("Left the clinic");
        await browser.ScreenshotAsync(page, "26-admin-lock-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock account" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("is locked", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#account-state")).ToContainTextAsync("Locked by an administrator");
        await browser.ScreenshotAsync(page, "26-admin-locked");
        Assert.Equal(LoginOutcome.Refused, await TrySignInAsync(email, "Clinic!Start2026"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock account" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("is unlocked", new() { Timeout = 60_000 });
        Assert.Equal(LoginOutcome.SignedIn, await TrySignInAsync(email, "Clinic!Start2026"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/Create")]
    public async Task AdminPages_HaveNoSeriousAccessibilityViolations(string path)
    {
        var page = await browser.SignedInPageAsync("admin@demo.local");
        await page.GotoAsync(path);

        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    private enum LoginOutcome { SignedIn, Refused }

    private async Task<LoginOutcome> TrySignInAsync(string email, string password) =>
        await browser.SignsInAsync(email, password) ? LoginOutcome.SignedIn : LoginOutcome.Refused;

    /// <summary>Signs in a fresh context that keeps the CSP, collecting console errors and CSP refusals.</summary>
    private async Task<(IPage Page, List<string> Problems)> SignInUnderCspAsync(string email)
    {
        var (page, problems) = await browser.NewPageUnderCspAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, email, BrowserFixture.Password), $"{email} could not sign in.");
        return (page, problems);
    }
}
