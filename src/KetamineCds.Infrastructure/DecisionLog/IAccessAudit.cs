namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Records access events, append-only.</summary>
public interface IAccessAudit
{
    Task RecordAsync(AccessEvent accessEvent, CancellationToken cancellationToken = default);
}
