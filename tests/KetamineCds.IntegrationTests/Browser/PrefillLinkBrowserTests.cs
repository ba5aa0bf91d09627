using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// A clinician follows an EHR card's prefilled link that the server no longer holds (QA6 F10): the page is the empty
/// intake form under a notice they understand, in English and in Chinese, never the generic "Page not found".
/// Screenshots 70 and 71.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PrefillLinkBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(null, "New screening", "This prefilled link from the EHR is unknown or has expired", "70-prefill-link-expired")]
    [InlineData("zh-CN", "新建筛查", "此电子病历预填链接无效或已过期", "71-prefill-link-expired-zh")]
    public async Task PrefillLink_UnknownOrExpired_ShowsTheEmptyFormUnderANotice(string? locale, string heading, string notice, string screenshot)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);

        var response = await page.GotoAsync("/Screenings/New?prefill=" + new string('A', 43));

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Locator("#prefill-unavailable h2")).ToHaveTextAsync(notice);
        await Assertions.Expect(page.Locator("#prefill-unavailable p")).ToHaveCountAsync(2);
        // The empty form follows, ready to start: nothing from a chart, nothing marked as from the EHR.
        await Assertions.Expect(page.Locator("form.screening-form #patientReference")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#from-ehr")).ToHaveCountAsync(0);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, screenshot);

        await page.Context.CloseAsync();
    }
}
