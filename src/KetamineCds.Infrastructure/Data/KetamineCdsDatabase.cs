using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// SQLite per-connection settings. WAL (set once, persistent in the file) lets readers run beside the writer;
/// synchronous=NORMAL is durable in WAL mode except for the last commits on power loss, and at the default FULL,
/// 32 concurrent writers pushed p99 to a second.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// Serializes the app's writes to one SQLite file: SQLite takes one writer at a time anyway, and queueing in the app
/// is cheaper and fairer than every writer spinning on SQLITE_BUSY. Keyed by file, so two log instances in one
/// process (as in tests) share a gate; another process is still kept safe by BEGIN IMMEDIATE.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = string.IsNullOrEmpty(source) || source == ":memory:" ? connectionString : Path.GetFullPath(source);
        return Gates.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
    }
}
