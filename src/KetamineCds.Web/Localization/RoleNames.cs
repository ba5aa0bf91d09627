using KetamineCds.Infrastructure.Identity;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Localization;

/// <summary>A role's name as people read it (the page header, the administrator's role boxes), in the request's language; the role's identifier is what configuration and messages use.</summary>
public static class RoleNames
{
    public static string Of(string? role, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return role switch
        {
            Roles.Psychiatrist => localizer["Psychiatrist"],
            Roles.ClinicStaff => localizer["Clinic staff"],
            Roles.Auditor => localizer["Auditor"],
            Roles.Admin => localizer["Administrator"],
            _ => role ?? "",
        };
    }
}
