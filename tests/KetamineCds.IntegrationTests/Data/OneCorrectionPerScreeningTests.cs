using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// A screening is corrected once (QA8 F17), decided by the database in the recording transaction: a second correction of
/// the same screening is refused even when it passed the app's check at the same moment as the first (migration
/// OneCorrectionPerScreening). A correction of the latest correction, and a re-screen, are still stored.
/// </summary>
public abstract class OneCorrectionPerScreeningTests
{
    protected abstract Task<LogStore> CreateStoreAsync();

    [Fact]
    public async Task RecordCorrection_TheScreeningIsCorrectedAlready_IsRefusedAndStoresNothing()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-C1"));
        await store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit("MRN-C1"));

        var refused = await Assert.ThrowsAsync<ScreeningAlreadyCorrectedException>(
            () => store.Log.RecordCorrectionAsync(original.Id, "Trials were 3, not 1", Screenings.Submit("MRN-C1")));

        Assert.Equal(original.Id, refused.Corrects);
        Assert.Equal(2, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(2, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task RecordCorrection_OfTheLatestCorrection_AndAReScreenOfACorrectedScreening_AreStored()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-C2"));
        var first = await store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit("MRN-C2"));

        var second = await store.Log.RecordCorrectionAsync(first.Id, "Trials were 3, not 1", Screenings.Submit("MRN-C2"));
        var rescreen = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-C2") with { RescreenOf = original.Id });

        Assert.Equal(first.Id, second.Corrects);
        Assert.Equal(original.Id, rescreen.RescreenOf);
        Assert.Equal(new ChainVerification(4, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task RecordCorrection_TwoOfOneScreeningInOneBatch_StoresOneAndRefusesTheOtherAndTheRestOfTheBatch()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-C3"));
        var hold = new BatchHold(store.Log.Appender);

        var leader = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-C3b"));
        await GroupCommitTests.WaitUntilAsync(() => hold.Sizes.Count == 1);
        var a = Outcome(store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit("MRN-C3")));
        var b = Outcome(store.Log.RecordCorrectionAsync(original.Id, "Trials were 3, not 1", Screenings.Submit("MRN-C3")));
        var other = store.Log.RecordScreeningAsync(Screenings.Submit("MRN-C3c"));
        await GroupCommitTests.WaitUntilAsync(() => store.Log.Appender.QueuedCount(LogChainHead.Decisions) == 3);
        hold.Release();

        await leader;
        await other;
        var outcomes = await Task.WhenAll(a, b);
        Assert.Single(outcomes, o => o.Stored is not null);
        Assert.Equal(original.Id, Assert.Single(outcomes, o => o.Refused is not null).Refused!.Corrects);
        Assert.Equal([1, 3], hold.Sizes); // the three after the leader in one batch, refused by the trigger and stored one by one
        Assert.Equal(4, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(4, true, null), await store.Log.VerifyAsync());
    }

    protected static Task<(LoggedScreening? Stored, ScreeningAlreadyCorrectedException? Refused)> Outcome(Task<LoggedScreening> append) => TwoAtOnce.Outcome<ScreeningAlreadyCorrectedException>(append);
}

/// <summary>One correction per screening on SQLite, a temp file per test.</summary>
public sealed class SqliteOneCorrectionPerScreeningTests : OneCorrectionPerScreeningTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.SqliteAsync();
}

/// <summary>One correction per screening on PostgreSQL 15, a fresh database per test; and two app instances at once.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresOneCorrectionPerScreeningTests(PostgresFixture fixture) : OneCorrectionPerScreeningTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.PostgresAsync(fixture.Cluster);

    [Fact]
    public async Task RecordCorrection_TwoInstancesBothFindTheScreeningUncorrected_OneIsStoredAndTheOtherRefused()
    {
        // Both instances prepare before either stores, as two clinicians pressing "record correction" at one moment.
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-C4"));
        var one = store.NewInstance("one");
        var two = store.NewInstance("two");
        TwoAtOnce.PrepareTogether(one, two);

        var outcomes = await Task.WhenAll(
            Outcome(Task.Run(() => one.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit("MRN-C4")))),
            Outcome(Task.Run(() => two.RecordCorrectionAsync(original.Id, "Trials were 3, not 1", Screenings.Submit("MRN-C4")))));

        Assert.Single(outcomes, o => o.Stored is not null);
        var refused = Assert.Single(outcomes, o => o.Refused is not null).Refused!;
        Assert.Equal(original.Id, refused.Corrects);
        Assert.IsType<DecisionLogUnavailableException>(refused.InnerException); // the trigger refused it, not the app's check
        Assert.Equal(2, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(new ChainVerification(2, true, null), await store.Log.VerifyAsync());
    }
}
