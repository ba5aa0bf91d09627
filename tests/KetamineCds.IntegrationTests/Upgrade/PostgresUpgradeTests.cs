using KetamineCds.IntegrationTests.Fixtures;
using Npgsql;

namespace KetamineCds.IntegrationTests.Upgrade;

/// <summary>
/// The current version started on the PostgreSQL database older builds wrote (restored from the plain-SQL dump in
/// Upgrade/Fixtures, README.md there), migrating as the schema owner and serving as the app role.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresUpgradeTests(PostgresFixture fixture)
{
    [Theory]
    [InlineData("first-release")]
    [InlineData("two-releases")]
    public async Task Start_OnTheDatabaseOfOlderBuilds_MigratesVerifiesReplaysSignsInAndChainsOn(string fixtureName)
    {
        var source = UpgradeFixture.Named(fixtureName);
        var database = await UpgradeFixture.RestorePostgresAsync(source, fixture.Cluster);
        Assert.Equal(source.LastOldMigrationPostgres, await LastMigrationAsync(database));

        using var app = UpgradedApp.Postgres(fixture.Cluster, database, UpgradeFixture.NewWorkFolder(source, "postgres"));
        await UpgradeChecks.AssertTheAuditTrailIsKeptAsync(app, source.PostgresEntries, source.Checkpoints, source.LeeAuthenticatorKeyPostgres);
    }

    private async Task<string> LastMigrationAsync(string database)
    {
        await using var connection = new NpgsqlConnection(fixture.Cluster.SuperuserConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
