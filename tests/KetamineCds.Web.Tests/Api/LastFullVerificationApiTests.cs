using System.Net;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// The API's lists say when the decision log behind them was last verified in full and with what result, as the pages'
/// line does (QA284 F3, <c>LastFullVerificationLineTests</c>): a list shows entries only as stored, so an entry altered in
/// the database is left out of a filtered list without a word. <c>GET /api/v1/screenings</c> carries it in its body
/// (<c>lastFullVerification</c>, what Find screenings says: when and what was found, never who nor the counts); the
/// auditor's exports of the decision log, streamed files, carry it in the <c>Last-Full-Verification</c> header with what
/// the auditor's list says. Nothing of it reaches a caller who may not read the list.
/// </summary>
public sealed class LastFullVerificationApiTests
{
    private const string Header = "Last-Full-Verification";

    [Fact]
    public async Task ScreeningList_SaysNeverVerified_ThenWhenTheFullVerificationRanAndHowManyEntriesWereAddedSince()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-API-VER-1", psychiatrist);

        var never = await ListStatusAsync(psychiatrist, "MRN-API-VER-1");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();
        await factory.RecordScreeningThroughApiAsync("MRN-API-VER-2", psychiatrist);
        await factory.RecordScreeningThroughApiAsync("MRN-API-VER-3", psychiatrist);
        var verified = await ListStatusAsync(psychiatrist, "MRN-API-VER-1");

        Assert.Equal("not-verified", never["result"]!.GetValue<string>());
        Assert.False(never["alert"]!.GetValue<bool>());
        Assert.Null(never["verifiedAt"]);
        Assert.Null(never["entriesAddedSince"]);

