using System.Collections.Concurrent;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Appends entries to a hash chain with group commit. Callers queue their entry and wait; one of them, the leader,
/// takes everything queued (up to <see cref="MaxBatchSize"/>) and stores it in ONE transaction: run each entry's
/// prepare step, lock the chain head, take the next sequences and chain the hashes in queue order, insert them all,
/// advance the head, commit, and only then hand every waiter its entry. So the entries of a batch share one commit
/// (one WAL flush) instead of paying one each. On PostgreSQL the head row is locked with SELECT ... FOR UPDATE, so
/// app instances on several machines still append one batch at a time, each batch contiguous; on SQLite the
/// transaction is BEGIN IMMEDIATE and the app queues its own writers first.
/// </summary>
/// <remarks>
/// There is no background thread: the caller that finds nobody leading leads, and when its batch is done it hands
/// the lead to the first waiter still queued (or stops leading if nobody is). A caller leads at most one batch, and
/// its own entry is always in it. A caller cancelled while queued leaves the queue and nothing of it is stored; once
/// its batch has started, its entry is stored regardless (stored but not shown is allowed; shown but not stored never).
/// <para>
/// An entry the database refuses on its own (a value too long for its column, a broken constraint) never fails the
/// rest of its batch: the batch is rolled back and its entries are stored again one by one, so only the bad entry's
/// caller gets the error, and the refusal is logged.
/// </para>
/// </remarks>
internal sealed class ChainAppender(KetamineCdsContextFactory contexts, ILogger? logger = null)
{
    /// <summary>The most entries stored in one transaction.</summary>
    public const int MaxBatchSize = 256;

    private readonly SemaphoreSlim? _sqliteGate = contexts.Settings.Provider == DatabaseProvider.Sqlite
        ? SqliteWriteGate.For(contexts.Settings.ConnectionString)
        : null;

    private readonly ConcurrentDictionary<string, ChainQueue> _queues = new(StringComparer.Ordinal);
    private long _batchesCommitted;

    /// <summary>How many batch transactions this appender has committed (each holding one or more entries).</summary>
    internal long BatchesCommitted => Interlocked.Read(ref _batchesCommitted);

    /// <summary>Tests only: awaited by the leader with the batch's size before the batch's transaction begins.</summary>
    internal Func<int, Task>? BatchStartingForTests { get; set; }

    /// <summary>
    /// Tests only: awaited by the leader after its batch's prepare steps and before it locks the chain head, so that two
    /// app instances can be made to prepare before either stores (the unique index then decides).
    /// </summary>
    internal Func<Task>? PreparedForTests { get; set; }

    /// <summary>How many appends are queued on <paramref name="chain"/> and not yet taken into a batch.</summary>
    internal int QueuedCount(string chain) => _queues.TryGetValue(chain, out var queue) ? queue.Count : 0;

    /// <param name="chain">The chain head's key.</param>
    /// <param name="prepare">
    /// Runs inside the batch's transaction before the head is locked; may read (e.g. check that a screening exists)
    /// with no-tracking queries, and must not write. If it throws anything but a database failure, this append alone
    /// fails with that exception and the rest of its batch is stored.
    /// </param>
    /// <param name="build">Fills in the entry from the sequence and previous hash and returns it with its hash computed.</param>
    /// <param name="cancellationToken">Cancels the append while it is queued; nothing is stored. Ignored once its batch has started.</param>
    public async Task<TEntry> AppendAsync<TEntry>(
        string chain,
        Func<KetamineCdsDbContext, CancellationToken, Task>? prepare,
        Func<long, string, TEntry> build,
        CancellationToken cancellationToken)
        where TEntry : class
    {
        ArgumentNullException.ThrowIfNull(build);
        cancellationToken.ThrowIfCancellationRequested();
        var queue = _queues.GetOrAdd(chain, static c => new ChainQueue(c));
        var request = new PendingAppend<TEntry>(prepare, build, cancellationToken);
        var lead = queue.Enqueue(request);
        await using (cancellationToken.Register(static state => ((PendingAppend)state!).Queue!.TryCancel((PendingAppend)state!), request))
        {
            if (!lead)
            {
                // Lead first: a waiter is only ever handed the lead while its entry is still queued.
                lead = await Task.WhenAny(request.Lead.Task, request.Result.Task) == request.Lead.Task;
            }

            if (lead)
            {
                await LeadOneBatchAsync(queue);
            }
        }

        return await request.Result.Task;
    }

    /// <summary>Stores one batch, then hands the lead on. Never throws: every failure goes to the batch's waiters.</summary>
    private async Task LeadOneBatchAsync(ChainQueue queue)
    {
        var batch = queue.TakeBatch(MaxBatchSize);
        try
        {
            await StoreBatchAsync(queue.Chain, batch);
        }
        catch (Exception ex)
        {
            foreach (var request in batch)
            {
                request.Fail(ex);
            }
        }
        finally
        {
            queue.HandOver();
        }
    }

