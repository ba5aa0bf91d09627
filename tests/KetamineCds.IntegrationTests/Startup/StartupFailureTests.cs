using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using KetamineCds.IntegrationTests.Fixtures;

namespace KetamineCds.IntegrationTests.Startup;

/// <summary>
/// QA12 G3 and G5: the published entry point (<c>dotnet KetamineCds.Web.dll</c>) with a wrong setting ends with one
/// message naming the setting and exit code 1, never an unhandled-exception abort (134) with stack frames; and it warns
/// when its own connection could switch the log's triggers off.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed partial class StartupFailureTests(PostgresFixture fixture)
{
    private const string Password = "Not-To-Be-Printed-7";

    [Fact]
    public async Task Start_DatabaseNotReachable_NamesTheConnectionStringAndHostAndExitsWithOne()
    {
        var port = ClosedPort();
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__KetamineCds"] = $"Host=127.0.0.1;Port={port};Database=ketaminecds;Username=ketaminecds_app;Password={Password};Timeout=5",
        });

        var exitCode = await app.ExitCodeAsync();

        var output = app.Output;
        Assert.Equal(1, exitCode);
        Assert.Contains("KetamineCds did not start: Migrating the database through ConnectionStrings:KetamineCds", output, StringComparison.Ordinal);
        Assert.Contains($"host 127.0.0.1, port {port}, database ketaminecds, user ketaminecds_app", output, StringComparison.Ordinal);
        Assert.Contains("could not connect", output, StringComparison.Ordinal);
        AssertOneMessageWithoutStackFrames(output);
    }

    [Fact]
    public async Task Start_MigrationsConnectionRefusedByTheServer_NamesThatConnectionStringAndTheServersReason()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync();
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__KetamineCdsMigrations"] = $"Host=127.0.0.1;Port={fixture.Cluster.Port};Database={database};Username=no_such_owner;Password={Password}",
            ["ConnectionStrings__KetamineCds"] = fixture.Cluster.ConnectionString("postgres", database),
        });

        var exitCode = await app.ExitCodeAsync();

        var output = app.Output;
        Assert.Equal(1, exitCode);
        Assert.Contains("through ConnectionStrings:KetamineCdsMigrations", output, StringComparison.Ordinal);
        Assert.Contains($"port {fixture.Cluster.Port}, database {database}, user no_such_owner", output, StringComparison.Ordinal);
        Assert.Contains("role \"no_such_owner\" does not exist", output, StringComparison.Ordinal);
        AssertOneMessageWithoutStackFrames(output);
    }

    [Fact]
    public async Task Start_AppConnectionRefusedAfterMigrating_NamesTheAppsConnectionString()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync();
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__KetamineCdsMigrations"] = fixture.Cluster.SuperuserConnectionString(database),
            ["ConnectionStrings__KetamineCds"] = $"Host=127.0.0.1;Port={fixture.Cluster.Port};Database={database};Username=no_such_app;Password={Password}",
        });

        var exitCode = await app.ExitCodeAsync();

        var output = app.Output;
        Assert.Equal(1, exitCode);
        Assert.Contains("through ConnectionStrings:KetamineCds (", output, StringComparison.Ordinal);
        Assert.Contains("user no_such_app", output, StringComparison.Ordinal);
        Assert.Contains("role \"no_such_app\" does not exist", output, StringComparison.Ordinal);
        AssertOneMessageWithoutStackFrames(output);
    }

    [Fact]
    public async Task Start_SettingRefused_KeepsItsSentenceOnceWithoutStackFrames()
    {
        using var app = AppProcess.Start(new Dictionary<string, string> { ["Database__Provider"] = "mysql" });

        var exitCode = await app.ExitCodeAsync();

        var output = app.Output;
        Assert.Equal(1, exitCode);
        Assert.Contains("KetamineCds did not start: Database:Provider 'mysql' is not supported; use 'sqlite' or 'postgres'.", output, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(output, "is not supported"));
        AssertOneMessageWithoutStackFrames(output);
    }

    [Fact]
    public async Task Start_MalformedConnectionString_NamesTheSettingWithoutThePassword()
    {
        // QA96 F5: before, "KetamineCds did not start: Couldn't set prot (Parameter 'prot')" named nothing to fix.
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__KetamineCds"] = $"Host=127.0.0.1;Prot=5432;Database=ketaminecds;Username=ketaminecds_app;Password={Password}",
        });

        var exitCode = await app.ExitCodeAsync();

        var output = app.Output;
        Assert.Equal(1, exitCode);
        Assert.Contains("KetamineCds did not start: ConnectionStrings:KetamineCds is not a valid PostgreSQL connection string: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        AssertOneMessageWithoutStackFrames(output);
    }

    [Fact]
    public async Task Start_PostgresConnectionStringWithoutProvider_SaysToSetTheProvider()
    {
        // QA114 F5: before, "not a valid SQLite connection string: ... 'host' is not supported ... Check its keywords
        // (for example Host, ...)", which named Host as the fix and not Database:Provider.
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__KetamineCds"] = $"Host=127.0.0.1;Port=5432;Database=ketaminecds;Username=ketaminecds_app;Password={Password}",
        });

        var exitCode = await app.ExitCodeAsync();

        var output = app.Output;
        Assert.Equal(1, exitCode);
        Assert.Contains(
            "KetamineCds did not start: ConnectionStrings:KetamineCds is a PostgreSQL connection string, but Database:Provider is sqlite (its default when not set): set Database:Provider to postgres",
            output,
            StringComparison.Ordinal);
        AssertOneMessageWithoutStackFrames(output);
    }

    [Fact]
    public async Task Start_AppRoleMigratesWithoutOwnerConnection_SaysMigrationsNeedTheOwner()
    {
        // QA114 F5: before, "permission denied for schema public (42501). Check ConnectionStrings:KetamineCds: the host
        // and port, the database, the user and its password", when the password was right and the owner was missing.
        var database = await fixture.Cluster.CreateDatabaseAsync();
        var role = "app_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.Cluster.SuperuserConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE ROLE {role} LOGIN", connection);
            await command.ExecuteNonQueryAsync();
        }

        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__KetamineCds"] = fixture.Cluster.ConnectionString(role, database),
        });

        var exitCode = await app.ExitCodeAsync();

        var output = app.Output;
        Assert.Equal(1, exitCode);
        Assert.Contains("(42501)", output, StringComparison.Ordinal);
        Assert.Contains(
            "Migrations create and change tables, so they need the database's owner: set ConnectionStrings:KetamineCdsMigrations to the owner's connection string",
            output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("the user and its password", output, StringComparison.Ordinal);
        AssertOneMessageWithoutStackFrames(output);
    }

    [Fact]
    public async Task Start_AppConnectsAsTheLogTablesOwner_WarnsThatTheLogIsNotProtected()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync();
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__KetamineCds"] = fixture.Cluster.SuperuserConnectionString(database),
        });

        Assert.True(await app.WaitForOutputAsync("Application started"), app.Output);
        app.Stop();

        Assert.Contains("The app's own connection (ConnectionStrings:KetamineCds) connects as 'postgres', a superuser", app.Output, StringComparison.Ordinal);
    }

    private static void AssertOneMessageWithoutStackFrames(string output)
    {
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), output);
        Assert.Single(Regex.Matches(output, "KetamineCds did not start"));
    }

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
