using System.Net;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Two alterations of the SQLite file behind the app's back (the log tables' triggers dropped first): a chain head whose
/// last id is not an id makes verification answer "not intact" at the head's place, never a 500; an override whose
/// stored payload no longer reads marks the screening it was recorded against in the audit list and the CSV export,
/// as that screening's page cannot show it. Each test has an app and a database of its own.
/// </summary>
public sealed class AlteredChainHeadAndOverrideTests
{
    private const string Patient = "MRN-ALTERED-OVERRIDE";

    [Fact]
    public async Task Verify_ChainHeadLastIdNotAnId_AnswersNotIntactAtTheHeadInsteadOf500()
    {
        using var app = new KetamineCdsFactory();
        await RecordScreeningsAsync(app, 2);
        await app.ExecuteSqlAsync("DROP TRIGGER \"LogChainHeads_forward_only\"; UPDATE \"LogChainHeads\" SET \"LastId\" = 'garbage' WHERE \"Chain\" = 'decisions';");

        var api = await app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var response = await api.GetAsync("/api/v1/audit/verify");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var verify = JsonDocument.Parse(text);
        Assert.False(verify.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verify.RootElement.GetProperty("firstBrokenSequence").GetInt64());

        var pages = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var page = await pages.GetAsync("/Audit/Verify?run=true");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<tr class=\"audit-error\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditListAndCsv_OverrideAltered_MarkTheScreeningItWasRecordedAgainst()
    {
        using var app = new KetamineCdsFactory();
        var ids = await RecordScreeningsAsync(app, 2);
        await app.RecordOverrideThroughPageAsync(ids[0]);

        await app.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\";");
        Assert.Equal(1, await app.ExecuteSqlAsync("UPDATE \"DecisionLogEntries\" SET \"InputJson\" = '{\"decision\": \"maybe\"}' WHERE \"EntryType\" = 'override';"));

        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var list = await auditor.GetAsync($"/Audit?patient={Patient}");
        var rows = WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync()).Split("<tr", StringSplitOptions.None);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        // Each screening's own row (the override's row links the screening it overrides too).
        Assert.Contains("Cannot be read", Assert.Single(rows, r => r.Contains($"href=\"/Audit/Screening/{ids[0]}\">Open", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot be read", Assert.Single(rows, r => r.Contains($"href=\"/Audit/Screening/{ids[1]}\">Open", StringComparison.Ordinal)), StringComparison.Ordinal);
        // The override is listed too, and it is the altered entry: marked itself, and still naming what it overrides.
        var overrideRow = Assert.Single(rows, r => r.Contains("href=\"/Audit/Override/", StringComparison.Ordinal));
        Assert.Contains("Cannot be read", overrideRow, StringComparison.Ordinal);
        Assert.Contains($"Overrides <a href=\"/Audit/Screening/{ids[0]}\">Screening #1</a>", overrideRow, StringComparison.Ordinal);

        using var csv = await auditor.GetAsync($"/Audit?handler=Csv&patient={Patient}");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",screening,true,1,,,,,,,", Assert.Single(lines, l => l.StartsWith(ids[0].ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",screening,,0,,,,,,,", Assert.Single(lines, l => l.StartsWith(ids[1].ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
        // The override has its own row since QA14a P3, and it is the altered entry: marked unreadable itself.
        Assert.Single(lines, l => l.Contains(",override,true,", StringComparison.Ordinal));
    }

    private static async Task<List<Guid>> RecordScreeningsAsync(KetamineCdsFactory app, int count)
    {
        var psychiatrist = await app.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await app.RecordScreeningThroughApiAsync(Patient, psychiatrist));
        }

        return ids;
    }
}
