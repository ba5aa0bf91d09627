using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>What only SQLite does: WAL, and a database file that cannot be opened.</summary>
public sealed class SqliteDecisionLogOnlyTests
{
    [Fact]
    public async Task Migrate_NewFile_UsesWriteAheadLogging()
    {
        await using var store = await LogStore.SqliteAsync();

        await using var db = store.Factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync()); // 1 = NORMAL
    }

    [Fact]
    public async Task RecordScreening_DatabaseFileUnreachable_ThrowsUnavailable()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.db");
        var connection = $"Data Source={path};Mode=ReadWrite";
        var log = new EfDecisionLog(new KetamineCdsContextFactory(new KetamineCdsDatabaseSettings(DatabaseProvider.Sqlite, connection, connection)), TimeProvider.System);

        await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => log.RecordScreeningAsync(Screenings.Submit("MRN-1")));
    }
}
