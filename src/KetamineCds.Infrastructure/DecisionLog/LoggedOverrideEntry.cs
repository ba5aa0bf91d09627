namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// An override entry as the auditor reads it on its own page: the override (who, when, the role, the decision, the
/// reason and the clinician's words), its place in the chain (sequence, hash and previous hash, as stored), and the entry
/// it was recorded against.
/// </summary>
/// <param name="Override">The override, read from the entry as the screening's page reads it.</param>
/// <param name="Sequence">The entry's place in the chain.</param>
/// <param name="CorrelationId">The request's correlation id.</param>
/// <param name="PatientReference">The patient, as copied from the entry overridden.</param>
/// <param name="Hash">The entry's stored hash.</param>
/// <param name="PreviousHash">The stored hash of the entry before it, as this entry links to it.</param>
/// <param name="Overridden">The entry overridden; null when the log holds no screening or EHR answer with that id.</param>
public sealed record LoggedOverrideEntry(
    LoggedOverride Override, long Sequence, string CorrelationId, string PatientReference, string Hash, string PreviousHash, OverriddenEntry? Overridden);

/// <summary>
/// The entry an override was recorded against: a screening or an EHR answer, its place in the chain, and its verdict as
/// logged (null when that entry no longer gives its own hash: its page says why).
/// </summary>
public sealed record OverriddenEntry(Guid Id, long Sequence, string EntryType, string? Overall)
{
    /// <summary>
    /// For an override an EHR reported through CDS Hooks feedback (which names no user): the EHR user (<c>context.userId</c>)
    /// the hook call that recorded this entry named, to whom the overridden card was shown; not necessarily who acted on
    /// it. Null otherwise, and when this entry no longer gives its hash (<see cref="DecisionLogAudit.FeedbackCardShownTo"/>).
    /// </summary>
    public string? CardShownTo { get; init; }
}
