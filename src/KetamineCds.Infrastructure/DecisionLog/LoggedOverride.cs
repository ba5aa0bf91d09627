namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>An override as the decision log holds it.</summary>
public sealed record LoggedOverride(Guid Id, Guid ScreeningId, DateTimeOffset RecordedAt, Actor RecordedBy, OverrideDecision Decision, OverrideReason Reason, string Explanation);
