namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The append-only, tamper-evident decision log. A screening is recorded, in one transaction, before anybody sees
/// its result; if it cannot be, <see cref="DecisionLogUnavailableException"/> is thrown, and nothing is stored unless the
/// exception says the outcome is unknown (the connection failed during the commit).
/// </summary>
public interface IDecisionLog
{
    /// <summary>
    /// Records a screening. With a <see cref="ScreeningSubmission.SubmissionId"/> already in the log (checked in the
    /// recording transaction, and by the database's unique index when two arrive at once), nothing is stored and
    /// <see cref="SubmissionAlreadyRecordedException"/> names the entry recorded with it.
    /// </summary>
    Task<LoggedScreening> RecordScreeningAsync(ScreeningSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a corrected screening as a new entry that points to the one it corrects, with the reason, in one
    /// transaction as <see cref="RecordScreeningAsync"/> does (same failures). The corrected entry is never changed.
    /// Throws <see cref="KeyNotFoundException"/> when there is no screening <paramref name="correctsScreeningId"/>, and
    /// <see cref="ScreeningAlreadyCorrectedException"/> when a correction of it was stored first (a screening is corrected
    /// once; a later correction corrects the latest one).
    /// </summary>
    Task<LoggedScreening> RecordCorrectionAsync(Guid correctsScreeningId, string reason, ScreeningSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>The screening recorded with a submission id, or null when none was (<see cref="ScreeningSubmission.SubmissionId"/>).</summary>
    Task<RecordedSubmission?> FindSubmissionAsync(Guid submissionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A screening with its overrides; null if there is none. Throws <see cref="DecisionLogEntryUnreadableException"/>
    /// when its stored content (or an override's) cannot be read: the app never writes such an entry.
    /// </summary>
    Task<LoggedScreening?> FindScreeningAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A patient's screenings, newest first; an entry that cannot be read is named in <see cref="PatientScreenings.Unreadable"/>.</summary>
    Task<PatientScreenings> ListScreeningsForPatientAsync(string patientReference, CancellationToken cancellationToken = default);

    /// <summary>
    /// The screenings recorded later that re-screen or correct screening <paramref name="id"/>, newest first (read by
    /// the indexed related-entry column, never by scanning the log). Empty when there are none.
    /// </summary>
    Task<LaterScreenings> FindLaterScreeningsAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The later screenings of each of <paramref name="ids"/> (as <see cref="FindLaterScreeningsAsync(Guid, CancellationToken)"/>),
    /// read in one query: a patient's list is not one query per screening. Every id is a key; one with none has empty lists.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, LaterScreenings>> FindLaterScreeningsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    Task<LoggedOverride> RecordOverrideAsync(OverrideSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Records a CDS Hooks answer that is not a screening (see <see cref="HookAnswerSubmission"/>), before it is sent.</summary>
    Task<LoggedHookAnswer> RecordHookAnswerAsync(HookAnswerSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Verifies the whole log in bounded memory.</summary>
    Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
