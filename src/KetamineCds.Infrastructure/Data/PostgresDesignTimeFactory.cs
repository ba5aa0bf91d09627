using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KetamineCds.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresKetamineCdsDbContext</c> build the model; it never connects.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKetamineCdsDbContext>
{
    public PostgresKetamineCdsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKetamineCdsDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
