using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace KetamineCds.Web.Security;

/// <summary>The authorization policies; every page and endpoint names one (links in the menu are convenience only).</summary>
public static class Policies
{
    /// <summary>Create a screening: Psychiatrist.</summary>
    public const string CreateScreening = "CreateScreening";

    /// <summary>Read and print screenings: Psychiatrist, ClinicStaff, Auditor.</summary>
    public const string ReadScreening = "ReadScreening";

    /// <summary>The audit workspace: Auditor.</summary>
    public const string Audit = "Audit";

    /// <summary>Users and roles: Admin.</summary>
    public const string Admin = "Admin";

    /// <summary>Any signed-in user, whatever the role.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Adds the policies; the fallback policy requires a signed-in user wherever nothing else is said.</summary>
    public static AuthorizationBuilder AddKetamineCdsPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(CreateScreening, p => p.RequireRole(Roles.Psychiatrist))
        .AddPolicy(ReadScreening, p => p.RequireRole(Roles.Psychiatrist, Roles.ClinicStaff, Roles.Auditor))
        .AddPolicy(Audit, p => p.RequireRole(Roles.Auditor))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
