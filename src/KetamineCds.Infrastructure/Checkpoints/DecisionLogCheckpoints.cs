using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// Signed checkpoints of the decision log (ADR 0004, docs/security.md): the head's sequence and hash, signed with a
/// key the database never holds and written where the database is not. Verification checks the chain and every
/// checkpoint, so that a restored older backup, a log cut short, or a chain rewritten and re-hashed is found even by
/// someone who could write the whole database consistently.
/// </summary>
/// <remarks>
/// Each checkpoint written is recorded in the access log (its hash chain), after its file is written: kind
/// <c>checkpoint</c>, subject <c>checkpoint:FILE</c>, detail <c>written; entry N; hash H; id ID</c>. Verification reads
/// those records back and names every recorded file the checkpoint folder no longer holds (QA P8): without them a
/// checkpoint deleted from the folder left no trace there. Without an access audit (some tests) nothing is recorded.
/// </remarks>
public sealed partial class DecisionLogCheckpoints(KetamineCdsContextFactory contexts, EfDecisionLog log, CheckpointFiles files, CheckpointKeys keys, TimeProvider clock, IAccessAudit? access = null)
{
    private const int LookupChunk = 500;

    /// <summary>Who the access log names as writing a checkpoint: the app itself (the page or API that asked is recorded just before, under the auditor).</summary>
    public const string WriterActor = "(checkpoint writer)";

    /// <summary>The subject of a checkpoint-written record: this, then the file's name.</summary>
    public const string WrittenSubjectPrefix = "checkpoint:";

    public bool Enabled => keys.Enabled;

    public string? DisabledReason => keys.DisabledReason;

    /// <summary>The signing key's public half as PEM, or null when checkpoints are off.</summary>
    public string? PublicKeyPem => keys.Signing?.PublicKeyPem;

    public string? KeyId => keys.Signing?.KeyId;

    public CheckpointFiles Files => files;

    /// <summary>
    /// What an auditor asks for (page and API): verifies the whole log (every entry's content re-hashed, every link,
    /// every checkpoint), then signs and writes its last entry. Refuses (no checkpoint, the verification returned) if
    /// the log does not verify: a checkpoint an auditor asks for never vouches for a log that is already wrong, an entry
    /// edited without re-hashing before the newest checkpoint included (QA10c S2).
    /// </summary>
    public Task<CheckpointCreation> CreateAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(VerificationMode.Full, cancellationToken);

    /// <summary>
    /// Verifies the log in the given mode, then signs and writes the last entry that verified; refuses if it does not
    /// verify. <see cref="VerificationMode.FromCheckpoint"/> (the periodic writer) re-hashes only the entries after the
    /// newest checkpoint that holds, and counts the entries before it (one deleted, inserted or moved out of place there
    /// refuses, QA141 F1): an entry before it whose content was edited without re-hashing, or two entries there swapped,
    /// keep the hashes that checkpoint signed, so that walk cannot see them (docs/security.md); only the full mode can.
    /// </summary>
    public async Task<CheckpointCreation> CreateAsync(VerificationMode mode, CancellationToken cancellationToken = default)
    {
        var signing = keys.Signing ?? throw new CheckpointsDisabledException(keys.DisabledReason!);
        (long Sequence, Guid? Id, string Hash) last = (0, null, ChainHash.Genesis);
        var verification = await VerifyAsync(mode, null, (s, id, h) => last = (s, id, h), cancellationToken);
        if (access is not null && (verification.Mode == VerificationMode.Full || !verification.Intact))
        {
            // Each full verification is recorded with what it checked and found, whoever asked (QA284 F3: the lists say
            // when the log was last verified in full); a quicker check only when it found something, which is news.
            await access.RecordAsync(VerifiedEvent(verification), CancellationToken.None);
        }

        if (!verification.Signable)
        {
            return new CheckpointCreation(null, verification);
        }

        if (last.Id is null && verification.StartedAfter > 0)
        {
            // Nothing new since the checkpoint the walk started from: sign that entry again, now.
            var anchor = verification.Checkpoints.Last(c => c.Verdict == CheckpointVerdict.Holds && c.Checkpoint!.Sequence == verification.StartedAfter).Checkpoint!;
            last = (anchor.Sequence, anchor.HeadEntryId, anchor.HeadHash);
        }

        var checkpoint = signing.Sign(LogChainHead.Decisions, last.Sequence, last.Hash, last.Id, ChainHash.ToStoredTime(clock.GetUtcNow()));
        files.Write(checkpoint);
        if (access is not null)
        {
            // Recorded once the file is there, whatever happens to the request that asked for it.
            await access.RecordAsync(WrittenEvent(checkpoint), CancellationToken.None);
        }

        return new CheckpointCreation(checkpoint, verification);
    }

