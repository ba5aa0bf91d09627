using Microsoft.Data.Sqlite;

namespace KetamineCds.IntegrationTests.Upgrade;

/// <summary>
/// The current version started on the SQLite database older builds wrote (Upgrade/Fixtures/README.md): the upgrade of
/// docs/operations.md keeps the audit trail.
/// </summary>
public sealed class SqliteUpgradeTests
{
    [Theory]
    [InlineData("first-release")]
    [InlineData("two-releases")]
    public async Task Start_OnTheDatabaseOfOlderBuilds_MigratesVerifiesReplaysSignsInAndChainsOn(string fixtureName)
    {
        var source = UpgradeFixture.Named(fixtureName);
        var folder = UpgradeFixture.NewWorkFolder(source, "sqlite");
        var file = UpgradeFixture.CopySqlite(source, folder);
        Assert.Equal(source.LastOldMigrationSqlite, await LastMigrationAsync(file));

        using var app = UpgradedApp.Sqlite(folder, file);
        await UpgradeChecks.AssertTheAuditTrailIsKeptAsync(app, source.SqliteEntries, source.Checkpoints, source.LeeAuthenticatorKeySqlite);
    }

    private static async Task<string> LastMigrationAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
