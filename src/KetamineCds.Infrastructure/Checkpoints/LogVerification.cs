using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>The chain's verification together with every checkpoint's.</summary>
/// <param name="Chain">The hash chain's own verdict (contract: checked, intact, firstBrokenId).</param>
/// <param name="Mode">The mode that ran (an incremental request with no checkpoint to start from runs in full).</param>
/// <param name="StartedAfter">The sequence the walk started after: 0, or the checkpoint's.</param>
/// <param name="CheckpointsEnabled">A key to sign and check checkpoints with is configured.</param>
/// <param name="Checkpoints">Every checkpoint found, lowest sequence first.</param>
/// <param name="Problems">Configured copy folders that could not be read, and checkpoints left where they are no longer read (each a kind and its values, for a page to word; <see cref="CheckpointFolderProblem.English"/> for the API).</param>
public sealed record LogVerification(
    ChainVerification Chain, VerificationMode Mode, long StartedAfter, bool CheckpointsEnabled,
    IReadOnlyList<CheckpointStatus> Checkpoints, IReadOnlyList<CheckpointFolderProblem> Problems)
{
    /// <summary>Folders of checkpoints an administrator set aside in the checkpoint folder (not checked; shown so that they are never silently gone).</summary>
    public IReadOnlyList<SetAsideFolder> SetAside { get; init; } = [];

    /// <summary>The lowest checkpoint that no longer holds (or cannot be trusted), if any.</summary>
    public CheckpointStatus? FailedCheckpoint => Checkpoints.FirstOrDefault(c => c.Fails);

    /// <summary>
    /// The checkpoint files the access log records as written that the checkpoint folder no longer holds
    /// (<see cref="ChainFinding.CheckpointFileMissing"/>, lowest entry first): deleted or moved, the evidence they were is
    /// gone from where the app keeps it (QA P8).
    /// </summary>
    public IReadOnlyList<ChainFinding> MissingCheckpointFiles { get; init; } = [];

    /// <summary>
    /// The last entry the walk read (its place in the chain; the checkpoint's it started after when it read none, 0 for an
    /// empty log), recorded with the verification so that the entries added since can be counted from the chain head
    /// (QA284 F3).
    /// </summary>
    public long ReachedSequence { get; init; }

    /// <summary>That entry's stored hash (the genesis for an empty log).</summary>
    public string ReachedHash { get; init; } = ChainHash.Genesis;

    /// <summary>The chain verifies, every checkpoint checked holds, and no checkpoint file recorded as written is missing.</summary>
    public bool Intact => Chain.Intact && FailedCheckpoint is null && MissingCheckpointFiles.Count == 0;

    /// <summary>
    /// What a new checkpoint may be signed over: the chain verifies and every checkpoint found holds. A missing checkpoint
    /// file does not stop the next one (the log and the checkpoints still present verify; a new one makes nothing weaker),
    /// but stays a finding until the file is put back.
    /// </summary>
    public bool Signable => Chain.Intact && FailedCheckpoint is null;

    /// <summary>
    /// The chain's first broken entry, else the entry a failed checkpoint signed when that checkpoint is about this log's
    /// entries (it no longer matches, or the log ends before it); never for a checkpoint whose file fails (a bad
    /// signature, an unknown key, an unreadable file, another log's): that is about the file, not an entry of this log
    /// (QA14a P2), and is named in <see cref="FailedCheckpoint"/> and <see cref="Findings"/>. The change a failed
    /// checkpoint reveals lies somewhere in the range its finding gives, not at the entry named here.
    /// </summary>
    public Guid? FirstBrokenId => Chain.FirstBrokenId ?? (FailedEntryCheckpoint is { } failed ? failed.EntryId : null);

    /// <summary>The place in the chain of <see cref="FirstBrokenId"/>, or null.</summary>
    public long? FirstBrokenSequence => Chain.FirstBrokenSequence ?? (FailedEntryCheckpoint is { EntryId: not null } failed ? failed.Checkpoint?.Sequence : null);

    private CheckpointStatus? FailedEntryCheckpoint =>
        Checkpoints.FirstOrDefault(c => c.Verdict is CheckpointVerdict.EntryDiffers or CheckpointVerdict.LogEndsBefore);

    /// <summary>
    /// Every finding: the chain's (in chain order), then each failing checkpoint's, then each missing checkpoint file's, at most
    /// <see cref="ChainFinding.ListedAtMost"/> in all. A checkpoint that no longer matches gives the range its change lies
    /// in: after the highest checkpoint below it that holds (which vouches for every entry up to its own), up to the entry
    /// it signed.
    /// </summary>
    public IReadOnlyList<ChainFinding> Findings => [.. Chain.Findings, .. CheckpointFindings().Concat(MissingCheckpointFiles).Take(Math.Max(0, ChainFinding.ListedAtMost - Chain.Findings.Count))];

    /// <summary>How many findings there are in all.</summary>
    public long FindingCount => Chain.FindingCount + CheckpointFindings().Count() + MissingCheckpointFiles.Count;

    private IEnumerable<ChainFinding> CheckpointFindings()
    {
        foreach (var c in Checkpoints.Where(c => c.Fails))
        {
            if (c.Verdict is CheckpointVerdict.EntryDiffers or CheckpointVerdict.LogEndsBefore && c.Checkpoint is { } cp)
            {
                var holding = Checkpoints
                    .Where(h => h.Verdict == CheckpointVerdict.Holds && h.Checkpoint!.Sequence < cp.Sequence)
                    .Select(h => h.Checkpoint!.Sequence)
                    .DefaultIfEmpty(0)
                    .Max();
                yield return new ChainFinding(
                    c.Verdict == CheckpointVerdict.EntryDiffers ? ChainFinding.CheckpointDiffers : ChainFinding.CheckpointLogEndsBefore,
                    cp.Sequence, c.EntryId, holding + 1, cp.Sequence, c.FileName);
            }
            else
            {
                // About the file, not an entry of this log: named by its file and what is wrong with it.
                yield return new ChainFinding(
                    c.Verdict switch
                    {
                        CheckpointVerdict.BadSignature => ChainFinding.CheckpointBadSignature,
                        CheckpointVerdict.UnknownKey => ChainFinding.CheckpointUnknownKey,
                        CheckpointVerdict.OtherLog => ChainFinding.CheckpointOtherLog,
                        _ => ChainFinding.CheckpointUnreadable,
                    },
                    null, null, null, null, c.FileName);
            }
        }
    }

    /// <summary>
    /// The checkpoints that hold, less those the chain's own findings undermine (<see cref="Undermined"/>): what "N of M
    /// checkpoints checked hold" counts, on the page and in the API's summary.
    /// </summary>
    public int Holding => Checkpoints.Count(c => c.Verdict == CheckpointVerdict.Holds) - Undermined.Count;

    /// <summary>
    /// The checkpoints whose signed entry still has the signed hash (<see cref="CheckpointVerdict.Holds"/>, which they keep)
    /// but whose entries up to it no longer verify: a finding of the chain lies at or before that entry (an entry
    /// missing, changed, moved, out of order or not joining there), or the entries before the checkpoint the shorter check
    /// started from were miscounted (<see cref="ChainFinding.CountBeforeCheckpoint"/>, which undermines it and every
    /// checkpoint after it). The log they vouch for is no longer the one they signed, so they are not counted as holding
    /// (helper-147, after QA141 F1): never "1 of 1 checkpoints hold" beside the finding that contradicts it. Lowest first.
    /// </summary>
    public IReadOnlyList<CheckpointStatus> Undermined => LowestEntryFinding() is { } lowest
        ? Checkpoints.Where(c => c.Verdict == CheckpointVerdict.Holds && c.Checkpoint is { Sequence: > 0 } cp && cp.Sequence >= lowest).ToList()
        : [];

    /// <summary>
    /// The lowest place in the chain that a finding of the chain's own says is not as recorded (the count before a
    /// checkpoint: that checkpoint's entry), or null. The findings about the head or the end of the log are not about
    /// the entries a checkpoint signed; the listed findings are the lowest (they are listed in chain order).
    /// </summary>
    private long? LowestEntryFinding() => Chain.Findings
        .Select(f => f.Kind switch
        {
            ChainFinding.CountBeforeCheckpoint => f.To,
            ChainFinding.Missing => f.From ?? f.Sequence,
            ChainFinding.Moved => Math.Min(f.Sequence ?? long.MaxValue, f.From ?? long.MaxValue),
            ChainFinding.ContentChanged or ChainFinding.LinkBroken or ChainFinding.OutOfOrder => f.Sequence,
            _ => null,
        })
        .Min();
}
