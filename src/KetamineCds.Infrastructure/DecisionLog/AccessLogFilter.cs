namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// What the auditor filters the access log by; every criterion is optional. <c>To</c> is exclusive. The user's email
/// and the subject are matched whole, in any letter case (an email is recorded as it was typed at sign-in, a patient's
/// reference as the clinician typed it).
/// </summary>
public sealed record AccessLogFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? UserEmail = null,
    AccessEventKind? Kind = null,
    string? Subject = null);
