using KetamineCds.Infrastructure.Checkpoints;

namespace KetamineCds.Web.Audit;

/// <summary>
/// One checkpoint's status as the API reports it: what it signed (<c>sequence</c>, <c>entryId</c>, <c>headHash</c>) and
/// when, where it was found, and whether it holds.
/// </summary>
public sealed record CheckpointResponse(long? Sequence, DateTimeOffset? CreatedAt, CheckpointVerdict Status, bool Holds, string Reason, Guid? EntryId, string File, IReadOnlyList<string> Sources, string? HeadHash)
{
    public static CheckpointResponse From(CheckpointStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Checkpoint?.Sequence, s.Checkpoint?.CreatedAt, s.Verdict, s.Verdict == CheckpointVerdict.Holds, s.Reason, s.EntryId, s.FileName, s.Sources, s.Checkpoint?.HeadHash);
    }
}
