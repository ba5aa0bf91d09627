using System.Globalization;
using System.Threading.Channels;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// Signed checkpoints against the attacks the hash chain alone cannot see (issue 13): an older backup put back, a log
/// cut short, a chain rewritten and re-hashed by someone who can write the whole database. Every test runs on SQLite
/// and on PostgreSQL; the tamperer works as the database owner, with the triggers switched off.
/// </summary>
public abstract class CheckpointTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ketaminecds-checkpoint-tests-" + Guid.NewGuid().ToString("N"));
    private LogStore _store = null!;
    private CheckpointKeys _keys = null!;

    protected abstract Task<LogStore> CreateStoreAsync();

    private LogStore Store => _store;

    private CheckpointSettings Settings => new(
        Path.Combine(_folder, "checkpoints"),
        Path.Combine(_folder, "key.pem"),
        CreateKeyIfMissing: true,
        TimeSpan.FromMinutes(5),
        [Path.Combine(_folder, "kept-elsewhere")],
        []);

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        _keys = CheckpointKeys.Load(Settings);
        Directory.CreateDirectory(Path.Combine(_folder, "kept-elsewhere"));
    }

    public async Task DisposeAsync()
    {
        _keys.Dispose();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Verify_HonestLogGrowsAfterCheckpoints_IsIntactAndEveryCheckpointHolds()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(5);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        await RecordAsync(4);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        await RecordAsync(3);

        var full = await checkpoints.VerifyAsync(VerificationMode.Full);
        var incremental = await checkpoints.VerifyAsync(VerificationMode.FromCheckpoint);

        Assert.True(full.Intact);
        Assert.Equal(12, full.Chain.Checked);
        Assert.Null(full.FailedCheckpoint);
        Assert.Equal([5L, 9L], full.Checkpoints.Select(c => c.Checkpoint!.Sequence));
        Assert.All(full.Checkpoints, c => Assert.Equal(CheckpointVerdict.Holds, c.Verdict));
        // From the newest checkpoint: only the three entries after it are read.
        Assert.True(incremental.Intact);
        Assert.Equal(VerificationMode.FromCheckpoint, incremental.Mode);
        Assert.Equal(9, incremental.StartedAfter);
        Assert.Equal(3, incremental.Chain.Checked);
        Assert.Equal([CheckpointVerdict.NotChecked, CheckpointVerdict.Holds], incremental.Checkpoints.Select(c => c.Verdict));
    }

    [Fact]
    public async Task Verify_OlderBackupRestoredAfterCheckpoint_IsNotIntactAndNamesTheCheckpoint()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(5);
        var backup = await Store.BackupAsync();
        var later = await RecordAsync(10);
        var checkpoint = (await checkpoints.CreateAsync()).Checkpoint!;

        await Store.RestoreAsync(backup);

        // The chain alone cannot tell: the backup is a consistent, shorter log (what the issue reported).
        Assert.Equal(new ChainVerification(5, true, null), await Store.Log.VerifyAsync());
        foreach (var mode in new[] { VerificationMode.Full, VerificationMode.FromCheckpoint })
        {
            var result = await checkpoints.VerifyAsync(mode);
            Assert.False(result.Intact);
            var failed = Assert.IsType<CheckpointStatus>(result.FailedCheckpoint);
            Assert.Equal(15, failed.Checkpoint!.Sequence);
            Assert.Equal(checkpoint.CreatedAt, failed.Checkpoint.CreatedAt);
            Assert.Equal(CheckpointVerdict.LogEndsBefore, failed.Verdict);
            Assert.Contains("ends at entry 5", failed.Reason, StringComparison.Ordinal);
            Assert.Equal(later[^1], result.FirstBrokenId);
        }
    }

    [Fact]
    public async Task Verify_OlderBackupRestoredAndWrittenOnPastTheCheckpoint_NamesTheCheckpoint()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(3);
        var backup = await Store.BackupAsync();
        await RecordAsync(4);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);

        await Store.RestoreAsync(backup);
        await RecordAsync(6); // the clinic works on: entry 7 exists again, but it is another entry

        Assert.True((await Store.Log.VerifyAsync()).Intact);
        var result = await checkpoints.VerifyAsync(VerificationMode.FromCheckpoint);
        Assert.False(result.Intact);
        Assert.Equal(7, result.FailedCheckpoint!.Checkpoint!.Sequence);
        Assert.Equal(CheckpointVerdict.EntryDiffers, result.FailedCheckpoint.Verdict);
    }

    [Fact]
    public async Task Verify_LogCutShortAfterCheckpoint_IsNotIntactAndNamesTheCheckpoint()
    {
        var checkpoints = Checkpoints();
        var ids = await RecordAsync(8);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);

        // The owner removes the last three entries and moves the head back to entry 5: a consistent, shorter chain.
        await Store.DisableTriggersAsync();
        await Store.DisableChainHeadTriggersAsync();
        await Store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" > 5");
        await Store.ExecuteAsOwnerAsync("""
            UPDATE "LogChainHeads" SET "LastSequence" = 5,
              "LastHash" = (SELECT "Hash" FROM "DecisionLogEntries" WHERE "Sequence" = 5),
              "LastId" = (SELECT "Id" FROM "DecisionLogEntries" WHERE "Sequence" = 5)
            WHERE "Chain" = 'decisions'
            """);

        Assert.Equal(new ChainVerification(5, true, null), await Store.Log.VerifyAsync());
        var result = await checkpoints.VerifyAsync(VerificationMode.Full);
        Assert.False(result.Intact);
        Assert.Equal(8, result.FailedCheckpoint!.Checkpoint!.Sequence);
        Assert.Equal(CheckpointVerdict.LogEndsBefore, result.FailedCheckpoint.Verdict);
        Assert.Equal((ids[7], 8L), (result.FirstBrokenId, result.FirstBrokenSequence));
    }

    [Fact]
    public async Task Verify_ChainRewrittenAndRehashedAfterCheckpoint_IsNotIntactAndNamesTheCheckpoint()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(4);
        var first = (await checkpoints.CreateAsync()).Checkpoint!;
        var ids = await RecordAsync(4);
        var second = (await checkpoints.CreateAsync()).Checkpoint!;

        // Entry 6's verdict is changed, every hash from there on recomputed, and the head moved to the new last hash.
        await Store.RewriteAndRehashAsync(fromSequence: 6, e => e.Overall = "not-eligible-now");

        Assert.Equal(new ChainVerification(8, true, null), await Store.Log.VerifyAsync());
        foreach (var mode in new[] { VerificationMode.Full, VerificationMode.FromCheckpoint })
        {
            var result = await checkpoints.VerifyAsync(mode);
            Assert.False(result.Intact);
            Assert.Equal(second.Sequence, result.FailedCheckpoint!.Checkpoint!.Sequence);
            Assert.Equal(CheckpointVerdict.EntryDiffers, result.FailedCheckpoint.Verdict);
            Assert.Equal(ids[^1], result.FirstBrokenId);
        }

        // The earlier checkpoint still holds: the change lies between entries 4 and 8.
        var full = await checkpoints.VerifyAsync(VerificationMode.Full);
        Assert.Equal(CheckpointVerdict.Holds, full.Checkpoints.Single(c => c.Checkpoint!.Sequence == first.Sequence).Verdict);
    }

    [Fact]
    public async Task Verify_CheckpointOfAnotherDatabaseInTheFolder_ChainIntactCheckpointNamedAsAnotherLogsAndNeverABrokenEntry()
    {
        // The earlier database: three entries and a checkpoint of them in the folder.
        var earlierIds = await RecordAsync(3);
        var earlier = (await Checkpoints().CreateAsync()).Checkpoint!;
        // A new database, checked against the same folder (what the folder every database shared did).
        await using var fresh = await CreateStoreAsync();
        var checkpoints = Checkpoints(store: fresh);

        var whenEmpty = await checkpoints.VerifyAsync(VerificationMode.Full);
        await RecordAsync(2, fresh);
        var full = await checkpoints.VerifyAsync(VerificationMode.Full);
        var incremental = await checkpoints.VerifyAsync(VerificationMode.FromCheckpoint);
        var refused = await checkpoints.CreateAsync();

        Assert.Equal(CheckpointVerdict.OtherLog, whenEmpty.FailedCheckpoint!.Verdict);
        Assert.Contains("this log is empty", whenEmpty.FailedCheckpoint.Reason, StringComparison.Ordinal);
        // The reason's time is carried as the instant (the pages show it in the clinic's time); the API's words name it in UTC.
        Assert.Equal([earlier.CreatedAt], whenEmpty.FailedCheckpoint.Times);
        Assert.Equal(
            $"Signed for another log: it signed entry 3 ({earlierIds[^1]}) on {earlier.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, and this log is empty. The database was replaced or recreated since, or this log was emptied.",
            whenEmpty.FailedCheckpoint.Reason);
        foreach (var result in new[] { whenEmpty, full, incremental, refused.Verification })
        {
            // The chain itself is intact; the log is still not verified, and the checkpoint is named, not an entry this log never held.
            Assert.True(result.Chain.Intact);
            Assert.False(result.Intact);
            Assert.Null(result.FirstBrokenId);
            var failed = result.FailedCheckpoint!;
            Assert.Equal(CheckpointVerdict.OtherLog, failed.Verdict);
            Assert.Equal(earlier.FileName, failed.FileName);
            Assert.Equal(earlier, failed.Checkpoint);
            Assert.Equal(earlierIds[^1], failed.EntryId);
            Assert.Contains($"Signed for another log: it signed entry 3 ({earlierIds[^1]})", failed.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(2, full.Chain.Checked);
        Assert.Contains("before this log's first entry was recorded", full.FailedCheckpoint!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, full.FailedCheckpoint.Times.Count);
        Assert.Equal(earlier.CreatedAt, full.FailedCheckpoint.Times[0]);
        Assert.True(full.FailedCheckpoint.Times[1] > earlier.CreatedAt);
        Assert.Null(refused.Checkpoint);

        // The administrator, on the host, sets the earlier database's checkpoints aside: the new log verifies and can be
        // signed, and the set-aside folder is still named.
        var aside = Directory.CreateDirectory(Path.Combine(Settings.Directory, "set-aside-test"));
        File.Move(Path.Combine(Settings.Directory, earlier.FileName), Path.Combine(aside.FullName, earlier.FileName));
        var recovered = await checkpoints.VerifyAsync(VerificationMode.Full);
        Assert.True(recovered.Intact);
        Assert.Equal([new SetAsideFolder("set-aside-test", 1)], recovered.SetAside);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        // Against the earlier database, its own checkpoint still holds.
        Assert.Equal(CheckpointVerdict.Holds, Assert.Single(await Checkpoints().CheckAsync([new CheckpointFile("uploaded", earlier.FileName, earlier.ToJson())])).Verdict);
    }

    [Fact]
    public async Task Verify_CheckpointFileAltered_FailsOnItsSignature()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(3);
        var checkpoint = (await checkpoints.CreateAsync()).Checkpoint!;
        var path = Path.Combine(Settings.Directory, checkpoint.FileName);

        // Someone on the host re-points the checkpoint at a rewritten log's head, without the key.
        await Store.RewriteAndRehashAsync(fromSequence: 2, e => e.ActorEmail = "someone@else");
        string newHead;
        await using (var db = Store.Factory.CreateOwnerDbContext())
        {
            newHead = await db.DecisionLogEntries.Where(e => e.Sequence == 3).Select(e => e.Hash).SingleAsync();
        }

        await File.WriteAllTextAsync(path, (checkpoint with { HeadHash = newHead }).ToJson());

        var result = await checkpoints.VerifyAsync(VerificationMode.Full);
        Assert.False(result.Intact);
        Assert.Equal(CheckpointVerdict.BadSignature, result.FailedCheckpoint!.Verdict);
        Assert.Equal(3, result.FailedCheckpoint.Checkpoint!.Sequence);

        // A signature from another key is not trusted either.
        using var otherKey = CheckpointSigningKey.LoadOrCreate(Path.Combine(_folder, "other.pem"));
        await File.WriteAllTextAsync(path, otherKey.Sign("decisions", 3, newHead, checkpoint.HeadEntryId, checkpoint.CreatedAt).ToJson());
        Assert.Equal(CheckpointVerdict.UnknownKey, (await checkpoints.VerifyAsync(VerificationMode.Full)).FailedCheckpoint!.Verdict);

        await File.WriteAllTextAsync(path, "{ not json");
        Assert.Equal(CheckpointVerdict.Malformed, (await checkpoints.VerifyAsync(VerificationMode.Full)).FailedCheckpoint!.Verdict);
    }

    [Fact]
    public async Task Verify_CheckpointsDeletedFromTheAppsFolder_TheCopyKeptElsewhereStillNamesTheRestore()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(2);
        var backup = await Store.BackupAsync();
        await RecordAsync(3);
        var checkpoint = (await checkpoints.CreateAsync()).Checkpoint!;
        File.Copy(Path.Combine(Settings.Directory, checkpoint.FileName), Path.Combine(Settings.ExternalCopies[0], checkpoint.FileName));

        await Store.RestoreAsync(backup);
        File.Delete(Path.Combine(Settings.Directory, checkpoint.FileName));

        var result = await checkpoints.VerifyAsync(VerificationMode.Full);
        Assert.False(result.Intact);
        Assert.Equal(5, result.FailedCheckpoint!.Checkpoint!.Sequence);
        Assert.Equal([Settings.ExternalCopies[0]], result.FailedCheckpoint.Sources);
    }

    [Fact]
    public async Task Check_UploadedCopies_EachGetsItsStatus()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(2);
        var good = (await checkpoints.CreateAsync()).Checkpoint!;
        await RecordAsync(1);
        var forged = good with { Sequence = 3 };

        var statuses = await checkpoints.CheckAsync(
        [
            new CheckpointFile("uploaded", "good.json", good.ToJson()),
            new CheckpointFile("uploaded", "forged.json", forged.ToJson()),
            new CheckpointFile("uploaded", "notes.json", "[]"),
        ]);

        Assert.Equal(
            [("good.json", CheckpointVerdict.Holds), ("forged.json", CheckpointVerdict.BadSignature), ("notes.json", CheckpointVerdict.Malformed)],
            statuses.Select(s => (s.FileName, s.Verdict)));
    }

    [Theory]
    [InlineData("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = 2")]
    [InlineData("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = 0 WHERE \"Sequence\" = 2")]
    [InlineData("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 3")]
    [InlineData("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = 1000 WHERE \"Sequence\" = 2")]
    public async Task Verify_FromCheckpoint_EntryBeforeTheCheckpointDeletedInsertedOrMoved_IsNotIntactAndSaysWhatItCannotVouchFor(string tamper)
    {
        // QA141 F1: the check from the newest checkpoint re-hashes only the entries after it; an entry before it deleted,
        // or moved out of 1..N (below the first, past the checkpoint), or one inserted, left it reading "intact, 0 checked".
        var checkpoints = Checkpoints();
        await RecordAsync(5);
        var checkpoint = (await checkpoints.CreateAsync()).Checkpoint!;
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync(tamper);

        var result = await checkpoints.VerifyAsync(VerificationMode.FromCheckpoint);

        Assert.Equal(VerificationMode.FromCheckpoint, result.Mode);
        Assert.Equal(5, result.StartedAfter);
        Assert.False(result.Intact);
        Assert.False(result.Chain.Intact);
        Assert.False(result.Signable);
        Assert.Equal(new ChainFinding(ChainFinding.CountBeforeCheckpoint, null, null, 1, 5, checkpoint.FileName), result.Findings[0]);
        // The full check names the place.
        Assert.False((await checkpoints.VerifyAsync(VerificationMode.Full)).Chain.Intact);
    }

    [Fact]
    public async Task Verify_FromCheckpoint_HonestLog_CountsTheEntriesBeforeTheCheckpointAndFindsNothing()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(4);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        await RecordAsync(2);

        var result = await checkpoints.VerifyAsync(VerificationMode.FromCheckpoint);

        Assert.True(result.Intact);
        Assert.Empty(result.Findings);
        Assert.Equal(2, result.Chain.Checked);
    }

    [Fact]
    public async Task CheckpointWriter_EntryBeforeTheNewestCheckpointDeleted_TheCheckFromTheCheckpointRefuses_ThenTheFullCheckNamesTheGap()
    {
        // QA141 F1: the writer signed a checkpoint over a log with entry 10 deleted, without a warning.
        using var signed = await WriterThatSignedAtEntry3Async();
        var (writer, clock, logger) = signed;
        Assert.Single(CheckpointFilesWritten());

        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = 2");
        await RecordAsync(1);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);

        Assert.Single(CheckpointFilesWritten());
        var refused = Assert.Single(logger.Messages, m => m.Level == LogLevel.Error);
        Assert.Equal("from-checkpoint", refused.Properties["Check"]);
        var reason = (string)refused.Properties["Reason"]!;
        Assert.Contains("entries 1 to 3", reason, StringComparison.Ordinal);
        Assert.Contains("deleted, inserted or moved", reason, StringComparison.Ordinal);

        // The next tick checks all of it, and names the gap.
        clock.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync(1);
        await writer.WriteOnceAsync(CancellationToken.None);
        Assert.Single(CheckpointFilesWritten());
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Error && Equals(m.Properties["Check"], "full") && m.Text.Contains("signed. the chain is broken at entry 3 (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_EntryBeforeACheckpointDeleted_ThatCheckpointIsNotCountedAsHolding_InEitherMode()
    {
        // helper-147 (after QA141 F1): both checks counted the checkpoint as holding beside the finding that the entries
        // it vouches for are no longer the ones it signed; a checkpoint before the finding still holds.
        var checkpoints = Checkpoints();
        await RecordAsync(2);
        var first = (await checkpoints.CreateAsync()).Checkpoint!;
        await RecordAsync(3);
        var second = (await checkpoints.CreateAsync()).Checkpoint!;
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = 4");

        var full = await checkpoints.VerifyAsync(VerificationMode.Full);
        var incremental = await checkpoints.VerifyAsync(VerificationMode.FromCheckpoint);

        Assert.Equal([first.FileName], full.Checkpoints.Where(c => c.Verdict == CheckpointVerdict.Holds).Except(full.Undermined).Select(c => c.FileName));
        Assert.Equal([second.FileName], full.Undermined.Select(c => c.FileName));
        Assert.Equal(1, full.Holding);
        Assert.Equal([second.FileName], incremental.Undermined.Select(c => c.FileName));
        Assert.Equal(0, incremental.Holding);
        // The signed entry itself still has the signed hash: the checkpoint's own verdict says so, and stays.
        Assert.All(full.Checkpoints, c => Assert.Equal(CheckpointVerdict.Holds, c.Verdict));
    }

    [Fact]
    public async Task CheckpointWriter_LogStaysDamagedAndNothingIsAppended_TheFullCheckIsNotRepeated_YetEveryTickRefuses()
    {
        // helper-147: while the log stayed damaged, every tick walked the whole log again though nothing had changed.
        var interval = TimeSpan.FromHours(6);
        using var signed = await WriterThatSignedAtEntry3Async(Settings with { FullVerificationInterval = interval });
        var (writer, clock, logger) = signed;
        Assert.Single(CheckpointFilesWritten());
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 2");
        await RecordAsync(1);
        clock.Advance(interval);
        await writer.WriteOnceAsync(CancellationToken.None);
        var first = Assert.Single(logger.Messages, m => m.Level == LogLevel.Error);
        Assert.StartsWith("the chain is broken at entry 2 (", (string)first.Properties["Reason"]!, StringComparison.Ordinal);

        // Entry 1 edited in place too: nothing appended, so the next ticks do not walk again (a walk would name entry 1),
        // and each still refuses, as an error with the same text up to the reason.
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-778' WHERE \"Sequence\" = 1");
        for (var tick = 0; tick < 2; tick++)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await writer.WriteOnceAsync(CancellationToken.None);
            var again = logger.Messages[^1];
            Assert.Equal(LogLevel.Error, again.Level);
            Assert.Equal("full", again.Properties["Check"]);
            Assert.StartsWith("The decision log does not verify; no checkpoint was signed. the chain is broken at entry 2 (", again.Text, StringComparison.Ordinal);
            Assert.Contains("nothing was appended since the full check at 2026-11-28 12:00:00 UTC that found it, so the log was not walked again", (string)again.Properties["Reason"]!, StringComparison.Ordinal);
        }

        // An entry appended: the whole log is walked again, and the refusal names entry 1.
        await RecordAsync(1);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);
        var walked = logger.Messages[^1];
        Assert.StartsWith("the chain is broken at entry 1 (", (string)walked.Properties["Reason"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("not walked again", (string)walked.Properties["Reason"]!, StringComparison.Ordinal);

        // Nothing appended for a whole full-check interval: walked again all the same (a repair in place is seen).
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-C0' WHERE \"Sequence\" = 1");
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);
        Assert.Contains("not walked again", (string)logger.Messages[^1].Properties["Reason"]!, StringComparison.Ordinal);
        clock.Advance(interval);
        await writer.WriteOnceAsync(CancellationToken.None);
        Assert.StartsWith("the chain is broken at entry 2 (", (string)logger.Messages[^1].Properties["Reason"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("not walked again", (string)logger.Messages[^1].Properties["Reason"]!, StringComparison.Ordinal);
        Assert.Single(CheckpointFilesWritten());
        Assert.Equal(7, logger.TicksEnded);
    }

    [Fact]
    public async Task CheckpointWriter_TheCheckFromTheCheckpointRefuses_TheNextTickChecksInFull_AndTheTicksAfterAreNotVerifiedAndRecordedAgain()
    {
        // Session 65: a quicker check that refused was run again at every tick until the next full check was due (a day by
        // default), each time recording a verification in the access log. Now the next tick checks all of it, naming the
        // entry, and the ticks after it refuse with that check's reason without walking, or recording, again.
        using var signed = await WriterThatSignedAtEntry3Async();
        var (writer, clock, logger) = signed;
        await RecordAsync(2);
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 5");
        var recordedBefore = await VerificationsRecordedAsync();

        var checks = new List<string>();
        for (var tick = 0; tick < 4; tick++)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await writer.WriteOnceAsync(CancellationToken.None);
            var refused = logger.Messages[^1];
            Assert.Equal(LogLevel.Error, refused.Level);
            Assert.StartsWith("the chain is broken at entry 5 (", (string)refused.Properties["Reason"]!, StringComparison.Ordinal);
            checks.Add((string)refused.Properties["Check"]! + (((string)refused.Properties["Reason"]!).Contains("not walked again", StringComparison.Ordinal) ? ", not walked again" : ""));
        }

        Assert.Equal(["from-checkpoint", "full", "full, not walked again", "full, not walked again"], checks);
        Assert.Equal(2, await VerificationsRecordedAsync() - recordedBefore);
        Assert.Single(CheckpointFilesWritten());
    }

    [Fact]
    public async Task CheckpointWriter_LogDamaged_ACheckpointFileSetAside_TheNextTickWalksAgain()
    {
        // What the writer remembers of a failed full check is the log's head and count and the checkpoint folder's files:
        // a change to the folder (a file put back or set aside) is checked again at the next tick.
        using var signed = await WriterThatSignedAtEntry3Async();
        var (writer, clock, logger) = signed;
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 2");
        await RecordAsync(1);
        clock.Advance(TimeSpan.FromDays(1));
        await writer.WriteOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);
        Assert.Contains("not walked again", (string)logger.Messages[^1].Properties["Reason"]!, StringComparison.Ordinal);

        var file = Assert.Single(CheckpointFilesWritten());
        Directory.CreateDirectory(Path.Combine(Settings.Directory, "set-aside"));
        File.Move(file, Path.Combine(Settings.Directory, "set-aside", Path.GetFileName(file)));
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);

        Assert.DoesNotContain("not walked again", (string)logger.Messages[^1].Properties["Reason"]!, StringComparison.Ordinal);
        Assert.StartsWith("the chain is broken at entry 2 (", (string)logger.Messages[^1].Properties["Reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCheckpoint_LogAlreadyRewritten_RefusesToSign()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(3);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        await Store.RewriteAndRehashAsync(fromSequence: 1, e => e.PatientReference = "MRN-OTHER");
        await RecordAsync(1);

        var created = await checkpoints.CreateAsync();

        Assert.Null(created.Checkpoint);
        Assert.Equal(CheckpointVerdict.EntryDiffers, created.Verification.FailedCheckpoint!.Verdict);
        Assert.Single(Directory.GetFiles(Settings.Directory, "*.json"));
    }

    [Fact]
    public async Task CreateCheckpoint_EntryBeforeTheNewestCheckpointEditedWithoutRehashing_RefusesToSign()
    {
        // QA10c S2: a checkpoint at entry 3, then the owner edits entry 1's content and leaves its hash as it was; the
        // checkpoint still holds (its entry keeps the signed hash), and the clinic records one more entry.
        var checkpoints = Checkpoints();
        await RecordAsync(3);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 1");
        await RecordAsync(1);

        var created = await checkpoints.CreateAsync();

        Assert.Null(created.Checkpoint);
        Assert.False(created.Verification.Chain.Intact);
        Assert.Equal(1, created.Verification.FirstBrokenSequence);
        Assert.Single(CheckpointFilesWritten());
    }

    [Fact]
    public async Task CheckpointWriter_IntervalPasses_WritesOneOnlyWhenTheHeadHasMoved()
    {
        // Only the fake clock moves the writer: its timer fires inside Advance (the clock notes when), and each tick it
        // runs ends in one message (a checkpoint written, or nothing to sign), read here in turn; the test waits for
        // the writer, never for the wall clock.
        var start = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
        var clock = new TimerNotingClock(start);
        var checkpoints = Checkpoints(clock);
        var logger = new ListLogger();
        using var writer = new CheckpointWriter(checkpoints, Settings, clock, logger);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            await RecordAsync(3);
            clock.Advance(TimeSpan.FromMinutes(4));
            Assert.Empty(clock.Fired);
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal([start.AddMinutes(5)], clock.Fired);
            Assert.StartsWith("Decision log checkpoint written at entry 3: ", await logger.NextTickAsync(), StringComparison.Ordinal);
            Assert.Equal([(3L, start.AddMinutes(5))], CheckpointsWritten().Select(c => (c.Sequence, c.CreatedAt)));

            // Nothing new: the next tick signs nothing.
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(NothingToSign, await logger.NextTickAsync());
            Assert.Single(CheckpointFilesWritten());

            await RecordAsync(2);
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.StartsWith("Decision log checkpoint written at entry 5: ", await logger.NextTickAsync(), StringComparison.Ordinal);
            Assert.Equal([(3L, start.AddMinutes(5)), (5L, start.AddMinutes(15))], CheckpointsWritten().Select(c => (c.Sequence, c.CreatedAt)));
            Assert.True((await checkpoints.VerifyAsync(VerificationMode.Full)).Intact);
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        // Every 5 minutes and at no other time, one tick each.
        Assert.Equal([start.AddMinutes(5), start.AddMinutes(10), start.AddMinutes(15)], clock.Fired);
        Assert.Equal(3, logger.TicksEnded);
    }

    [Fact]
    public async Task CheckpointWriter_EntryEditedWithoutRehashingBeforeTheNewestCheckpoint_TheDailyFullCheckFindsItAndSignsNothing()
    {
        // QA10c S2: the writer's check from the newest checkpoint cannot see an entry before it edited without
        // re-hashing (it keeps the signed hash); the whole log is verified once a day (the default) before signing.
        using var signed = await WriterThatSignedAtEntry3Async();
        var (writer, clock, logger) = signed;
        Assert.Single(CheckpointFilesWritten());
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Information && m.Text.StartsWith("Full verification of the decision log before signing: 3 entries re-hashed, intact", StringComparison.Ordinal));

        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 1");
        await RecordAsync(1);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);
        // Between full checks the quicker check signs over it (docs/security.md says so): the entry is before checkpoint 3.
        Assert.Equal(2, CheckpointFilesWritten().Length);

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(5));
        await RecordAsync(1);
        await writer.WriteOnceAsync(CancellationToken.None);

        Assert.Equal(2, CheckpointFilesWritten().Length);
        var refused = Assert.Single(logger.Messages, m => m.Level == LogLevel.Error);
        // Monitoring matches the text up to the reason (docs/operations.md); which check refused comes after it, and is
        // a property of its own.
        Assert.StartsWith("The decision log does not verify; no checkpoint was signed. the chain is broken at entry 1 (", refused.Text, StringComparison.Ordinal);
        Assert.EndsWith(" (check: full)", refused.Text, StringComparison.Ordinal);
        Assert.Equal("The decision log does not verify; no checkpoint was signed. {Reason} (check: {Check})", refused.Properties["{OriginalFormat}"]);
        Assert.Equal("full", refused.Properties["Check"]);
        Assert.StartsWith("the chain is broken at entry 1 (", (string)refused.Properties["Reason"]!, StringComparison.Ordinal);

        // A full check that failed does not wait a day: the next tick checks in full again, and signs nothing.
        clock.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync(1);
        await writer.WriteOnceAsync(CancellationToken.None);
        Assert.Equal(2, CheckpointFilesWritten().Length);
        Assert.Equal(2, logger.Messages.Count(m => m.Level == LogLevel.Error && Equals(m.Properties["Check"], "full") && m.Text.Contains("signed. the chain is broken at entry 1 (", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CheckpointWriter_FirstRunAfterStart_VerifiesTheWholeLogAndSignsNothingOverAnEditedEntry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));
        var checkpoints = Checkpoints(clock);
        await RecordAsync(3);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 1");
        await RecordAsync(1);

        // The app restarts: its writer's first run checks all of it, whatever the interval.
        var logger = new ListLogger();
        using var writer = new CheckpointWriter(checkpoints, Settings with { FullVerificationInterval = TimeSpan.FromDays(7) }, clock, logger);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);

        Assert.Single(CheckpointFilesWritten());
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Error && Equals(m.Properties["Check"], "full") && m.Text.Contains("signed. the chain is broken at entry 1 (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckpointWriter_LogRewrittenAfterACheckpoint_TheCheckFromTheNewestCheckpointRefuses_AndTheLogSaysWhichCheck()
    {
        using var signed = await WriterThatSignedAtEntry3Async();
        var (writer, clock, logger) = signed;
        await RecordAsync(2);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);
        // The checkpoint at entry 3 still holds after this, the one at 5 no longer does.
        await Store.RewriteAndRehashAsync(fromSequence: 5, e => e.PatientReference = "MRN-OTHER");
        await RecordAsync(1);
        clock.Advance(TimeSpan.FromMinutes(5));

        await writer.WriteOnceAsync(CancellationToken.None);

        Assert.Equal(2, CheckpointFilesWritten().Length);
        var refused = Assert.Single(logger.Messages, m => m.Level == LogLevel.Error);
        var reason = (string)refused.Properties["Reason"]!;
        Assert.Equal("from-checkpoint", refused.Properties["Check"]);
        Assert.Equal($"The decision log does not verify; no checkpoint was signed. {reason} (check: from-checkpoint)", refused.Text);
        Assert.DoesNotContain("the chain is broken", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointWriter_OlderBackupRestored_TheNextTickRefusesAndSaysTheLogEndsBeforeTheCheckpoint()
    {
        // QA12 G2: with the head behind the newest checkpoint the writer said "nothing to sign" (Debug) at every tick,
        // until the log grew past the checkpoint again; then it named a differing entry, which reads like tampering.
        // The fake clock starts now: the entries carry real times, and a checkpoint signed before the log's first entry
        // would read as another log's.
        using var signed = await WriterThatSignedAtEntry3Async(start: DateTimeOffset.UtcNow);
        var (writer, clock, logger) = signed;
        var backup = await Store.BackupAsync();
        await RecordAsync(2);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);
        Assert.Equal(2, CheckpointFilesWritten().Length);

        await Store.RestoreAsync(backup);
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);
        await RecordAsync(1); // the clinic works on: entry 4 again, still before the checkpoint at 5
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);

        var refusals = logger.Messages.Where(m => m.Level == LogLevel.Error).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains("The log ends at entry 3, before entry 5 that this checkpoint signed", (string)refusals[0].Properties["Reason"]!, StringComparison.Ordinal);
        Assert.Contains("The log ends at entry 4, before entry 5 that this checkpoint signed", (string)refusals[1].Properties["Reason"]!, StringComparison.Ordinal);
        Assert.Equal(2, CheckpointFilesWritten().Length);
    }

    [Fact]
    public async Task CheckpointWriter_FullCheckPassed_NextOneOnlyAfterTheConfiguredInterval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));
        var logger = new ListLogger();
        using var writer = new CheckpointWriter(Checkpoints(clock), Settings with { FullVerificationInterval = TimeSpan.FromHours(2) }, clock, logger);
        for (var tick = 0; tick <= 25; tick++)
        {
            await RecordAsync(1);
            await writer.WriteOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(5));
        }

        // Ticks at 0, 5, ..., 125 minutes: full at 0 and at 120 only, and a checkpoint at every tick.
        Assert.Equal(26, CheckpointFilesWritten().Length);
        Assert.Equal(["1 entries", "25 entries"], logger.Messages.Where(m => m.Text.StartsWith("Full verification", StringComparison.Ordinal)).Select(m => m.Text.Split(": ")[1].Split(" re-hashed")[0]));
    }

    [Fact]
    public async Task Verify_RewrittenBetweenTwoCheckpoints_GivesTheRangeTheChangeLiesInNotAnEntryNobodyChanged()
    {
        // QA14a P2 (d): a re-hashed rewrite of entry 3 was reported as "first broken entry 11", the checkpoint's entry.
        var checkpoints = Checkpoints();
        var ids = await RecordAsync(2);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        ids.AddRange(await RecordAsync(4));
        var failing = (await checkpoints.CreateAsync()).Checkpoint!;

        await Store.RewriteAndRehashAsync(fromSequence: 3, e => e.ActorEmail = "someone@else");

        var result = await checkpoints.VerifyAsync(VerificationMode.Full);
        Assert.False(result.Intact);
        Assert.True(result.Chain.Intact);
        Assert.Equal(
            [new ChainFinding(ChainFinding.CheckpointDiffers, 6, ids[5], 3, 6, failing.FileName)],
            result.Findings);
        Assert.Equal(1, result.FindingCount);
    }

    [Fact]
    public async Task Verify_CheckpointFileSignatureBroken_NamesTheFileAndNoLogEntry()
    {
        // QA14a P2 addendum: a checkpoint file changed after signing named log entry 11 as the first broken entry.
        var checkpoints = Checkpoints();
        await RecordAsync(3);
        var checkpoint = (await checkpoints.CreateAsync()).Checkpoint!;
        await File.WriteAllTextAsync(Path.Combine(Settings.Directory, checkpoint.FileName), (checkpoint with { CreatedAt = checkpoint.CreatedAt.AddDays(-1) }).ToJson());

        var result = await checkpoints.VerifyAsync(VerificationMode.Full);
        Assert.False(result.Intact);
        Assert.Equal(CheckpointVerdict.BadSignature, result.FailedCheckpoint!.Verdict);
        Assert.Null(result.FirstBrokenId);
        Assert.Null(result.FirstBrokenSequence);
        Assert.Equal([new ChainFinding(ChainFinding.CheckpointBadSignature, null, null, null, null, checkpoint.FileName)], result.Findings);
    }

    [Fact]
    public async Task Verify_CheckpointFileRecordedAsWrittenDeletedFromTheFolder_NamesTheFileAndTheEntryItVouchedFor()
    {
        // QA P8: a checkpoint deleted from the app's folder left no trace; the access log now records each one written.
        var checkpoints = Checkpoints();
        var ids = await RecordAsync(3);
        var deleted = (await checkpoints.CreateAsync()).Checkpoint!;
        await RecordAsync(2);
        var kept = (await checkpoints.CreateAsync()).Checkpoint!;
        Assert.True((await checkpoints.VerifyAsync(VerificationMode.Full)).Intact);

        File.Delete(Path.Combine(Settings.Directory, deleted.FileName));

        foreach (var mode in new[] { VerificationMode.Full, VerificationMode.FromCheckpoint })
        {
            var result = await checkpoints.VerifyAsync(mode);
            Assert.False(result.Intact);
            Assert.True(result.Chain.Intact);
            Assert.Null(result.FailedCheckpoint);
            Assert.Null(result.FirstBrokenId);
            var missing = Assert.Single(result.Findings);
            Assert.Equal(new ChainFinding(ChainFinding.CheckpointFileMissing, 3, ids[2], File: deleted.FileName, Hash: deleted.HeadHash), missing);
            Assert.Equal(1, result.FindingCount);
            Assert.DoesNotContain(result.Findings, f => f.File == kept.FileName);
        }

        // The log and the checkpoints still present verify: the next checkpoint is signed, and the finding stays.
        await RecordAsync(1);
        var next = await checkpoints.CreateAsync();
        Assert.NotNull(next.Checkpoint);
        Assert.Equal([deleted.FileName], next.Verification.MissingCheckpointFiles.Select(f => f.File));

        // Put back from a kept copy: verified again.
        await File.WriteAllTextAsync(Path.Combine(Settings.Directory, deleted.FileName), deleted.ToJson() + "\n");
        Assert.True((await checkpoints.VerifyAsync(VerificationMode.Full)).Intact);
    }

    [Fact]
    public async Task LastVerification_TheWritersFullCheckIsRecorded_ThenALaterFailingCheckAndAnAlteredRecordAreSaid()
    {
        // QA284 F3: the lists say when the log was last verified in full, read from what each verification recorded in the
        // access log, not by walking it again; the periodic writer's full check is one.
        Assert.Equal(new LastVerification(null, null, 0), await Store.Access.LastVerificationAsync());
        using var signed = await WriterThatSignedAtEntry3Async();
        var (writer, clock, _) = signed;
        var reached = await HeadHashAsync();
        await RecordAsync(2);

        var clean = await Store.Access.LastVerificationAsync();

        Assert.Equal(DecisionLogCheckpoints.WriterActor, clean.LastFull!.By);
        Assert.False(clean.LastFull.Altered);
        Assert.Equal(new VerificationRecord(VerificationRecord.BeforeSigning, true, null, true, 3, 0, null, null, 3, reached), clean.LastFull.Record);
        Assert.Null(clean.LaterFailed);
        Assert.Equal((5L, 2L, false), (clean.HeadSequence, clean.AddedSince!.Value, clean.FoundProblems));

        // Entry 5, after the checkpoint, edited: the next tick checks from the checkpoint, refuses, and records what it found.
        await Store.DisableTriggersAsync();
        await Store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 5");
        clock.Advance(TimeSpan.FromMinutes(5));
        await writer.WriteOnceAsync(CancellationToken.None);

        var later = await Store.Access.LastVerificationAsync();

        // The quicker check recorded since does not hide the last full one.
        Assert.Equal(clean.LastFull, later.LastFull);
        var failed = later.LaterFailed!.Record!;
        Assert.Equal((false, false, 3L, 2L, 1L, 5L), (failed.DecisionLogIntact, failed.IsFull, failed.StartedAfter, failed.Checked!.Value, failed.Findings!.Value, failed.FirstBrokenSequence!.Value));
        Assert.True(later.FoundProblems);

        // The record of the full check altered behind the app's back: said so, never believed.
        await Store.ExecuteAsOwnerAsync("UPDATE \"AccessEvents\" SET \"Detail\" = replace(\"Detail\", 'checked 3;', 'checked 5;') WHERE \"Kind\" = 'verify' AND \"Detail\" LIKE '%walk full%'");
        var altered = await Store.Access.LastVerificationAsync();
        Assert.Equal(clean.LastFull.EventSequence, altered.LastFull!.EventSequence);
        Assert.True(altered.LastFull.Altered);
        Assert.True(altered.LastFullFailed);
        Assert.Null(altered.AddedSince);
    }

    [Fact]
    public async Task LastVerification_TheLogCutShortBehindTheEntryItReached_IsSaid()
    {
        var checkpoints = Checkpoints();
        await RecordAsync(4);
        Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        await Store.DisableTriggersAsync();
        await Store.DisableChainHeadTriggersAsync();
        await Store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" > 2");
        await Store.ExecuteAsOwnerAsync("""
            UPDATE "LogChainHeads" SET "LastSequence" = 2,
              "LastHash" = (SELECT "Hash" FROM "DecisionLogEntries" WHERE "Sequence" = 2),
              "LastId" = (SELECT "Id" FROM "DecisionLogEntries" WHERE "Sequence" = 2)
            WHERE "Chain" = 'decisions'
            """);

        var status = await Store.Access.LastVerificationAsync();

        Assert.Equal(4L, status.LastFull!.Record!.ReachedSequence);
        Assert.Null(status.AddedSince);
        Assert.Equal((2L, true, true), (status.HeadSequence, status.HeadBehind, status.FoundProblems));
    }

    /// <summary>How many verifications the access log records.</summary>
    private async Task<int> VerificationsRecordedAsync()
    {
        await using var db = Store.Factory.CreateDbContext();
        return await db.AccessEvents.CountAsync(e => e.Kind == "verify");
    }

    private async Task<string> HeadHashAsync()
    {
        await using var db = Store.Factory.CreateDbContext();
        return await db.LogChainHeads.Where(h => h.Chain == LogChainHead.Decisions).Select(h => h.LastHash).SingleAsync();
    }

    private DecisionLogCheckpoints Checkpoints(TimeProvider? clock = null, LogStore? store = null) =>
        new((store ?? Store).Factory, (store ?? Store).Log, new CheckpointFiles(Settings), _keys, clock ?? TimeProvider.System, (store ?? Store).Access);

    private async Task<List<Guid>> RecordAsync(int count, LogStore? store = null)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await (store ?? Store).Log.RecordScreeningAsync(Screenings.Submit("MRN-C" + i))).Id);
        }

        return ids;
    }

    private string[] CheckpointFilesWritten() =>
        Directory.Exists(Settings.Directory) ? Directory.GetFiles(Settings.Directory, "*.json") : [];

    private List<SignedCheckpoint> CheckpointsWritten() =>
        CheckpointFilesWritten().Order(StringComparer.Ordinal)
            .Select(f => SignedCheckpoint.TryParse(File.ReadAllText(f), out _)!)
            .ToList();

    private const string NothingToSign = "The decision log has not grown since the newest checkpoint; nothing to sign.";

    /// <summary>
    /// A checkpoint writer with <paramref name="settings"/> (the default settings when none) on a fake clock starting at
    /// <paramref name="start"/> (2026-11-28 06:00 UTC when none), its messages noted, after its first tick: three
    /// screenings recorded, the whole log checked and a checkpoint signed at entry 3.
    /// </summary>
    private async Task<SignedWriter> WriterThatSignedAtEntry3Async(CheckpointSettings? settings = null, DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));
        var logger = new ListLogger();
        var signed = new SignedWriter(new CheckpointWriter(Checkpoints(clock), settings ?? Settings, clock, logger), clock, logger);
        try
        {
            await RecordAsync(3);
            await signed.Writer.WriteOnceAsync(CancellationToken.None);
            return signed;
        }
        catch
        {
            signed.Dispose();
            throw;
        }
    }

    /// <summary>A writer with the clock that moves it and the logger that notes its messages; disposing it disposes the writer.</summary>
    private sealed record SignedWriter(CheckpointWriter Writer, FakeTimeProvider Clock, ListLogger Logger) : IDisposable
    {
        public void Dispose() => Writer.Dispose();
    }

    /// <summary>A fake clock that notes the time whenever a timer made from it fires (inside <see cref="FakeTimeProvider.Advance"/>).</summary>
    private sealed class TimerNotingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly List<DateTimeOffset> _fired = [];

        public IReadOnlyList<DateTimeOffset> Fired
        {
            get
            {
                lock (_fired)
                {
                    return [.. _fired];
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            base.CreateTimer(
                s =>
                {
                    lock (_fired)
                    {
                        _fired.Add(GetUtcNow());
                    }

                    callback(s);
                },
                state,
                dueTime,
                period);
    }

    /// <summary>The writer's messages with their properties; the messages that end a tick can be awaited in turn.</summary>
    private sealed class ListLogger : ILogger<CheckpointWriter>
    {
        private readonly List<(LogLevel Level, string Text, IReadOnlyDictionary<string, object?> Properties)> _messages = [];
        private readonly Channel<string> _ticks = Channel.CreateUnbounded<string>();
        private int _ticksEnded;

        public IReadOnlyList<(LogLevel Level, string Text, IReadOnlyDictionary<string, object?> Properties)> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        /// <summary>How many ticks have ended so far.</summary>
        public int TicksEnded => Volatile.Read(ref _ticksEnded);

        /// <summary>
        /// The message that ends the writer's next tick. The time limit only turns a tick that never comes (a writer not
        /// on the fake clock) into a failure instead of a hung run; the test never waits it out.
        /// </summary>
        public async Task<string> NextTickAsync()
        {
            using var never = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            return await _ticks.Reader.ReadAsync(never.Token);
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            var properties = (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            lock (_messages)
            {
                _messages.Add((logLevel, text, properties));
            }

            // Every message but these ends a tick: the two of the start, and a full check that passed before signing.
            if (!text.StartsWith("Signed checkpoints on:", StringComparison.Ordinal)
                && !text.StartsWith("Audit:CheckpointDirectory is not set", StringComparison.Ordinal)
                && !text.StartsWith("Full verification of the decision log", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _ticksEnded);
                _ticks.Writer.TryWrite(text);
            }
        }
    }
}

/// <summary>Checkpoints over the decision log on SQLite, a temp file per test; the backup is VACUUM INTO, the restore a file copy.</summary>
public sealed class SqliteCheckpointTests : CheckpointTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.SqliteAsync();
}

/// <summary>Checkpoints over the decision log on PostgreSQL 15; the backup is pg_dump -Fc, the restore pg_restore --clean.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresCheckpointTests(PostgresFixture fixture) : CheckpointTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.PostgresAsync(fixture.Cluster);
}
