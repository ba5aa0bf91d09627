using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA132 F11: an override's explanation that is one long run without spaces (a pasted URL; 3,000 "A"s an EHR sent) widened
/// the auditor's overrides table to thousands of pixels, so every row's explanation was cut at the scroll box's edge.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LongFreeTextBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AuditScreening_OverrideExplanationWithoutSpaces_WrapsInItsCell_TheTableFitsItsBox()
    {
        var explanation = new string('A', 1500);
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-LONG-TEXT-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        var screening = page.Url[^36..];
        await page.Locator("details.override summary").ClickAsync();
        await page.GetByLabel("Do not proceed").CheckAsync();
        await page.GetByLabel("Reason").SelectOptionAsync("PatientPreference");
        await page.GetByLabel("Explanation").FillAsync(explanation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record override" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=overrides-title]")).ToContainTextAsync(explanation, new() { Timeout = 60_000 });
        await page.Context.CloseAsync();

        var auditor = await browser.SignedInPageAsync("auditor@demo.local");
        await auditor.GotoAsync($"/Audit/Screening/{screening}");
        var box = auditor.Locator("div.table-scroll", new() { Has = auditor.Locator("caption", new() { HasText = "Clinician overrides, oldest first" }) });
        await Assertions.Expect(box).ToContainTextAsync(explanation);
        var widths = await box.EvaluateAsync<int[]>("b => [b.scrollWidth, b.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= clientWidth + 1, $"The overrides table is {scrollWidth} px wide in a box of {clientWidth} px.");
        await browser.ScreenshotAsync(auditor, "audit-screening-long-explanation");
        await auditor.Context.CloseAsync();
    }
}
