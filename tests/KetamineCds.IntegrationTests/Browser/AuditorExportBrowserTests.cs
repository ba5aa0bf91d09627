using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The auditor in a real browser: "Export these as CSV" downloads the file with the page's own cookie (it used to
/// point at an API route that refuses cookies: 401), and a date out of range is a field message, not an error page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AuditorExportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ExportLink_ClickedInTheBrowser_DownloadsTheCsv()
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local");
        await page.GotoAsync("/Audit");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export these as CSV" }).ClickAsync());
        var path = await download.PathAsync();

        // Named with the UTC time it was made (QA318 F10), not decision-log.csv whatever it holds.
        Assert.Matches("^decision-log-[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{6}Z\\.csv$", download.SuggestedFilename);
        Assert.StartsWith("id,sequence,recordedAt,clinician", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AuditList_DateOutOfRange_ShowsAFieldMessage()
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local");

        var response = await page.GotoAsync("/Audit?to=9999-12-31");

        Assert.Equal(400, response?.Status);
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("'to' must be a date between 2000-01-01 and 2999-12-31.");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Export these as CSV" }).CountAsync());
        await browser.ScreenshotAsync(page, "27-auditor-date-out-of-range");
        await page.Context.CloseAsync();
    }
}