    /// <summary>
    /// The periodic writer: writes a checkpoint if the head has moved from the newest one in the folder (null if it has
    /// not; a head behind it fails the verification and is refused), after verifying in the given mode: usually from the newest checkpoint that holds (a full walk every
    /// interval would read the whole log: about 35-50 s per million entries, docs/benchmarks.md), and in full when the
    /// writer's daily full check is due (<see cref="CheckpointSettings.FullVerificationInterval"/>).
    /// </summary>
    public async Task<CheckpointCreation?> WriteIfHeadMovedAsync(VerificationMode mode, CancellationToken cancellationToken = default)
    {
        long head;
        try
        {
            await using var db = contexts.CreateDbContext();
            head = await db.LogChainHeads.AsNoTracking().Where(h => h.Chain == LogChainHead.Decisions).Select(h => h.LastSequence).SingleAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log's head could not be read.", ex);
        }

        // A head behind the newest checkpoint is not "nothing to sign": the log lost entries that checkpoint signed (an
        // older backup restored, or the end cut off). Verifying names it at once (log-ends-before) instead of staying
        // silent until the log grows past the checkpoint again (QA12 G2).
        return head != files.LatestSequence() ? await CreateAsync(mode, cancellationToken) : null;
    }

    /// <summary>
    /// What the periodic writer compares to tell whether a log that failed its full check has changed since: the chain
    /// head (its last sequence and hash), how many entries the log holds and the highest, and the names of the files in
    /// the app's checkpoint folder. An entry appended, deleted, put back or forged past the head, or a checkpoint file
    /// written, put back or set aside changes it; an entry edited or repaired in place does not (the writer walks again
    /// at least every <see cref="CheckpointSettings.FullVerificationInterval"/> all the same). A few index reads and one
    /// listing of the folder, nothing like a walk.
    /// </summary>
    internal async Task<LogState> StateAsync(CancellationToken cancellationToken)
    {
        LogState state;
        try
        {
            await using var db = contexts.CreateDbContext();
            var head = await db.LogChainHeads.AsNoTracking().Where(h => h.Chain == LogChainHead.Decisions).Select(h => new { h.LastSequence, h.LastHash }).SingleAsync(cancellationToken);
            var entries = await db.DecisionLogEntries.AsNoTracking().LongCountAsync(cancellationToken);
            var highest = await db.DecisionLogEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, cancellationToken);
            state = new LogState(head.LastSequence, head.LastHash, entries, highest, "");
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log's head could not be read.", ex);
        }

        IEnumerable<string?> names = System.IO.Directory.Exists(files.Directory)
            ? System.IO.Directory.EnumerateFiles(files.Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            : [];
        return state with { CheckpointFiles = string.Join('\n', names) };
    }

    /// <summary>Verifies the chain (all of it, or from the newest checkpoint that holds) and every checkpoint found, uploaded ones too.</summary>
    public Task<LogVerification> VerifyAsync(VerificationMode mode, IReadOnlyList<CheckpointFile>? uploaded = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(mode, uploaded, null, cancellationToken);

    /// <summary>Checks checkpoint files against the log without walking the chain (an uploaded copy on the auditor's page).</summary>
    public async Task<IReadOnlyList<CheckpointStatus>> CheckAsync(IReadOnlyList<CheckpointFile> checkpointFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpointFiles);
        var (statuses, candidates) = Parse(checkpointFiles);
        statuses.AddRange(await CheckAgainstLogAsync(candidates, cancellationToken));
        return Ordered(statuses);
    }

