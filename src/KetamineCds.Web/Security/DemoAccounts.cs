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

    /// <summary>
    /// The demo accounts' password: the published one in Development; outside Development only a password the
    /// administrator configured in <c>DemoAccounts:Password</c>, never the published one.
    /// </summary>
    public static string PasswordFor(IHostEnvironment environment, IConfiguration configuration)
    {
        var configured = configuration["DemoAccounts:Password"];
        if (environment.IsDevelopment())
        {
            return string.IsNullOrEmpty(configured) ? Password : configured;
        }

        if (string.IsNullOrEmpty(configured))
        {
            throw new InvalidOperationException("DemoAccounts:Enabled is set outside Development, so DemoAccounts:Password must be configured (and must not be the published demo password).");
        }

        return configured;
    }

    /// <summary>
    /// Outside Development the app refuses to start when the published demo password appears anywhere in its
    /// configuration (demo accounts, a bootstrap administrator, anything): it is public knowledge.
    /// </summary>
    public static void RefuseDemoPasswordOutsideDevelopment(IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var key = configuration.AsEnumerable().FirstOrDefault(kv => string.Equals(kv.Value, Password, StringComparison.Ordinal)).Key;
        if (key is not null)
        {
            throw new InvalidOperationException($"Refusing to start: the published demo password is configured in '{key}' outside the Development environment.");
        }
    }

    /// <summary>Creates the roles, and the demo accounts where enabled. Idempotent.</summary>
    public static async Task SeedAsync(IServiceProvider services, bool withDemoAccounts, string password = Password)
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
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    /// <summary>
    /// Outside Development the first administrator comes from configuration (<c>Bootstrap:AdminEmail</c> and
    /// <c>Bootstrap:AdminPassword</c>, e.g. environment variables or a secret store), and only while no administrator
    /// exists; after that, administrators manage accounts from the Admin pages.
    /// </summary>
    public static async Task EnsureBootstrapAdminAsync(IServiceProvider services, IConfiguration configuration)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            // The password sits in configuration, so the administrator must replace it at first sign-in. Identity checks
            // it against the password policy and the common-password list like any other.
            admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", MustChangePassword = true };
            Check(await users.CreateAsync(admin, password));
        }
        else if (Roles.Conflict([.. await users.GetRolesAsync(admin), Roles.Admin]) is { } conflict)
        {
            throw new InvalidOperationException($"Bootstrap:AdminEmail names the existing account {email}, which cannot become the administrator: {conflict}");
        }

        Check(await users.AddToRoleAsync(admin, Roles.Admin));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding identity failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
