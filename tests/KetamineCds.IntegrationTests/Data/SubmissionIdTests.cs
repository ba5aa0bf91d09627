using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// A screening's one-time submission id (QA11 F6): stored with the entry in its transaction, unique, hashed when
/// present; the same id sent again, or twice at once, stores one entry and names it.
/// </summary>
public abstract class SubmissionIdTests
{
    protected abstract Task<LogStore> CreateStoreAsync();

    private static ScreeningSubmission Submit(string patient, Guid? submissionId, Actor? actor = null) =>
        Screenings.Submit(Screenings.Trd(patient), actor) with { SubmissionId = submissionId };

    [Fact]
    public async Task RecordScreening_SameSubmissionIdAgain_StoresNothingAndNamesTheFirstEntry()
    {
        await using var store = await CreateStoreAsync();
        var submissionId = Guid.NewGuid();
        var submitted = Submit("MRN-S1", submissionId);
        var first = await store.Log.RecordScreeningAsync(submitted);

        var again = await Assert.ThrowsAsync<SubmissionAlreadyRecordedException>(() => store.Log.RecordScreeningAsync(Submit("MRN-S1", submissionId)));

        // With the input recorded then, read in the same query, so that a repeat is told from the id reused with other answers (QA157 F8).
        Assert.Equal(new RecordedSubmission(submissionId, first.Id, Screenings.Psychiatrist.UserId, submitted.InputJson), again.Recorded);
        Assert.True(again.Recorded!.HoldsTheSameAnswersAs(submitted.InputJson));
        Assert.False(again.Recorded.HoldsTheSameAnswersAs(Submit("MRN-S1-OTHER", submissionId).InputJson));
        Assert.Equal(again.Recorded, await store.Log.FindSubmissionAsync(submissionId));
        Assert.Null(await store.Log.FindSubmissionAsync(Guid.NewGuid()));
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task RecordCorrection_SameSubmissionIdAgain_StoresNothingAndNamesTheFirstCorrection()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Submit("MRN-S2", null));
        var submissionId = Guid.NewGuid();
        var correction = await store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Submit("MRN-S2", submissionId));

        var again = await Assert.ThrowsAsync<SubmissionAlreadyRecordedException>(
            () => store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Submit("MRN-S2", submissionId)));

        Assert.Equal(correction.Id, again.Recorded!.ScreeningId);
        // What it corrects and why come in the same query, so that the API's Idempotency-Key on a correction tells a repeat
        // from the key sent to another screening's corrections or with another reason (QA158).
        Assert.Equal(original.Id, again.Recorded.Corrects);
        Assert.Equal("Age was mistyped", again.Recorded.CorrectionReason);
        Assert.True(again.Recorded.IsTheSameCorrectionAs(original.Id, "Age was mistyped"));
        Assert.False(again.Recorded.IsTheSameCorrectionAs(original.Id, "Age was typed wrong"));
        Assert.False(again.Recorded.IsTheSameCorrectionAs(Guid.NewGuid(), "Age was mistyped"));
        Assert.False(again.Recorded.IsTheSameCorrectionAs(null, null));
        Assert.Equal(again.Recorded, await store.Log.FindSubmissionAsync(submissionId));
        Assert.Equal(2, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
    }

    [Fact]
    public async Task RecordScreening_ManyWithoutSubmissionId_AreAllStored()
    {
        // The unique index holds any number of entries without an id (every entry written before it existed).
        await using var store = await CreateStoreAsync();

        for (var i = 0; i < 3; i++)
        {
            await store.Log.RecordScreeningAsync(Submit("MRN-S3", null));
        }

        Assert.Equal(3, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\" WHERE \"SubmissionId\" IS NULL"));
        Assert.Equal(new ChainVerification(3, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task RecordScreening_TwoWithOneSubmissionIdInOneBatch_StoresOneAndTheOtherNamesIt()
    {
        await using var store = await CreateStoreAsync();
        var hold = new BatchHold(store.Log.Appender);
        var submissionId = Guid.NewGuid();

        var leader = store.Log.RecordScreeningAsync(Submit("MRN-S4", null));
        await GroupCommitTests.WaitUntilAsync(() => hold.Sizes.Count == 1);
        var a = store.Log.RecordScreeningAsync(Submit("MRN-S4", submissionId));
        var b = store.Log.RecordScreeningAsync(Submit("MRN-S4", submissionId));
        var other = store.Log.RecordScreeningAsync(Submit("MRN-S4", Guid.NewGuid()));
        await GroupCommitTests.WaitUntilAsync(() => store.Log.Appender.QueuedCount(LogChainHead.Decisions) == 3);
        hold.Release();

        await leader;
        await other;
        var outcomes = await Task.WhenAll(Outcome(a), Outcome(b));
        var stored = Assert.Single(outcomes, o => o.Stored is not null).Stored!;
        Assert.Equal(stored.Id, Assert.Single(outcomes, o => o.Refused is not null).Refused!.Recorded!.ScreeningId);
        Assert.Equal([1, 3], hold.Sizes); // the three after the leader in one batch, which the unique index refused and was stored one by one
        Assert.Equal(3, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(3, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task Verify_SubmissionIdChangedBehindTheAppsBack_FindsTheEntryBroken()
    {
        await using var store = await CreateStoreAsync();
        await store.Log.RecordScreeningAsync(Submit("MRN-S5", null));
        var withId = await store.Log.RecordScreeningAsync(Submit("MRN-S5", Guid.NewGuid()));
        Assert.Equal(new ChainVerification(2, true, null), await store.Log.VerifyAsync());
        await store.DisableTriggersAsync();

        Assert.Equal(1, await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"SubmissionId\" = '6F1C2A3B-0D4E-4F50-8A6B-7C8D9E0F1A2B' WHERE \"Sequence\" = 2"));

        var verification = await store.Log.VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Equal(withId.Id, verification.FirstBrokenId);
        await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Log.FindScreeningAsync(withId.Id));
    }

    [Fact]
    public async Task Verify_SubmissionIdGivenToAnEntryWithoutOne_FindsTheEntryBroken()
    {
        await using var store = await CreateStoreAsync();
        var without = await store.Log.RecordScreeningAsync(Submit("MRN-S6", null));
        await store.DisableTriggersAsync();

        Assert.Equal(1, await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"SubmissionId\" = '6F1C2A3B-0D4E-4F50-8A6B-7C8D9E0F1A2B' WHERE \"Sequence\" = 1"));

        Assert.Equal(without.Id, (await store.Log.VerifyAsync()).FirstBrokenId);
    }

    protected static Task<(LoggedScreening? Stored, SubmissionAlreadyRecordedException? Refused)> Outcome(Task<LoggedScreening> append) => TwoAtOnce.Outcome<SubmissionAlreadyRecordedException>(append);
}

/// <summary>Submission ids on SQLite, a temp file per test.</summary>
public sealed class SqliteSubmissionIdTests : SubmissionIdTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.SqliteAsync();
}