    private async Task<LogVerification> VerifyAsync(VerificationMode mode, IReadOnlyList<CheckpointFile>? uploaded, Action<long, Guid, string>? observe, CancellationToken cancellationToken)
    {
        var (found, problems) = files.ReadAll();
        var (statuses, candidates) = Parse(uploaded is null ? found : [.. found, .. uploaded]);
        long startAfter = 0;
        var startHash = ChainHash.Genesis;
        string? startFile = null;
        if (mode == VerificationMode.Full)
        {
            statuses.AddRange(await CheckAgainstLogAsync(candidates, cancellationToken));
        }
        else
        {
            // Newest first: the first one whose signature verifies and which holds is where the walk starts. Newer ones
            // that fail are reported; older ones are vouched for by it (its hash covers every entry before it).
            var remaining = candidates.OrderByDescending(c => c.Checkpoint.Sequence).ThenByDescending(c => c.Checkpoint.CreatedAt).ToList();
            var index = 0;
            for (; index < remaining.Count; index++)
            {
                var status = (await CheckAgainstLogAsync([remaining[index]], cancellationToken))[0];
                statuses.Add(status);
                if (status.Verdict == CheckpointVerdict.Holds)
                {
                    startAfter = status.Checkpoint!.Sequence;
                    startHash = status.Checkpoint.HeadHash;
                    startFile = status.FileName;
                    break;
                }
            }

            statuses.AddRange(remaining.Skip(index + 1).Select(c => new CheckpointStatus(
                c.Checkpoint, c.FileName, c.Sources, CheckpointVerdict.NotChecked,
                $"Not checked in this run: older than checkpoint {startAfter}, which the check started from (a full check reads them all).", null, [N(startAfter)])));
        }

        var walk = await log.WalkAsync(startAfter, startHash, observe, cancellationToken);
        var chain = walk.Result;
        if (startAfter > 0 && await CountBeforeAsync(startAfter, startFile!, cancellationToken) is { } count)
        {
            // The entries before the checkpoint were not walked: the checkpoint vouches for their hashes, not for their
            // number (QA141 F1). One found missing, added or out of 1..N there is a finding of the chain, before the walk's.
            chain = new ChainVerification(chain.Checked, false, chain.FirstBrokenId, chain.FirstBrokenSequence)
            {
                Findings = [count, .. chain.Findings.Take(ChainFinding.ListedAtMost - 1)],
                FindingCount = chain.FindingCount + 1,
            };
        }

        return new LogVerification(
            chain, startAfter > 0 ? VerificationMode.FromCheckpoint : VerificationMode.Full, startAfter, keys.Enabled, Ordered(statuses), problems)
        {
            SetAside = files.SetAside(),
            MissingCheckpointFiles = await MissingFilesAsync(found, cancellationToken),
            ReachedSequence = walk.LastSequence,
            ReachedHash = walk.LastHash,
        };
    }

