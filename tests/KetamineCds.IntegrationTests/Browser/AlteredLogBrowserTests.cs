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
/// marked in the audit list, and a chain head whose last id is not an id makes the Verify page say "NO", never an error.
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
        var marked = page.Locator("tr.audit-unreadable");
        Assert.Equal(1, await marked.CountAsync());
        Assert.Contains("Cannot be read", await marked.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal($"/Audit/Screening/{overridden.Id}", await marked.Locator("a").Last.GetAttributeAsync("href"));
        Assert.Equal(0, await page.Locator($"tr.audit-unreadable a[href='/Audit/Screening/{other.Id}']").CountAsync());
        await browser.ScreenshotAsync(page, "56-audit-list-altered-override");
        await context.CloseAsync();
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
