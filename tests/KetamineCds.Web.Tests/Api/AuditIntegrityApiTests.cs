using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// What the auditor's bearer API says of a log edited behind the app's back (QA10c S2, S3): a checkpoint is not signed
/// over a decision log whose full verification fails, and the access log's chain and export tell of an edited event.
/// </summary>
public sealed class AuditIntegrityApiTests
{
    [Fact]
    public async Task CreateCheckpoint_EntryBeforeTheNewestCheckpointEditedWithoutRehashing_Answers409AndSignsNothing()
    {
        // QA10c S2: a checkpoint at entry 1 still holds after entry 1's content is edited (its stored hash is what it
        // signed); the quick walk from it saw nothing, and a new checkpoint was signed over the edited log.
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-S2-FIRST", psychiatrist);
        using (var first = await auditor.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 1;");
        await factory.RecordScreeningThroughApiAsync("MRN-S2-LATER", psychiatrist);

        using var response = await auditor.PostAsync("/api/v1/audit/checkpoints", null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var verification = body.RootElement.GetProperty("verification");
        Assert.False(verification.GetProperty("intact").GetBoolean());
        Assert.Equal(1, verification.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Single(Directory.GetFiles(factory.CheckpointDirectory, "*.json"));
    }

    [Fact]
    public async Task ListCheckpoints_ACheckpointThatHolds_NamesTheEntryItSigned()
    {
        // helper-224's QA walk: GET /api/v1/audit/checkpoints said "entryId": null for every checkpoint that holds, though
        // its file signs headEntryId; the entry was named only once the checkpoint failed.
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-H224-CHECKPOINT", psychiatrist);
        Guid signed;
        using (var created = await auditor.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var file = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            signed = file.RootElement.GetProperty("headEntryId").GetGuid();
        }

        using var response = await auditor.GetAsync("/api/v1/audit/checkpoints");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(body.RootElement.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("holds").GetBoolean());
        Assert.Equal(signed, item.GetProperty("entryId").GetGuid());
    }

    [Fact]
    public async Task AccessLogEventEditedWithoutRehashing_VerifyNamesItAndTheExportMarksIt()
    {
        // QA10c S3: the page named the broken access event; the API said nothing and exported it as genuine.
        using var factory = new KetamineCdsFactory();
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using (var before = await auditor.GetAsync("/api/v1/audit/verify"))
        {
            var intact = JsonNode.Parse(await before.Content.ReadAsStringAsync())!["access"]!;
            Assert.True(intact["intact"]!.GetValue<bool>());
            Assert.Null(intact["firstBrokenSequence"]);
            Assert.True(intact["checked"]!.GetValue<long>() >= 1);
        }

        await factory.ExecuteSqlAsync("DROP TRIGGER \"AccessEvents_no_update\"; UPDATE \"AccessEvents\" SET \"UserEmail\" = 'nobody-here@clinic.example' WHERE \"Sequence\" = 1;");

        using var verify = await auditor.GetAsync("/api/v1/audit/verify");
        var result = JsonNode.Parse(await verify.Content.ReadAsStringAsync())!;
        using var export = await auditor.GetAsync("/api/v1/audit/access.csv");
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.True(result["intact"]!.GetValue<bool>()); // the decision log's, as the contract says
        Assert.False(result["access"]!["intact"]!.GetValue<bool>());
        Assert.Equal(1, result["access"]!["firstBrokenSequence"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("id,sequence,occurredAt,userEmail,role,kind,subject,detail,correlationId,unreadable", lines[0]);
        var edited = Assert.Single(lines, l => l.Contains("nobody-here@clinic.example", StringComparison.Ordinal));
        Assert.EndsWith(",true", edited, StringComparison.Ordinal);
        Assert.All(lines.Skip(1).Where(l => l != edited), l => Assert.EndsWith(",", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ApiAndPage_RecordInTheAccessLogWhetherEachLogVerified()
    {
        // QA141 F7: a verify event recorded where it was run and nothing of what it found (a replay records "reproduced"),
        // so the access log could not say when the log first failed to verify.
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        await factory.RecordScreeningThroughApiAsync("MRN-VERIFY-OUTCOME", psychiatrist);
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();
        (await page.GetAsync("/Audit/Verify?run=true")).Dispose();

        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-778' WHERE \"Sequence\" = 1;");
        (await auditor.GetAsync("/api/v1/audit/verify")).Dispose();
        (await page.GetAsync("/Audit/Verify?run=true")).Dispose();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>();
            var details = await db.AccessEvents.Where(e => e.Kind == "verify").OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync();
            Assert.Equal(
                ["full: intact", "audit workspace: intact", "full: decision log does not verify", "audit workspace: decision log does not verify"],
                details.Select(d => d![..d!.IndexOf("; walk", StringComparison.Ordinal)]));
            // What each walked (QA284 F3): every entry, one finding once the entry was edited.
            Assert.All(details.Take(2), d => Assert.Contains("; walk full; checked 1; findings 0; reached 1 ", d, StringComparison.Ordinal));
            Assert.All(details.Skip(2), d => Assert.Contains("; walk full; checked 1; findings 1; first 1 ", d, StringComparison.Ordinal));
        }

        var accessLog = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/Audit/Access"));
        Assert.Contains("API, the whole log: both logs verify", accessLog, StringComparison.Ordinal);
        Assert.Contains("Audit workspace: the decision log does not verify; the whole decision log re-hashed, 1 entry up to entry 1; 1 finding, at entry 1", accessLog, StringComparison.Ordinal);
    }
}
