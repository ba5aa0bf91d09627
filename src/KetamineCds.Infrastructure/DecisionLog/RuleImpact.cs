namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Through one rule: in how many changed screenings it newly fired, and in how many it stopped firing.</summary>
public sealed record RuleImpact(string RuleId, long NewlyFired, long StoppedFiring);
