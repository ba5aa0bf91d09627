namespace KetamineCds.Web.Audit;

/// <summary>
/// A check newer than the last full verification that did not verify the decision log (a check from the newest
/// checkpoint, the checkpoint writer's before signing), or whose record was altered.
/// </summary>
/// <param name="At">When it ran.</param>
/// <param name="By">Who ran it: an auditor's email, or <c>(checkpoint writer)</c>; null in <c>GET /api/v1/screenings</c> (the clinicians' list does not say who audits) and when its record was altered.</param>
/// <param name="RecordAltered">Its record in the access log was altered: what it says cannot be trusted.</param>
public sealed record LaterFailedCheck(DateTimeOffset At, string? By, bool RecordAltered);
