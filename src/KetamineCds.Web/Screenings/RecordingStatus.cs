namespace KetamineCds.Web.Screenings;

/// <summary>How an attempt to record a screening ended.</summary>
public enum RecordingStatus
{
    /// <summary>The screening was durably recorded; its result may be shown.</summary>
    Recorded,

    /// <summary>Some fields need attention; nothing was evaluated or stored.</summary>
    Invalid,

    /// <summary>The decision log could not record it; nothing was stored and no result may be shown.</summary>
    NotRecorded,

    /// <summary>
    /// The database answered and refused to store it (a broken constraint, a value it would not take): nothing was
    /// stored and no result may be shown. It is no outage, and sending it again unchanged will not help; the cause is
    /// in the app's log.
    /// </summary>
    RefusedByDatabase,

    /// <summary>The decision log failed during the commit: it may have been stored, so no result may be shown.</summary>
    MayHaveBeenRecorded,

    /// <summary>
    /// The same submission (form or idempotency key) was recorded before, by the same person: nothing was stored again,
    /// and <see cref="RecordingResult.Submission"/> names the screening recorded then, which may be shown.
    /// </summary>
    AlreadyRecorded,

    /// <summary>
    /// The submission id was recorded before by someone else: nothing was stored, and their screening is not shown.
    /// </summary>
    SubmittedByAnother,

    /// <summary>
    /// The submission id was recorded before with other answers (a duplicated tab, a client reusing its key; QA157 F8):
    /// nothing was stored, and these answers are not the screening recorded then, so that screening is not shown as their
    /// result. <see cref="RecordingResult.Submission"/> names it; it is named to its own author only. Sent again under a new
    /// id, the answers are recorded as a screening of their own.
    /// </summary>
    SubmissionReused,
}
