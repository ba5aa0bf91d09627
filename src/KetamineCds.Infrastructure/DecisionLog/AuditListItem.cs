namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// One entry in the auditor's list: a screening, a CDS Hooks answer that ran no rules because the chart lacked a
/// required item (<see cref="EntryType"/> <c>hook-answer</c>, overall <c>incomplete</c>, no rule set), or an override
/// (<see cref="EntryType"/> <c>override</c>: no verdict, no rule set; <see cref="Override"/>, <see cref="OverrideOf"/>).
/// <see cref="Corrects"/> names the screening a correction (with a reason) corrects; <see cref="RescreenOf"/> the
/// earlier screening a re-screen started from, which is never a correction.
/// </summary>
public sealed record AuditListItem(
    Guid Id, long Sequence, DateTimeOffset RecordedAt, string ClinicianEmail, string ClinicianRole, string PatientReference,
    string Overall, string RuleSetVersion, string RuleSetDigest, string CorrelationId, Guid? Corrects,
    string EntryType = DecisionLogEntryTypes.Screening, Guid? RescreenOf = null)
{
    /// <summary>
    /// The entry's stored content (input, history, result or origin), or an override recorded against it, cannot be
    /// read as the app wrote it, so its page can show nothing of it: the log may have been altered. Listed and marked,
    /// never the reason the list fails.
    /// </summary>
    public bool Unreadable { get; init; }

    /// <summary>
    /// The EHR (its CDS Hooks <c>iss</c>) an entry came from (QA255): for a CDS Hooks answer or an EHR screening the issuer
    /// of the call (<see cref="ClinicianEmail"/> is then the EHR user the call named, its <c>context.userId</c>); for an
    /// override the EHR reported through feedback, the issuer again (feedback names no user). Null for an entry a
    /// clinician recorded in the app, and when the stored origin cannot be read.
    /// </summary>
    public string? Issuer { get; init; }

    /// <summary>
    /// For an override an EHR reported through CDS Hooks feedback (which names no user): the EHR user (<c>context.userId</c>)
    /// the overridden card was shown to, as the hook call that recorded the overridden entry named it; not necessarily who
    /// acted on it. Null otherwise (<see cref="DecisionLogAudit.FeedbackCardShownTo"/>). Not exported: the CSV's columns
    /// are its contract's.
    /// </summary>
    public string? CardShownTo { get; init; }

    /// <summary>How many overrides are recorded against the entry (a clinician's, or an EHR's CDS Hooks feedback).</summary>
    public int Overrides { get; init; }

    /// <summary>
    /// The newest correction of this entry (a later screening that <see cref="Corrects"/> it, with a reason), if any:
    /// the entry that says what this one should have said, so this one is no longer the live decision. Null otherwise.
    /// </summary>
    public Guid? CorrectedBy { get; init; }

    /// <summary>The sequence of <see cref="CorrectedBy"/> (the list names entries by it).</summary>
    public long? CorrectedBySequence { get; init; }

    /// <summary>A correction's reason, as the clinician wrote it; null for an entry that corrects nothing.</summary>
    public string? CorrectionReason { get; init; }

    /// <summary>
    /// An override entry (<see cref="EntryType"/> <c>override</c>, exported as a row of its own, QA14a P3): what it
    /// overrides, its decision, reason and explanation (the clinician is <see cref="ClinicianEmail"/>); null on other
    /// entries and on an override whose stored content cannot be read (<see cref="Unreadable"/>).
    /// </summary>
    public LoggedOverride? Override { get; init; }

    /// <summary>The entry an override overrides (also when its content cannot be read); null on other entries.</summary>
    public Guid? OverrideOf { get; init; }

    /// <summary>
    /// The place in the chain and the type (<see cref="DecisionLogEntryTypes"/>) of <see cref="OverrideOf"/>, by which the
    /// list names and links it; null on other entries, and when the log holds no screening or EHR answer with that id.
    /// </summary>
    public (long Sequence, string EntryType)? Overridden { get; init; }
}
