using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA318 F7, F8: a logged screening's audit page shows its place in the chain (sequence, its hash, the previous hash) as
/// the override's does, and its replay is headed with its number and says whose, when and by whom, so that either page
/// printed stands alone; English and Chinese, on screen and as printed (screenshots 174-175).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AuditEntryPrintedContextBrowserTests(BrowserFixture browser)
{
    private const string Patient = "MRN-PRINTED-BROWSER";

    [Fact]
    public async Task ScreeningAuditPageAndReplay_ShowThePlaceInTheChainAndWhatTheReplayIsOf_InEnglishAndChinese()
    {
        var logged = await browser.App.Services.GetRequiredService<IDecisionLog>().RecordScreeningAsync(Screenings.Submit(Patient));
        var english = await browser.SignedInPageAsync("auditor@demo.local");
        var chinese = await browser.SignedInPageAsync("auditor@demo.local", "zh-CN");

        await english.GotoAsync($"/Audit/Screening/{logged.Id}");
        var chain = english.Locator("#screening-chain");
        await Assertions.Expect(chain).ToContainTextAsync($"Sequence{logged.Sequence}");
        await Assertions.Expect(chain.Locator("dd code").First).ToHaveTextAsync(logged.Hash);
        await Assertions.Expect(english.Locator("#output-as-stored")).ToContainTextAsync("which is canonical");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(english));
        await browser.ScreenshotAsync(english, "174-audit-screening-chain");
        await english.Locator("#output-as-stored").ScrollIntoViewIfNeededAsync();
        await english.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "174-audit-screening-chain-window.png") });
        await chinese.GotoAsync($"/Audit/Screening/{logged.Id}");
        await Assertions.Expect(chinese.GetByRole(AriaRole.Heading, new() { Name = "在哈希链中的位置" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(chinese, "174-audit-screening-chain-zh");
        await chinese.Locator("#screening-chain").ScrollIntoViewIfNeededAsync();
        await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "174-audit-screening-chain-zh-window.png") });

        await english.GotoAsync($"/Audit/Replay/{logged.Id}");
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync($"Replay of screening #{logged.Sequence}");
        var facts = english.Locator("#replay-entry");
        await Assertions.Expect(facts).ToContainTextAsync(Patient);
        await Assertions.Expect(facts).ToContainTextAsync(logged.Id.ToString());
        await Assertions.Expect(facts).ToContainTextAsync(logged.RecordedBy.Email);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(english));
        await browser.ScreenshotAsync(english, "175-audit-replay");
        await english.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await browser.ScreenshotAsync(english, "175-audit-replay-print");
        await chinese.GotoAsync($"/Audit/Replay/{logged.Id}");
        await Assertions.Expect(chinese.Locator("h1")).ToHaveTextAsync($"筛查 #{logged.Sequence} 的重放");
        await browser.ScreenshotAsync(chinese, "175-audit-replay-zh");
        await english.Context.CloseAsync();
        await chinese.Context.CloseAsync();
    }
}
