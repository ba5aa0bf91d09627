using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// A migrated, empty database and the decision log on it, as the app would have them: the log on the app's
/// connection (on PostgreSQL a role that may only INSERT and SELECT the logs), raw SQL as the app or as the owner.
/// </summary>
public abstract class LogStore : IAsyncDisposable
{
    protected LogStore(KetamineCdsDatabaseSettings settings, TimeProvider clock)
    {
        Settings = settings;
        Clock = clock;
        Factory = new KetamineCdsContextFactory(settings);
        Log = new EfDecisionLog(Factory, clock);
        Access = new EfAccessAudit(Factory, clock);
        Audit = new DecisionLogAudit(Factory, Access);
    }

    public KetamineCdsDatabaseSettings Settings { get; }

    public TimeProvider Clock { get; }

    public KetamineCdsContextFactory Factory { get; }

    public EfDecisionLog Log { get; }

    public EfAccessAudit Access { get; }

    public DecisionLogAudit Audit { get; }

    /// <summary>Another app instance on the same database, with its own connection pool.</summary>
    public abstract EfDecisionLog NewInstance(string name);

    /// <summary>Runs SQL on the app's own connection.</summary>
    public abstract Task<int> ExecuteAsAppAsync(string sql);

    /// <summary>Runs SQL as the owner (the tamperer in the tests); triggers must be disabled first to edit the logs.</summary>
    public abstract Task<int> ExecuteAsOwnerAsync(string sql);

    public abstract Task<long> ScalarAsOwnerAsync(string sql);

    /// <summary>
    /// The owner swaps the places of the entries at sequences <paramref name="a"/> and <paramref name="b"/>, each keeping its
    /// content and hash (entries moved, not edited); triggers must be disabled first.
    /// </summary>
    public async Task SwapEntriesAsync(long a, long b)
    {
        await ExecuteAsOwnerAsync($"UPDATE \"DecisionLogEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = {a}");
        await ExecuteAsOwnerAsync($"UPDATE \"DecisionLogEntries\" SET \"Sequence\" = {a} WHERE \"Sequence\" = {b}");
        await ExecuteAsOwnerAsync($"UPDATE \"DecisionLogEntries\" SET \"Sequence\" = {b} WHERE \"Sequence\" = -1");
    }

    /// <summary>The owner switches the append-only triggers off, as someone tampering behind the app's back would.</summary>
    public abstract Task DisableTriggersAsync();

    /// <summary>The owner makes every insert into the decision log fail, so that an append dies mid-transaction.</summary>
    public abstract Task BreakDecisionLogInsertsAsync();

    /// <summary>
    /// The owner drops the trigger that refuses a second correction of one screening, as in a log written before
    /// migration OneCorrectionPerScreening (such a log may hold two corrections of one screening, and must still read).
    /// </summary>
    public Task<int> AllowSecondCorrectionsAsync() => ExecuteAsOwnerAsync(
        this is PostgresStore
            ? "DROP TRIGGER \"DecisionLogEntries_one_correction_per_screening\" ON \"DecisionLogEntries\";"
            : "DROP TRIGGER \"DecisionLogEntries_one_correction_per_screening\";");

    /// <summary>The owner switches off the triggers that let the chain head move only forward (after <see cref="DisableTriggersAsync"/>).</summary>
    public abstract Task DisableChainHeadTriggersAsync();

    /// <summary>
    /// What someone who can write the whole database does: changes the entry at <paramref name="fromSequence"/>, then
    /// recomputes its hash and every hash after it, and moves the chain head, so that the chain verifies again.
    /// </summary>
    public async Task RewriteAndRehashAsync(long fromSequence, Action<DecisionLogEntry> change)
    {
        await DisableTriggersAsync();
        await DisableChainHeadTriggersAsync();
        await using var db = Factory.CreateOwnerDbContext();
        var entries = await db.DecisionLogEntries.Where(e => e.Sequence >= fromSequence - 1).OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries[0].Sequence == fromSequence ? entries[0].PreviousHash : entries[0].Hash;
        foreach (var entry in entries.Where(e => e.Sequence >= fromSequence))
        {
            if (entry.Sequence == fromSequence)
            {
                change(entry);
            }

            entry.PreviousHash = previous;
            entry.Hash = ChainHash.Compute(entry);
            previous = entry.Hash;
        }

        var head = await db.LogChainHeads.SingleAsync(h => h.Chain == LogChainHead.Decisions);
        head.LastHash = previous;
        await db.SaveChangesAsync();
    }

    /// <summary>Backs the database up the way its administrator would (SQLite: VACUUM INTO a file; PostgreSQL: pg_dump -Fc) and returns the file.</summary>
    public abstract Task<string> BackupAsync();

    /// <summary>Puts a backup back over the live database (SQLite: the file copied over; PostgreSQL: pg_restore --clean).</summary>
    public abstract Task RestoreAsync(string backup);

    public abstract ValueTask DisposeAsync();

    public static async Task<LogStore> SqliteAsync(TimeProvider? clock = null)
    {
        var store = new SqliteStore(clock ?? TimeProvider.System);
        await DependencyInjection.MigrateAsync(store.Factory);
        return store;
    }

