using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// The contract's demo accounts (shared/api/screening-v1.md, "Authentication"), one per role. They are created
/// only in the Development environment, or where configuration sets <c>DemoAccounts:Enabled</c> explicitly.
/// </summary>
public static partial class DemoAccounts
{
    /// <summary>The demo password; public knowledge by design, never valid outside Development.</summary>
    public const string Password = "Demo!Passw0rd1";

    /// <summary>
    /// Whether <paramref name="password"/> is the published demo password, also with spaces around it (QA132 F10): never
    /// a real account's password, whatever else it passes.
    /// </summary>
    public static bool IsPublishedPassword(string? password) => string.Equals(password?.Trim(), Password, StringComparison.Ordinal);

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
            // Recorded as an administrator's creation is, so that the account's events start here (AccountCreations).
            await AccountCreations.RecordAtStartUpAsync(services, user, role);
        }
    }

    /// <summary>
    /// Outside Development the first administrator comes from configuration (<c>Bootstrap:AdminEmail</c> and
    /// <c>Bootstrap:AdminPassword</c>, e.g. environment variables or a secret store), and only while no usable
    /// administrator exists: an administrator locked for good (an administrator's lock, or a demo account locked at
    /// start-up, <see cref="DemoAccountLock"/>) does not count. After that, administrators manage accounts from the
    /// Admin pages, and a configured <c>Bootstrap:AdminEmail</c> naming another account is ignored, which is logged.
    /// The administrator is always a new account with the configured password, to be changed at first sign-in: an
    /// existing account is never promoted (one with a clinical or audit role stops the start-up; one with no role is
    /// logged as an error and left as it is), unless it is one the bootstrap itself left half-made: no role, the
    /// configured password still its own and never changed.
    /// </summary>
    public static async Task EnsureBootstrapAdminAsync(IServiceProvider services, IConfiguration configuration, ILogger? logger = null)
    {
        logger ??= Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var usable = (await users.GetUsersInRoleAsync(Roles.Admin))
            .Where(a => !Pages.Admin.Users.EditModel.IsAdministratorLock(a.LockoutEnd))
            .Select(a => a.Email ?? a.UserName ?? a.Id)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (!string.IsNullOrEmpty(password) && usable.Count > 0)
        {
            // QA302 F12: the first administrator's password left in the configuration (docs/security.md asks to remove it).
            LogBootstrapPasswordStillSet(logger, string.Join(", ", usable));
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            if (usable.Count == 0)
            {
                LogNoUsableAdministrator(logger);
            }

            return;
        }

        if (usable.Count > 0)
        {
            if (!usable.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                LogBootstrapIgnored(logger, email, string.Join(", ", usable));
            }

            return;
        }

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            // The password sits in configuration, so the administrator must replace it at first sign-in. Identity checks
            // it against the password policy and the common-password list like any other.
            admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", MustChangePassword = true };
            CheckBootstrap(await users.CreateAsync(admin, password), email);
            // Recorded at once, before the role is given: a start that stops in between finishes the account at the next
            // start without making it again, and its creation is in the log either way (AccountCreations).
            await AccountCreations.RecordAtStartUpAsync(services, admin, Roles.Admin);
        }
        else if (await users.IsInRoleAsync(admin, Roles.Admin))
        {
            // An administrator locked for good (no usable one is left): the configuration cannot unlock it.
            LogBootstrapLocked(logger, email);
            return;
        }
        else if (Roles.Conflict([.. await users.GetRolesAsync(admin), Roles.Admin]) is { } conflict)
        {
            throw new InvalidOperationException($"Bootstrap:AdminEmail names the existing account {email}, which cannot become the administrator: {conflict}");
        }
        else if (!(admin.MustChangePassword && await users.CheckPasswordAsync(admin, password)))
        {
            // An existing account with no role (all its roles removed) is never made the administrator (QA10c O1): it
            // would keep its own password, which the configuration's holder does not know and someone else may, and
            // resetting that password instead would take over a person's account and its history in the logs. The app
            // starts, and the log says what to do.
            LogBootstrapExistingAccount(logger, email);
            return;
        }

        // Otherwise the account still holds the configured password, never changed (a bootstrap stopped between creating
        // the account and giving it the role): only the configuration's holder can sign in to it, so it is finished.

        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        LogBootstrapCreated(logger, email);
    }

    /// <summary>
    /// Outside Development the app refuses to start when <c>Bootstrap:AdminEmail</c> is a demo address: demo accounts
    /// are locked there at every start (<see cref="DemoAccountLock"/>).
    /// </summary>
    public static void RefuseDemoBootstrapAdminOutsideDevelopment(IHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsDevelopment() && DemoAccountLock.IsDemoAddress(configuration["Bootstrap:AdminEmail"]?.Trim()))
        {
            throw new InvalidOperationException($"Refusing to start: Bootstrap:AdminEmail is a demo address (@{DemoAccountLock.Domain}) outside the Development environment; name the clinic's own administrator.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrap:AdminEmail {Email} is ignored: a usable administrator exists ({Administrators}). The first administrator comes from configuration only while none exists; administrators manage accounts on /Admin/Users.")]
    private static partial void LogBootstrapIgnored(ILogger logger, string email, string administrators);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrap:AdminPassword is still set, but a usable administrator exists ({Administrators}), so it is not read. Remove Bootstrap:AdminPassword and Bootstrap:AdminEmail from the configuration (with Docker: KETAMINECDS_ADMIN_PASSWORD and KETAMINECDS_ADMIN_EMAIL in .env) once the first administrator has signed in and changed that password: a password kept in configuration is one more copy to guard (docs/security.md, \"Demo accounts outside Development\").")]
    private static partial void LogBootstrapPasswordStillSet(ILogger logger, string administrators);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrap:AdminEmail {Email} names an administrator locked for good, and no usable administrator exists; configuration does not unlock it (docs/security.md, \"Demo accounts outside Development\").")]
    private static partial void LogBootstrapLocked(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bootstrap:AdminEmail {Email} names an existing account that is not an administrator; it was not made one (it would keep its own password, not Bootstrap:AdminPassword). No usable administrator exists, so nobody can manage accounts: set Bootstrap:AdminEmail to an address that has no account yet and restart, and the app creates the administrator with Bootstrap:AdminPassword, to be changed at first sign-in (docs/security.md, \"Demo accounts outside Development\").")]
    private static partial void LogBootstrapExistingAccount(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap administrator {Email} created from Bootstrap:AdminEmail (no usable administrator existed); the password must be changed at first sign-in.")]
    private static partial void LogBootstrapCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No usable administrator exists (none, or all locked for good) and Bootstrap:AdminEmail with Bootstrap:AdminPassword is not set: nobody can manage accounts. Set them and restart (docs/security.md).")]
    private static partial void LogNoUsableAdministrator(ILogger logger);

    /// <summary>
    /// The first administrator could not be created: the message names the setting to fix (QA96 F5),
    /// <c>Bootstrap:AdminPassword</c> when only the password was refused (policy, common-password list).
    /// </summary>
    private static void CheckBootstrap(IdentityResult result, string email)
    {
        if (result.Succeeded)
        {
            return;
        }

        var setting = result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
            ? "Bootstrap:AdminPassword"
            : "Bootstrap:AdminEmail or Bootstrap:AdminPassword";
        throw new InvalidOperationException(
            $"{setting} is refused: the first administrator {email} could not be created: "
            + string.Join("; ", result.Errors.Select(e => e.Description))
            + $" Set {setting} to another value and restart.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding identity failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
