namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>An access event as the audit log holds it.</summary>
public sealed record LoggedAccessEvent(
    Guid Id, long Sequence, DateTimeOffset OccurredAt, string Kind, string UserEmail, string? Role, string? Subject, string? Detail, string CorrelationId);
