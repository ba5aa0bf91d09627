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
/// <para>
/// Then (QA255 tamper 4) what the check could rely on (<c>coverage</c>): how many of the checkpoints checked came from a copy
/// kept elsewhere (<c>externalCopiesChecked</c>: a configured <c>Audit:ExternalCheckpointCopies</c> folder), the newest
/// checkpoint that holds (<c>newestCheckpoint</c>: its file, entry, id and signing time), the newest entry of the log
/// (<c>newestEntry</c>: its place, id and recording time), and in words what the check cannot see (<c>limits</c>): with
/// the app's host files alone, someone can cut the end of both logs and delete the newest checkpoints so that everything
/// left agrees; only a copy kept elsewhere catches that. <c>intact</c> keeps its meaning: a clean local check is not a
/// failure, but it is not more than the local checkpoints can vouch for.
/// </para>
/// <para>
/// Last (QA318 F2) <c>lastFullVerification</c>, what the auditor's list says of the log's last full verification after
/// this check was recorded, as the exports' <c>Last-Full-Verification</c> header gives it (<see cref="LastFullVerificationResponse"/>,
/// with the auditor's details): a check from the newest checkpoint re-hashes only the entries after it, so its
/// <c>intact</c> true does not clear a full verification that failed; <c>alert</c> true says the log is not to be relied on.
/// After a full verification it describes that verification. Null in the verification a refused checkpoint returns.
/// </para>
/// </summary>
public sealed record VerifyResponse(
    long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence, bool ChainIntact, VerificationMode Mode, long StartedAfter, VerifyResponse.CheckpointSummary Checkpoints,
    CheckpointResponse? FailedCheckpoint, IReadOnlyList<string> Warnings, IReadOnlyList<SetAsideFolder> SetAside, VerifyResponse.AccessChain? Access,
    IReadOnlyList<ChainFinding> Findings, long FindingCount, VerifyResponse.CoverageSummary? Coverage = null, LastFullVerificationResponse? LastFullVerification = null)
{
    /// <summary>The words of <see cref="CoverageSummary.Limits"/> when no checkpoint from a copy kept elsewhere was checked.</summary>
    public const string LocalOnlyLimits =
        "Only the checkpoints in the app's own folder were checked; no copy kept elsewhere was. Someone with the app's host files "
        + "can cut the end of the decision log and of the access log and delete the newest checkpoints so that everything left agrees: "
        + "that is caught only against a copy kept elsewhere. Compare newestCheckpoint and newestEntry with your own copy "
        + "(upload it on the Checkpoints page), or have Audit:ExternalCheckpointCopies configured.";

    /// <summary>The words of <see cref="CoverageSummary.Limits"/> when checkpoints from a copy kept elsewhere were checked.</summary>
    public const string ExternalLimits =
        "Checkpoints from a copy kept elsewhere were checked: a cut at the end of the log is caught back to the newest checkpoint such a copy holds, "
        + "not after it. Entries after newestCheckpoint are vouched for by nothing outside the app's host.";

    public static VerifyResponse From(LogVerification v, ChainVerification? access = null, AuditListItem? newestEntry = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            v.Chain.Checked, v.Intact, v.FirstBrokenId, v.FirstBrokenSequence, v.Chain.Intact, v.Mode, v.StartedAfter,
            new CheckpointSummary(v.CheckpointsEnabled, v.Checkpoints.Count(c => c.Verdict != CheckpointVerdict.NotChecked), v.Holding),
            v.FailedCheckpoint is { } f ? CheckpointResponse.From(f) : null,
            [.. v.Problems.Select(p => p.English)],
            v.SetAside,
            access is { } a ? new AccessChain(a.Checked, a.Intact, a.FirstBrokenId, a.FirstBrokenSequence, a.Findings, a.FindingCount) : null,
            v.Findings,
            v.FindingCount,
            Cover(v, newestEntry));
    }

    /// <summary>What the check relied on: see <see cref="CoverageSummary"/>.</summary>
    public static CoverageSummary Cover(LogVerification v, AuditListItem? newestEntry)
    {
        ArgumentNullException.ThrowIfNull(v);
        var external = ExternalCopiesChecked(v);
        return new CoverageSummary(
            external,
            NewestHolding(v) is { Checkpoint: { } cp } newest ? new CheckpointRelied(newest.FileName, cp.Sequence, cp.HeadEntryId, cp.CreatedAt) : null,
            newestEntry is { } e ? new EntryRelied(e.Sequence, e.Id, e.RecordedAt) : null,
            external == 0 ? LocalOnlyLimits : ExternalLimits);
    }

    /// <summary>How many checkpoints checked were found in a place other than the app's own folder (a configured copy, an upload).</summary>
    public static int ExternalCopiesChecked(LogVerification v) =>
        v.Checkpoints.Count(c => c.Verdict != CheckpointVerdict.NotChecked && c.Sources.Any(s => s != CheckpointFiles.AppFolderSource));

    /// <summary>The newest checkpoint that holds and that no finding undermines: the one the check relied on.</summary>
    public static CheckpointStatus? NewestHolding(LogVerification v)
    {
        var undermined = v.Undermined;
        return v.Checkpoints
            .Where(c => c.Verdict == CheckpointVerdict.Holds && c.Checkpoint is not null && !undermined.Contains(c))
            .MaxBy(c => c.Checkpoint!.Sequence);
    }

    /// <summary>
    /// What the check relied on (QA255): how many checkpoints checked came from a copy kept elsewhere, the newest checkpoint
    /// that holds, the newest entry, and what the check cannot see in words.
    /// </summary>
    public sealed record CoverageSummary(int ExternalCopiesChecked, CheckpointRelied? NewestCheckpoint, EntryRelied? NewestEntry, string Limits);

    /// <summary>A checkpoint the check relied on: its file, the entry it signed (place and id) and when it was signed.</summary>
    public sealed record CheckpointRelied(string File, long Sequence, Guid? EntryId, DateTimeOffset CreatedAt);

    /// <summary>The log's newest entry: its place in the chain, its id and when it was recorded.</summary>
    public sealed record EntryRelied(long Sequence, Guid Id, DateTimeOffset RecordedAt);

    /// <summary>Whether checkpoints are on, how many were checked in this run, and how many of those hold.</summary>
    public sealed record CheckpointSummary(bool Enabled, int Checked, int Holding);

    /// <summary>The access log's hash chain: how many events were checked, whether every hash and link holds, the first event that does not, and every finding (at most 100, all counted).</summary>
    public sealed record AccessChain(long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence, IReadOnlyList<ChainFinding> Findings, long FindingCount);
}
