using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// Group commit: concurrent appends queue and are stored in batches, one transaction per batch. Batches are held
/// at their start (a test hook) until the appends the test needs are queued, so batch counts do not depend on timing.
/// </summary>
public abstract class GroupCommitTests
{
    protected abstract Task<LogStore> CreateStoreAsync();

    [Fact]
    public async Task RecordScreening_200Concurrent_LandContiguousInFewerTransactionsThanEntries()
    {
        await using var store = await CreateStoreAsync();
        const int count = 200;
        var hold = new BatchHold(store.Log.Appender);

        var appends = Enumerable.Range(0, count)
            .Select(i => Task.Run(() => store.Log.RecordScreeningAsync(Screenings.Submit("MRN-" + i))))
            .ToList();
        await WaitUntilAsync(() => hold.Sizes.Count == 1 && store.Log.Appender.QueuedCount(LogChainHead.Decisions) == count - hold.Sizes[0]);
        hold.Release();
        var recorded = await Task.WhenAll(appends);

        Assert.Equal(count, recorded.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), recorded.Select(r => r.Sequence).Order());
        Assert.Equal(new ChainVerification(count, true, null), await store.Log.VerifyAsync());
        Assert.Equal(2, store.Log.Appender.BatchesCommitted);
        Assert.Equal(count, hold.Sizes.Sum());
        if (await DistinctTransactionsAsync(store) is { } transactions)
        {
            Assert.Equal(2, transactions);
        }
    }

    [Fact]
    public async Task RecordOverride_UnknownScreeningInABatch_FailsAloneAndTheRestAreStored()
    {
        await using var store = await CreateStoreAsync();
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-0"));
        var hold = new BatchHold(store.Log.Appender);

        var leader = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        await WaitUntilAsync(() => hold.Sizes.Count == 1);
        var before = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2"));
        var unknown = store.Log.RecordOverrideAsync(new OverrideSubmission(
            Guid.NewGuid(), OverrideDecision.Proceed, OverrideReason.Other, "No such screening.", Screenings.Psychiatrist, "c-unknown"));
        var good = store.Log.RecordOverrideAsync(new OverrideSubmission(
            screening.Id, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "Declined.", Screenings.Psychiatrist, "c-good"));
        var after = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-3"));
        await WaitUntilAsync(() => store.Log.Appender.QueuedCount(LogChainHead.Decisions) == 4);
        hold.Release();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => unknown);
        var sequences = new[] { (await leader).Sequence, (await before).Sequence, (await after).Sequence };
        Assert.Equal([2L, 3, 5], sequences); // 4 is the good override, queued between them
        Assert.Equal((await good).Id, Assert.Single((await store.Log.FindScreeningAsync(screening.Id))!.Overrides).Id);
        Assert.Equal([1, 4], hold.Sizes);
        Assert.Equal(3, store.Log.Appender.BatchesCommitted);
        Assert.Equal(5, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(5, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task RecordScreening_DatabaseFailsDuringABatch_FailsEveryWaiterWithUnavailableAndStoresNothing()
    {
        await using var store = await CreateStoreAsync();
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-0"));
        var hold = new BatchHold(store.Log.Appender);

        var appends = new List<Task<LoggedScreening>> { store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1")) };
        await WaitUntilAsync(() => hold.Sizes.Count == 1);
        appends.AddRange(Enumerable.Range(2, 9).Select(i => store.Log.RecordScreeningAsync(Screenings.Submit("MRN-" + i))));
        await WaitUntilAsync(() => store.Log.Appender.QueuedCount(LogChainHead.Decisions) == 9);
        await store.BreakDecisionLogInsertsAsync();
        hold.Release();

        foreach (var append in appends)
        {
            await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => append);
        }

        Assert.Equal([1, 9], hold.Sizes);
        Assert.Equal(1, store.Log.Appender.BatchesCommitted);
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT \"LastSequence\" FROM \"LogChainHeads\" WHERE \"Chain\" = 'decisions'"));
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task RecordScreening_CancelledWhileQueued_IsNotStoredAndItsBatchIsStored()
    {
        await using var store = await CreateStoreAsync();
        var hold = new BatchHold(store.Log.Appender);
        using var cancel = new CancellationTokenSource();

        var leader = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        await WaitUntilAsync(() => hold.Sizes.Count == 1);
        var cancelled = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2"), cancel.Token);
        var kept = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-3"));
        await WaitUntilAsync(() => store.Log.Appender.QueuedCount(LogChainHead.Decisions) == 2);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, store.Log.Appender.QueuedCount(LogChainHead.Decisions));
        hold.Release();
        Assert.Equal(1, (await leader).Sequence);
        Assert.Equal(2, (await kept).Sequence);
        Assert.Equal([1, 1], hold.Sizes);
        Assert.Equal(new ChainVerification(2, true, null), await store.Log.VerifyAsync());
        Assert.Empty((await store.Log.ListScreeningsForPatientAsync("MRN-2")).Screenings);
    }

    [Fact]
    public async Task RecordScreening_SeveralInstancesBatchingAtOnce_InterleaveWholeBatchesAndKeepTheChainValid()
    {
        await using var store = await CreateStoreAsync();
        const int instances = 4;
        const int perInstance = 50;
        var logs = Enumerable.Range(0, instances).Select(i => store.NewInstance("batch-" + i)).ToList();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holds = logs.Select(log => new BatchHold(log.Appender, release)).ToList();

        var appends = logs.SelectMany((log, i) => Enumerable.Range(0, perInstance)
            .Select(n => Task.Run(() => log.RecordScreeningAsync(Screenings.Submit($"MRN-{i}-{n}"))))).ToList();
        await WaitUntilAsync(() => logs.Zip(holds).All(p => p.Second.Sizes.Count == 1
            && p.First.Appender.QueuedCount(LogChainHead.Decisions) == perInstance - p.Second.Sizes[0]));
        release.SetResult();
        var recorded = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, instances * perInstance).Select(i => (long)i), recorded.Select(r => r.Sequence).Order());
        Assert.Equal(new ChainVerification(instances * perInstance, true, null), await store.Log.VerifyAsync());
        Assert.All(logs, log => Assert.Equal(2, log.Appender.BatchesCommitted));
        if (await DistinctTransactionsAsync(store) is { } transactions)
        {
            Assert.Equal(2 * instances, transactions);
            Assert.Equal(0, await store.ScalarAsOwnerAsync("""
                SELECT count(*) FROM (
                  SELECT max("Sequence") - min("Sequence") + 1 AS span, count(*) AS entries
                  FROM "DecisionLogEntries" GROUP BY xmin::text) AS batches
                WHERE span <> entries
                """));
        }
    }

    [Fact]
    public async Task AccessAuditRecord_100Concurrent_LandContiguousInTwoTransactions()
    {
        await using var store = await CreateStoreAsync();
        const int count = 100;
        var hold = new BatchHold(store.Access.Appender);

        var appends = Enumerable.Range(0, count)
            .Select(i => Task.Run(() => store.Access.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "a@b", "Auditor", "S-" + i, null, "c" + i))))
            .ToList();
        await WaitUntilAsync(() => hold.Sizes.Count == 1 && store.Access.Appender.QueuedCount(LogChainHead.Access) == count - hold.Sizes[0]);
        hold.Release();
        await Task.WhenAll(appends);

        Assert.Equal(new ChainVerification(count, true, null), await store.Access.VerifyAsync());
        Assert.Equal(2, store.Access.Appender.BatchesCommitted);
        Assert.Equal(count, await store.ScalarAsOwnerAsync("SELECT \"LastSequence\" FROM \"LogChainHeads\" WHERE \"Chain\" = 'access'"));
    }

    /// <summary>On PostgreSQL, how many transactions wrote the decision log's rows (their xmin); null on SQLite.</summary>
    private static async Task<long?> DistinctTransactionsAsync(LogStore store) => store.Settings.Provider == DatabaseProvider.Postgres
        ? await store.ScalarAsOwnerAsync("SELECT count(DISTINCT xmin::text) FROM \"DecisionLogEntries\"")
        : null;

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The appends did not queue up as expected.");
            }

            await Task.Delay(5);
        }
    }
}

