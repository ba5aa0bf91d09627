namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>One access event: who, what, when.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="UserEmail">Who (the attempted user name for a failed sign-in).</param>
/// <param name="Role">The role acted in, if signed in.</param>
/// <param name="Subject">What was accessed, e.g. a screening id; null for sign-ins.</param>
/// <param name="Detail">Anything else worth keeping (never a password).</param>
/// <param name="CorrelationId">The request's correlation id.</param>
public sealed record AccessEvent(AccessEventKind Kind, string UserEmail, string? Role, string? Subject, string? Detail, string CorrelationId);
