using System.Diagnostics;
using System.Security.Claims;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;

namespace KetamineCds.Web.Audit;

/// <summary>Who is asking and under which correlation id, for the access audit.</summary>
public static class AuditRequest
{
    /// <summary>The authorization policy of the auditor's workspace; Program.cs defines it (Auditor role).</summary>
    public const string Policy = "Audit";

    public static string Email(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "(unknown)";

    public static string? Role(ClaimsPrincipal user) => Roles.All.FirstOrDefault(user.IsInRole);

    public static string CorrelationId(HttpContext context) =>
        context.Request.Headers["X-Correlation-Id"].FirstOrDefault() is { Length: > 0 and <= 128 } header
            ? header
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    /// <summary>Appends an access event for the current user.</summary>
    public static Task RecordAsync(this IAccessAudit audit, HttpContext context, AccessEventKind kind, string? subject, string? detail = null) =>
        audit.RecordAsync(
            new AccessEvent(kind, Email(context.User), Role(context.User), subject, detail, CorrelationId(context)),
            context.RequestAborted);
}
