namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>What a checkpoint says about the log as it is now.</summary>
public enum CheckpointVerdict
{
    /// <summary>The log holds the entry the checkpoint signed, with the signed hash.</summary>
    Holds,

    /// <summary>Not checked in this run (older than the checkpoint an incremental check started from, or no key to check with).</summary>
    NotChecked,

    /// <summary>The log ends before the signed entry: cut short, or an older backup restored.</summary>
    LogEndsBefore,

    /// <summary>The log's entry at the signed sequence has another hash: rewritten and re-hashed, or restored and written on since.</summary>
    EntryDiffers,

    /// <summary>
    /// Signed for another log: it fails, and this log is empty or began after it was signed, so this log never held the
    /// entry it signed. A database that was replaced or recreated left it behind, or this log was replaced: it fails
    /// like any other, and only an administrator can set it aside (docs/security.md).
    /// </summary>
    OtherLog,

    /// <summary>The signature does not verify: the file was altered.</summary>
    BadSignature,

    /// <summary>Signed by a key the app does not trust.</summary>
    UnknownKey,

    /// <summary>Not a readable checkpoint file.</summary>
    Malformed,
}