        Assert.Equal("no-problems-found", verified["result"]!.GetValue<string>());
        Assert.False(verified["alert"]!.GetValue<bool>());
        Assert.InRange(verified["verifiedAt"]!.GetValue<DateTimeOffset>(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(2, verified["entriesAddedSince"]!.GetValue<long>());
        Assert.False(verified["logEndsBeforeReached"]!.GetValue<bool>());
        Assert.Null(verified["laterFailedCheck"]);
        // What Find screenings shows a psychiatrist: not who audits, nor what the verification counted.
        AssertNoAuditorDetails(verified);
        Assert.DoesNotContain("auditor@demo.local", verified.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreeningList_AfterAMovedEntryWasFoundByAVerification_SaysProblemsFoundWithAnAlert()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var moved = await factory.RecordScreeningThroughApiAsync("MRN-API-MOVED-1", psychiatrist);
        var kept = await factory.RecordScreeningThroughApiAsync("MRN-API-MOVED-1", psychiatrist);
        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-ELSEWHERE' WHERE \"Sequence\" = 1;");

        var unverified = await ListAsync(psychiatrist, "MRN-API-MOVED-1");
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();
        var list = await ListAsync(psychiatrist, "MRN-API-MOVED-1");
        var asAuditorReadsIt = await ListAsync(auditor, "MRN-API-MOVED-1");

        // What it is there for: the list shows the entry still under the patient and leaves the moved one out unsaid.
        var ids = list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal([kept], ids);
        Assert.DoesNotContain(moved.ToString(), list.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("not-verified", unverified["lastFullVerification"]!["result"]!.GetValue<string>());
        Assert.False(unverified["lastFullVerification"]!["alert"]!.GetValue<bool>());

        var status = list["lastFullVerification"]!;
        Assert.Equal("problems-found", status["result"]!.GetValue<string>());
        Assert.True(status["alert"]!.GetValue<bool>());
        Assert.NotNull(status["verifiedAt"]);
        AssertNoAuditorDetails(status);
        // Find screenings gives every role the clinicians' line; so does the list it shows.
        Assert.Equal(status.ToJsonString(), asAuditorReadsIt["lastFullVerification"]!.ToJsonString());
    }

    [Fact]
    public async Task ScreeningList_TheVerificationsRecordAltered_OrTheLogNowEndingBeforeTheEntryItReached_Alerts()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-API-REC-1", psychiatrist);
        await factory.RecordScreeningThroughApiAsync("MRN-API-REC-2", psychiatrist);
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();

        await factory.ExecuteSqlAsync("DROP TRIGGER \"LogChainHeads_forward_only\"; UPDATE \"LogChainHeads\" SET \"LastSequence\" = 1 WHERE \"Chain\" = 'decisions';");
        var behind = await ListStatusAsync(psychiatrist, "MRN-API-REC-1");
        await factory.ExecuteSqlAsync("DROP TRIGGER \"AccessEvents_no_update\"; UPDATE \"AccessEvents\" SET \"Detail\" = replace(\"Detail\", 'checked 2;', 'checked 9;') WHERE \"Kind\" = 'verify';");
        var altered = await ListStatusAsync(psychiatrist, "MRN-API-REC-1");

        Assert.Equal("no-problems-found", behind["result"]!.GetValue<string>());
        Assert.True(behind["logEndsBeforeReached"]!.GetValue<bool>());
        Assert.True(behind["alert"]!.GetValue<bool>());
        Assert.Null(behind["entriesAddedSince"]);
        Assert.Equal("record-altered", altered["result"]!.GetValue<string>());
        Assert.True(altered["alert"]!.GetValue<bool>());
        Assert.Null(altered["entriesAddedSince"]);
    }

    [Fact]
    public async Task Exports_CarryTheAuditorsLineInAHeader_BeforeAndAfterAVerification_TheFilesUnchanged()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-API-EXP-1", psychiatrist);
        await factory.RecordScreeningThroughApiAsync("MRN-API-EXP-2", psychiatrist);

        var (neverJsonl, _) = await ExportAsync(auditor, "/api/v1/audit/export.jsonl");
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();
        await factory.RecordScreeningThroughApiAsync("MRN-API-EXP-3", psychiatrist);
        var (jsonl, lines) = await ExportAsync(auditor, "/api/v1/audit/export.jsonl");
        var (csv, csvText) = await ExportAsync(auditor, "/api/v1/audit/export.csv");
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var (pageJsonl, _) = await ExportAsync(page, "/Audit?handler=JsonLines");

        Assert.Equal("not-verified", neverJsonl["result"]!.GetValue<string>());
        Assert.Null(neverJsonl["by"]);
        Assert.Equal(2, neverJsonl["headSequence"]!.GetValue<long>());

        Assert.Equal("no-problems-found", jsonl["result"]!.GetValue<string>());
        Assert.False(jsonl["alert"]!.GetValue<bool>());
        // What the auditor's list says: who verified, what it checked and found, the entry it reached, and since.
        Assert.Equal("auditor@demo.local", jsonl["by"]!.GetValue<string>());
        Assert.Equal(2, jsonl["checked"]!.GetValue<long>());
        Assert.Equal(0, jsonl["findings"]!.GetValue<long>());
        Assert.Null(jsonl["firstBrokenSequence"]);
        Assert.Equal(2, jsonl["reachedSequence"]!.GetValue<long>());
        Assert.Equal(1, jsonl["entriesAddedSince"]!.GetValue<long>());
        Assert.Equal(3, jsonl["headSequence"]!.GetValue<long>());
        Assert.Equal(jsonl.ToJsonString(), csv.ToJsonString());
        Assert.Equal(jsonl.ToJsonString(), pageJsonl.ToJsonString());

        // The files are as before: every JSON line an entry with its hash, the CSV's header line first.
        var entries = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, entries.Length);
        Assert.All(entries, line => Assert.NotNull(JsonNode.Parse(line)!["hash"]));
        // (ReadAsStringAsync reads the byte-order mark as the encoding's and leaves it out.)
        Assert.StartsWith(KetamineCds.Web.Audit.AuditCsvExport.Header, csvText, StringComparison.Ordinal);
        Assert.Equal(4, csvText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Exports_AfterAMovedEntryWasFound_HeaderSaysSoWithWhatTheVerificationChecked_AndALaterFailedCheck()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-API-EXPBAD-1", psychiatrist);
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();
        using (var created = await auditor.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await factory.RecordScreeningThroughApiAsync("MRN-API-EXPBAD-1", psychiatrist);
        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"CorrelationId\" = 'changed' WHERE \"Sequence\" = 2;");
        (await auditor.GetAsync("/api/v1/audit/verify?from=checkpoint")).Dispose();
        var (laterFailed, _) = await ExportAsync(auditor, "/api/v1/audit/export.csv?patientReference=MRN-API-EXPBAD-1");
        var laterInList = await ListStatusAsync(psychiatrist, "MRN-API-EXPBAD-1");
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();
        var (failed, _) = await ExportAsync(auditor, "/api/v1/audit/export.jsonl?patientReference=MRN-API-EXPBAD-1");

        // The last full verification was clean; a check from the checkpoint since was not: red, saying which and who.
        Assert.Equal("no-problems-found", laterFailed["result"]!.GetValue<string>());
        Assert.True(laterFailed["alert"]!.GetValue<bool>());
        Assert.Equal("auditor@demo.local", laterFailed["laterFailedCheck"]!["by"]!.GetValue<string>());
        Assert.False(laterFailed["laterFailedCheck"]!["recordAltered"]!.GetValue<bool>());
        Assert.True(laterInList["alert"]!.GetValue<bool>());
        Assert.NotNull(laterInList["laterFailedCheck"]!["at"]);
        Assert.Null(laterInList["laterFailedCheck"]!["by"]);

        Assert.Equal("problems-found", failed["result"]!.GetValue<string>());
        Assert.True(failed["alert"]!.GetValue<bool>());
        Assert.Equal("auditor@demo.local", failed["by"]!.GetValue<string>());
        Assert.Equal(2, failed["checked"]!.GetValue<long>());
        Assert.Equal(1, failed["findings"]!.GetValue<long>());
        Assert.Equal(2, failed["firstBrokenSequence"]!.GetValue<long>());
        Assert.Null(failed["laterFailedCheck"]);
    }

    [Fact]
    public async Task NoTokenOrAnotherRole_GetsNoneOfIt()
    {
        using var factory = new KetamineCdsFactory();
        await factory.RecordScreeningThroughApiAsync("MRN-API-ANON-1");
        (await (await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor)).GetAsync("/api/v1/audit/verify")).Dispose();
        var anonymous = factory.CreateRawClient();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        foreach (var (client, path, status) in new[]
        {
            (anonymous, "/api/v1/screenings?patientReference=MRN-API-ANON-1", HttpStatusCode.Unauthorized),
            (anonymous, "/api/v1/audit/export.jsonl", HttpStatusCode.Unauthorized),
            (anonymous, "/api/v1/audit/export.csv", HttpStatusCode.Unauthorized),
            (psychiatrist, "/api/v1/audit/export.jsonl", HttpStatusCode.Forbidden),
            (psychiatrist, "/api/v1/audit/export.csv", HttpStatusCode.Forbidden),
        })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(status, response.StatusCode);
            Assert.False(response.Headers.Contains(Header), $"{path} sent {Header} with {status}");
            Assert.DoesNotContain("lastFullVerification", body, StringComparison.Ordinal);
            Assert.DoesNotContain("no-problems-found", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenApi_DescribesTheListsPropertyAndTheExportsHeader()
    {
        using var factory = new KetamineCdsFactory();
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;

        var list = schemas["ScreeningList"]!;
        Assert.Contains("lastFullVerification", list["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("#/components/schemas/LastFullVerificationResponse", list["properties"]!["lastFullVerification"]!["$ref"]?.GetValue<string>());
        var status = schemas["LastFullVerificationResponse"]!;
        foreach (var name in new[] { "result", "alert", "verifiedAt", "by", "checked", "findings", "firstBrokenSequence", "reachedSequence", "entriesAddedSince", "logEndsBeforeReached", "headSequence", "laterFailedCheck" })
        {
            Assert.True(status["properties"]?[name]?["description"] is not null, $"{name} is not described");
        }

        Assert.Equal(
            ["not-verified", "no-problems-found", "problems-found", "record-altered", "unavailable"],
            schemas["LastFullVerificationResult"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var header = document["components"]!["headers"]![Header]!;
        Assert.Equal("#/components/schemas/LastFullVerificationResponse", header["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        foreach (var path in new[] { "/api/v1/audit/export.csv", "/api/v1/audit/export.jsonl" })
        {
            var responses = document["paths"]![path]!["get"]!["responses"]!;
            Assert.Equal("#/components/headers/" + Header, responses["200"]!["headers"]![Header]!["$ref"]!.GetValue<string>());
            Assert.Null(responses["400"]!["headers"]![Header]);
        }
    }

    /// <summary>The clinicians' line says when and what was found, never who nor what the verification counted.</summary>
    private static void AssertNoAuditorDetails(JsonNode status)
    {
        foreach (var name in new[] { "by", "checked", "findings", "firstBrokenSequence", "reachedSequence", "headSequence" })
        {
            Assert.Null(status[name]);
        }
    }

    private static async Task<JsonNode> ListAsync(HttpClient client, string patientReference)
    {
        using var response = await client.GetAsync($"/api/v1/screenings?patientReference={patientReference}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(Header));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> ListStatusAsync(HttpClient client, string patientReference) =>
        (await ListAsync(client, patientReference))["lastFullVerification"] ?? throw new Xunit.Sdk.XunitException("the list has no lastFullVerification");

    /// <summary>An export's Last-Full-Verification header, parsed, and its file.</summary>
    private static async Task<(JsonNode Status, string File)> ExportAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await response.Content.ReadAsStringAsync();
        Assert.True(response.Headers.TryGetValues(Header, out var values), $"{path} has no {Header} header");
        return (JsonNode.Parse(values.Single())!, file);
    }
}
