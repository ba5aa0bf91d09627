namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>One screening in the auditor's list.</summary>
public sealed record AuditListItem(
    Guid Id, long Sequence, DateTimeOffset RecordedAt, string ClinicianEmail, string ClinicianRole, string PatientReference,
    string Overall, string RuleSetVersion, string RuleSetDigest, string CorrelationId, Guid? Corrects);
