namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// One thing verification found wrong, with its kind and the entries it concerns (QA14a P2). Kinds (their wire names):
/// <list type="bullet">
/// <item><c>missing</c>: entries <see cref="From"/> to <see cref="To"/> are not in the log; the entry before them is followed by <see cref="Sequence"/>.</item>
/// <item><c>content-changed</c>: entry <see cref="Sequence"/>'s content no longer gives the hash it was recorded with.</item>
/// <item><c>link-broken</c>: entry <see cref="Sequence"/> does not link to the entry before it (that one was changed and re-hashed, or this one was moved or inserted).</item>
/// <item><c>out-of-order</c>: entry <see cref="Sequence"/> comes after an entry with the same or a higher number.</item>
/// <item><c>removed-from-end</c>: the chain head says entries up to <see cref="To"/> were committed; the log ends before them, from <see cref="From"/>.</item>
/// <item><c>beyond-head</c>: entry <see cref="Sequence"/> and any after it lie past the chain head: they did not come through the app.</item>
/// <item><c>head-differs</c>: the chain head does not name the log's last entry <see cref="Sequence"/> as it is (the head or the end of the log was altered).</item>
/// <item><c>checkpoint-differs</c>: a signed checkpoint no longer matches; the change lies in entries <see cref="From"/> to <see cref="To"/> (after the last checkpoint that holds, up to the failing one's entry).</item>
/// <item><c>checkpoint-log-ends-before</c>: the log ends before the entry a checkpoint signed; entries from <see cref="From"/> to <see cref="To"/> were removed or restored from an older backup.</item>
/// <item><c>checkpoint-bad-signature</c>, <c>checkpoint-unknown-key</c>, <c>checkpoint-unreadable</c>, <c>checkpoint-other-log</c>: the checkpoint file <see cref="File"/> itself fails (changed after it was signed, signed by a key the app does not trust, not a checkpoint, or signed for another log): about the file, not an entry of this log.</item>
/// <item><c>checkpoint-file-missing</c>: the access log records that the checkpoint file <see cref="File"/> was written, signing entry <see cref="Sequence"/> (id <see cref="EntryId"/>) with hash <see cref="Hash"/>, and the checkpoint folder no longer holds it (deleted or moved): about the file, not an entry of this log.</item>
/// </list>
/// </summary>
/// <param name="Kind">The kind, as above.</param>
/// <param name="Sequence">The entry the finding is about, when it is about one entry.</param>
/// <param name="EntryId">That entry's id, when it can be read; <see cref="Guid.Empty"/> when its stored id is not one.</param>
/// <param name="From">The first entry of a range (missing entries, or where a checkpoint's change lies).</param>
/// <param name="To">The last entry of that range.</param>
/// <param name="File">The checkpoint file a checkpoint finding is about.</param>
/// <param name="Hash">The head hash a missing checkpoint file signed (<c>checkpoint-file-missing</c> only).</param>
public sealed record ChainFinding(string Kind, long? Sequence, Guid? EntryId, long? From = null, long? To = null, string? File = null, string? Hash = null)
{
    public const string Missing = "missing";
    public const string ContentChanged = "content-changed";
    public const string LinkBroken = "link-broken";
    public const string OutOfOrder = "out-of-order";
    /// <summary>
    /// <c>moved</c> (QA141 F2): the entry stored at <see cref="Sequence"/> no longer gives its hash there, but does at
    /// <see cref="From"/> (= <see cref="To"/>), where its link leads (after the entry its previous hash names): it was
    /// moved, its content unchanged. Named instead of <c>content-changed</c>; a swap of two entries is two of these.
    /// </summary>
    /// <remarks>Documented here, not in the type's summary, which the OpenAPI document carries (its snapshot is the client's).</remarks>
    public const string Moved = "moved";

    /// <summary>
    /// <c>count-before-checkpoint</c> (QA141 F1, the check from a checkpoint only): the log no longer holds exactly entries
    /// <see cref="From"/> (1) to <see cref="To"/> before the checkpoint <see cref="File"/> the check started from (as many
    /// entries numbered up to it as its number, the lowest 1): one there was deleted, inserted or moved. That check did not
    /// re-hash them and cannot say which; the full check names it.
    /// </summary>
    public const string CountBeforeCheckpoint = "count-before-checkpoint";
    public const string RemovedFromEnd = "removed-from-end";
    public const string BeyondHead = "beyond-head";
    public const string HeadDiffers = "head-differs";
    public const string CheckpointDiffers = "checkpoint-differs";
    public const string CheckpointLogEndsBefore = "checkpoint-log-ends-before";
    public const string CheckpointBadSignature = "checkpoint-bad-signature";
    public const string CheckpointUnknownKey = "checkpoint-unknown-key";
    public const string CheckpointUnreadable = "checkpoint-unreadable";
    public const string CheckpointOtherLog = "checkpoint-other-log";
    public const string CheckpointFileMissing = "checkpoint-file-missing";

    /// <summary>At most this many findings are listed; the rest are counted (a wholly broken log never makes a huge page or body).</summary>
    public const int ListedAtMost = 100;
}
