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

    /// <summary>QA12 G4: a misspelt Database:AppRole is refused by name; no role is created for the typo.</summary>
    [Fact]
    public async Task MigrateKetamineCdsDatabase_AppRoleNotOnTheServer_RefusesNamingDatabaseAppRoleAndCreatesNothing()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync();
        var role = "app_" + Guid.NewGuid().ToString("N")[..8];
        var typo = role + "_typo";
        var settings = InfrastructureHost.PostgresWithAppRole(fixture.Cluster, database, role);
        settings["Database:AppRole"] = typo;
        await using (var create = new Npgsql.NpgsqlConnection(fixture.Cluster.SuperuserConnectionString()))
        {
            await create.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE ROLE {role} LOGIN", create);
            await command.ExecuteNonQueryAsync();
        }

        await using var services = InfrastructureHost.Build(settings, Path.GetTempPath());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => services.MigrateKetamineCdsDatabaseAsync());

        Assert.Equal(
            $"Refusing to start: Database:AppRole '{typo}' is not a role of this PostgreSQL server (the app connects as '{role}' (ConnectionStrings:KetamineCds)). "
            + "Set Database:AppRole to the role the app connects as, or create that role first; the migration does not create it.",
            refused.Message);
        await using var owner = new Npgsql.NpgsqlConnection(fixture.Cluster.SuperuserConnectionString(database));
        await owner.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = @r", owner);
        exists.Parameters.AddWithValue("r", typo);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync())!);
    }
}
