namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>An access event as the audit log holds it.</summary>
public sealed record LoggedAccessEvent(
    Guid Id, long Sequence, DateTimeOffset OccurredAt, string Kind, string UserEmail, string? Role, string? Subject, string? Detail, string CorrelationId)
{
    /// <summary>
    /// The event's stored content no longer matches the hash it was recorded with (edited behind the app's back); set by
    /// the export, which marks such an event as the decision log's export marks an entry (QA10c S3).
    /// </summary>
    public bool Unreadable { get; init; }
}
