namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// What names a decision-log entry of any type, whatever it holds: its place in the chain (sequence, its stored hash and
/// the previous entry's hash it links to), when it was recorded, by whom, and for which patient. Read only from an entry
/// that still gives the hash it was recorded with, from the read of the entry its page makes anyway
/// (<see cref="LoggedHookAnswerEntry.Header"/>, <see cref="ReplayResult.Header"/>), so that an auditor can match a printed
/// page against a checkpoint or an export.
/// </summary>
/// <param name="Id">The entry's id.</param>
/// <param name="Sequence">Its place in the chain.</param>
/// <param name="EntryType">Its type (<see cref="DecisionLogEntryTypes"/>).</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="RecordedBy">Who recorded it (for a CDS Hooks answer, the EHR user the call named), in the role recorded.</param>
/// <param name="PatientReference">The patient, as recorded.</param>
/// <param name="Hash">The entry's stored hash.</param>
/// <param name="PreviousHash">The stored hash of the entry before it, as this entry links to it.</param>
public sealed record LoggedEntryHeader(
    Guid Id, long Sequence, string EntryType, DateTimeOffset RecordedAt, Actor RecordedBy, string PatientReference, string Hash, string PreviousHash);
