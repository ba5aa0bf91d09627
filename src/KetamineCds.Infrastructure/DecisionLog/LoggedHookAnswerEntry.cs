namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A recorded CDS Hooks answer that ran no rules, as the auditor reads it: who asked (the EHR user, through the client
/// named in <see cref="Origin"/>), when, for which patient, which required or safety items the chart did not hold, and
/// the call itself (hook, hookInstance, cards, the FHIR data given). <see cref="InputJson"/> is the stored, hashed text.
/// </summary>
public sealed record LoggedHookAnswerEntry(
    Guid Id,
    long Sequence,
    DateTimeOffset RecordedAt,
    Actor AskedBy,
    string CorrelationId,
    string PatientReference,
    IReadOnlyList<string> MissingItems,
    HookOrigin Origin,
    string InputJson);
