using System.Security.Claims;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Startup;

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

/// <summary>Builds the audit event for a user's change to their own account (password, second factor).</summary>
internal static class AccountAudit
{
    public static AccessEvent Event(ClaimsPrincipal user, HttpContext context, Infrastructure.Identity.ApplicationUser account, string what) =>
        new(AccessEventKind.AccountSecurity,
            account.Email ?? account.UserName ?? account.Id,
            user.ActingRole(),
            "user:" + account.Id,
            what,
            context.GetCorrelationId());
}
