using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// Where the database is and how to reach it, read once from configuration:
/// <c>Database:Provider</c> (<c>sqlite</c> default, <c>postgres</c>), <c>ConnectionStrings:KetamineCds</c> (the app's
/// connection; on PostgreSQL ideally a role that may only INSERT and SELECT the logs),
/// <c>ConnectionStrings:KetamineCdsMigrations</c> (the schema owner, used only to migrate; defaults to the app's) and
/// <c>Database:AppRole</c> (PostgreSQL role to grant the app's privileges to when migrating; it must exist, unless the app
/// connects as that role, when the migration creates it).
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
        RequireWellFormed(provider, connection, "ConnectionStrings:KetamineCds");
        if (!string.IsNullOrWhiteSpace(migrations))
        {
            RequireWellFormed(provider, migrations, "ConnectionStrings:KetamineCdsMigrations");
        }

        var appRole = configuration["Database:AppRole"];
        return new KetamineCdsDatabaseSettings(
            provider,
            connection,
            string.IsNullOrWhiteSpace(migrations) ? connection : migrations,
            string.IsNullOrWhiteSpace(appRole) ? null : appRole.Trim());
    }

    /// <summary>
    /// A connection string the provider cannot parse (a misspelt keyword, a port that is not a number) stops the start
    /// with a message naming the setting (QA96 F5), never its value, which may hold a password.
    /// </summary>
    private static void RequireWellFormed(DatabaseProvider provider, string connection, string setting)
    {
        try
        {
            _ = provider == DatabaseProvider.Sqlite
                ? (DbConnectionStringBuilder)new SqliteConnectionStringBuilder(connection)
                : new NpgsqlConnectionStringBuilder(connection);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            // QA114 F5: a PostgreSQL string read as SQLite (Database:Provider left out, so its default) was told to
            // check its Host keyword; the cause is the provider.
            if (provider == DatabaseProvider.Sqlite && IsPostgresConnectionString(connection))
            {
                throw new InvalidOperationException(
                    $"{setting} is a PostgreSQL connection string, but Database:Provider is sqlite (its default when not set): set Database:Provider to postgres (Database__Provider=postgres in the environment; README, \"Production without Docker\").",
                    ex);
            }

            throw new InvalidOperationException(
                provider == DatabaseProvider.Sqlite
                    ? $"{setting} is not a valid SQLite connection string: {ex.Message}. Check its keywords and values (for example Data Source=/var/lib/ketaminecds/ketaminecds.db); for PostgreSQL set Database:Provider to postgres."
                    : $"{setting} is not a valid PostgreSQL connection string: {ex.Message}. Check its keywords (for example Host, Port, Database, Username, Password) and values.",
                ex);
        }
    }

    private static bool IsPostgresConnectionString(string connection)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connection);
            return !string.IsNullOrWhiteSpace(parsed.Host);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return false;
        }
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
