using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>AddKetamineCdsInfrastructure and MigrateKetamineCdsDatabaseAsync as Program.cs calls them, from configuration.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class InfrastructureRegistrationTests(PostgresFixture fixture)
{
    [Fact]
    public async Task AddKetamineCdsInfrastructure_NoConfiguration_UsesSqliteFileUnderAppData()
    {
        var root = Path.Combine(Path.GetTempPath(), "ketaminecds-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            await using var services = InfrastructureHost.Build(new Dictionary<string, string?>(), root);
            await services.MigrateKetamineCdsDatabaseAsync();

            using (var scope = services.CreateScope())
            {
                Assert.IsType<SqliteKetamineCdsDbContext>(scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>());
            }

            var logged = await services.GetRequiredService<IDecisionLog>().RecordScreeningAsync(Screenings.Submit("MRN-1"));
            Assert.NotNull(await services.GetRequiredService<IDecisionLog>().FindScreeningAsync(logged.Id));
            Assert.True(File.Exists(Path.Combine(root, "App_Data", "ketaminecds.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateKetamineCdsDatabase_PostgresWithAppRole_CreatesTheRoleWithInsertAndSelectOnly()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync();
        var role = "app_" + Guid.NewGuid().ToString("N")[..8];
        await using var services = InfrastructureHost.Build(InfrastructureHost.PostgresWithAppRole(fixture.Cluster, database, role), Path.GetTempPath());

        await services.MigrateKetamineCdsDatabaseAsync();
        var logged = await services.GetRequiredService<IDecisionLog>().RecordScreeningAsync(Screenings.Submit("MRN-1"));

        using (var scope = services.CreateScope())
        {
            Assert.IsType<PostgresKetamineCdsDbContext>(scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>());
        }

        Assert.Equal(1, logged.Sequence);
        await using var owner = new Npgsql.NpgsqlConnection(fixture.Cluster.SuperuserConnectionString(database));
        await owner.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM information_schema.role_table_grants WHERE grantee = @r AND table_name = 'DecisionLogEntries'", owner);
        command.Parameters.AddWithValue("r", role);
        Assert.Equal("INSERT,SELECT", (string?)await command.ExecuteScalarAsync());
    }
}
