using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.Data;

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
