namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Through one rule: in how many changed screenings it newly fired, in how many it stopped firing, and in how many it
/// fired before and after with another kind or severity (SUI-008 from a requirement to a caution in 1.2.0).
/// </summary>
public sealed record RuleImpact(string RuleId, long NewlyFired, long StoppedFiring, long ChangedKindOrSeverity = 0);
