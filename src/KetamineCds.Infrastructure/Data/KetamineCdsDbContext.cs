using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// The app's database: identity, data-protection keys and the decision log. Each provider has a subclass
/// (<see cref="SqliteKetamineCdsDbContext"/>, <see cref="PostgresKetamineCdsDbContext"/>) so that each keeps its own
/// migration set; code that does not care about the provider asks for this type.
/// </summary>
public class KetamineCdsDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public KetamineCdsDbContext(DbContextOptions<KetamineCdsDbContext> options)
        : base(options)
    {
    }

    protected KetamineCdsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DecisionLogEntry> DecisionLogEntries => Set<DecisionLogEntry>();

    public DbSet<AccessLogEntry> AccessEvents => Set<AccessLogEntry>();

    public DbSet<LogChainHead> LogChainHeads => Set<LogChainHead>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KetamineCdsDbContext).Assembly);
    }
}

/// <summary>The SQLite flavour; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteKetamineCdsDbContext(DbContextOptions<SqliteKetamineCdsDbContext> options)
    : KetamineCdsDbContext(options);

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresKetamineCdsDbContext(DbContextOptions<PostgresKetamineCdsDbContext> options)
    : KetamineCdsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The JSON columns are several kilobytes, so PostgreSQL compresses them on insert. Its default, pglz, was a
        // quarter of the database's CPU under load (perf, docs/benchmarks.md); lz4 compresses about three times
        // faster for a slightly larger table. Rows written before this setting keep their pglz data, which stays
        // readable: PostgreSQL records the method per value.
        builder.Entity<DecisionLogEntry>(e =>
        {
            e.Property(x => x.InputJson).UseCompressionMethod("lz4");
            e.Property(x => x.HistoryJson).UseCompressionMethod("lz4");
            e.Property(x => x.AssessmentJson).UseCompressionMethod("lz4");
            e.Property(x => x.HookOriginJson).UseCompressionMethod("lz4");
        });
    }
}
