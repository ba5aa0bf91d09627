using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KetamineCds.Infrastructure.Data;

/// <summary>Which database engine holds the app's data (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the database is and how to reach it, read once from configuration:
/// <c>Database:Provider</c> (<c>sqlite</c> default, <c>postgres</c>), <c>ConnectionStrings:KetamineCds</c> (the app's
/// connection; on PostgreSQL ideally a role that may only INSERT and SELECT the logs),
/// <c>ConnectionStrings:KetamineCdsMigrations</c> (the schema owner, used only to migrate; defaults to the app's) and
/// <c>Database:AppRole</c> (PostgreSQL role to grant the app's privileges to when migrating; created if missing).
/// </summary>
public sealed record KetamineCdsDatabaseSettings(
    DatabaseProvider Provider,
    string ConnectionString,
    string MigrationsConnectionString,
    string? AppRole = null)
{
    public static KetamineCdsDatabaseSettings FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerText = configuration["Database:Provider"];
        var provider = providerText?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{providerText}' is not supported; use 'sqlite' or 'postgres'."),
        };

        var connection = configuration.GetConnectionString("KetamineCds");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is 'postgres' but ConnectionStrings:KetamineCds is not set.");
            }

            var folder = AppDataFolder.For(environment);
            connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "ketaminecds.db") }.ToString();
        }

        var migrations = configuration.GetConnectionString("KetamineCdsMigrations");
        var appRole = configuration["Database:AppRole"];
        return new KetamineCdsDatabaseSettings(
            provider,
            connection,
            string.IsNullOrWhiteSpace(migrations) ? connection : migrations,
            string.IsNullOrWhiteSpace(appRole) ? null : appRole.Trim());
    }

    /// <summary>Configures an options builder for this provider and connection string.</summary>
    public void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(connectionString);
            builder.AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            builder.UseNpgsql(WithAutoPrepare(connectionString));
        }
    }

    /// <summary>How many statements each PostgreSQL connection keeps prepared unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string sets <c>Max Auto Prepare</c> itself. EF
    /// sends the same few INSERT and SELECT statements again and again; unprepared, PostgreSQL parsed and planned
    /// each one anew, about a tenth of its CPU under load (docs/benchmarks.md).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in given.Keys)
        {
            if (string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                return connectionString;
            }
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}

/// <summary>
/// The app's own data folder, <c>App_Data</c> under the content root (ignored by git): the embedded database, and in
/// Development the generated checkpoint and data-protection keys. Created on first use.
/// </summary>
public static class AppDataFolder
{
    public static string For(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>
/// Creates contexts outside a request scope (the decision log makes one per operation so that a failed append
/// leaves nothing tracked behind), for the app's connection or the owner's.
/// </summary>
public sealed class KetamineCdsContextFactory
{
    private readonly DbContextOptions _app;
    private readonly DbContextOptions _owner;

    public KetamineCdsContextFactory(KetamineCdsDatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _app = Build(settings, settings.ConnectionString);
        _owner = Build(settings, settings.MigrationsConnectionString);
    }

    public KetamineCdsDatabaseSettings Settings { get; }

    public KetamineCdsDbContext CreateDbContext() => Create(_app);

    /// <summary>A context on the owner's connection, for migrations.</summary>
    public KetamineCdsDbContext CreateOwnerDbContext() => Create(_owner);

    private KetamineCdsDbContext Create(DbContextOptions options) => Settings.Provider == DatabaseProvider.Sqlite
        ? new SqliteKetamineCdsDbContext((DbContextOptions<SqliteKetamineCdsDbContext>)options)
        : new PostgresKetamineCdsDbContext((DbContextOptions<PostgresKetamineCdsDbContext>)options);

    private static DbContextOptions Build(KetamineCdsDatabaseSettings settings, string connectionString)
    {
        DbContextOptionsBuilder builder = settings.Provider == DatabaseProvider.Sqlite
            ? new DbContextOptionsBuilder<SqliteKetamineCdsDbContext>()
            : new DbContextOptionsBuilder<PostgresKetamineCdsDbContext>();
        settings.Configure(builder, connectionString);
        return builder.Options;
    }
}

/// <summary>
/// SQLite per-connection settings. WAL (set once, persistent in the file) lets readers run beside the writer;
/// synchronous=NORMAL is durable in WAL mode except for the last commits on power loss, and at the default FULL,
/// 32 concurrent writers pushed p99 to a second.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// Serializes the app's writes to one SQLite file: SQLite takes one writer at a time anyway, and queueing in the app
/// is cheaper and fairer than every writer spinning on SQLITE_BUSY. Keyed by file, so two log instances in one
/// process (as in tests) share a gate; another process is still kept safe by BEGIN IMMEDIATE.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = string.IsNullOrEmpty(source) || source == ":memory:" ? connectionString : Path.GetFullPath(source);
        return Gates.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
    }
}