    private async Task StoreBatchAsync(string chain, List<PendingAppend> batch, bool retryingAlone = false)
    {
        if (!retryingAlone && BatchStartingForTests is { } hook)
        {
            await hook(batch.Count);
        }

        var stored = new List<(PendingAppend Request, object Entry)>(batch.Count);
        var gateHeld = false;
        var committing = false;
        var retry = false;
        try
        {
            if (_sqliteGate is not null)
            {
                await _sqliteGate.WaitAsync(CancellationToken.None);
                gateHeld = true;
            }

            // No caller's token from here on: one caller giving up must not abort the others' transaction.
            await using var db = contexts.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var ready = new List<PendingAppend>(batch.Count);
            foreach (var request in batch)
            {
                if (await request.TryPrepareAsync(db))
                {
                    ready.Add(request);
                }
            }

            if (ready.Count == 0)
            {
                return; // every prepare failed on its own: nothing to store, the transaction rolls back
            }

            if (PreparedForTests is { } prepared)
            {
                await prepared();
            }

            var (first, headHash) = await LockHeadAsync(db, chain, CancellationToken.None);
            var previousHash = headHash;
            Guid? lastId = null;
            foreach (var request in ready)
            {
                if (request.TryBuild(first + stored.Count + 1, previousHash) is not { } entry)
                {
                    continue;
                }

                (previousHash, lastId) = entry switch
                {
                    DecisionLogEntry d => (d.Hash, d.Id),
                    AccessLogEntry a => (a.Hash, (Guid?)a.Id),
                    _ => throw new InvalidOperationException("Unknown log entry type."),
                };
                stored.Add((request, entry));
            }

            if (stored.Count == 0)
            {
                return;
            }

            var last = first + stored.Count;
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
            {
                await PostgresLogWriter.WriteAsync(
                    npgsql, (NpgsqlTransaction)transaction.GetDbTransaction(), chain, [.. stored.Select(s => s.Entry)], last, previousHash, lastId);
            }
            else
            {
                // The entries first: the head may only move to an entry of its chain (a trigger checks it).
                foreach (var (_, entry) in stored)
                {
                    db.Add(entry);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                var head = new LogChainHead { Chain = chain, LastSequence = first, LastHash = headHash };
                db.Attach(head);
                head.LastSequence = last;
                head.LastHash = previousHash;
                head.LastId = lastId;
                await db.SaveChangesAsync(CancellationToken.None);
            }

            committing = true;
            await transaction.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _batchesCommitted);
        }
        catch (Exception ex) when (!committing && batch.Count > 1 && DatabaseFailures.IsRejectedEntry(ex))
        {
            // One entry the database refused (nothing was stored): store the others without it. Each is retried alone,
            // in queue order, so the refused one fails by itself and every other lands in the chain. The same form sent
            // twice into one batch is expected, not a fault: its second entry then finds the first (QA11 F6).
            if (DatabaseFailures.IsExpectedConflict(ex))
            {
                logger?.LogInformation("A submission id, or a correction of one screening, came twice in a batch of {Count} of the {Chain} log; storing them one by one, so that it is recorded once.", batch.Count, chain);
            }
            else
            {
                logger?.LogWarning(ex, "The {Chain} log refused an entry of a batch of {Count}; storing them one by one.", chain, batch.Count);
            }

            retry = true;
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            if (!committing && DatabaseFailures.IsExpectedConflict(ex))
            {
                // Another app instance stored the same submission, or a correction of the same screening, first; the
                // caller is told which (EfDecisionLog).
                logger?.LogInformation("The {Chain} log already holds this entry's submission id, or a correction of the screening it corrects (sent twice at once); it was not stored.", chain);
            }
            else if (!committing && DatabaseFailures.IsRejectedEntry(ex))
            {
                logger?.LogError(ex, "The {Chain} log refused an entry; it was not stored and its caller was told.", chain);
            }

            // Before the commit nothing can have been stored. During it, the server may have committed and then lost
            // the connection before answering (a database stopped under load did exactly that): say so, never "not stored".
            var unavailable = committing
                ? new DecisionLogUnavailableException("The connection to the decision log failed during the commit; the entry may have been stored.", ex) { OutcomeUnknown = true }
                : new DecisionLogUnavailableException("The decision log could not record the entry; nothing was stored.", ex);
            foreach (var request in batch)
            {
                request.Fail(unavailable);
            }

            return;
        }
        finally
        {
            if (gateHeld)
            {
                _sqliteGate!.Release();
            }
        }

        if (retry)
        {
            foreach (var request in batch.Where(r => !r.Done))
            {
                await StoreBatchAsync(chain, [request], retryingAlone: true);
            }

            return;
        }

        foreach (var (request, entry) in stored)
        {
            request.Complete(entry);
        }
    }

