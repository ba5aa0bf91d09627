using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA318: an auditor printing a screening's audit entry. F3: the stored JSON boxes scroll on screen (30rem at most) and were
/// cut at that height on paper, with nothing to say so; printed, each box holds all of its text. F4: a note typed in
/// Chinese read as <c>\u4E2D…</c> escapes in the "Input as submitted" box.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AuditEntryPrintBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AuditScreening_Printed_EveryJsonBoxHoldsAllItsText_AndChineseReadsAsTyped()
    {
        const string note = "患者同意，家属陪同回家。";
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-AUDIT-PRINT-1");
        await page.Locator("#clinicianNote").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));
        var screening = page.Url[^36..];
        await page.Context.CloseAsync();

        var auditor = await browser.SignedInPageAsync("auditor@demo.local");
        await auditor.GotoAsync($"/Audit/Screening/{screening}");
        var input = auditor.GetByLabel("Input JSON");
        await Assertions.Expect(input).ToContainTextAsync($"\"clinicianNote\": \"{note}\"");

        const string Heights = "boxes => boxes.map(b => [b.scrollHeight, b.clientHeight])";
        var onScreen = await auditor.Locator("pre.audit-json").EvaluateAllAsync<int[][]>(Heights);
        Assert.Contains(onScreen, h => h[0] > h[1] + 1); // on screen the input box scrolls: what the print must not cut

        await auditor.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var printed = await auditor.Locator("pre.audit-json").EvaluateAllAsync<int[][]>(Heights);
        Assert.NotEmpty(printed);
        Assert.All(printed, h => Assert.True(h[0] <= h[1] + 1, $"A printed JSON box shows {h[1]} px of its {h[0]} px."));
        await browser.ScreenshotAsync(auditor, "audit-screening-printed");
        await auditor.Context.CloseAsync();
    }
}
