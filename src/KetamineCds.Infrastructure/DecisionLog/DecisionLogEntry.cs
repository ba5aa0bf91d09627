namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// One row of the decision log: a screening or an override. Rows are only ever inserted (the database rejects
/// UPDATE and DELETE); each carries the hash of its canonical form chained to the previous row's hash.
/// </summary>
public sealed class DecisionLogEntry
{
    /// <summary>Position in the chain, 1, 2, 3 ... assigned under the chain-head lock; the primary key.</summary>
    public long Sequence { get; set; }

    public Guid Id { get; set; }

    /// <summary><see cref="DecisionLogEntryTypes"/>.</summary>
    public string EntryType { get; set; } = DecisionLogEntryTypes.Screening;

    /// <summary>UTC, truncated to microseconds so that both databases hold exactly what was hashed.</summary>
    public DateTime RecordedAt { get; set; }

    public string ActorUserId { get; set; } = "";

    public string ActorEmail { get; set; } = "";

    public string ActorRole { get; set; } = "";

    public string CorrelationId { get; set; } = "";

    /// <summary>The patient the entry is about (copied onto overrides so the auditor's filters find them).</summary>
    public string PatientReference { get; set; } = "";

    /// <summary>
    /// How a patient reference is looked up (a person's search, the auditor's filter): without surrounding spaces and
    /// without letter case, so that MRN-12 and mrn-12, which a clinician reads as one patient, find each other; the
    /// reference stays stored and shown as it was recorded. The databases index <c>lower("PatientReference")</c> for it
    /// (migration <c>PatientReferenceAnyCase</c>). References are ASCII (the validator's pattern), so this lower-casing
    /// is the databases' own.
    /// </summary>
    public static string LookupKey(string patientReference) => patientReference.Trim().ToLowerInvariant();

    /// <summary>The overall verdict's contract spelling; screenings only.</summary>
    public string? Overall { get; set; }

    public string? RuleSetVersion { get; set; }

    public string? RuleSetDigest { get; set; }

    /// <summary>Screening: the input exactly as submitted. Override: the override as contract JSON.</summary>
    public string InputJson { get; set; } = "";

    /// <summary>Screening: the parsed history the engine evaluated, as contract JSON (what replay and impact analysis read).</summary>
    public string? HistoryJson { get; set; }

    /// <summary>Screening: the whole assessment as contract JSON, exactly as shown.</summary>
    public string? AssessmentJson { get; set; }

    /// <summary>
    /// Override: the screening it overrides. Screening with a <see cref="CorrectionReason"/>: the screening it
    /// corrects. Screening without one: the earlier screening it re-screens (its form was prefilled from that one).
    /// </summary>
    public Guid? RelatesToId { get; set; }

    /// <summary>Why a correction was made; null for entries that correct nothing.</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>
    /// The CDS Hooks call the entry answered (<see cref="HookOrigin.ToJson"/>), or null. Hashed only when present, so
    /// entries written before the column existed keep their hashes.
    /// </summary>
    public string? HookOriginJson { get; set; }

    /// <summary>
    /// Screening: the one-time id of the form or request that submitted it (<see cref="ScreeningSubmission.SubmissionId"/>),
    /// or null (entries written before the column existed, CDS Hooks answers, API requests without an idempotency key).
    /// Unique over the log, so the same submission sent twice is recorded once. Hashed only when present, so entries
    /// written before the column existed keep their hashes.
    /// </summary>
    public Guid? SubmissionId { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