    public static async Task<LogStore> PostgresAsync(PostgresCluster cluster, TimeProvider? clock = null)
    {
        var database = await cluster.CreateDatabaseAsync();
        var store = new PostgresStore(cluster, database, clock ?? TimeProvider.System);
        await DependencyInjection.MigrateAsync(store.Factory);
        return store;
    }

    private sealed class SqliteStore : LogStore
    {
        private readonly string _path;

        public SqliteStore(TimeProvider clock)
            : this(Path.Combine(Path.GetTempPath(), "ketaminecds-test-" + Guid.NewGuid().ToString("N") + ".db"), clock)
        {
        }

        private SqliteStore(string path, TimeProvider clock)
            : base(SettingsFor(path), clock)
        {
            _path = path;
        }

        public override EfDecisionLog NewInstance(string name) => new(new KetamineCdsContextFactory(SettingsFor(_path)), Clock);

        public override Task<int> ExecuteAsAppAsync(string sql) => ExecuteAsync(sql);

        public override Task<int> ExecuteAsOwnerAsync(string sql) => ExecuteAsync(sql);

        public override async Task<long> ScalarAsOwnerAsync(string sql)
        {
            await using var connection = new SqliteConnection(Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public override async Task DisableTriggersAsync()
        {
            foreach (var table in new[] { "DecisionLogEntries", "AccessEvents" })
            {
                await ExecuteAsync($"DROP TRIGGER \"{table}_no_update\"; DROP TRIGGER \"{table}_no_delete\";");
            }
        }

        public override Task BreakDecisionLogInsertsAsync() => ExecuteAsync(
            "CREATE TRIGGER \"break_inserts\" BEFORE INSERT ON \"DecisionLogEntries\" BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;");

        public override Task DisableChainHeadTriggersAsync() =>
            ExecuteAsync("DROP TRIGGER \"LogChainHeads_forward_only\"; DROP TRIGGER \"LogChainHeads_no_delete\";");

        public override async Task<string> BackupAsync()
        {
            var backup = _path + ".backup-" + Guid.NewGuid().ToString("N");
            await ExecuteAsync($"VACUUM INTO '{backup}'");
            return backup;
        }

        public override Task RestoreAsync(string backup)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }

            File.Copy(backup, _path, overwrite: true);
            File.Delete(backup);
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }

            return ValueTask.CompletedTask;
        }

        private static KetamineCdsDatabaseSettings SettingsFor(string path)
        {
            var connection = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
            return new KetamineCdsDatabaseSettings(DatabaseProvider.Sqlite, connection, connection);
        }

        private async Task<int> ExecuteAsync(string sql)
        {
            await using var connection = new SqliteConnection(Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class PostgresStore : LogStore
    {
        public const string AppRole = "ketaminecds_app";

        private readonly PostgresCluster _cluster;
        private readonly string _database;

        public PostgresStore(PostgresCluster cluster, string database, TimeProvider clock)
            : base(SettingsFor(cluster, database, "app"), clock)
        {
            _cluster = cluster;
            _database = database;
        }

        public override EfDecisionLog NewInstance(string name) => new(new KetamineCdsContextFactory(SettingsFor(_cluster, _database, name)), Clock);

        public override Task<int> ExecuteAsAppAsync(string sql) => ExecuteAsync(Settings.ConnectionString, sql);

        public override Task<int> ExecuteAsOwnerAsync(string sql) => ExecuteAsync(Settings.MigrationsConnectionString, sql);

        public override async Task<long> ScalarAsOwnerAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(Settings.MigrationsConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public override Task DisableTriggersAsync() => ExecuteAsOwnerAsync(
            "ALTER TABLE \"DecisionLogEntries\" DISABLE TRIGGER USER; ALTER TABLE \"AccessEvents\" DISABLE TRIGGER USER;");

        public override Task BreakDecisionLogInsertsAsync() => ExecuteAsOwnerAsync("""
            CREATE FUNCTION break_inserts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
            CREATE TRIGGER break_inserts BEFORE INSERT ON "DecisionLogEntries" FOR EACH ROW EXECUTE FUNCTION break_inserts();
            """);

        public override Task DisableChainHeadTriggersAsync() => ExecuteAsOwnerAsync("ALTER TABLE \"LogChainHeads\" DISABLE TRIGGER USER;");

        public override async Task<string> BackupAsync()
        {
            var backup = Path.Combine(Path.GetTempPath(), $"ketaminecds-{_database}-{Guid.NewGuid():N}.dump");
            await _cluster.DumpAsync(_database, backup);
            return backup;
        }

        public override async Task RestoreAsync(string backup)
        {
            NpgsqlConnection.ClearAllPools();
            await _cluster.RestoreAsync(_database, backup);
            File.Delete(backup);
            // Prepared statements of pooled connections point at the dropped tables.
            NpgsqlConnection.ClearAllPools();
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static KetamineCdsDatabaseSettings SettingsFor(PostgresCluster cluster, string database, string instance) => new(
            DatabaseProvider.Postgres,
            cluster.ConnectionString(AppRole, database, "ketaminecds-" + instance),
            cluster.SuperuserConnectionString(database),
            AppRole);

        private static async Task<int> ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteNonQueryAsync();
        }
    }
}
