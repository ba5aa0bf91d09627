using System.Runtime.CompilerServices;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KetamineCds.Infrastructure;

/// <summary>Registers the database, the decision log and the access audit, and migrates the database at start-up.</summary>
public static class DependencyInjection
{
    /// <summary>One wrapper per app logger factory: EF Core builds its internal services once per distinct logger factory.</summary>
    private static readonly ConditionalWeakTable<ILoggerFactory, OutageQuietLoggerFactory> QuietLoggers = new();

    /// <summary>
    /// Registers <see cref="KetamineCdsDbContext"/> (scoped, for Identity and data protection) on the provider chosen by
    /// <c>Database:Provider</c>, <see cref="IDecisionLog"/>, <see cref="IAccessAudit"/>, <see cref="IDecisionLogAudit"/>
    /// and <see cref="TimeProvider"/> (the system clock unless one is already registered).
    /// </summary>
    public static IServiceCollection AddKetamineCdsInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = KetamineCdsDatabaseSettings.FromConfiguration(configuration, environment);
        services.AddKetamineCdsInfrastructure(settings);
        return services.AddKetamineCdsCheckpoints(CheckpointSettings.FromConfiguration(configuration, environment, settings));
    }

    /// <summary>
    /// Registers signed checkpoints (<see cref="DecisionLogCheckpoints"/>) and the writer that makes one every interval
    /// when the head has moved. The keys are read here, at start-up: a configured key that is missing or is not an
    /// ECDSA P-256 key stops the app with a message naming the setting; no key outside Development turns checkpoints off.
    /// When checkpoints are signed, the folder is created if missing and must be writable, else the start stops naming
    /// <c>Audit:CheckpointDirectory</c> (<see cref="CheckpointFolder"/>).
    /// </summary>
    public static IServiceCollection AddKetamineCdsCheckpoints(this IServiceCollection services, CheckpointSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var keys = CheckpointKeys.Load(settings);
        if (keys.Enabled)
        {
            try
            {
                CheckpointFolder.EnsureWritable(settings.Directory, settings.DirectoryDerived);
            }
            catch (InvalidOperationException)
            {
                keys.Dispose();
                throw;
            }
        }

        services.AddSingleton(settings);
        services.AddSingleton(keys);
        services.AddSingleton<CheckpointFiles>();
        services.AddSingleton<DecisionLogCheckpoints>();
        services.AddHostedService<CheckpointWriter>();
        return services;
    }

    /// <summary>As above, with explicit settings (tests, tools).</summary>
    public static IServiceCollection AddKetamineCdsInfrastructure(this IServiceCollection services, KetamineCdsDatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KetamineCdsContextFactory>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<KetamineCdsDbContext, SqliteKetamineCdsDbContext>((sp, o) => ConfigureRequestContext(sp, o, settings));
        }
        else
        {
            services.AddDbContext<KetamineCdsDbContext, PostgresKetamineCdsDbContext>((sp, o) => ConfigureRequestContext(sp, o, settings));
        }

        services.AddSingleton<EfDecisionLog>();
        services.AddSingleton<IDecisionLog>(sp => sp.GetRequiredService<EfDecisionLog>());
        services.AddSingleton<EfAccessAudit>();
        services.AddSingleton<IAccessAudit>(sp => sp.GetRequiredService<EfAccessAudit>());
        services.AddSingleton<IDecisionLogAudit, DecisionLogAudit>();
        services.AddSingleton<CdsHooks.CdsHookStore>();
        return services;
    }

    /// <summary>
    /// The request's context (Identity, the data-protection keys) logs through the app's loggers, but not EF Core's own
    /// errors of an outage, which the app's outage log already reports once (<see cref="OutageQuietLoggerFactory"/>, QA302 F1).
    /// </summary>
    private static void ConfigureRequestContext(IServiceProvider services, DbContextOptionsBuilder options, KetamineCdsDatabaseSettings settings)
    {
        settings.Configure(options, settings.ConnectionString);
        if (services.GetService<ILoggerFactory>() is { } app)
        {
            options.UseLoggerFactory(QuietLoggers.GetValue(app, factory => new OutageQuietLoggerFactory(factory)));
        }
    }

    /// <summary>
    /// Applies the provider's migrations as the schema owner (<c>ConnectionStrings:KetamineCdsMigrations</c>, else the
    /// app's connection). On PostgreSQL with <c>Database:AppRole</c> set, grants that role what the app needs and no
    /// more: INSERT and SELECT on the logs, never UPDATE, DELETE or TRUNCATE. Call once at start-up, before serving.
    /// Returns the migrations this call applied, oldest first (empty when the schema was already up to date).
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateKetamineCdsDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<KetamineCdsContextFactory>();
        return await MigrateAsync(factory, cancellationToken);
    }

    /// <summary>Migrates the database the factory points at (see <see cref="MigrateKetamineCdsDatabaseAsync"/>) and returns the migrations applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(KetamineCdsContextFactory factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var settings = factory.Settings;
        await using var db = factory.CreateOwnerDbContext();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(settings.MigrationsConnectionString);
            var source = sqlite.DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder))
            {
                // Made here: readable by the app's account only (700), the file too (600); one that exists is left as it is.
                PrivateFile.CreateDirectory(folder);
            }

            if (IsFile(sqlite))
            {
                PrivateFile.CreateEmptyOnce(Path.GetFullPath(source));
            }

            var before = await AppliedAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL is a property of the file: set once, it stays.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            return await NewlyAppliedAsync(db, before, cancellationToken);
        }

        IReadOnlyList<string> applied;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await DatabaseRoles.RequireAppRoleAsync(db.Database.GetDbConnection(), settings, cancellationToken);
            // The migration that creates the logs reads this session setting to grant the app role; the grant is
            // repeated after every migration so that tables added later are covered too.
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('ketaminecds.app_role', {0}, false)", [settings.AppRole ?? ""], cancellationToken);
            var before = await AppliedAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (settings.AppRole is not null)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT ketaminecds_grant_app_role({0})", [settings.AppRole], cancellationToken);
            }

            applied = await NewlyAppliedAsync(db, before, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Roles and grants may have changed under pooled connections.
        NpgsqlConnection.ClearAllPools();
        return applied;
    }

    /// <summary>Whether an SQLite connection string names a file on disk the app may create (not an in-memory database, a file: URI or a read-only open).</summary>
    public static bool IsFile(SqliteConnectionStringBuilder sqlite)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        return !string.IsNullOrEmpty(sqlite.DataSource)
            && sqlite.DataSource != ":memory:"
            && !sqlite.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && sqlite.Mode == SqliteOpenMode.ReadWriteCreate;
    }

    private static async Task<HashSet<string>> AppliedAsync(KetamineCdsDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The migrations in the history now that were not before, oldest first (their ids start with a timestamp).</summary>
    private static async Task<IReadOnlyList<string>> NewlyAppliedAsync(KetamineCdsDbContext db, HashSet<string> before, CancellationToken cancellationToken) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !before.Contains(m)).Order(StringComparer.Ordinal).ToList();
}
