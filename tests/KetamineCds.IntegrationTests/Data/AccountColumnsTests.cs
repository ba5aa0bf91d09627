using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// The AccountHygiene migration on both providers: the model has no changes left without a migration, and the app's
/// database role can store and read the account columns (MustChangePassword, LastAuthenticatorTimeStep).
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class AccountColumnsTests(PostgresFixture fixture)
{
    [Fact]
    public async Task AccountColumns_OnPostgresAsTheAppRole_AreStoredAndUpdated()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync();
        var role = "app_" + Guid.NewGuid().ToString("N")[..8];
        await using var services = InfrastructureHost.Build(InfrastructureHost.PostgresWithAppRole(fixture.Cluster, database, role), Path.GetTempPath());

        await services.MigrateKetamineCdsDatabaseAsync();

        await AssertRoundTripAsync(services);
    }

    [Fact]
    public async Task AccountColumns_OnSqlite_AreStoredAndUpdated()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ketaminecds-accounts-{Guid.NewGuid():N}.db");
        try
        {
            await using var services = InfrastructureHost.Build(
                new Dictionary<string, string?>
                {
                    ["Database:Provider"] = "sqlite",
                    ["ConnectionStrings:KetamineCds"] = $"Data Source={path}",
                },
                Path.GetTempPath());
            await services.MigrateKetamineCdsDatabaseAsync();

            await AssertRoundTripAsync(services);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task AssertRoundTripAsync(ServiceProvider services)
    {
        var id = Guid.NewGuid().ToString();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration for " + db.Database.ProviderName);
            db.Users.Add(new ApplicationUser { Id = id, UserName = id + "@clinic.example", MustChangePassword = true });
            await db.SaveChangesAsync();
        }

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.True(user.MustChangePassword);
            Assert.Null(user.LastAuthenticatorTimeStep);
            user.MustChangePassword = false;
            user.LastAuthenticatorTimeStep = 59_000_000;
            await db.SaveChangesAsync();
        }

        using (var scope = services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.False(user.MustChangePassword);
            Assert.Equal(59_000_000, user.LastAuthenticatorTimeStep);
        }
    }
}
