using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>The chain's verification together with every checkpoint's.</summary>
/// <param name="Chain">The hash chain's own verdict (contract: checked, intact, firstBrokenId).</param>
/// <param name="Mode">The mode that ran (an incremental request with no checkpoint to start from runs in full).</param>
/// <param name="StartedAfter">The sequence the walk started after: 0, or the checkpoint's.</param>
/// <param name="CheckpointsEnabled">A key to sign and check checkpoints with is configured.</param>
/// <param name="Checkpoints">Every checkpoint found, lowest sequence first.</param>
/// <param name="Problems">Configured copy folders that could not be read, and checkpoints left where they are no longer read.</param>
public sealed record LogVerification(
    ChainVerification Chain, VerificationMode Mode, long StartedAfter, bool CheckpointsEnabled,
    IReadOnlyList<CheckpointStatus> Checkpoints, IReadOnlyList<string> Problems)
{
    /// <summary>Folders of checkpoints an administrator set aside in the checkpoint folder (not checked; shown so that they are never silently gone).</summary>
    public IReadOnlyList<SetAsideFolder> SetAside { get; init; } = [];

    /// <summary>The lowest checkpoint that no longer holds (or cannot be trusted), if any.</summary>
    public CheckpointStatus? FailedCheckpoint => Checkpoints.FirstOrDefault(c => c.Fails);

    /// <summary>The chain verifies and every checkpoint checked holds.</summary>
    public bool Intact => Chain.Intact && FailedCheckpoint is null;

    /// <summary>
    /// The chain's first broken entry, else the entry a failed checkpoint signed; never the entry of a checkpoint of
    /// another log, which this log never held (that checkpoint is named in <see cref="FailedCheckpoint"/> instead).
    /// </summary>
    public Guid? FirstBrokenId => Chain.FirstBrokenId ?? (FailedCheckpoint is { Verdict: not CheckpointVerdict.OtherLog } failed ? failed.EntryId : null);

    /// <summary>The place in the chain of <see cref="FirstBrokenId"/>, or null.</summary>
    public long? FirstBrokenSequence => Chain.FirstBrokenSequence ?? (FailedCheckpoint is { Verdict: not CheckpointVerdict.OtherLog, EntryId: not null } failed ? failed.Checkpoint?.Sequence : null);

    public int Holding => Checkpoints.Count(c => c.Verdict == CheckpointVerdict.Holds);
}
