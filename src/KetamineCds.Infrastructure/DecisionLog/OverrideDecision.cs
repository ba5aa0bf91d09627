namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>What the clinician decided against (or in spite of) the recommendation.</summary>
public enum OverrideDecision { Proceed, DoNotProceed }