    /// <summary>
    /// Reads and locks the chain head (its last sequence and hash) with one plain command. Not an EF query: in a perf
    /// profile under load the EF FromSql query here (query pipeline and composition around the SQL) took about 8% of
    /// the app's CPU.
    /// </summary>
    private async Task<(long LastSequence, string LastHash)> LockHeadAsync(KetamineCdsDbContext db, string chain, CancellationToken cancellationToken)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = contexts.Settings.Provider == DatabaseProvider.Postgres
                ? "SELECT \"LastSequence\", \"LastHash\" FROM \"LogChainHeads\" WHERE \"Chain\" = @chain FOR UPDATE"
                : "SELECT \"LastSequence\", \"LastHash\" FROM \"LogChainHeads\" WHERE \"Chain\" = @chain";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@chain";
            parameter.Value = chain;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The chain head '{chain}' is missing: the database was not migrated.");
            }

            return (reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>The appends waiting on one chain, and who leads.</summary>
    private sealed class ChainQueue(string chain)
    {
        private readonly Lock _lock = new();
        private readonly LinkedList<PendingAppend> _pending = new();
        private bool _leading;

        public string Chain { get; } = chain;

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _pending.Count;
                }
            }
        }

        /// <summary>Queues the append; true if nobody was leading, so the caller leads now.</summary>
        public bool Enqueue(PendingAppend request)
        {
            lock (_lock)
            {
                request.Queue = this;
                request.Node = _pending.AddLast(request);
                if (_leading)
                {
                    return false;
                }

                _leading = true;
                request.Leading = true;
                return true;
            }
        }

        /// <summary>Takes a queued append out of the queue, unless it leads or its batch has started.</summary>
        public void TryCancel(PendingAppend request)
        {
            lock (_lock)
            {
                if (request.Node is null || request.Leading)
                {
                    return;
                }

                _pending.Remove(request.Node);
                request.Node = null;
            }

            request.Cancel();
        }

        /// <summary>The oldest queued appends, up to <paramref name="max"/>; the leader's own is the oldest.</summary>
        public List<PendingAppend> TakeBatch(int max)
        {
            lock (_lock)
            {
                var batch = new List<PendingAppend>(Math.Min(max, _pending.Count));
                while (batch.Count < max && _pending.First is { } node)
                {
                    _pending.RemoveFirst();
                    node.Value.Node = null;
                    batch.Add(node.Value);
                }

                return batch;
            }
        }

        /// <summary>Gives the lead to the oldest queued append, or stops leading if the queue is empty.</summary>
        public void HandOver()
        {
            PendingAppend next;
            lock (_lock)
            {
                if (_pending.First is null)
                {
                    _leading = false;
                    return;
                }

                next = _pending.First.Value;
                next.Leading = true;
            }

            next.Lead.TrySetResult();
        }
    }

    /// <summary>One queued append.</summary>
    private abstract class PendingAppend(Func<KetamineCdsDbContext, CancellationToken, Task>? prepare)
    {
        /// <summary>Completed when this append's caller must lead the next batch.</summary>
        public TaskCompletionSource Lead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ChainQueue? Queue { get; set; }

        /// <summary>Its place in the queue; null once it left (taken into a batch or cancelled). Guarded by the queue's lock.</summary>
        public LinkedListNode<PendingAppend>? Node { get; set; }

        /// <summary>Its caller leads (or is about to); it can no longer be cancelled. Guarded by the queue's lock.</summary>
        public bool Leading { get; set; }

        /// <summary>Its caller has its answer (stored, failed or cancelled).</summary>
        public abstract bool Done { get; }

        /// <summary>Runs the prepare step; false (and this append failed) if it threw something other than a database failure.</summary>
        public async Task<bool> TryPrepareAsync(KetamineCdsDbContext db)
        {
            if (prepare is null)
            {
                return true;
            }

            try
            {
                await prepare(db, CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (!DatabaseFailures.IsDatabaseFailure(ex))
            {
                Fail(ex);
                return false;
            }
        }

        /// <summary>Builds the entry; null (and this append failed) if building threw.</summary>
        public object? TryBuild(long sequence, string previousHash)
        {
            try
            {
                return Build(sequence, previousHash);
            }
#pragma warning disable CA1031 // One caller's faulty entry fails that caller alone, whatever it threw.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail(ex);
                return null;
            }
        }

        protected abstract object Build(long sequence, string previousHash);

        public abstract void Complete(object entry);

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class PendingAppend<TEntry>(
        Func<KetamineCdsDbContext, CancellationToken, Task>? prepare,
        Func<long, string, TEntry> build,
        CancellationToken cancellationToken)
        : PendingAppend(prepare)
        where TEntry : class
    {
        public TaskCompletionSource<TEntry> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override object Build(long sequence, string previousHash) => build(sequence, previousHash);

        public override void Complete(object entry) => Result.TrySetResult((TEntry)entry);

        public override void Fail(Exception exception) => Result.TrySetException(exception);

        public override void Cancel() => Result.TrySetCanceled(cancellationToken);

        public override bool Done => Result.Task.IsCompleted;
    }
}
