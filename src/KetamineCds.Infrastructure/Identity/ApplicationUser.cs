using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Infrastructure.Identity;

/// <summary>A person who signs in: psychiatrist, clinic staff, auditor or administrator.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>Name shown on printed rationales and in the audit log.</summary>
    public string? DisplayName { get; set; }
}

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
}