/// <summary>Holds every batch of one appender at its start until released, and records the batches' sizes.</summary>
internal sealed class BatchHold
{
    private readonly TaskCompletionSource _release;
    private readonly List<int> _sizes = [];

    public BatchHold(ChainAppender appender, TaskCompletionSource? release = null)
    {
        _release = release ?? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        appender.BatchStartingForTests = size =>
        {
            lock (_sizes)
            {
                _sizes.Add(size);
            }

            return _release.Task;
        };
    }

    public IReadOnlyList<int> Sizes
    {
        get
        {
            lock (_sizes)
            {
                return [.. _sizes];
            }
        }
    }

    public void Release() => _release.SetResult();
}

/// <summary>Group commit on SQLite, a temp file per test.</summary>
public sealed class SqliteGroupCommitTests : GroupCommitTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.SqliteAsync();
}

/// <summary>Group commit on PostgreSQL 15, a fresh database per test.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresGroupCommitTests(PostgresFixture fixture) : GroupCommitTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.PostgresAsync(fixture.Cluster);

    [Fact]
    public async Task AccessAppend_OneEntryTooLongForItsColumn_FailsAloneAndTheRestOfItsBatchAreStored()
    {
        await using var store = await CreateStoreAsync();
        var appender = store.Access.Appender;
        var hold = new BatchHold(appender);

        var leader = Append(appender, "leader@clinic.example");
        await WaitUntilAsync(() => hold.Sizes.Count == 1);
        var before = Enumerable.Range(0, 3).Select(i => Append(appender, $"before-{i}@clinic.example")).ToList();
        // Past the fitting in EfAccessAudit, straight to the appender: PostgreSQL refuses 300 characters in a 256 column.
        var tooLong = Append(appender, new string('x', 300) + "@clinic.example");
        var after = Enumerable.Range(0, 3).Select(i => Append(appender, $"after-{i}@clinic.example")).ToList();
        await WaitUntilAsync(() => appender.QueuedCount(LogChainHead.Access) == 7);
        hold.Release();

        var refused = await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => tooLong);
        Assert.Equal("22001", Assert.IsType<Npgsql.PostgresException>(refused.InnerException?.InnerException ?? refused.InnerException).SqlState);
        var stored = await Task.WhenAll(before.Concat(after).Prepend(leader));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), stored.Select(e => e.Sequence).Order());
        Assert.Equal([1, 7], hold.Sizes); // the retries alone are not new batches from the queue
        Assert.Equal(7, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"AccessEvents\""));
        Assert.Equal(0, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"AccessEvents\" WHERE length(\"UserEmail\") > 256"));
        Assert.Equal(new ChainVerification(7, true, null), await store.Access.VerifyAsync());
    }

    private static Task<AccessLogEntry> Append(ChainAppender appender, string email) => appender.AppendAsync(
        LogChainHead.Access,
        null,
        (sequence, previousHash) =>
        {
            var now = DateTimeOffset.UtcNow;
            var e = new AccessLogEntry
            {
                Sequence = sequence,
                Id = Guid.CreateVersion7(now),
                Kind = "sign-in-failed",
                OccurredAt = ChainHash.ToStoredTime(now),
                UserEmail = email,
                Detail = "api",
                CorrelationId = "c-" + sequence,
                PreviousHash = previousHash,
            };
            e.Hash = ChainHash.Compute(e);
            return e;
        },
        CancellationToken.None);
}
