namespace KetamineCds.Infrastructure.Identity;

/// <summary>The four roles and what they may do (enforced by authorization policies).</summary>
public static class Roles
{
    /// <summary>Creates screenings, records overrides, reads and prints screenings.</summary>
    public const string Psychiatrist = "Psychiatrist";

    /// <summary>Reads and prints screenings.</summary>
    public const string ClinicStaff = "ClinicStaff";

    /// <summary>Audit workspace, verification, replay, impact analysis, exports; reads screenings.</summary>
    public const string Auditor = "Auditor";

    /// <summary>Users and roles; no clinical data.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Psychiatrist, ClinicStaff, Auditor, Admin];

    /// <summary>
    /// Roles that see clinical data or audit it. An administrator manages accounts, so one account holding Admin and
    /// any of these could grant itself access and then review its own actions: the two are kept apart.
    /// </summary>
    public static IReadOnlyList<string> ClinicalOrAudit { get; } = [Psychiatrist, ClinicStaff, Auditor];

    /// <summary>
    /// The clinical or audit roles of this set that clash with Admin (in the order of <see cref="ClinicalOrAudit"/>);
    /// empty when the set has no Admin or no such role, so one account may hold it.
    /// </summary>
    public static IReadOnlyList<string> ClashingWithAdmin(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return held.Contains(Admin) ? [.. ClinicalOrAudit.Where(held.Contains)] : [];
    }

    /// <summary>
    /// Why this set of roles may not be held by one account, or null when it may: Admin together with a clinical
    /// or audit role. In English, for logs and start-up errors; the pages word it in their language (the web app's
    /// <c>RoleNames.Conflict</c>).
    /// </summary>
    public static string? Conflict(IEnumerable<string> roles)
    {
        var clashing = ClashingWithAdmin(roles);
        return clashing.Count == 0
            ? null
            : $"Admin cannot be combined with {string.Join(" or ", clashing)}: an administrator manages accounts and must not also see or audit clinical records. Use two separate accounts.";
    }
}
