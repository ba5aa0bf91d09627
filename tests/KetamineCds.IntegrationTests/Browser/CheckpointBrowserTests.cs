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

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download all checkpoints (zip)" }).ClickAsync());
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

    [Fact]
    public async Task CheckpointsPage_InChinese_UploadedFilesThatAreNotCheckpoints_SayWhyInChinese()
    {
        // Helper 291: the reason a file is not a checkpoint ("unknown format '' (expected ketaminecds-checkpoint/1)") was
        // English on the Chinese page. Screenshot: TestResults/screenshots/34-auditor-checkpoint-upload-not-checkpoints-zh.png.
        var page = await browser.SignedInPageAsync("auditor@demo.local");
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = PrintedRationale.ChineseCulture, Url = browser.BaseAddress }]);
        await page.GotoAsync("/Audit/Checkpoints");
        var files = new Dictionary<string, string>
        {
            ["notes.json"] = "{\"hello\": 1}",
            ["broken.json"] = "{ not json",
            ["later-format.json"] = "{\"format\": \"ketaminecds-checkpoint/9\"}",
        };
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(browser.OutputFolder, name);
            await File.WriteAllTextAsync(path, content);
            paths.Add(path);
        }

        await page.Locator("#copies").SetInputFilesAsync(paths);
        await page.Locator("form:has(#copies) button[type=submit]").ClickAsync();
        var table = page.Locator("table:has(td code:text-is('notes.json'))");
        await Assertions.Expect(table).ToContainTextAsync("不是可读取的检查点：未注明格式（应为 ketaminecds-checkpoint/1）。", new() { Timeout = 60_000 });
        await Assertions.Expect(table).ToContainTextAsync("不是可读取的检查点：内容不是 JSON 格式的检查点。");
        await Assertions.Expect(table).ToContainTextAsync("不是可读取的检查点：未知格式“ketaminecds-checkpoint/9”（应为 ketaminecds-checkpoint/1）。");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Not a readable checkpoint");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("expected");
        await browser.ScreenshotAsync(page, "34-auditor-checkpoint-upload-not-checkpoints-zh");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task CheckpointsPage_UploadedFilesNotReadAsText_SayWhyNotThatTheyAreNotJson(string language)
    {
        // Helper 298: a file over 16 KB, a .zip that is not a zip and a binary file were each "not a JSON checkpoint".
        // Screenshots: TestResults/screenshots/35-auditor-checkpoint-upload-not-read-as-text-{en,zh}.png.
        var zh = language == "zh";
        var page = await browser.SignedInPageAsync("auditor@demo.local");
        if (zh)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = PrintedRationale.ChineseCulture, Url = browser.BaseAddress }]);
        }

        await page.GotoAsync("/Audit/Checkpoints");
        var folder = Path.Combine(browser.OutputFolder, "not-read-as-text-" + language);
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "kept-copy.zip");
        File.Delete(copy);
        using (var zip = System.IO.Compression.ZipFile.Open(copy, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("checkpoints/checkpoint-padded.json").Open();
            entry.Write(System.Text.Encoding.UTF8.GetBytes(new string(' ', 17_000)));
        }

        var files = new Dictionary<string, byte[]>
        {
            ["big.json"] = System.Text.Encoding.UTF8.GetBytes("{\"format\": \"" + new string('x', 20_000 - 14) + "\"}"),
            ["notes.zip"] = System.Text.Encoding.UTF8.GetBytes("these are my notes, not a zip"),
            ["scan.json"] = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x00],
            ["broken.json"] = System.Text.Encoding.UTF8.GetBytes("{ not json"),
        };
        var paths = new List<string> { copy };
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, content);
            paths.Add(path);
        }

        await page.Locator("#copies").SetInputFilesAsync(paths);
        await page.Locator("form:has(#copies) button[type=submit]").ClickAsync();
        var table = page.Locator("table:has(td code:text-is('big.json'))");
        var said = zh
            ? new[] { "不是可读取的检查点：该文件为 20,000 字节，超过检查点文件的上限（最多 16,384 字节，即 16 KB）。", "不是可读取的检查点：该文件为 17,000 字节，超过", "不是可读取的检查点：文件名以 .zip 结尾，但不是 zip 文件。", "不是可读取的检查点：无法作为文本读取（检查点是 UTF-8 编码的 JSON 文件）。", "不是可读取的检查点：内容不是 JSON 格式的检查点。" }
            : ["Not a readable checkpoint: the file is 20,000 bytes, larger than a checkpoint file can be (at most 16,384 bytes, 16 KB).", "Not a readable checkpoint: the file is 17,000 bytes, larger than", "Not a readable checkpoint: named .zip, but not a zip file.", "Not a readable checkpoint: not readable as text (a checkpoint is a UTF-8 JSON file).", "Not a readable checkpoint: not a JSON checkpoint."];
        await Assertions.Expect(table).ToContainTextAsync(said[0], new() { Timeout = 60_000 });
        foreach (var text in said.Skip(1))
        {
            await Assertions.Expect(table).ToContainTextAsync(text);
        }

        await Assertions.Expect(table.Locator("tr", new() { HasText = zh ? "内容不是 JSON 格式的检查点" : "not a JSON checkpoint" })).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "35-auditor-checkpoint-upload-not-read-as-text-" + language);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
