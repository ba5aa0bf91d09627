namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// An override as the decision log holds it. <see cref="Decision"/> and <see cref="Reason"/> are null when the override
/// stated none: an EHR's CDS Hooks feedback "overridden" without an override reason says only that the clinician did not
/// act on the card (QA141 F3). Entries recorded before then always hold both.
/// </summary>
public sealed record LoggedOverride(Guid Id, Guid ScreeningId, DateTimeOffset RecordedAt, Actor RecordedBy, OverrideDecision? Decision, OverrideReason? Reason, string Explanation);
