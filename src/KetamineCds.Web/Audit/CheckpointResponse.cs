using KetamineCds.Infrastructure.Checkpoints;

namespace KetamineCds.Web.Audit;

/// <summary>
/// One checkpoint's status as the API reports it: what it signed (<c>sequence</c>, <c>entryId</c>, <c>headHash</c>) and
/// when, where it was found, and whether it holds.
/// </summary>
/// <param name="Sequence">The sequence number of the entry it signed; null when the file cannot be read.</param>
/// <param name="CreatedAt">When it was signed; null when the file cannot be read.</param>
/// <param name="Status">What the checkpoint says about the log as it is now: whether it holds, and if not, why not.</param>
/// <param name="Holds">True when the entry it signed still has the hash it signed (the entries before it are checked by <c>GET /api/v1/audit/verify</c>, not here).</param>
/// <param name="Reason">Why it holds or not, in words.</param>
/// <param name="EntryId">The id of the entry it signed (the file's <c>headEntryId</c>), whether or not it still holds; null for a checkpoint of an empty log or one that cannot be read.</param>
/// <param name="File">The checkpoint file's name.</param>
/// <param name="Sources">Where the file was found: the app's checkpoint folder, a configured copy.</param>
/// <param name="HeadHash">The hash it signed for that entry; null when the file cannot be read.</param>
public sealed record CheckpointResponse(long? Sequence, DateTimeOffset? CreatedAt, CheckpointVerdict Status, bool Holds, string Reason, Guid? EntryId, string File, IReadOnlyList<string> Sources, string? HeadHash)
{
    /// <summary>
    /// The status as the API reports it. The status names the signed entry only for a checkpoint that no longer holds (to
    /// link to); the response names it for every one (helper-224's QA walk: each checkpoint that held said
    /// <c>"entryId": null</c> although its file signs <c>headEntryId</c>).
    /// </summary>
    public static CheckpointResponse From(CheckpointStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Checkpoint?.Sequence, s.Checkpoint?.CreatedAt, s.Verdict, s.Verdict == CheckpointVerdict.Holds, s.Reason, s.EntryId ?? s.Checkpoint?.HeadEntryId, s.FileName, s.Sources, s.Checkpoint?.HeadHash);
    }
}
