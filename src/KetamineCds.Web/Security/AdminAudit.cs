using System.Security.Claims;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Security;

/// <summary>Builds the audit event for an administrator's action on an account.</summary>
internal static class AdminAudit
{
    public static AccessEvent Event(ClaimsPrincipal admin, HttpContext context, string what, string subjectUserId) =>
        new(AccessEventKind.UserAdministration,
            admin.FindFirstValue(ClaimTypes.Email) ?? admin.Identity?.Name ?? "unknown",
            Infrastructure.Identity.Roles.Admin,
            "user:" + subjectUserId,
            what,
            context.TraceIdentifier);
}
