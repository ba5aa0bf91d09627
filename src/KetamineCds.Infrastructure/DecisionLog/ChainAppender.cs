using System.Data.Common;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Appends one entry to a hash chain in one transaction: lock the chain head, take the next sequence and the
/// previous hash, hash the entry, insert it, advance the head, commit. On PostgreSQL the head row is locked with
/// SELECT ... FOR UPDATE, so app instances on several machines append one at a time; on SQLite the transaction is
/// BEGIN IMMEDIATE and the app queues its own writers first.
/// </summary>
internal sealed class ChainAppender(KetamineCdsContextFactory contexts)
{
    private readonly SemaphoreSlim? _sqliteGate = contexts.Settings.Provider == DatabaseProvider.Sqlite
        ? SqliteWriteGate.For(contexts.Settings.ConnectionString)
        : null;

    /// <param name="chain">The chain head's key.</param>
    /// <param name="prepare">Runs inside the transaction before the head is locked; may read (e.g. check that a screening exists).</param>
    /// <param name="build">Fills in the entry from the sequence and previous hash and returns it with its hash computed.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is stored.</param>
    public async Task<TEntry> AppendAsync<TEntry>(
        string chain,
        Func<KetamineCdsDbContext, CancellationToken, Task>? prepare,
        Func<long, string, TEntry> build,
        CancellationToken cancellationToken)
        where TEntry : class
    {
        if (_sqliteGate is not null)
        {
            await _sqliteGate.WaitAsync(cancellationToken);
        }

        try
        {
            await using var db = contexts.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (prepare is not null)
            {
                await prepare(db, cancellationToken);
            }

            var head = await LockHeadAsync(db, chain, cancellationToken);
            var entry = build(head.LastSequence + 1, head.LastHash);
            db.Add(entry);
            head.LastSequence++;
            (head.LastHash, head.LastId) = entry switch
            {
                DecisionLogEntry d => (d.Hash, (Guid?)d.Id),
                AccessLogEntry a => (a.Hash, a.Id),
                _ => throw new InvalidOperationException("Unknown log entry type."),
            };
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return entry;
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not record the entry; nothing was stored.", ex);
        }
        finally
        {
            _sqliteGate?.Release();
        }
    }

    private async Task<LogChainHead> LockHeadAsync(KetamineCdsDbContext db, string chain, CancellationToken cancellationToken)
    {
        var query = contexts.Settings.Provider == DatabaseProvider.Postgres
            ? db.LogChainHeads.FromSqlRaw("SELECT * FROM \"LogChainHeads\" WHERE \"Chain\" = {0} FOR UPDATE", chain)
            : db.LogChainHeads.Where(h => h.Chain == chain);
        return await query.SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The chain head '{chain}' is missing: the database was not migrated.");
    }
}

/// <summary>Which exceptions mean "the database could not take it" rather than a bug.</summary>
internal static class DatabaseFailures
{
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        DbException or DbUpdateException or TimeoutException => true,
        // Npgsql and EF report a broken or exhausted connection as InvalidOperationException around the real cause.
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
