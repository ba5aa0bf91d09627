using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Walks a chain in sequence order, streaming (bounded memory: a few batches in flight), and names the first entry
/// that no longer verifies: its sequence is not the next one (an entry was removed or moved), its previous hash is
/// not the hash of the entry before it (reordered or inserted), or its stored hash is not the hash of its content
/// (changed). Then checks the chain head: entries past the head were forged onto the end; a head past the last
/// entry means entries were removed from the end. Hashes of a batch are computed in parallel; the links are then
/// checked in order. A walk may start after a known entry (its sequence and hash, from a signed checkpoint) instead of
/// at the genesis, and may observe every entry that verified (to compare it with checkpoints on the way).
/// </summary>
internal static class ChainVerifier
{
    /// <summary>
    /// Walks the chain after <paramref name="afterSequence"/>, whose hash is <paramref name="afterHash"/>, calling
    /// <paramref name="observe"/> with the sequence, id and hash of each entry that verified.
    /// </summary>
    public static async Task<ChainWalk> WalkAsync<TEntry>(
        KetamineCdsContextFactory contexts,
        string chain,
        Func<KetamineCdsDbContext, long, IQueryable<TEntry>> entriesAfter,
        Func<TEntry, (long Sequence, Guid Id, string PreviousHash, string StoredHash)> linkOf,
        Func<TEntry, string> computeHash,
        long afterSequence,
        string afterHash,
        Action<long, Guid, string>? observe,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            long checkedCount = 0;
            var lastSequence = afterSequence;
            var lastHash = afterHash;
            (Guid Id, long Sequence)? broken = null;
            long mustReach = 0;
            var computed = new string[BatchPipeline.BatchSize];

            while (true)
            {
                await using (var walk = contexts.CreateDbContext())
                {
                    await BatchPipeline.RunAsync(
                        entriesAfter(walk, lastSequence).AsAsyncEnumerable(),
                        (batch, count) =>
                        {
                            Parallel.For(0, count, i => computed[i] = computeHash(batch[i]));
                            for (var i = 0; i < count; i++)
                            {
                                var (sequence, id, previousHash, storedHash) = linkOf(batch[i]);
                                checkedCount++;
                                if (sequence != lastSequence + 1
                                    || !string.Equals(previousHash, lastHash, StringComparison.Ordinal)
                                    || !string.Equals(storedHash, computed[i], StringComparison.Ordinal))
                                {
                                    broken = (id, sequence);
                                    return false;
                                }

                                lastSequence = sequence;
                                lastHash = storedHash;
                                observe?.Invoke(sequence, id, storedHash);
                            }

                            return true;
                        },
                        cancellationToken);
                }

                if (broken is not null)
                {
                    return new ChainWalk(new ChainVerification(checkedCount, false, broken.Value.Id, broken.Value.Sequence), lastSequence);
                }

                // Head and entry are committed together, so a head read after the walk covers every honest entry the
                // walk saw; anything beyond it did not come through the app.
                var head = await db.LogChainHeads.AsNoTracking().SingleAsync(h => h.Chain == chain, cancellationToken);
                if (lastSequence < mustReach)
                {
                    // The head said this many entries were committed, yet the walk ended short of them: entries were
                    // removed from the end of the chain.
                    return new ChainWalk(new ChainVerification(checkedCount, false, head.LastId, head.LastSequence), lastSequence);
                }

                if (lastSequence > head.LastSequence)
                {
                    var forged = linkOf(await entriesAfter(db, head.LastSequence).FirstAsync(cancellationToken));
                    return new ChainWalk(new ChainVerification(checkedCount, false, forged.Id, forged.Sequence), lastSequence);
                }

                if (lastSequence == head.LastSequence)
                {
                    var intact = string.Equals(lastHash, head.LastHash, StringComparison.Ordinal);
                    return new ChainWalk(new ChainVerification(checkedCount, intact, intact ? null : head.LastId, intact ? null : head.LastSequence), lastSequence);
                }

                // Either honest appends arrived while we walked, or entries were removed from the end: walk on; the
                // walk must now reach the head just read.
                mustReach = head.LastSequence;
            }
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The log could not be read for verification.", ex);
        }
    }
}

/// <summary>The outcome of a walk and the last sequence it verified.</summary>
internal sealed record ChainWalk(ChainVerification Result, long LastSequence);
