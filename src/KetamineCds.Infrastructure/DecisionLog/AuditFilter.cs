using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>What the auditor filters the log by; every criterion is optional. <c>To</c> is exclusive.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Clinician = null,
    string? PatientReference = null,
    Verdict? Overall = null,
    string? RuleSetVersion = null);
