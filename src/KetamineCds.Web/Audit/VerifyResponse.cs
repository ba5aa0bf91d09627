using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The body of GET /api/v1/audit/verify: the contract's three fields first, then the first broken entry's place in the
/// chain (<c>firstBrokenSequence</c>; the only way to name an entry whose stored id was altered), then whether the chain's own hashes are
/// intact (<c>chainIntact</c>: <c>intact</c> is false also when only a checkpoint does not match), then the checkpoints'
/// (1.1): the mode that ran, where the walk started, how many checkpoints were checked and hold, the lowest one that no
/// longer holds (a checkpoint of another log has status <c>other-log</c>, and <c>firstBrokenId</c> stays null: no entry
/// of this log is broken), warnings, and the folders of checkpoints an administrator set aside. Then (QA10c S3) the
/// access log's own chain (<c>access</c>: checked, intact, first broken event), verified in full as the Verify page does;
/// <c>intact</c> stays the decision log's (the contract's), and the access log has no signed checkpoints. Null where
/// the access log was not verified (the verification a refused checkpoint returns).
/// </summary>
public sealed record VerifyResponse(
    long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence, bool ChainIntact, VerificationMode Mode, long StartedAfter, VerifyResponse.CheckpointSummary Checkpoints,
    CheckpointResponse? FailedCheckpoint, IReadOnlyList<string> Warnings, IReadOnlyList<SetAsideFolder> SetAside, VerifyResponse.AccessChain? Access)
{
    public static VerifyResponse From(LogVerification v, ChainVerification? access = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            v.Chain.Checked, v.Intact, v.FirstBrokenId, v.FirstBrokenSequence, v.Chain.Intact, v.Mode, v.StartedAfter,
            new CheckpointSummary(v.CheckpointsEnabled, v.Checkpoints.Count(c => c.Verdict != CheckpointVerdict.NotChecked), v.Holding),
            v.FailedCheckpoint is { } f ? CheckpointResponse.From(f) : null,
            v.Problems,
            v.SetAside,
            access is { } a ? new AccessChain(a.Checked, a.Intact, a.FirstBrokenId, a.FirstBrokenSequence) : null);
    }

    /// <summary>Whether checkpoints are on, how many were checked in this run, and how many of those hold.</summary>
    public sealed record CheckpointSummary(bool Enabled, int Checked, int Holding);

    /// <summary>The access log's hash chain: how many events were checked, whether every hash and link holds, and the first event that does not.</summary>
    public sealed record AccessChain(long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence);
}
