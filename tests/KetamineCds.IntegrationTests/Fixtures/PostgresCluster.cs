using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KetamineCds.IntegrationTests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb into a temp folder owned by the postgres user (initdb refuses root),
/// pg_ctl start on a free port below 32768, stopped and deleted on dispose. Missing binaries fail the tests with a
/// message saying what to install; they are never skipped silently.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    private PostgresCluster(string bin, string dataDirectory, int port)
    {
        Bin = bin;
        DataDirectory = dataDirectory;
        Port = port;
    }

    public string Bin { get; }

    public string DataDirectory { get; }

    public int Port { get; }

    public bool Running { get; private set; }

    /// <summary>The superuser, who owns every database the tests create.</summary>
    public string SuperuserConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
        Timeout = 5,
    }.ConnectionString;

    /// <summary>A login role in this cluster (trust authentication, so no password).</summary>
    public string ConnectionString(string user, string database, string? applicationName = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = user,
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
        Timeout = 5,
        ApplicationName = applicationName,
    }.ConnectionString;

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("KETAMINECDS_PG_BIN") is { Length: > 0 } configured
            ? configured
            : "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            var required = Environment.GetEnvironmentVariable("KETAMINECDS_REQUIRE_INFRASTRUCTURE") == "1"
                ? " (KETAMINECDS_REQUIRE_INFRASTRUCTURE=1: this run requires it)"
                : "";
            throw new InvalidOperationException(
                $"PostgreSQL 15 server binaries were not found in '{bin}'{required}. Install them with "
                + "'apt-get install -y postgresql-15' (scripts/test.sh does) or point KETAMINECDS_PG_BIN at them.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "ketaminecds-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", directory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
        var port = FreePort();
        var cluster = new PostgresCluster(bin, directory, port);
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Starts the server (again, after <see cref="StopServerAsync"/>).</summary>
    public async Task StartServerAsync()
    {
        // fsync off: a test cluster is thrown away, and durability is not what the tests measure.
        var options = $"-p {Port} -k {DataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
        await RunAsPostgresAsync(Path.Combine(Bin, "pg_ctl"), ["-D", DataDirectory, "-o", options, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "start"]);
        Running = true;
    }

    /// <summary>Stops the server at once (a database outage, as the app sees it).</summary>
    public async Task StopServerAsync()
    {
        if (!Running)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync(Path.Combine(Bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        Running = false;
    }

    /// <summary>Creates an empty database owned by the superuser.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(SuperuserConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Backs a database up as its administrator would: <c>pg_dump -Fc</c> into <paramref name="file"/>.</summary>
    public Task DumpAsync(string database, string file) =>
        RunAsync(Path.Combine(Bin, "pg_dump"), ["-h", "127.0.0.1", "-p", PortText, "-U", "postgres", "-Fc", "-f", file, database]);

    /// <summary>Puts a <c>pg_dump -Fc</c> backup back over a database: <c>pg_restore --clean</c>, in one transaction.</summary>
    public Task RestoreAsync(string database, string file) =>
        RunAsync(Path.Combine(Bin, "pg_restore"), ["-h", "127.0.0.1", "-p", PortText, "-U", "postgres", "--clean", "--if-exists", "--single-transaction", "-d", database, file]);

    /// <summary>Runs a plain-SQL file (a <c>pg_dump</c> without <c>-F</c>) into a database with psql, as the superuser, stopping at the first error.</summary>
    public Task RunSqlFileAsync(string database, string file) =>
        RunAsync(Path.Combine(Bin, "psql"), ["-h", "127.0.0.1", "-p", PortText, "-U", "postgres", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", file]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing the run over it is not worth it.
            }
        }
    }

    private string PortText => Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, candidate);
                listener.Start();
                listener.Stop();
                return candidate;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException("No free port below 32768 was found for the test PostgreSQL cluster.");
    }

    private static Task RunAsPostgresAsync(string program, IReadOnlyList<string> arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
