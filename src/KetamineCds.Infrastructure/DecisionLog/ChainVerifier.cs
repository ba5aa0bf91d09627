using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Walks a chain in keyset batches (bounded memory, no long-held read snapshot) and names the first entry that
/// no longer verifies: its sequence is not the next one (an entry was removed or moved), its previous hash is not
/// the hash of the entry before it (reordered or inserted), or its stored hash is not the hash of its content
/// (changed). Then checks the chain head: entries past the head were forged onto the end; a head past the last
/// entry means entries were removed from the end.
/// </summary>
internal static class ChainVerifier
{
    public static async Task<ChainVerification> VerifyAsync<TEntry>(
        KetamineCdsContextFactory contexts,
        string chain,
        Func<KetamineCdsDbContext, long, IQueryable<TEntry>> batchAfter,
        Func<TEntry, (long Sequence, Guid Id, string PreviousHash, string StoredHash, string ComputedHash)> check,
        Func<KetamineCdsDbContext, long, IQueryable<Guid?>> firstIdAfter,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            long checkedCount = 0;
            long lastSequence = 0;
            var lastHash = ChainHash.Genesis;

            long mustReach = 0;
            while (true)
            {
                while (true)
                {
                    var batch = await batchAfter(db, lastSequence).ToListAsync(cancellationToken);
                    foreach (var entry in batch)
                    {
                        var (sequence, id, previousHash, storedHash, computedHash) = check(entry);
                        checkedCount++;
                        if (sequence != lastSequence + 1
                            || !string.Equals(previousHash, lastHash, StringComparison.Ordinal)
                            || !string.Equals(storedHash, computedHash, StringComparison.Ordinal))
                        {
                            return new ChainVerification(checkedCount, false, id);
                        }

                        lastSequence = sequence;
                        lastHash = storedHash;
                    }

                    if (batch.Count == 0)
                    {
                        break;
                    }
                }

                if (lastSequence < mustReach)
                {
                    // The head said this many entries were committed, yet the walk ended short of it: entries were
                    // removed from the end of the chain.
                    var missingHead = await db.LogChainHeads.AsNoTracking().SingleAsync(h => h.Chain == chain, cancellationToken);
                    return new ChainVerification(checkedCount, false, missingHead.LastId);
                }

                // Head and entry are committed together, so the head read after the walk covers every honest entry
                // the walk saw; anything beyond it did not come through the app.
                var head = await db.LogChainHeads.AsNoTracking().SingleAsync(h => h.Chain == chain, cancellationToken);
                if (lastSequence > head.LastSequence)
                {
                    var forged = await firstIdAfter(db, head.LastSequence).FirstOrDefaultAsync(cancellationToken);
                    return new ChainVerification(checkedCount, false, forged);
                }

                if (lastSequence == head.LastSequence)
                {
                    var intact = string.Equals(lastHash, head.LastHash, StringComparison.Ordinal);
                    return new ChainVerification(checkedCount, intact, intact ? null : head.LastId);
                }

                // Either honest appends arrived while we walked, or entries were removed from the end: walk on, and
                // the walk must now reach the head we just read.
                mustReach = head.LastSequence;
            }
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read for verification.", ex);
        }
    }
}
