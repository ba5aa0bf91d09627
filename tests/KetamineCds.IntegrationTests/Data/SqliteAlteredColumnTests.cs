using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// SQLite does not type its columns, so whoever alters the file can store a text that is not an id or a time where
/// the log keeps one. Verification names that entry by its place in the chain, and every list, the export and the
/// impact analysis keep the other entries and mark it, instead of failing as a whole (PostgreSQL refuses such a text:
/// its columns are uuid and timestamp).
/// </summary>
public sealed class SqliteAlteredColumnTests
{
    [Theory]
    [InlineData("\"RecordedAt\" = 'garbage'", false)]
    [InlineData("\"RecordedAt\" = '2026-13-45 99:00:00'", false)]
    [InlineData("\"Id\" = 'not-an-id'", true)]
    [InlineData("\"RelatesToId\" = 'not-an-id'", false)]
    public async Task DecisionEntryColumnAltered_VerificationNamesItAndReadersKeepTheRest(string assignment, bool idAltered)
    {
        await using var store = await LogStore.SqliteAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-A"))).Id);
        }

        await store.DisableTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync($"UPDATE \"DecisionLogEntries\" SET {assignment} WHERE \"Sequence\" = 2"));
        var alteredId = idAltered ? Guid.Empty : ids[1];

        Assert.Equal(new ChainVerification(3, false, alteredId, 2), await store.Log.VerifyAsync());

        var page = await store.Audit.SearchAsync(new AuditFilter(), null, 50);
        Assert.Equal(new[] { ids[0], alteredId, ids[2] }.Order(), page.Items.Select(i => i.Id).Order());
        Assert.Equal([(2L, true)], page.Items.Where(i => i.Unreadable).Select(i => (i.Sequence, i.Unreadable)));
        var exported = new List<AuditListItem>();
        await foreach (var item in store.Audit.ExportAsync(new AuditFilter()))
        {
            exported.Add(item);
        }

        Assert.Equal(page.Items.Select(i => (i.Id, i.Unreadable)), exported.Select(i => (i.Id, i.Unreadable)));

        var patient = await store.Log.ListScreeningsForPatientAsync("MRN-A");
        Assert.Equal([ids[2], ids[0]], patient.Screenings.Select(s => s.Id));
        Assert.Equal([new UnreadableEntry(alteredId, 2)], patient.Unreadable);

        var report = await store.Audit.AnalyzeImpactAsync(null, null);
        Assert.Equal((2L, 1L), (report.Examined, report.UnreadableCount));

        Assert.NotNull(await store.Log.FindScreeningAsync(ids[0]));
        if (!idAltered)
        {
            var failure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Log.FindScreeningAsync(ids[1]));
            Assert.Equal((ids[1], 2L), (failure.EntryId, failure.Sequence));
        }
    }

    [Fact]
    public async Task AccessEventTimeAltered_VerificationNamesItsPlaceInTheChain()
    {
        await using var store = await LogStore.SqliteAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.Access.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "auditor@demo.local", "Auditor", "S-1", null, $"c{i}"));
        }

        var history = await store.Audit.AccessHistoryAsync("S-1");
        await store.DisableTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync("UPDATE \"AccessEvents\" SET \"OccurredAt\" = 'yesterday' WHERE \"Sequence\" = 3"));

        Assert.Equal(new ChainVerification(3, false, history.Single(h => h.Sequence == 3).Id, 3), await store.Access.VerifyAsync());
    }

    [Theory]
    [InlineData("decisions")]
    [InlineData("access")]
    public async Task ChainHeadLastIdNotAnId_VerificationAnswersNotIntactAtTheHeadsPlace(string chain)
    {
        await using var store = await LogStore.SqliteAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-A"));
            await store.Access.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "auditor@demo.local", "Auditor", "S-1", null, $"c{i}"));
        }

        await store.DisableTriggersAsync();
        await store.DisableChainHeadTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync($"UPDATE \"LogChainHeads\" SET \"LastId\" = 'not-an-id' WHERE \"Chain\" = '{chain}'"));

        var altered = new ChainVerification(3, false, Guid.Empty, 3);
        var intact = new ChainVerification(3, true, null);
        Assert.Equal(chain == "decisions" ? altered : intact, await store.Log.VerifyAsync());
        Assert.Equal(chain == "access" ? altered : intact, await store.Access.VerifyAsync());
    }

    [Fact]
    public async Task ChainHeadLastIdAnotherEntrysId_VerificationNamesTheLastEntry()
    {
        await using var store = await LogStore.SqliteAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-A"))).Id);
        }

        await store.DisableTriggersAsync();
        await store.DisableChainHeadTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync($"UPDATE \"LogChainHeads\" SET \"LastId\" = '{ids[0].ToString().ToUpperInvariant()}' WHERE \"Chain\" = 'decisions'"));

        Assert.Equal(new ChainVerification(3, false, ids[2], 3), await store.Log.VerifyAsync());
    }
}
