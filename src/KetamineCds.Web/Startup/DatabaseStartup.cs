using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;
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
        var settings = app.Services.GetRequiredService<KetamineCdsDatabaseSettings>();
        try
        {
            var applied = await app.Services.MigrateKetamineCdsDatabaseAsync();
            if (applied.Count > 0)
            {
                LogMigrationsApplied(app.Logger, applied.Count, string.Join(", ", applied));
            }
            else
            {
                LogSchemaUpToDate(app.Logger);
            }
        }
        catch (Exception exception) when (settings.Provider == DatabaseProvider.Postgres && StartupDatabaseException.FindNpgsql(exception) is { } npgsql)
        {
            var setting = settings.MigrationsConnectionString == settings.ConnectionString ? "ConnectionStrings:KetamineCds" : "ConnectionStrings:KetamineCdsMigrations";
            throw new StartupDatabaseException(setting, settings.MigrationsConnectionString, "Migrating the database", npgsql);
        }

        try
        {
            await PrepareAccountsAsync(app, settings);
        }
        catch (Exception exception) when (settings.Provider == DatabaseProvider.Postgres && StartupDatabaseException.FindNpgsql(exception) is { } npgsql)
        {
            throw new StartupDatabaseException("ConnectionStrings:KetamineCds", settings.ConnectionString, "Preparing the accounts", npgsql);
        }
    }

    private static async Task PrepareAccountsAsync(WebApplication app, KetamineCdsDatabaseSettings settings)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (settings.Provider == DatabaseProvider.Postgres
            && await DatabaseRoles.AppConnectionCanChangeLogsAsync(scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>()) is { } why)
        {
            LogAppCanChangeLogs(app.Logger, why);
        }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations applied at start ({Count}): {Migrations}")]
    private static partial void LogMigrationsApplied(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database schema is up to date: no migration to apply.")]
    private static partial void LogSchemaUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DataProtection:CertificatePath is not set: the data-protection keys (which protect sign-in cookies and tokens) are stored in the database unencrypted. See docs/security.md.")]
    private static partial void LogUnencryptedKeys(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The app's own connection (ConnectionStrings:KetamineCds) {Reason}: it could switch the append-only triggers off and change or delete decision and access log entries, so the database no longer keeps the app from changing the log. Connect the app as a role that may only insert and read the logs, and run migrations as the owner through ConnectionStrings:KetamineCdsMigrations with Database:AppRole set (README, docs/security.md).")]
    private static partial void LogAppCanChangeLogs(ILogger logger, string reason);
}
