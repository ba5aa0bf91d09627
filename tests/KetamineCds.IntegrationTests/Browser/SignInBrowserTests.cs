using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>Sign-in and sign-out as a person sees them in Chromium.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignIn_UnknownAccount_ShowsTheOneMessageForEveryFailure()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress });
        var page = await context.NewPageAsync();

        var signedIn = await BrowserFixture.SignInAsync(page, "nobody@clinic.example", "Wrong!Passw0rd1");

        Assert.False(signedIn);
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("The email or password is not right, or the account is locked.");
        await browser.ScreenshotAsync(page, "28-sign-in-refused");
        await context.CloseAsync();
    }

    [Fact]
    public async Task SignOut_ThenBackToAClinicalPage_AsksToSignInAgain()
    {
        var page = await browser.SignedInPageAsync("staff@demo.local");
        await page.GotoAsync("/Screenings");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You are signed out");
        await page.GotoAsync("/Screenings");

        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.Context.CloseAsync();
    }
}
