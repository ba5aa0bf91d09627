using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Issue 10 in the real app in headless Chromium: the eight-answer journey ends "Incomplete" on screen and on one
/// printed page, and the auditor sees what changed from rule set 1.0.0 to 1.1.0 and its impact.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IncompleteResultBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Journey_OnlyTheRequiredAnswers_EndsIncompleteOnScreenAndOnOnePrintedPage()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await ScreenWithTheEightAnswersAsync(page, "MRN-INCOMPLETE-1");

        var verdict = page.Locator("section.verdict");
        await Assertions.Expect(verdict).ToHaveClassAsync(new Regex("verdict--incomplete"));
        await Assertions.Expect(verdict).ToContainTextAsync("Incomplete \u2014 answers missing");
        var notRecorded = page.Locator("section.not-recorded");
        await Assertions.Expect(notRecorded).ToContainTextAsync("Aneurysmal vascular disease");
        await Assertions.Expect(notRecorded).ToContainTextAsync("Care items not recorded");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Re-screen with these answers" }).First)
            .ToHaveAttributeAsync("href", new Regex("^/Screenings/New\\?from=[0-9a-f-]{36}$"));
        Assert.Equal(0, await page.Locator("section.verdict--ok, .status--ok").CountAsync());
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "09b-result-incomplete");

        await page.GotoAsync(page.Url + "/Print");
        await Assertions.Expect(page.Locator(".p-verdict")).ToContainTextAsync("Incomplete \u2014 answers missing");
        await Assertions.Expect(page.Locator(".p-not-recorded")).ToContainTextAsync("Aneurysmal vascular disease");
        await Assertions.Expect(page.Locator(".p-disclaimer")).ToContainTextAsync("supports, and never replaces, the clinician's judgement");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        var pages = new Dictionary<string, int>();
        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = true, Path = Path.Combine(browser.OutputFolder, $"rationale-incomplete-{format}.pdf") });
            pages[format] = BrowserFixture.CountPdfPages(pdf);
        }

        Assert.Equal(new Dictionary<string, int> { ["A4"] = 1, ["Letter"] = 1 }, pages);

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RuleSetDiffAndImpact_Auditor_SeesWhatChangedFrom100To110()
    {
        var psychiatrist = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await ScreenWithTheEightAnswersAsync(psychiatrist, "MRN-IMPACT-1");
        await psychiatrist.Context.CloseAsync();

        var page = await browser.SignedInPageAsync("auditor@demo.local");
        await page.GotoAsync("/Rules/Diff?from=1.0.0&to=1.1.0");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("REC-001");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "14-ruleset-diff");

        await page.GotoAsync("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("incomplete");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("REC-001");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "15-impact-1.0-1.1");
        await page.Context.CloseAsync();
    }

    /// <summary>The journey: only what the form marks required, then "Screen and record".</summary>
    private static async Task ScreenWithTheEightAnswersAsync(IPage page, string reference)
    {
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
    }
}
