using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Startup;

/// <summary>Prepares the database at start-up: migrations, roles and (Development only) the demo accounts, and the
/// first administrator from configuration; outside Development, demo accounts found are locked (DemoAccountLock).</summary>
public static partial class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.MigrateKetamineCdsDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var demo = DemoAccounts.AreEnabled(app.Environment, app.Configuration);
        await DemoAccounts.SeedAsync(scope.ServiceProvider, demo, demo ? DemoAccounts.PasswordFor(app.Environment, app.Configuration) : DemoAccounts.Password);
        await DemoAccountLock.LockOutsideDevelopmentAsync(scope.ServiceProvider, app.Environment, app.Configuration, app.Logger);
        await DemoAccounts.EnsureBootstrapAdminAsync(scope.ServiceProvider, app.Configuration, app.Logger);
        if (app.Services.GetService<UnencryptedDataProtectionKeys>() is not null)
        {
            LogUnencryptedKeys(app.Logger);
        }

        await WarnAboutConflictingRolesAsync(scope.ServiceProvider, app.Logger);
    }

    /// <summary>
    /// Accounts given Admin together with a clinical or audit role before that was refused keep working; the users page
    /// and this start-up warning ask an administrator to remove one of the roles.
    /// </summary>
    private static async Task WarnAboutConflictingRolesAsync(IServiceProvider services, ILogger logger)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var admin in await users.GetUsersInRoleAsync(Roles.Admin))
        {
            if (Roles.Conflict(await users.GetRolesAsync(admin)) is { } conflict)
            {
                logger.LogWarning("Account {UserId} holds conflicting roles: {Conflict}", admin.Id, conflict);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DataProtection:CertificatePath is not set: the data-protection keys (which protect sign-in cookies and tokens) are stored in the database unencrypted. See docs/security.md.")]
    private static partial void LogUnencryptedKeys(ILogger logger);
}
