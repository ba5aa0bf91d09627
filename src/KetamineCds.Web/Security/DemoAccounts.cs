using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// The contract's demo accounts (shared/api/screening-v1.md, "Authentication"), one per role. They are created
/// only in the Development environment, or where configuration sets <c>DemoAccounts:Enabled</c> explicitly.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The demo password; public knowledge by design, never valid outside Development.</summary>
    public const string Password = "Demo!Passw0rd1";

    public static IReadOnlyList<(string Email, string Role, string DisplayName)> All { get; } =
    [
        ("psychiatrist@demo.local", Roles.Psychiatrist, "Dr Demo Psychiatrist"),
        ("staff@demo.local", Roles.ClinicStaff, "Demo Clinic Staff"),
        ("auditor@demo.local", Roles.Auditor, "Demo Auditor"),
        ("admin@demo.local", Roles.Admin, "Demo Administrator"),
    ];

    /// <summary>True when demo accounts should exist in this environment.</summary>
    public static bool AreEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>("DemoAccounts:Enabled") ?? environment.IsDevelopment();

    /// <summary>Creates the roles, and the demo accounts where enabled. Idempotent.</summary>
    public static async Task SeedAsync(IServiceProvider services, bool withDemoAccounts)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        if (!withDemoAccounts)
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, role, displayName) in All)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding identity failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
