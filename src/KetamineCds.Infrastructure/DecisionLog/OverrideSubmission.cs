namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// An override to record against a logged decision: a screening, or a CDS Hooks answer that ran no screening (a clinician
/// who signs an order against the critical card of a contraindication the chart records).
/// </summary>
/// <param name="DecisionId">The id of the screening or hook-answer entry overridden.</param>
/// <param name="Decision">Proceed, or do not proceed; null when none was stated (an EHR's bare "overridden" feedback, QA141 F3).</param>
/// <param name="Reason">The reason chosen; null when none was given (that feedback again).</param>
/// <param name="Explanation">The clinician's words.</param>
/// <param name="Actor">Who overrode.</param>
/// <param name="CorrelationId">The request's correlation id.</param>
public sealed record OverrideSubmission(Guid DecisionId, OverrideDecision? Decision, OverrideReason? Reason, string Explanation, Actor Actor, string CorrelationId);
