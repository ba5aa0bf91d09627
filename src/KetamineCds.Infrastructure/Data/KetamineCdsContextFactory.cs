using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// Creates contexts outside a request scope (the decision log makes one per operation so that a failed append
/// leaves nothing tracked behind), for the app's connection or the owner's.
/// </summary>
public sealed class KetamineCdsContextFactory
{
    private readonly Func<KetamineCdsDbContext> _app;
    private readonly DbContextOptions _owner;

    public KetamineCdsContextFactory(KetamineCdsDatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _app = Pooled(settings, Build(settings, settings.ConnectionString));
        _owner = Build(settings, settings.MigrationsConnectionString);
    }

    public KetamineCdsDatabaseSettings Settings { get; }

    /// <summary>
    /// A context on the app's connection, from a pool: disposing it resets it (nothing tracked, no transaction) and
    /// returns it, so the many short operations of a request do not each build a context's services anew.
    /// </summary>
    public KetamineCdsDbContext CreateDbContext() => _app();

    /// <summary>A context on the owner's connection, for migrations.</summary>
    public KetamineCdsDbContext CreateOwnerDbContext() => Create(_owner);

    private KetamineCdsDbContext Create(DbContextOptions options) => Settings.Provider == DatabaseProvider.Sqlite
        ? new SqliteKetamineCdsDbContext((DbContextOptions<SqliteKetamineCdsDbContext>)options)
        : new PostgresKetamineCdsDbContext((DbContextOptions<PostgresKetamineCdsDbContext>)options);

    private static Func<KetamineCdsDbContext> Pooled(KetamineCdsDatabaseSettings settings, DbContextOptions options)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new PooledDbContextFactory<SqliteKetamineCdsDbContext>((DbContextOptions<SqliteKetamineCdsDbContext>)options);
            return sqlite.CreateDbContext;
        }

        var postgres = new PooledDbContextFactory<PostgresKetamineCdsDbContext>((DbContextOptions<PostgresKetamineCdsDbContext>)options);
        return postgres.CreateDbContext;
    }

    private static DbContextOptions Build(KetamineCdsDatabaseSettings settings, string connectionString)
    {
        DbContextOptionsBuilder builder = settings.Provider == DatabaseProvider.Sqlite
            ? new DbContextOptionsBuilder<SqliteKetamineCdsDbContext>()
            : new DbContextOptionsBuilder<PostgresKetamineCdsDbContext>();
        settings.Configure(builder, connectionString);
        return builder.Options;
    }
}
