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
    /// <paramref name="observe"/> with the sequence, id and hash of each entry that verified. With
    /// <paramref name="locateMoved"/>, each listed <c>content-changed</c> entry whose hash holds at another place is
    /// named <c>moved</c> instead (QA141 F2), looked up once after the walk.
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
        CancellationToken cancellationToken,
        Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyDictionary<long, long>>>? locateMoved = null)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            long checkedCount = 0;
            var lastSequence = afterSequence;
            var lastHash = afterHash;
            Guid? lastId = null;
            var findings = new Findings();
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
                                var intact = CheckEntry(lastSequence, lastHash, sequence, id, previousHash, storedHash, computed[i], findings.Add);

                                // Walk on from what is stored, so that each break is named once and the entries after it
                                // that still join are not.
                                lastSequence = Math.Max(lastSequence, sequence);
                                lastHash = storedHash;
                                lastId = id;
                                if (intact && findings.Count == 0)
                                {
                                    observe?.Invoke(sequence, id, storedHash);
                                }
                            }

                            return true;
                        },
                        cancellationToken);
                }

                // Head and entry are committed together, so a head read after the walk covers every honest entry the
                // walk saw; anything beyond it did not come through the app.
                var head = await ReadHeadAsync(db, chain, cancellationToken);
                if (head.LastId == Guid.Empty)
                {
                    // The head's last id is not an id (SQLite keeps whatever text the file was given): the head was
                    // altered. Name the place it claims, with the id that cannot be read.
                    findings.Add(new ChainFinding(ChainFinding.HeadDiffers, head.LastSequence, Guid.Empty));
                    break;
                }

                if (lastSequence < mustReach)
                {
                    // The head said this many entries were committed, yet the walk ended short of them: entries were
                    // removed from the end of the chain.
                    findings.Add(new ChainFinding(ChainFinding.RemovedFromEnd, head.LastSequence, head.LastId, lastSequence + 1, head.LastSequence));
                    break;
                }

                if (lastSequence > head.LastSequence)
                {
                    var forged = linkOf(await entriesAfter(db, head.LastSequence).FirstAsync(cancellationToken));
                    findings.Add(new ChainFinding(ChainFinding.BeyondHead, forged.Sequence, forged.Id, forged.Sequence, lastSequence));
                    break;
                }

                if (lastSequence == head.LastSequence)
                {
                    if (HeadDiffers(head, lastHash, lastId) is { } differs)
                    {
                        findings.Add(differs);
                    }

                    break;
                }

                // Either honest appends arrived while we walked, or entries were removed from the end: walk on; the
                // walk must now reach the head just read.
                mustReach = head.LastSequence;
            }

            // QA141 F2: an entry whose hash no longer holds where it is may hold where it was recorded (its link names
            // the entry before that place): it was moved, its content unchanged. Looked up once, for the listed findings.
            var changed = findings.Listed.Where(f => f.Kind == ChainFinding.ContentChanged).Select(f => f.Sequence!.Value).ToList();
            var moved = locateMoved is null || changed.Count == 0 ? null : await locateMoved(changed, cancellationToken);
            return new ChainWalk(
                new ChainVerification(checkedCount, findings.Count == 0, findings.First?.EntryId, findings.First?.Sequence)
                {
                    Findings = moved is { Count: > 0 } ? Relocated(findings.Listed, moved) : findings.Listed,
                    FindingCount = findings.Count,
                },
                lastSequence)
            {
                LastHash = lastHash,
            };
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The log could not be read for verification.", ex);
        }
    }

    /// <summary>
    /// The findings with each <c>content-changed</c> entry that <paramref name="moved"/> places elsewhere (stored place to
    /// the place its hash holds at) named <c>moved</c> instead, <see cref="ChainFinding.From"/> and <see cref="ChainFinding.To"/>
    /// being where it belongs.
    /// </summary>
    internal static List<ChainFinding> Relocated(IEnumerable<ChainFinding> findings, IReadOnlyDictionary<long, long> moved) =>
        [.. findings.Select(f => f.Kind == ChainFinding.ContentChanged && f.Sequence is { } s && moved.TryGetValue(s, out var place)
            ? new ChainFinding(ChainFinding.Moved, s, f.EntryId, place, place)
            : f)];

    /// <summary>
    /// The walk's checks of one entry against the entry before it in the log (its sequence and stored hash; 0 and the
    /// genesis before the first): each finding goes to <paramref name="add"/>; true when there is none. The one place
    /// these checks are made: the walk makes them of every entry, and <see cref="EntryFindings"/> of one entry and the
    /// entry after it (an entry's own page, QA P10).
    /// </summary>
    internal static bool CheckEntry(long lastSequence, string lastHash, long sequence, Guid id, string previousHash, string storedHash, string computedHash, Action<ChainFinding> add)
    {
        var intact = true;
        if (sequence <= lastSequence)
        {
            add(new ChainFinding(ChainFinding.OutOfOrder, sequence, id));
            intact = false;
        }
        else if (sequence != lastSequence + 1)
        {
            // The link cannot join across a gap: the gap is the finding, not the link.
            add(new ChainFinding(ChainFinding.Missing, sequence, id, lastSequence + 1, sequence - 1));
            intact = false;
        }
        else if (!string.Equals(previousHash, lastHash, StringComparison.Ordinal))
        {
            add(new ChainFinding(ChainFinding.LinkBroken, sequence, id));
            intact = false;
        }

        if (!string.Equals(storedHash, computedHash, StringComparison.Ordinal))
        {
            add(new ChainFinding(ChainFinding.ContentChanged, sequence, id));
            intact = false;
        }

        return intact;
    }

    /// <summary>
    /// The chain head against the entry at its place (the last one the head says was committed): a finding when the head
    /// names another hash or another id there, else null.
    /// </summary>
    internal static ChainFinding? HeadDiffers((long LastSequence, string LastHash, Guid? LastId) head, string hash, Guid? id)
    {
        // The head names the last entry it committed, with its hash; another hash or id there means the head or the end
        // of the log was altered.
        var idMatches = head.LastId is null || id is null || head.LastId == id;
        return !string.Equals(hash, head.LastHash, StringComparison.Ordinal) || !idMatches
            ? new ChainFinding(ChainFinding.HeadDiffers, head.LastSequence, idMatches ? head.LastId : id)
            : null;
    }

    /// <summary>
    /// What verification finds about one entry, by the walk's own checks (<see cref="CheckEntry"/>, <see cref="HeadDiffers"/>)
    /// made only where the entry takes part: against the entry before it (a gap, a broken link, its content changed),
    /// the entry after it against it (a gap, or a link that no longer joins: this entry changed and re-hashed, or the
    /// next one moved or inserted; the next entry's own content is its own finding), and the chain head (beyond it, or
    /// the head names it otherwise). Empty when the entry verifies. A change that only a signed checkpoint reveals is not
    /// seen here: the Verify page finds it.
    /// </summary>
    /// <param name="entry">The entry: its link, stored hash, and the hash its content gives now.</param>
    /// <param name="before">The entry before it in the log (sequence, stored hash), or null when it is the first.</param>
    /// <param name="after">The entry after it (sequence, id, previous hash), or null when it is the last.</param>
    /// <param name="head">The chain head.</param>
    /// <param name="lastSequence">The log's highest sequence.</param>
    internal static IReadOnlyList<ChainFinding> EntryFindings(
        (long Sequence, Guid Id, string PreviousHash, string StoredHash, string ComputedHash) entry,
        (long Sequence, string Hash)? before,
        (long Sequence, Guid Id, string PreviousHash)? after,
        (long LastSequence, string LastHash, Guid? LastId) head,
        long lastSequence)
    {
        var findings = new List<ChainFinding>();
        var (beforeSequence, beforeHash) = before ?? (0, ChainHash.Genesis);
        CheckEntry(beforeSequence, beforeHash, entry.Sequence, entry.Id, entry.PreviousHash, entry.StoredHash, entry.ComputedHash, findings.Add);
        if (after is { } next)
        {
            // The next entry's content is not this entry's finding: its stored hash stands in for the hash it gives.
            CheckEntry(entry.Sequence, entry.StoredHash, next.Sequence, next.Id, next.PreviousHash, "", "", findings.Add);
        }

        if (head.LastId == Guid.Empty && head.LastSequence == entry.Sequence)
        {
            findings.Add(new ChainFinding(ChainFinding.HeadDiffers, head.LastSequence, Guid.Empty));
        }
        else if (entry.Sequence > head.LastSequence)
        {
            findings.Add(new ChainFinding(ChainFinding.BeyondHead, entry.Sequence, entry.Id, head.LastSequence + 1, lastSequence));
        }
        else if (entry.Sequence == head.LastSequence && HeadDiffers(head, entry.StoredHash, entry.Id) is { } differs)
        {
            findings.Add(differs);
        }

        return findings;
    }

    /// <summary>
    /// Reads a chain head with its last id as text, not through EF's Guid reading: on SQLite an altered head holding a
    /// text that is not an id would fail the read, and with it verification. Such a text reads as
    /// <see cref="Guid.Empty"/> (never written by the app); no id (a chain nothing was appended to) as null.
    /// </summary>
    internal static async Task<(long LastSequence, string LastHash, Guid? LastId)> ReadHeadAsync(KetamineCdsDbContext db, string chain, CancellationToken cancellationToken)
    {
        var row = await db.Database
            .SqlQuery<ChainHeadRow>($"SELECT \"LastSequence\", \"LastHash\", CAST(\"LastId\" AS TEXT) AS \"LastId\" FROM \"LogChainHeads\" WHERE \"Chain\" = {chain}")
            .SingleAsync(cancellationToken);
        Guid? lastId = row.LastId switch
        {
            null => null,
            var text => Guid.TryParse(text, out var id) ? id : Guid.Empty,
        };
        return (row.LastSequence, row.LastHash, lastId);
    }
}

/// <summary>A chain head as verification reads it: its last id as text, since SQLite keeps any text there.</summary>
internal sealed class ChainHeadRow
{
    public long LastSequence { get; set; }

    public string LastHash { get; set; } = "";

    public string? LastId { get; set; }
}

/// <summary>The findings of a walk: the first <see cref="ChainFinding.ListedAtMost"/> kept, all counted.</summary>
internal sealed class Findings
{
    public List<ChainFinding> Listed { get; } = [];

    public long Count { get; private set; }

    public ChainFinding? First { get; private set; }

    public void Add(ChainFinding finding)
    {
        First ??= finding;
        Count++;
        if (Listed.Count < ChainFinding.ListedAtMost)
        {
            Listed.Add(finding);
        }
    }
}

/// <summary>The outcome of a walk and the last sequence it verified.</summary>
internal sealed record ChainWalk(ChainVerification Result, long LastSequence)
{
    /// <summary>The stored hash of the last entry the walk read (the hash it started after when it read none).</summary>
    public string LastHash { get; init; } = ChainHash.Genesis;
}
