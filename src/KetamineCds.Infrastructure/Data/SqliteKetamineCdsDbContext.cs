using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.Data;

/// <summary>The SQLite flavour; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteKetamineCdsDbContext(DbContextOptions<SqliteKetamineCdsDbContext> options)
    : KetamineCdsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SqliteLogColumns.Apply(builder);
    }
}
