namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// One entry in the auditor's list: a screening, or a CDS Hooks answer that ran no rules because the chart lacked a
/// required item (<see cref="EntryType"/> <c>hook-answer</c>, overall <c>incomplete</c>, no rule set).
/// <see cref="Corrects"/> names the screening a correction (with a reason) corrects; <see cref="RescreenOf"/> the
/// earlier screening a re-screen started from, which is never a correction.
/// </summary>
public sealed record AuditListItem(
    Guid Id, long Sequence, DateTimeOffset RecordedAt, string ClinicianEmail, string ClinicianRole, string PatientReference,
    string Overall, string RuleSetVersion, string RuleSetDigest, string CorrelationId, Guid? Corrects,
    string EntryType = DecisionLogEntryTypes.Screening, Guid? RescreenOf = null);
