using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA pass 7, F2 and F3 in the real app in headless Chromium: "Correct an answer" asks for a reason (a field-level
/// message when it is missing), records the correction, and the corrected screening then says so above its verdict and
/// on its print, with no serious accessibility violation on any of these pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CorrectionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task CorrectAnAnswer_ReasonMissingThenGiven_RecordsTheCorrectionAndTheEarlierScreeningSaysItWasCorrected()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-CORRECT-BROWSER");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        var earlier = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Correct an answer" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New\\?corrects=[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Correct a screening");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#correctionReason-error")).ToContainTextAsync("Give the reason for the correction");
        await Assertions.Expect(page.Locator("#error-summary a[href='#correctionReason']")).ToBeVisibleAsync();
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "70-correction-reason-missing");

        await page.Locator("#failedAdequateTrials").FillAsync("4"); // a correction changes an answer (QA157 F3)
        await page.Locator("#correctionReason").FillAsync("Failed adequate trials were 4, not 3 (pharmacy record).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#correction-of")).ToContainTextAsync("Reason: Failed adequate trials were 4, not 3 (pharmacy record).");
        await Assertions.Expect(page.Locator("#correction-changed")).ToContainTextAsync("Failed adequate antidepressant trials: 3 → 4");
        var correction = page.Url;

        await page.GotoAsync(earlier);
        var later = page.Locator("#later-screenings");
        await Assertions.Expect(later).ToContainTextAsync("This screening was corrected");
        // Every link in the box is to the correction: the one entry listed, and the correction to use (QA8 F17).
        var links = later.Locator("a");
        await Assertions.Expect(links).ToHaveCountAsync(2);
        foreach (var link in await links.AllAsync())
        {
            await Assertions.Expect(link).ToHaveAttributeAsync("href", new Uri(correction).AbsolutePath);
        }
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "71-corrected-screening");

        await page.GotoAsync(earlier + "/Print");
        await Assertions.Expect(page.Locator(".p-later")).ToContainTextAsync("Failed adequate trials were 4, not 3 (pharmacy record).");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
    }
}
