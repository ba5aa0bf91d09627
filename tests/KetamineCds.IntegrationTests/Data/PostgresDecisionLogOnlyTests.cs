using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;
using Npgsql;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>What only PostgreSQL does: roles without UPDATE/DELETE/TRUNCATE, TRUNCATE triggers, outages of a server.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresDecisionLogOnlyTests(PostgresFixture fixture)
{
    [Theory]
    [InlineData("UPDATE \"DecisionLogEntries\" SET \"ActorEmail\" = 'x'")]
    [InlineData("DELETE FROM \"DecisionLogEntries\"")]
    [InlineData("TRUNCATE \"DecisionLogEntries\"")]
    [InlineData("UPDATE \"AccessEvents\" SET \"UserEmail\" = 'x'")]
    [InlineData("TRUNCATE \"AccessEvents\"")]
    public async Task AppRole_ChangeWithTriggersDisabled_IsStillDeniedByPrivileges(string sql)
    {
        await using var store = await LogStore.PostgresAsync(fixture.Cluster);
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        await store.Access.RecordAsync(new AccessEvent(AccessEventKind.SignIn, "a@b", null, null, null, "c"));
        await store.DisableTriggersAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => store.ExecuteAsAppAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("permission denied", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_LargeJsonColumns_UseLz4AndStoredEntriesReadBack()
    {
        await using var store = await LogStore.PostgresAsync(fixture.Cluster);
        var logged = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-LZ4"));

        foreach (var column in new[] { "InputJson", "HistoryJson", "AssessmentJson" })
        {
            Assert.Equal(1, await store.ScalarAsOwnerAsync(
                $"SELECT count(*) FROM pg_attribute WHERE attrelid = '\"DecisionLogEntries\"'::regclass AND attname = '{column}' AND attcompression = 'l'"));
        }

        // The assessment is several kilobytes, so PostgreSQL compressed it, with lz4.
        Assert.Equal(1, await store.ScalarAsOwnerAsync(
            "SELECT count(*) FROM \"DecisionLogEntries\" WHERE pg_column_compression(\"AssessmentJson\") = 'lz4'"));
        Assert.Equal(logged.AssessmentJson, (await store.Log.FindScreeningAsync(logged.Id))!.AssessmentJson);
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public void WithAutoPrepare_NoSetting_AddsIt_AndAnExplicitSettingIsKept()
    {
        var added = new NpgsqlConnectionStringBuilder(KetamineCdsDatabaseSettings.WithAutoPrepare("Host=db;Database=k;Username=u;Password=p"));
        Assert.Equal(KetamineCdsDatabaseSettings.DefaultMaxAutoPrepare, added.MaxAutoPrepare);
        Assert.Equal("p", added.Password);

        Assert.Equal("Host=db;Max Auto Prepare=0", KetamineCdsDatabaseSettings.WithAutoPrepare("Host=db;Max Auto Prepare=0"));
        Assert.Equal("Host=db;MaxAutoPrepare=5", KetamineCdsDatabaseSettings.WithAutoPrepare("Host=db;MaxAutoPrepare=5"));
    }

    [Fact]
    public async Task Owner_TruncateWithTriggersInPlace_IsRejected()
    {
        await using var store = await LogStore.PostgresAsync(fixture.Cluster);
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => store.ExecuteAsOwnerAsync("TRUNCATE \"DecisionLogEntries\" CASCADE"));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
    }

    [Fact]
    public async Task RecordScreening_DeadServer_ThrowsUnavailable()
    {
        var settings = new KetamineCdsDatabaseSettings(
            DatabaseProvider.Postgres,
            "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2",
            "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");
        var log = new EfDecisionLog(new KetamineCdsContextFactory(settings), TimeProvider.System);

        await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => log.RecordScreeningAsync(Screenings.Submit("MRN-1")));
        await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => log.FindScreeningAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => log.VerifyAsync());
    }

    [Fact]
    public async Task RecordScreening_ServerStopped_ThrowsUnavailableAndLeavesNoPartialRows()
    {
        // Its own cluster: stopping the shared one would take the other tests down with it.
        await using var cluster = await PostgresCluster.StartAsync();
        await using var store = await LogStore.PostgresAsync(cluster);
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        await cluster.StopServerAsync();
        var failure = await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2")));
        Assert.False(failure.OutcomeUnknown);
        await cluster.StartServerAsync();

        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
        var after = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-3"));
        Assert.Equal(2, after.Sequence);
    }

    [Fact]
    public async Task RecordScreening_ServerStoppedBeforeABatch_FailsEveryWaiterWithUnavailableAndStoresNothing()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var store = await LogStore.PostgresAsync(cluster);
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-0"));
        var hold = new BatchHold(store.Log.Appender);

        var appends = new List<Task<LoggedScreening>> { store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1")) };
        await GroupCommitTests.WaitUntilAsync(() => hold.Sizes.Count == 1);
        appends.AddRange(Enumerable.Range(2, 9).Select(i => store.Log.RecordScreeningAsync(Screenings.Submit("MRN-" + i))));
        await GroupCommitTests.WaitUntilAsync(() => store.Log.Appender.QueuedCount(LogChainHead.Decisions) == 9);
        await cluster.StopServerAsync();
        hold.Release();

        foreach (var append in appends)
        {
            await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => append);
        }

        await cluster.StartServerAsync();
        Assert.Equal([1, 9], hold.Sizes);
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
        Assert.Equal(2, (await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-11"))).Sequence);
    }

    [Fact]
    public async Task RecordScreening_ServerDiesWhileTheChainHeadIsLocked_StoresNothing()
    {
        await using var store = await LogStore.PostgresAsync(fixture.Cluster);
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        // Another session holds the chain head; the app's append waits on it and is then cut off by the server.
        await using var blocker = new NpgsqlConnection(store.Settings.MigrationsConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockHead = new NpgsqlCommand("SELECT 1 FROM \"LogChainHeads\" WHERE \"Chain\" = 'decisions' FOR UPDATE", blocker, transaction))
        {
            await lockHead.ExecuteScalarAsync();
        }

        var append = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2"));
        await Task.Delay(500);
        await using (var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ketaminecds-app' AND state = 'active'", blocker, transaction))
        {
            await kill.ExecuteScalarAsync();
        }

        Assert.False((await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => append)).OutcomeUnknown);
        await transaction.RollbackAsync();
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT \"LastSequence\" FROM \"LogChainHeads\" WHERE \"Chain\" = 'decisions'"));
    }

    [Fact]
    public async Task RecordScreening_ConnectionLostDuringTheCommit_SaysTheOutcomeIsUnknownAndTheChainStaysIntact()
    {
        // Its own cluster: it is configured to wait at every commit for a synchronous standby that never connects, so
        // the app's COMMIT is under way (committed locally, unanswered) when its connection is cut.
        await using var cluster = await PostgresCluster.StartAsync();
        await using var store = await LogStore.PostgresAsync(cluster);
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        await using var admin = new NpgsqlConnection(cluster.SuperuserConnectionString());
        await admin.OpenAsync();
        await AdminAsync(admin, "CREATE TABLE sync_probe (x int)");
        await AdminAsync(admin, "ALTER SYSTEM SET synchronous_standby_names = 'nobody'");
        await AdminAsync(admin, "SELECT pg_reload_conf()");
        await WaitUntilCommitsWaitForTheStandbyAsync(cluster, admin);

        var append = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2"));
        await using (var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ketaminecds-app' AND wait_event = 'SyncRep'", admin))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The app's commit never started waiting for the standby.");
                await Task.Delay(20);
            }
        }

        // pg_terminate_backend only signals; the standby setting must not be reset before the backend has ended, or, on a busy
        // machine, the reset releases the wait first and the commit is answered (a clean-clone run saw no exception). With a
        // timeout it returns once the backend has exited (PostgreSQL 14+).
        await AdminAsync(admin, "SELECT pg_terminate_backend(pid, 20000) FROM pg_stat_activity WHERE application_name = 'ketaminecds-app' AND wait_event = 'SyncRep'");
        await AdminAsync(admin, "ALTER SYSTEM RESET synchronous_standby_names");
        await AdminAsync(admin, "SELECT pg_reload_conf()");

        var failure = await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => append);
        Assert.True(failure.OutcomeUnknown);
        Assert.Contains("may have been stored", failure.Message, StringComparison.Ordinal);

        // Here it was in fact stored (committed locally before the cut), and the chain is whole either way.
        Assert.Equal(2, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(2, true, null), await store.Log.VerifyAsync());
        Assert.Equal(3, (await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-3"))).Sequence);
    }

    /// <summary>
    /// The reload is asynchronous, and a commit waits for the standby only once the checkpointer has published the new
    /// setting to shared memory, which can come after a session already reads it in pg_settings. So a probe commits
    /// until one waits for the standby (then it is cancelled: committed locally, as the setting leaves it).
    /// </summary>
    private static async Task WaitUntilCommitsWaitForTheStandbyAsync(PostgresCluster cluster, NpgsqlConnection admin)
    {
        var probeConnection = new NpgsqlConnectionStringBuilder(cluster.SuperuserConnectionString()) { ApplicationName = "sync-probe" }.ConnectionString;
        await using var probe = new NpgsqlConnection(probeConnection);
        await probe.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = 'sync-probe' AND wait_event = 'SyncRep'", admin);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, "Commits never started waiting for the standby after the reload.");
            await using var insert = new NpgsqlCommand("INSERT INTO sync_probe VALUES (1)", probe);
            var commit = insert.ExecuteNonQueryAsync();
            while (!commit.IsCompleted)
            {
                if (await waiting.ExecuteScalarAsync() is int pid)
                {
                    await AdminAsync(admin, $"SELECT pg_cancel_backend({pid})");
                    await commit;
                    return;
                }

                await Task.Delay(20);
            }

            await commit;
            await Task.Delay(50);
        }
    }

    private static async Task AdminAsync(NpgsqlConnection admin, string sql)
    {
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
