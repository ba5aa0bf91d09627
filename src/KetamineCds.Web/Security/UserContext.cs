using System.Security.Claims;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;

namespace KetamineCds.Web.Security;

/// <summary>Who is acting, as the decision log and the access audit record it.</summary>
public static class UserContext
{
    /// <summary>The signed-in user as an <see cref="Actor"/>, acting in <paramref name="preferredRole"/> when they hold it.</summary>
    public static Actor ToActor(this ClaimsPrincipal user, string? preferredRole = null) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
            user.ActingRole(preferredRole) ?? "");

    /// <summary>The role the user acts in: the preferred one if held, else the first of the known roles they hold.</summary>
    public static string? ActingRole(this ClaimsPrincipal user, string? preferredRole = null) =>
        preferredRole is not null && user.IsInRole(preferredRole) ? preferredRole : Roles.All.FirstOrDefault(user.IsInRole);
}
