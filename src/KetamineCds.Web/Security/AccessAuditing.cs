using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Startup;

namespace KetamineCds.Web.Security;

/// <summary>
/// The one way the web app builds an access event: who (the signed-in user, or the attempted email of a sign-in),
/// the role they act in, and the request's correlation id as <see cref="CorrelationId"/> sanitised it (never the raw
/// header). The access audit then fits every value to its column (<see cref="LogText"/>).
/// </summary>
public static class AccessAuditing
{
    /// <summary>Appends an access event for the current request's user.</summary>
    /// <param name="audit">The access audit.</param>
    /// <param name="context">The request.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="subject">What was accessed, e.g. a screening id.</param>
    /// <param name="detail">Anything else worth keeping (never a password).</param>
    /// <param name="role">The role acted in, if it matters which; else the first the user holds.</param>
    /// <remarks>
    /// Not cancelled with the request: an attempt is recorded even when its caller hangs up (a failed sign-in above all).
    /// </remarks>
    public static Task RecordAsync(this IAccessAudit audit, HttpContext context, AccessEventKind kind, string? subject, string? detail = null, string? role = null) =>
        audit.RecordAsync(
            new AccessEvent(kind, context.User.ToActor().Email is { Length: > 0 } email ? email : "(unknown)", context.User.ActingRole(role), subject, detail, context.GetCorrelationId()),
            CancellationToken.None);

    /// <summary>Appends a sign-in event for the attempted email (not yet, or never, a signed-in user).</summary>
    public static Task RecordSignInAsync(this IAccessAudit audit, HttpContext context, AccessEventKind kind, string attemptedEmail, string channel) =>
        audit.RecordAsync(new AccessEvent(kind, attemptedEmail, null, null, channel, context.GetCorrelationId()), CancellationToken.None);
}
