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
            CdsHooks.CdsHookAnswering.EhrUserRole => localizer["EHR user"],
            // An override from a CDS Hooks client's feedback (helper 241: the override page showed "CdsHooksClient").
            CdsHooks.CdsHookAnswering.ClientRole => localizer["EHR client"],
            // A sign-in's or sign-out's roles, every one the account holds (Security.AccessAuditing.AccountRoles:
            // "Psychiatrist, Auditor"), each named, in the reader's list.
            _ when role?.Contains(Security.AccessAuditing.RoleSeparator, StringComparison.Ordinal) == true =>
                string.Join(ClinicalText.Shared.ListSeparator, role.Split(Security.AccessAuditing.RoleSeparator).Select(r => Of(r, localizer))),
            _ => role ?? "",
        };
    }

    /// <summary>
    /// The roles a recorded role names, each as <see cref="Of"/> names it and followed by the reader's list separator
    /// but the last (<c>"Psychiatrist,"</c>, <c>"精神科医生、"</c>), with whether a space stands between it and the next role
    /// (the separator's trailing space: English "Psychiatrist, Auditor") or none (Chinese "精神科医生、审计员", where the line
    /// may break all the same): the Role cells of the access log and of an entry's access history keep each role whole
    /// and let a sign-in's two roles stand on two lines (_Roles.cshtml). One piece for a single role, none for none.
    /// </summary>
    public static IReadOnlyList<(string Name, bool SpaceAfter)> Pieces(string? role, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (string.IsNullOrEmpty(role))
        {
            return [];
        }

        var roles = role.Split(Security.AccessAuditing.RoleSeparator);
        var separator = ClinicalText.Shared.ListSeparator;
        var mark = separator.TrimEnd();
        var spaced = mark.Length < separator.Length;
        return [.. roles.Select((r, i) => i < roles.Length - 1 ? (Of(r, localizer) + mark, spaced) : (Of(r, localizer), false))];
    }

    /// <summary>
    /// Why one account may not hold these roles, with the roles named as the role boxes name them, in the request's
    /// language; null when it may (<see cref="Roles.ClashingWithAdmin"/>).
    /// </summary>
    public static string? Conflict(IEnumerable<string> roles, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var clashing = Roles.ClashingWithAdmin(roles).Select(r => Of(r, localizer)).ToList();
        if (clashing.Count == 0)
        {
            return null;
        }

        var named = clashing.Count == 1
            ? clashing[0]
            : localizer["{0} or {1}", string.Join(ClinicalText.Shared.ListSeparator, clashing.SkipLast(1)), clashing[^1]].Value;
        return localizer["The Administrator role cannot be combined with {0}: an administrator manages accounts and must not also see or audit clinical records. Use two separate accounts.", named];
    }
}
