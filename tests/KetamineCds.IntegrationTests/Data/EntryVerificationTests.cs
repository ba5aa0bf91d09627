using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// What verification finds about one entry, for its own auditor's page (QA P10), against the whole walk's findings: the
/// same checks, made where the entry takes part. SQLite and PostgreSQL; the tamperer works as the database owner.
/// </summary>
public abstract class EntryVerificationTests : IAsyncLifetime
{
    private LogStore _store = null!;

    protected abstract Task<LogStore> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task VerifyEntry_IntactLog_FindsNothingForAnyEntry()
    {
        var ids = await RecordAsync(3);

        foreach (var id in ids)
        {
            Assert.Empty(await _store.Audit.VerifyEntryAsync(id));
        }
    }

    [Fact]
    public async Task VerifyEntry_ContentEditedWithoutRehashing_NamesContentChangedAsTheWalkDoes()
    {
        var ids = await RecordAsync(3);
        await _store.DisableTriggersAsync();
        await _store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 2");

        var walk = await _store.Log.VerifyAsync();
        var own = await _store.Audit.VerifyEntryAsync(ids[1]);

        Assert.Equal([new ChainFinding(ChainFinding.ContentChanged, 2, ids[1])], own);
        Assert.Equal(walk.Findings, own);
        Assert.Empty(await _store.Audit.VerifyEntryAsync(ids[0]));
        Assert.Empty(await _store.Audit.VerifyEntryAsync(ids[2]));
    }

    [Fact]
    public async Task VerifyEntry_ChangedAndRehashed_ItsOwnHashHoldsButTheNextEntrysLinkNoLongerJoins()
    {
        var ids = await RecordAsync(3);
        await _store.DisableTriggersAsync();
        await using (var db = _store.Factory.CreateOwnerDbContext())
        {
            var entry = await db.DecisionLogEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2);
            entry.PatientReference = "MRN-777";
            var hash = ChainHash.Compute(entry);
            await _store.ExecuteAsOwnerAsync($"UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777', \"Hash\" = '{hash}' WHERE \"Sequence\" = 2");
        }

        var walk = await _store.Log.VerifyAsync();
        var linkBroken = new ChainFinding(ChainFinding.LinkBroken, 3, ids[2]);

        Assert.Equal([linkBroken], walk.Findings);
        // The changed entry's own page and the next one's both name the link the walk names.
        Assert.Equal([linkBroken], await _store.Audit.VerifyEntryAsync(ids[1]));
        Assert.Equal([linkBroken], await _store.Audit.VerifyEntryAsync(ids[2]));
        Assert.Empty(await _store.Audit.VerifyEntryAsync(ids[0]));
    }

    [Fact]
    public async Task VerifyEntry_EntryBeforeItDeleted_NamesTheGapAsTheWalkDoes()
    {
        var ids = await RecordAsync(4);
        await _store.DisableTriggersAsync();
        await _store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = 2");

        var walk = await _store.Log.VerifyAsync();
        var gap = new ChainFinding(ChainFinding.Missing, 3, ids[2], 2, 2);

        Assert.Equal([gap], walk.Findings);
        Assert.Equal([gap], await _store.Audit.VerifyEntryAsync(ids[2]));
        Assert.Equal([gap], await _store.Audit.VerifyEntryAsync(ids[0]));
        Assert.Empty(await _store.Audit.VerifyEntryAsync(ids[3]));
    }

    [Fact]
    public async Task VerifyEntry_SwappedWithItsNeighbour_NamesItMovedAsTheWalkDoes()
    {
        var ids = await RecordAsync(4);
        await _store.DisableTriggersAsync();
        await _store.SwapEntriesAsync(2, 3);

        var walk = await _store.Log.VerifyAsync();
        var own = await _store.Audit.VerifyEntryAsync(ids[1]);

        var moved = new ChainFinding(ChainFinding.Moved, 3, ids[1], 2, 2);
        Assert.Contains(moved, walk.Findings);
        Assert.Contains(moved, own);
        Assert.DoesNotContain(own, f => f.Kind == ChainFinding.ContentChanged);
        Assert.Contains(new ChainFinding(ChainFinding.Moved, 2, ids[2], 3, 3), await _store.Audit.VerifyEntryAsync(ids[2]));
    }

    private async Task<List<Guid>> RecordAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await _store.Log.RecordScreeningAsync(Screenings.Submit("MRN-V" + i))).Id);
        }

        return ids;
    }
}

/// <summary>One entry's verification on SQLite, a temp file per test.</summary>
public sealed class SqliteEntryVerificationTests : EntryVerificationTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.SqliteAsync();
}

/// <summary>One entry's verification on PostgreSQL 15.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresEntryVerificationTests(PostgresFixture fixture) : EntryVerificationTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.PostgresAsync(fixture.Cluster);
}
