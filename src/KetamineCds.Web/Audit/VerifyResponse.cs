using KetamineCds.Infrastructure.Checkpoints;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The body of GET /api/v1/audit/verify: the contract's three fields first, then the checkpoints' (1.1): the mode that
/// ran, where the walk started, how many checkpoints were checked and hold, and the lowest one that no longer holds.
/// </summary>
public sealed record VerifyResponse(
    long Checked, bool Intact, Guid? FirstBrokenId, VerificationMode Mode, long StartedAfter, VerifyResponse.CheckpointSummary Checkpoints,
    CheckpointResponse? FailedCheckpoint, IReadOnlyList<string> Warnings)
{
    public static VerifyResponse From(LogVerification v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            v.Chain.Checked, v.Intact, v.FirstBrokenId, v.Mode, v.StartedAfter,
            new CheckpointSummary(v.CheckpointsEnabled, v.Checkpoints.Count(c => c.Verdict != CheckpointVerdict.NotChecked), v.Holding),
            v.FailedCheckpoint is { } f ? CheckpointResponse.From(f) : null,
            v.Problems);
    }

    /// <summary>Whether checkpoints are on, how many were checked in this run, and how many of those hold.</summary>
    public sealed record CheckpointSummary(bool Enabled, int Checked, int Holding);
}