    /// <summary>
    /// The cheap guard of the check from a checkpoint at entry <paramref name="sequence"/> (QA141 F1): the log must hold
    /// exactly the entries 1 to that one before it, that is as many entries numbered up to it as its number, the lowest
    /// being 1 (numbers are unique: the key). A deletion there, an entry inserted (numbered 0 or below, or the others
    /// renumbered, which the checkpoint's own entry shows), or an entry moved out of that range is found; two entries
    /// swapped within it, or one edited without re-hashing, is not (only the full check re-hashes them). One count over
    /// the key's index, on SQLite and PostgreSQL alike. Null when it holds, else the finding.
    /// </summary>
    private async Task<ChainFinding?> CountBeforeAsync(long sequence, string fileName, CancellationToken cancellationToken)
    {
        long count;
        long? lowest;
        try
        {
            await using var db = contexts.CreateDbContext();
            var upTo = db.DecisionLogEntries.AsNoTracking().Where(e => e.Sequence <= sequence);
            count = await upTo.LongCountAsync(cancellationToken);
            lowest = await upTo.MinAsync(e => (long?)e.Sequence, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read to count the entries before a checkpoint.", ex);
        }

        return count == sequence && lowest == 1 ? null : new ChainFinding(ChainFinding.CountBeforeCheckpoint, null, null, 1, sequence, fileName);
    }

    /// <summary>
    /// The access event that records the verification a signing ran (<see cref="VerificationRecord"/>, place
    /// <see cref="VerificationRecord.BeforeSigning"/>), by the <see cref="WriterActor"/> as the checkpoint it writes is: the
    /// access log was not checked.
    /// </summary>
    public static AccessEvent VerifiedEvent(LogVerification verification) =>
        new(
            AccessEventKind.Verify,
            WriterActor,
            null,
            "decision-log",
            VerificationRecord.Of(VerificationRecord.BeforeSigning, verification, null).ToDetail(),
            "verify-" + Guid.NewGuid().ToString("N"));

    /// <summary>The access event that records a checkpoint written: its file, and the entry, hash and id it signed.</summary>
    public static AccessEvent WrittenEvent(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new AccessEvent(
            AccessEventKind.Checkpoint,
            WriterActor,
            null,
            WrittenSubjectPrefix + checkpoint.FileName,
            $"written; entry {N(checkpoint.Sequence)}; hash {checkpoint.HeadHash}; id {checkpoint.HeadEntryId?.ToString("D") ?? "~"}",
            "checkpoint-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// Every checkpoint file the access log records as written (<see cref="WrittenEvent"/>) that is not in the app's
    /// checkpoint folder, lowest entry first. A copy kept elsewhere does not stand in for it: the folder is where the app
    /// keeps them, and a file gone from it was deleted or moved by someone with the app's host. A file set aside in a
    /// folder inside it is not missing. Verification reports them as findings; the Checkpoints page lists them too.
    /// </summary>
    /// <param name="found">The checkpoint files read (<see cref="CheckpointFiles.ReadAll"/>).</param>
    /// <param name="cancellationToken">Cancels the read of the access log.</param>
    public async Task<IReadOnlyList<ChainFinding>> MissingFilesAsync(IReadOnlyList<CheckpointFile> found, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(found);

        // One set aside by an administrator in a folder inside it (docs/security.md) is accounted for: named as set aside.
        var present = found.Where(f => f.Source == CheckpointFiles.AppFolderSource).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        present.UnionWith(files.SetAsideFileNames());
        var kind = WireNames.Of(AccessEventKind.Checkpoint);
        List<(string? Subject, string? Detail)> recorded;
        try
        {
            await using var db = contexts.CreateDbContext();
            recorded = (await db.AccessEvents.AsNoTracking()
                .Where(e => e.Kind == kind && e.UserEmail == WriterActor && e.Subject != null && e.Subject.StartsWith(WrittenSubjectPrefix))
                .OrderBy(e => e.Sequence)
                .Select(e => new { e.Subject, e.Detail })
                .ToListAsync(cancellationToken))
                .Select(r => (r.Subject, r.Detail))
                .ToList();
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read to check the checkpoint folder.", ex);
        }

        var missing = new Dictionary<string, ChainFinding>(StringComparer.Ordinal);
        foreach (var (subject, detail) in recorded)
        {
            var name = subject![WrittenSubjectPrefix.Length..];
            if (present.Contains(name) || missing.ContainsKey(name))
            {
                continue;
            }

            var match = WrittenDetail().Match(detail ?? "");
            missing[name] = new ChainFinding(
                ChainFinding.CheckpointFileMissing,
                match.Success ? long.Parse(match.Groups["entry"].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
                match.Success && Guid.TryParse(match.Groups["id"].Value, out var id) ? id : null,
                File: name,
                Hash: match.Success ? match.Groups["hash"].Value : null);
        }

        return missing.Values.OrderBy(f => f.Sequence ?? long.MaxValue).ThenBy(f => f.File, StringComparer.Ordinal).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\Awritten; entry (?<entry>[0-9]{1,18}); hash (?<hash>[0-9a-f]+); id (?<id>\S+)\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex WrittenDetail();

    private static List<CheckpointStatus> Ordered(List<CheckpointStatus> statuses) =>
        statuses.OrderBy(s => s.Checkpoint?.Sequence ?? long.MaxValue).ThenBy(s => s.Checkpoint?.CreatedAt).ThenBy(s => s.FileName, StringComparer.Ordinal).ToList();

    /// <summary>Reads the files: unreadable ones get their verdict at once; the same checkpoint found in several places is one.</summary>
    private static (List<CheckpointStatus> Statuses, List<Candidate> Candidates) Parse(IReadOnlyList<CheckpointFile> found)
    {
        var statuses = new List<CheckpointStatus>();
        var candidates = new Dictionary<SignedCheckpoint, Candidate>();
        foreach (var file in found)
        {
            // A file not read as text says why itself (too large, not text, a .zip that is not a zip): never "not JSON".
            CheckpointFileProblem? problem = file.Problem;
            var checkpoint = problem is null ? SignedCheckpoint.TryParse(file.Text, out problem) : null;
            if (checkpoint is null || checkpoint.Chain != LogChainHead.Decisions)
            {
                var why = problem ?? new CheckpointFileProblem(CheckpointFileProblemKind.OtherChain, checkpoint!.Chain);
                statuses.Add(new CheckpointStatus(checkpoint, file.Name, [file.Source], CheckpointVerdict.Malformed, $"Not a readable checkpoint: {why.English}.", null) { FileProblem = why });
                continue;
            }

            // The same checkpoint, field for field, found in several places is checked once (a changed copy is another).
            if (candidates.TryGetValue(checkpoint, out var seen))
            {
                seen.Sources.Add(file.Source);
            }
            else
            {
                candidates[checkpoint] = new Candidate(checkpoint, file.Name, [file.Source]);
            }
        }

        return (statuses, candidates.Values.ToList());
    }

    /// <summary>Checks each signature, then looks up the signed entries (a few hundred per query).</summary>
    private async Task<List<CheckpointStatus>> CheckAgainstLogAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var statuses = new List<CheckpointStatus>();
        var signed = new List<Candidate>();
        foreach (var c in candidates)
        {
            var key = keys.Find(c.Checkpoint.KeyId);
            if (key is null)
            {
                statuses.Add(keys.Trusted.Count == 0
                    ? c.Status(CheckpointVerdict.NotChecked, "Not checked: no checkpoint key is configured (Audit:CheckpointKeyPath).", null)
                    : c.Status(CheckpointVerdict.UnknownKey, $"Signed by key {c.Checkpoint.KeyId[..16]}…, which is neither the app's checkpoint key nor a trusted earlier one.", c.Checkpoint.HeadEntryId, c.Checkpoint.KeyId[..16]));
            }
            else if (!key.Verifies(c.Checkpoint))
            {
                statuses.Add(c.Status(CheckpointVerdict.BadSignature, "The signature does not verify: the file was changed after it was signed.", c.Checkpoint.HeadEntryId));
            }
            else
            {
                signed.Add(c);
            }
        }

        if (signed.Count == 0)
        {
            return statuses;
        }

        var entries = new Dictionary<long, (Guid Id, string Hash)>();
        long last;
        DateTimeOffset? began;
        try
        {
            await using var db = contexts.CreateDbContext();
            foreach (var chunk in signed.Select(c => c.Checkpoint.Sequence).Where(s => s > 0).Distinct().Chunk(LookupChunk))
            {
                var rows = await db.DecisionLogEntries.AsNoTracking()
                    .Where(e => chunk.Contains(e.Sequence))
                    .Select(e => new { e.Sequence, e.Id, e.Hash })
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    entries[row.Sequence] = (row.Id, row.Hash);
                }
            }

            last = await db.DecisionLogEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            began = await db.DecisionLogEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => (DateTime?)e.RecordedAt).FirstOrDefaultAsync(cancellationToken) is { } first
                ? EfDecisionLog.Utc(first)
                : null;
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read to check its checkpoints.", ex);
        }

        foreach (var c in signed)
        {
            var cp = c.Checkpoint;
            var found = entries.TryGetValue(cp.Sequence, out var entry);
            var holds = found && string.Equals(entry.Hash, cp.HeadHash, StringComparison.Ordinal) && (cp.HeadEntryId is not { } id || id == entry.Id);
            if (cp.Sequence == 0)
            {
                statuses.Add(c.Status(CheckpointVerdict.Holds, "Signed when the log was empty.", null));
            }
            else if (holds)
            {
                statuses.Add(c.Status(CheckpointVerdict.Holds, $"Entry {cp.Sequence} has the signed hash.", null, N(cp.Sequence)));
            }
            else if (began is null || began > cp.CreatedAt)
            {
                // A log's first entry is recorded before any checkpoint that signs an entry of it. This log is empty or
                // began after the checkpoint was signed, so it never held the entry signed: the checkpoint is another
                // log's (a database replaced or recreated), or this log was replaced. It fails all the same.
                statuses.Add(OtherLog(c, began));
            }
            else if (!found)
            {
                statuses.Add(c.Status(
                    CheckpointVerdict.LogEndsBefore,
                    $"The log ends at entry {last}, before entry {cp.Sequence} that this checkpoint signed: entries were removed from the end, or an older backup was restored.",
                    cp.HeadEntryId,
                    N(last),
                    N(cp.Sequence)));
            }
            else
            {
                statuses.Add(c.Status(
                    CheckpointVerdict.EntryDiffers,
                    $"Entry {cp.Sequence} is not the entry this checkpoint signed: the log up to it was rewritten, or an older backup was restored and written on since.",
                    cp.HeadEntryId ?? entry.Id,
                    N(cp.Sequence)));
            }
        }

        return statuses;
    }

    /// <summary>
    /// A checkpoint of another log: what it signed (entry, id, when), and when this log began, or that it is empty. Its
    /// times are carried as instants (<see cref="CheckpointStatus.Times"/>), and written here in UTC for the API's words.
    /// </summary>
    private static CheckpointStatus OtherLog(Candidate c, DateTimeOffset? began)
    {
        var cp = c.Checkpoint;
        var signed = cp.HeadEntryId?.ToString("D") ?? "~";
        return began is { } first
            ? c.Status(
                CheckpointVerdict.OtherLog,
                $"Signed for another log: it signed entry {cp.Sequence} ({signed}) on {Utc(cp.CreatedAt)} UTC, before this log's first entry was recorded ({Utc(first)} UTC). The database was replaced or recreated since, or this log was replaced.",
                cp.HeadEntryId,
                [N(cp.Sequence), signed],
                [cp.CreatedAt, first])
            : c.Status(
                CheckpointVerdict.OtherLog,
                $"Signed for another log: it signed entry {cp.Sequence} ({signed}) on {Utc(cp.CreatedAt)} UTC, and this log is empty. The database was replaced or recreated since, or this log was emptied.",
                cp.HeadEntryId,
                [N(cp.Sequence), signed],
                [cp.CreatedAt]);
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Candidate(SignedCheckpoint Checkpoint, string FileName, List<string> Sources)
    {
        public CheckpointStatus Status(CheckpointVerdict verdict, string reason, Guid? entryId, params string[] arguments) =>
            Status(verdict, reason, entryId, arguments, []);

        public CheckpointStatus Status(CheckpointVerdict verdict, string reason, Guid? entryId, IReadOnlyList<string> arguments, IReadOnlyList<DateTimeOffset> times) =>
            new(Checkpoint, FileName, Sources.Distinct(StringComparer.Ordinal).ToList(), verdict, reason, entryId, arguments, times);
    }

    private static string N(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The log and checkpoint folder as <see cref="DecisionLogCheckpoints.StateAsync"/> sees them; equal when nothing it compares changed.</summary>
internal sealed record LogState(long HeadSequence, string HeadHash, long Entries, long? Highest, string CheckpointFiles);