/// <summary>Submission ids on PostgreSQL 15, a fresh database per test; and two app instances sending one id at once.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresSubmissionIdTests(PostgresFixture fixture) : SubmissionIdTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.PostgresAsync(fixture.Cluster);

    [Fact]
    public async Task RecordScreening_TwoInstancesBothFindTheIdFreeAtOnce_TheUniqueIndexStoresOneAndTheOtherNamesIt()
    {
        // Two app instances each look for the id in their transaction before either has stored it, so neither finds
        // it: the database's unique index lets one in, and the other reads back the one it let in.
        await using var store = await CreateStoreAsync();
        var one = store.NewInstance("one");
        var two = store.NewInstance("two");
        TwoAtOnce.PrepareTogether(one, two);
        var submissionId = Guid.NewGuid();

        var outcomes = await Task.WhenAll(
            Outcome(Task.Run(() => one.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-S7")) with { SubmissionId = submissionId }))),
            Outcome(Task.Run(() => two.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-S7")) with { SubmissionId = submissionId }))));

        var stored = Assert.Single(outcomes, o => o.Stored is not null).Stored!;
        var refused = Assert.Single(outcomes, o => o.Refused is not null).Refused!;
        Assert.Equal(stored.Id, refused.Recorded!.ScreeningId);
        Assert.Equal(stored.InputJson, refused.Recorded.InputJson); // read back with the input the one let in was recorded with
        Assert.IsType<DecisionLogUnavailableException>(refused.InnerException); // the unique index refused it, not the look-up
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
    }
}
