using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA284 F3: an entry whose patient reference was altered in the database is left out of a filtered list (the auditor's
/// list filtered by patient, the psychiatrist's Find screenings) without a word; only a full verification finds it, and
/// that is too costly per page. Each full verification is recorded in the hash-chained access log with what it checked
/// (how many entries, how many findings and the first, the entry it reached), and both lists say in one line when the log
/// was last verified in full and with what result, that a list shows entries only as stored, how many entries were added
/// since, and (auditor) link to Verify; "never" when it never was, and in red when it found problems.
/// </summary>
public sealed partial class LastFullVerificationLineTests
{
    /// <summary>A time as the pages write it: the clinic's, to the second, with its offset from UTC.</summary>
    private const string Time = @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC(?:[+-]\d{2}:\d{2})?";

    [Fact]
    public async Task NeverVerified_BothListsSaySoAndThatAListShowsEntriesAsStored()
    {
        using var factory = new KetamineCdsFactory();
        await factory.RecordScreeningThroughApiAsync("MRN-NEVER-1");

        var audit = await LineAsync(factory, KetamineCdsFactory.Auditor, "/Audit?patient=MRN-NEVER-1");
        var find = await LineAsync(factory, KetamineCdsFactory.Psychiatrist, "/Screenings?patientReference=MRN-NEVER-1");

        Assert.Contains("The decision log has never been verified in full.", audit, StringComparison.Ordinal);
        Assert.Contains("only as they are stored", audit, StringComparison.Ordinal);
        Assert.Contains("href=\"/Audit/Verify\"", audit, StringComparison.Ordinal);
        Assert.Contains("The decision log has not yet been verified in full.", find, StringComparison.Ordinal);
        Assert.Contains("as they are stored", find, StringComparison.Ordinal);
        // Psychiatrists cannot open Verify: no link that leads to a refusal.
        Assert.DoesNotContain("/Audit/Verify", find, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", audit + find, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifiedClean_BothListsSayWhenAndThatItFoundNoProblems_AndHowManyEntriesWereAddedSince()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        await factory.RecordScreeningThroughApiAsync("MRN-CLEAN-1", psychiatrist);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.GetAsync("/Audit/Verify?run=true")).Dispose();
        await factory.RecordScreeningThroughApiAsync("MRN-CLEAN-2", psychiatrist);
        await factory.RecordScreeningThroughApiAsync("MRN-CLEAN-3", psychiatrist);

        var audit = await LineAsync(factory, KetamineCdsFactory.Auditor, "/Audit?patient=MRN-CLEAN-1");
        var find = await LineAsync(factory, KetamineCdsFactory.Psychiatrist, "/Screenings?patientReference=MRN-CLEAN-1");

        Assert.Matches($"Last verified in full {Time} by auditor@demo.local: 1 entry checked, up to entry 1; no problems found\\.", audit);
        Assert.Contains("2 entries added since.", audit, StringComparison.Ordinal);
        Assert.Contains("only as they are stored", audit, StringComparison.Ordinal);
        Assert.Contains("href=\"/Audit/Verify\"", audit, StringComparison.Ordinal);
        Assert.Matches($"The decision log was last verified in full {Time}: no problems found\\.", find);
        Assert.Contains("2 entries have been added since.", find, StringComparison.Ordinal);
        // Who audits is not the psychiatrist's concern, and Verify is not their page.
        Assert.DoesNotContain("auditor@demo.local", find, StringComparison.Ordinal);
        Assert.DoesNotContain("/Audit/Verify", find, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", audit + find, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeverThenVerified_InChinese_BothListsSayItInChinese()
    {
        using var factory = new KetamineCdsFactory();
        await factory.RecordScreeningThroughApiAsync("MRN-ZH-1");
        var neverAudit = Line(await PageAsync(factory, KetamineCdsFactory.Auditor, "/Audit?patient=MRN-ZH-1", "zh-CN"));
        var neverFind = Line(await PageAsync(factory, KetamineCdsFactory.Psychiatrist, "/Screenings?patientReference=MRN-ZH-1", "zh-CN"));
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.GetAsync("/Audit/Verify?run=true")).Dispose();
        await factory.RecordScreeningThroughApiAsync("MRN-ZH-2");

        var audit = Line(await PageAsync(factory, KetamineCdsFactory.Auditor, "/Audit?patient=MRN-ZH-1", "zh-CN"));
        var find = Line(await PageAsync(factory, KetamineCdsFactory.Psychiatrist, "/Screenings?patientReference=MRN-ZH-1", "zh-CN"));

        Assert.Contains("决策日志从未进行过完整校验。", neverAudit, StringComparison.Ordinal);
        Assert.Contains("列表只按条目的存储内容显示", neverAudit, StringComparison.Ordinal);
        Assert.Contains("决策日志尚未进行过完整校验。", neverFind, StringComparison.Ordinal);
        Assert.Matches($"上次完整校验于 {Time} 由 auditor@demo.local 执行：已检查 1 个条目，至条目 1；未发现问题。", audit);
        Assert.Contains("此后新增 1 个条目。", audit, StringComparison.Ordinal);
        Assert.Matches($"决策日志上次完整校验于 {Time}：未发现问题。", find);
        Assert.Contains("此后新增了 1 个条目。", find, StringComparison.Ordinal);
        Assert.DoesNotContain("verified", audit + find, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task VerifiedWithFailures_BothListsSaySoInRed_TheFilteredListHavingLeftTheMovedEntryOut()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var moved = await factory.RecordScreeningThroughApiAsync("MRN-MOVED-1", psychiatrist);
        var kept = await factory.RecordScreeningThroughApiAsync("MRN-MOVED-1", psychiatrist);
        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-ELSEWHERE' WHERE \"Sequence\" = 1;");
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.GetAsync("/Audit/Verify?run=true")).Dispose();

        var auditHtml = await PageAsync(factory, KetamineCdsFactory.Auditor, "/Audit?patient=MRN-MOVED-1");
        var findHtml = await PageAsync(factory, KetamineCdsFactory.Psychiatrist, "/Screenings?patientReference=MRN-MOVED-1");
        var audit = Line(auditHtml);
        var find = Line(findHtml);

        // What the line is there for: the filter shows the entry still under the patient and leaves the moved one out.
        Assert.Contains(kept.ToString(), auditHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(moved.ToString(), auditHtml, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", audit, StringComparison.Ordinal);
        Assert.Contains("audit-error", audit, StringComparison.Ordinal);
        Assert.Matches($"The last full verification \\({Time}, by auditor@demo.local\\) did NOT verify the decision log: 2 entries checked, 1 finding\\. The first is at entry 1\\.", audit);
        Assert.Contains("href=\"/Audit/Verify\"", audit, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", find, StringComparison.Ordinal);
        Assert.Matches($"The last full verification of the decision log \\({Time}\\) found problems", find);
        Assert.Contains("may be missing from this list", find, StringComparison.Ordinal);
        Assert.Contains("Ask an auditor", find, StringComparison.Ordinal);
        Assert.DoesNotContain("no problems found", audit + find, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALaterCheckFromTheCheckpointFailed_TheListsSaySoThoughTheLastFullOneWasClean()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditorApi = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-LATER-1", psychiatrist);
        (await auditorApi.GetAsync("/api/v1/audit/verify")).Dispose();
        using (var created = await auditorApi.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await factory.RecordScreeningThroughApiAsync("MRN-LATER-2", psychiatrist);
        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"CorrelationId\" = 'changed' WHERE \"Sequence\" = 2;");
        (await auditorApi.GetAsync("/api/v1/audit/verify?from=checkpoint")).Dispose();

        var audit = await LineAsync(factory, KetamineCdsFactory.Auditor, "/Audit?patient=MRN-LATER-1");
        var find = await LineAsync(factory, KetamineCdsFactory.Psychiatrist, "/Screenings?patientReference=MRN-LATER-1");

        Assert.Matches($"A later check from the newest checkpoint \\({Time}, by auditor@demo.local\\) did NOT verify the decision log", audit);
        Assert.Contains("role=\"alert\"", audit, StringComparison.Ordinal);
        Assert.Matches($"A later check of the decision log \\({Time}\\) found problems", find);
        Assert.Contains("role=\"alert\"", find, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRecordOfTheVerificationAltered_TheListsSayItCannotBeTrusted()
    {
        using var factory = new KetamineCdsFactory();
        await factory.RecordScreeningThroughApiAsync("MRN-RECORD-1");
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.GetAsync("/Audit/Verify?run=true")).Dispose();
        await factory.ExecuteSqlAsync("DROP TRIGGER \"AccessEvents_no_update\"; UPDATE \"AccessEvents\" SET \"Detail\" = replace(\"Detail\", 'checked 1;', 'checked 9;') WHERE \"Kind\" = 'verify';");

        var audit = await LineAsync(factory, KetamineCdsFactory.Auditor, "/Audit?patient=MRN-RECORD-1");
        var find = await LineAsync(factory, KetamineCdsFactory.Psychiatrist, "/Screenings?patientReference=MRN-RECORD-1");

        Assert.Contains("role=\"alert\"", audit, StringComparison.Ordinal);
        Assert.Matches($"The record of the last full verification \\({Time}\\) has been altered", audit);
        Assert.DoesNotContain("no problems found", audit, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", find, StringComparison.Ordinal);
        Assert.Contains("The record of the decision log's last verification has been altered", find, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullVerifications_PageApiAndCheckpointSigning_RecordWhatTheyCheckedAndTheEntryTheyReached()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditorApi = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-RECORDED-1", psychiatrist);
        var second = await factory.RecordScreeningThroughApiAsync("MRN-RECORDED-2", psychiatrist);
        (await auditor.GetAsync("/Audit/Verify?run=true")).Dispose();
        (await auditorApi.GetAsync("/api/v1/audit/verify")).Dispose();
        (await auditorApi.PostAsync("/api/v1/audit/checkpoints", null)).Dispose();
        var head = await ScalarAsync(factory, "SELECT \"LastHash\" FROM \"LogChainHeads\" WHERE \"Chain\" = 'decisions'");
        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"CorrelationId\" = 'changed' WHERE \"Sequence\" = 2;");
        (await auditor.GetAsync("/Audit/Verify?run=true")).Dispose();

        var events = await VerifyEventsAsync(factory);

        Assert.Equal(
            [
                ("auditor@demo.local", $"audit workspace: intact; walk full; checked 2; findings 0; reached 2 {head}"),
                ("auditor@demo.local", $"full: intact; walk full; checked 2; findings 0; reached 2 {head}"),
                ("(checkpoint writer)", $"before signing a checkpoint: decision log verifies; walk full; checked 2; findings 0; reached 2 {head}"),
                ("auditor@demo.local", $"audit workspace: decision log does not verify; walk full; checked 2; findings 1; first 2 {second}; reached 2 {head}"),
            ],
            events);
    }

    /// <summary>The page's line about the last full verification, as its HTML.</summary>
    private static async Task<string> LineAsync(KetamineCdsFactory factory, string user, string path) =>
        Line(await PageAsync(factory, user, path));

    private static async Task<string> PageAsync(KetamineCdsFactory factory, string user, string path, string? language = null)
    {
        var client = await factory.CreatePageClientAsync(user);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Line(string html)
    {
        var match = LineElement().Match(html);
        Assert.True(match.Success, "the page has no #last-verification");
        return Regex.Replace(match.Value, @"\s+", " ");
    }

    [GeneratedRegex("<div[^>]*id=\"last-verification\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex LineElement();

    private static async Task<string> ScalarAsync(KetamineCdsFactory factory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(string, string)>> VerifyEventsAsync(KetamineCdsFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"UserEmail\", \"Detail\" FROM \"AccessEvents\" WHERE \"Kind\" = 'verify' ORDER BY \"Sequence\"";
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
