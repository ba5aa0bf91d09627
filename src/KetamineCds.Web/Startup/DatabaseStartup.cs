using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KetamineCds.Web.Startup;

/// <summary>Prepares the database at start-up: migrations, roles and (Development only) the demo accounts, and the
/// first administrator from configuration; outside Development, demo accounts found are locked (DemoAccountLock).</summary>
public static partial class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // The settings checked at start (ValidateOnStart: Sessions, Clinic, Accounts) are checked before the first
        // migration, not when the host starts after them: a mistyped setting during an upgrade stopped the start with
        // the database already migrated, so the version that ran before could no longer be started on it.
        app.Services.GetService<IStartupValidator>()?.Validate();
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
            var ownerGiven = settings.MigrationsConnectionString != settings.ConnectionString;
            var setting = ownerGiven ? "ConnectionStrings:KetamineCdsMigrations" : "ConnectionStrings:KetamineCds";
            throw new StartupDatabaseException(setting, settings.MigrationsConnectionString, "Migrating the database", npgsql, MigrationRemedy(npgsql, ownerGiven));
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

    /// <summary>
    /// QA114 F5: what to fix when the server refused a migration for a reason that is not the connection: a user that
    /// may not create objects (the app's own role migrating), or an object another instance created a moment before
    /// (two instances migrating a new database at once). Null: the connection's own advice.
    /// </summary>
    public static string? MigrationRemedy(NpgsqlException exception, bool ownerGiven)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception as PostgresException)?.SqlState switch
        {
            PostgresErrorCodes.InsufficientPrivilege when !ownerGiven =>
                "Migrations create and change tables, so they need the database's owner: set ConnectionStrings:KetamineCdsMigrations to the owner's "
                + "connection string and Database:AppRole to the app's role (README, \"Production without Docker\", step 4); the app's own connection "
                + "(ConnectionStrings:KetamineCds) stays the app's role.",
            PostgresErrorCodes.InsufficientPrivilege =>
                "Migrations create and change tables, so the user of ConnectionStrings:KetamineCdsMigrations must own the database and its public "
                + "schema (README, \"Production without Docker\", step 4).",
            PostgresErrorCodes.DuplicateFunction or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject
                or PostgresErrorCodes.DuplicateSchema or PostgresErrorCodes.UniqueViolation =>
                "Another instance was most likely migrating the same database at the same time (start one instance first on a new database or "
                + "an upgrade, docs/operations.md): start this one again, and it finds the schema up to date. If no other instance was "
                + "starting, the database holds objects its migration history does not record: restore it from a backup or start on an empty database.",
            _ => null,
        };
    }

    private static async Task PrepareAccountsAsync(WebApplication app, KetamineCdsDatabaseSettings settings)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (app.Services.GetService<UnencryptedDataProtectionKeys>() is not null)
        {
            await RefuseClearKeyBesideEncryptedKeysAsync(scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>());
        }

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
    /// QA114 F1: without a data-protection certificate (outside Development), an instance cannot read keys that others
    /// stored encrypted, so the framework would add a new key in clear to the shared key ring, and every instance would
    /// then protect cookies and tokens with it. When the ring already holds encrypted keys the start stops here, before
    /// anything reads or writes the ring (the data-protection service starts with the host, after this). A database
    /// without keys, with unencrypted keys only, or whose encrypted keys are a Development trial's (encrypted with the
    /// certificate Development makes: no other instance uses them), starts as before with the warning.
    /// </summary>
    private static async Task RefuseClearKeyBesideEncryptedKeysAsync(KetamineCdsDbContext db)
    {
        var encrypted = await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("<encryptedSecret")).Select(k => k.Xml!).ToListAsync();
        if (encrypted.Any(xml => !DataProtectionCertificate.IsEncryptedForDevelopment(xml)))
        {
            throw new InvalidOperationException(
                "DataProtection:CertificatePath is not set, but the data-protection keys in the database are encrypted with a certificate: "
                + "this instance could not read them and would add a key stored unencrypted that every instance then uses. "
                + "Set DataProtection:CertificatePath and DataProtection:CertificatePassword to the certificate the other instances use (docs/security.md, \"Keys at rest\").");
        }
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
