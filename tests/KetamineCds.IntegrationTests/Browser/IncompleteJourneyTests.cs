using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The journey: only the eight required answers end "Incomplete", naming each unrecorded safety item on screen
/// and in print; the auditor sees what changed between rule sets and its impact.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IncompleteJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Journey_OnlyTheRequiredAnswers_ShowsIncompleteAndNotRecordedOnScreenAndInPrint()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-EIGHT");
        await page.GetByLabel("Age in years").FillAsync("45");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("mdd");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.GetByLabel("Failed adequate antidepressant trials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-yes").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Screenings/[0-9a-f-]{36}$"));

        var verdict = await page.Locator(".verdict h2").InnerTextAsync();
        Assert.Contains("Incomplete", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("Eligible", verdict, StringComparison.Ordinal);
        var notRecorded = page.Locator("section.not-recorded");
        Assert.True(await notRecorded.IsVisibleAsync());
        var listed = await notRecorded.InnerTextAsync();
        foreach (var label in new[] { "Aneurysmal vascular disease", "Arteriovenous malformation", "Hypersensitivity to ketamine or esketamine", "Pregnant", "Substance use disorder" })
        {
            Assert.Contains(label, listed, StringComparison.Ordinal);
        }

        Assert.Equal(1, await page.Locator("section.not-recorded a", new() { HasTextString = "Re-screen with these answers" }).CountAsync());
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "09b-result-incomplete");

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable rationale" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Print$"));
        var printed = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Incomplete", printed, StringComparison.Ordinal);
        Assert.Contains("Arteriovenous malformation", printed, StringComparison.Ordinal);
        Assert.Contains("never replaces", printed, StringComparison.Ordinal);
        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = true, Path = Path.Combine(browser.OutputFolder, $"rationale-incomplete-{format}.pdf") });
            Assert.Equal(1, BrowserFixture.CountPdfPages(pdf));
        }

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await browser.ScreenshotAsync(page, "11b-print-incomplete-media");
        await page.Context.CloseAsync();

        var auditor = await browser.SignedInPageAsync("auditor@demo.local");
        await auditor.GotoAsync("/Rules/Diff?from=1.0.0&to=1.1.0");
        Assert.True(await auditor.Locator("#changed-PSY-002").IsVisibleAsync());
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(auditor));
        await browser.ScreenshotAsync(auditor, "14-ruleset-diff");
        await auditor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "14-ruleset-diff-viewport.png") });

        await auditor.GotoAsync("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0");
        Assert.True(await auditor.Locator("table.impact-matrix").IsVisibleAsync());
        Assert.Contains("REC-001", await auditor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(auditor));
        await browser.ScreenshotAsync(auditor, "15-impact-1.0-1.1");
        await auditor.Context.CloseAsync();
    }
}
