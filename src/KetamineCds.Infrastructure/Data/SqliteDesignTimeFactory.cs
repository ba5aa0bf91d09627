using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KetamineCds.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteKetamineCdsDbContext</c> build the model without the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKetamineCdsDbContext>
{
    public SqliteKetamineCdsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKetamineCdsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
