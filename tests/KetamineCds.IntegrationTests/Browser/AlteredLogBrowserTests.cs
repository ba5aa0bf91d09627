using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// What an auditor sees of a SQLite log altered behind the app's back, in a browser, on an app and database of its own
/// (the shared app's log must keep verifying for the other tests): the screening whose override no longer reads is
/// marked in the audit list, and a chain head whose last id is not an id makes the Verify page say "NO", never an error;
/// Verify's link to an altered override opens the override's own page, which says so first, and the Checkpoints page
/// lists a checkpoint file gone from the folder (screenshots 91-93, English and Chinese).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AlteredLogBrowserTests(BrowserFixture browser)
{
    private const string Patient = "MRN-ALTERED-BROWSER";

    [Fact]
    public async Task AuditListAndVerify_OverrideAndChainHeadAltered_MarkTheScreeningAndSayNotIntact()
    {
        using var app = new KestrelAppFactory();
        app.StartServer();
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var overridden = await log.RecordScreeningAsync(Screenings.Submit(Patient));
        var other = await log.RecordScreeningAsync(Screenings.Submit(Patient));
        await log.RecordOverrideAsync(new OverrideSubmission(
            overridden.Id, OverrideDecision.Proceed, OverrideReason.BenefitOutweighsRiskAfterReview, "Reviewed with the patient.", Screenings.Psychiatrist, "corr-browser"));
        var connection = app.Services.GetRequiredService<IConfiguration>().GetConnectionString("KetamineCds")!;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "auditor@demo.local", BrowserFixture.Password));

        // The decisions chain's head altered (only screenings and overrides move it; page views do not).
        await ExecuteAsync(connection, "DROP TRIGGER \"LogChainHeads_forward_only\";");
        Assert.Equal(1, await ExecuteAsync(connection, "UPDATE \"LogChainHeads\" SET \"LastId\" = 'garbage' WHERE \"Chain\" = 'decisions';"));
        var verify = await page.GotoAsync("/Audit/Verify?run=true");
        Assert.Equal(200, verify!.Status);
        var decisions = page.Locator("tr.audit-error");
        Assert.Equal(1, await decisions.CountAsync());
        Assert.Matches(@"NO\s+3$", (await decisions.InnerTextAsync()).Trim());
        await browser.ScreenshotAsync(page, "57-verify-altered-chain-head");

        // The override's stored payload altered.
        await ExecuteAsync(connection, "DROP TRIGGER \"DecisionLogEntries_no_update\";");
        Assert.Equal(1, await ExecuteAsync(connection, "UPDATE \"DecisionLogEntries\" SET \"InputJson\" = '{\"decision\": \"maybe\"}' WHERE \"EntryType\" = 'override';"));
        await page.GotoAsync($"/Audit?patient={Patient}");
        // The screening the override was recorded against, and the override's own row (listed since it has one).
        var marked = page.Locator("tr.audit-unreadable");
        Assert.Equal(2, await marked.CountAsync());
        Assert.Contains("Cannot be read", await marked.Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal($"/Audit/Screening/{overridden.Id}", await marked.Last.Locator("a").Last.GetAttributeAsync("href"));
        Assert.Contains("Cannot be read", await marked.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/Audit/Override/", await marked.First.Locator("a").Last.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"tr.audit-unreadable a[href='/Audit/Screening/{other.Id}']").CountAsync());
        await browser.ScreenshotAsync(page, "56-audit-list-altered-override");
        await context.CloseAsync();
    }

    [Fact]
    public async Task OverrideEntryAndCheckpoints_FromVerifyToAnAlteredOverridesPage_AndAMissingCheckpointFile_InEnglishAndChinese()
    {
        using var app = new KestrelAppFactory();
        app.StartServer();
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var overridden = await log.RecordScreeningAsync(Screenings.Submit(Patient + "-2"));
        var overrideEntry = await log.RecordOverrideAsync(new OverrideSubmission(
            overridden.Id, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "The patient declined after the discussion.", Screenings.Psychiatrist, "corr-browser-override"));
        await log.RecordScreeningAsync(Screenings.Submit(Patient + "-2"));
        var written = await app.Services.GetRequiredService<DecisionLogCheckpoints>().CreateAsync();
        File.Delete(Path.Combine(app.CheckpointDirectory, written.Checkpoint!.FileName));
        var connection = app.Services.GetRequiredService<IConfiguration>().GetConnectionString("KetamineCds")!;
        var english = await SignedInAsync(app, null);
        var chinese = await SignedInAsync(app, "zh-CN");

        // The override's own page, intact: who, when, the role, the decision, the reason, what it overrides, its place.
        var shown = await english.GotoAsync($"/Audit/Override/{overrideEntry.Id}");
        Assert.Equal(200, shown!.Status);
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync("Override #2");
        await Assertions.Expect(english.Locator("#overridden-entry a")).ToHaveAttributeAsync("href", $"/Audit/Screening/{overridden.Id}");
        await Assertions.Expect(english.Locator("#override-facts")).ToContainTextAsync("Do not proceed");
        await Assertions.Expect(english.Locator("#override-chain")).ToContainTextAsync("Previous hash");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(english));
        await browser.ScreenshotAsync(english, "91-audit-override-entry");
        await chinese.GotoAsync($"/Audit/Override/{overrideEntry.Id}");
        await Assertions.Expect(chinese.Locator("h1")).ToHaveTextAsync("偏离建议的决定 #2");
        await browser.ScreenshotAsync(chinese, "91-audit-override-entry-zh");

        // The checkpoint file gone from the folder, listed as missing with the head it vouched for.
        await english.GotoAsync("/Audit/Checkpoints");
        var missing = english.Locator("#checkpoint-files-missing tr.checkpoint-missing");
        await Assertions.Expect(missing).ToHaveCountAsync(1);
        await Assertions.Expect(missing).ToContainTextAsync("Missing from the checkpoint folder");
        await Assertions.Expect(missing).ToContainTextAsync(written.Checkpoint.HeadHash);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(english));
        await browser.ScreenshotAsync(english, "92-checkpoints-file-missing");
        await chinese.GotoAsync("/Audit/Checkpoints");
        await Assertions.Expect(chinese.Locator("#checkpoint-files-missing tr.checkpoint-missing")).ToContainTextAsync("已不在检查点文件夹中");
        await browser.ScreenshotAsync(chinese, "92-checkpoints-file-missing-zh");

        // The override's stored words altered: Verify's link to it opens its page (a 404 before), which says so first.
        await ExecuteAsync(connection, "DROP TRIGGER \"DecisionLogEntries_no_update\";");
        Assert.Equal(1, await ExecuteAsync(connection, "UPDATE \"DecisionLogEntries\" SET \"InputJson\" = replace(\"InputJson\", 'declined', 'agreed') WHERE \"EntryType\" = 'override';"));
        await english.GotoAsync("/Audit/Verify?run=true");
        var opened = await english.RunAndWaitForResponseAsync(
            () => english.Locator($"ol.audit-findings a[href='/Audit/Override/{overrideEntry.Id}']").First.ClickAsync(),
            response => response.Url.EndsWith($"/Audit/Override/{overrideEntry.Id}", StringComparison.Ordinal));
        Assert.Equal(409, opened.Status);
        await Assertions.Expect(english.Locator("#entry-fails-verification")).ToContainTextAsync("This entry fails verification");
        await Assertions.Expect(english.Locator("#entry-fails-verification li[data-kind='content-changed']")).ToBeVisibleAsync();
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(english));
        await browser.ScreenshotAsync(english, "93-audit-override-altered");
        await chinese.GotoAsync($"/Audit/Override/{overrideEntry.Id}");
        await Assertions.Expect(chinese.Locator("#entry-fails-verification")).ToContainTextAsync("此条目未通过校验");
        await browser.ScreenshotAsync(chinese, "93-audit-override-altered-zh");
        await english.Context.CloseAsync();
        await chinese.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(KestrelAppFactory app, string? locale)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BypassCSP = true,
            Locale = locale,
            ExtraHTTPHeaders = locale is null ? null : new Dictionary<string, string> { ["Accept-Language"] = locale },
        });
        var page = await context.NewPageAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "auditor@demo.local", BrowserFixture.Password));
        return page;
    }

    private static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }
}
