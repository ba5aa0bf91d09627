namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>An override to record against a logged screening.</summary>
public sealed record OverrideSubmission(Guid ScreeningId, OverrideDecision Decision, OverrideReason Reason, string Explanation, Actor Actor, string CorrelationId);
