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
/// <para>
/// Then (QA14a P2) every finding (<c>findings</c>, at most 100, with <c>findingCount</c> counting them all): the walk
/// reads the whole chain and names each gap (<c>missing</c>, with the range <c>from</c>-<c>to</c> of the missing
/// numbers), each entry whose content no longer gives its hash (<c>content-changed</c>), each broken link, the chain head's
/// findings, and each failing checkpoint: one that no longer matches gives the range its change lies in
/// (<c>checkpoint-differs</c>, <c>from</c> after the highest checkpoint below it that holds, <c>to</c> its entry), and one
/// whose file fails (<c>checkpoint-bad-signature</c> and the like) names its <c>file</c> and no entry. A checkpoint file the
/// access log records as written that the checkpoint folder no longer holds is <c>checkpoint-file-missing</c>, with its
/// <c>file</c>, the entry it signed (<c>sequence</c>, <c>entryId</c>) and its <c>hash</c>; it makes <c>intact</c> false
/// and leaves <c>firstBrokenId</c> null (QA P8).
/// <c>firstBrokenId</c>/<c>firstBrokenSequence</c> stay for compatibility: the entry of the first chain finding (for a
/// gap, the entry after it), else the entry a checkpoint that no longer matches signed; null when only a checkpoint
/// file fails.
/// </para>
/// </summary>
public sealed record VerifyResponse(
    long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence, bool ChainIntact, VerificationMode Mode, long StartedAfter, VerifyResponse.CheckpointSummary Checkpoints,
    CheckpointResponse? FailedCheckpoint, IReadOnlyList<string> Warnings, IReadOnlyList<SetAsideFolder> SetAside, VerifyResponse.AccessChain? Access,
    IReadOnlyList<ChainFinding> Findings, long FindingCount)
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
            access is { } a ? new AccessChain(a.Checked, a.Intact, a.FirstBrokenId, a.FirstBrokenSequence, a.Findings, a.FindingCount) : null,
            v.Findings,
            v.FindingCount);
    }

    /// <summary>Whether checkpoints are on, how many were checked in this run, and how many of those hold.</summary>
    public sealed record CheckpointSummary(bool Enabled, int Checked, int Holding);

    /// <summary>The access log's hash chain: how many events were checked, whether every hash and link holds, the first event that does not, and every finding (at most 100, all counted).</summary>
    public sealed record AccessChain(long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence, IReadOnlyList<ChainFinding> Findings, long FindingCount);
}
