using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The auditor's Checkpoints page in headless Chromium: write a checkpoint, download the copy to keep, upload a kept
/// copy with one altered file, and see a checkpoint that no longer holds on the page and on Verify. Screenshots go to
/// TestResults/screenshots (30-33).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CheckpointBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task CheckpointsPage_WriteDownloadUploadAndAFailingCheckpoint_ShowEachStatus()
    {
        var services = browser.App.Services;
        var log = services.GetRequiredService<IDecisionLog>();
        for (var i = 0; i < 3; i++)
        {
            await log.RecordScreeningAsync(Screenings.Submit("MRN-BROWSER-CP" + i));
        }

        var page = await browser.SignedInPageAsync("auditor@demo.local");
        await page.GotoAsync("/Audit/Checkpoints");
        await page.GetByRole(AriaRole.Button, new() { Name = "Write a checkpoint now" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Checkpoint written at entry", new() { Timeout = 60_000 });
        // The app's own interval writer may have written one too while the browser tests ran: every one must hold.
        await Assertions.Expect(page.Locator("table", new() { HasText = "Checkpoints in the checkpoint folder" })).ToContainTextAsync("Holds");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("No longer holds");
        await browser.ScreenshotAsync(page, "30-auditor-checkpoints-written");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download all checkpoints and the public key (zip)" }).ClickAsync());
        var zipPath = Path.Combine(browser.OutputFolder, "checkpoints-download.zip");
        await download.SaveAsAsync(zipPath);
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);

        // The kept copy comes back with one checkpoint altered (its sequence moved) next to the untouched zip.
        var folder = services.GetRequiredService<CheckpointFiles>().Directory;
        var original = Directory.GetFiles(folder, "checkpoint-*.json").Order(StringComparer.Ordinal).Last();
        var altered = Path.Combine(browser.OutputFolder, "altered-checkpoint.json");
        var checkpoint = SignedCheckpoint.TryParse(await File.ReadAllTextAsync(original), out _)!;
        await File.WriteAllTextAsync(altered, (checkpoint with { Sequence = checkpoint.Sequence - 1 }).ToJson());
        await page.Locator("#copies").SetInputFilesAsync([zipPath, altered]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the copy" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("in the copy no longer hold or cannot be trusted", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("table", new() { HasText = "The uploaded copy" })).ToContainTextAsync("Signature does not verify");
        await browser.ScreenshotAsync(page, "31-auditor-checkpoint-upload");

        // A checkpoint past the log's end, as after an older backup was put back: it no longer holds, and Verify names it.
        var keys = services.GetRequiredService<CheckpointKeys>();
        var ahead = keys.Signing!.Sign("decisions", checkpoint.Sequence + 10, new string('c', 64), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var aheadPath = Path.Combine(folder, ahead.FileName);
        await File.WriteAllTextAsync(aheadPath, ahead.ToJson());
        try
        {
            await page.GotoAsync("/Audit/Checkpoints");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No longer holds: the log ends before it");
            await browser.ScreenshotAsync(page, "32-auditor-checkpoint-no-longer-holds");

            await page.GotoAsync("/Audit/Verify?run=true");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ahead.FileName, new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"entry {ahead.Sequence}, {ahead.HeadEntryId}");
            await browser.ScreenshotAsync(page, "33-auditor-verify-names-checkpoint");
        }
        finally
        {
            File.Delete(aheadPath);
        }

        await page.Context.CloseAsync();
    }
}
