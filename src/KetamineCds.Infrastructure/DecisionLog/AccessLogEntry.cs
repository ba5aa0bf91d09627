namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>One access event row: append-only and hash-chained like the decision log.</summary>
public sealed class AccessLogEntry
{
    public long Sequence { get; set; }

    public Guid Id { get; set; }

    /// <summary>The <see cref="AccessEventKind"/> in kebab case, e.g. <c>view-screening</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public string UserEmail { get; set; } = "";

    public string? Role { get; set; }

    public string? Subject { get; set; }

    public string? Detail { get; set; }

    public string CorrelationId { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
