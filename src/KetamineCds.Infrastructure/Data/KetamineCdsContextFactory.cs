using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.Data;

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
