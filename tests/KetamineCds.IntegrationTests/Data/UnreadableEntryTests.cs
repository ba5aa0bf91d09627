using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// An entry whose stored content no longer reads (only someone altering the database can make one) is named wherever
/// the log is read, and never takes the rest of a list, an export or an analysis with it; verification still reports
/// the change. Every test runs on SQLite and on PostgreSQL, the tamperer being the database's owner.
/// </summary>
public abstract class UnreadableEntryTests
{
    protected abstract Task<LogStore> CreateStoreAsync();

    [Theory]
    [InlineData("\"HistoryJson\" = '{not json'")]
    [InlineData("\"HistoryJson\" = '{\"ageYears\": \"forty-five\"}'")]
    [InlineData("\"AssessmentJson\" = 'null'")]
    [InlineData("\"InputJson\" = '[1, 2, 3]'")]
    [InlineData("\"HookOriginJson\" = '{\"issuer\": 1}'")]
    public async Task FindScreening_StoredContentAltered_NamesTheEntryInsteadOfAJsonError(string assignment)
    {
        await using var store = await CreateStoreAsync();
        var (ids, _) = await RecordAndTamperAsync(store, assignment);

        var failure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Log.FindScreeningAsync(ids[1]));

        Assert.Equal(ids[1], failure.EntryId);
        Assert.Equal(2, failure.Sequence);
        Assert.NotNull(await store.Log.FindScreeningAsync(ids[0]));
    }

    [Fact]
    public async Task ListForPatient_OneEntryAltered_ListsTheOthersAndNamesIt()
    {
        await using var store = await CreateStoreAsync();
        var (ids, _) = await RecordAndTamperAsync(store, "\"HistoryJson\" = '{not json'");

        var found = await store.Log.ListScreeningsForPatientAsync("MRN-U");

        Assert.Equal([ids[2], ids[0]], found.Screenings.Select(s => s.Id));
        Assert.Equal([new UnreadableEntry(ids[1], 2)], found.Unreadable);
    }

    [Fact]
    public async Task OverrideAltered_TheScreeningNamesTheOverrideEntry()
    {
        await using var store = await CreateStoreAsync();
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-U"));
        var overridden = await store.Log.RecordOverrideAsync(new OverrideSubmission(
            screening.Id, OverrideDecision.Proceed, OverrideReason.BenefitOutweighsRiskAfterReview, "Reviewed with the patient.", Screenings.Psychiatrist, "corr-o"));
        await store.DisableTriggersAsync();
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"InputJson\" = '{\"decision\": \"maybe\"}' WHERE \"Sequence\" = 2");

        var failure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Log.FindScreeningAsync(screening.Id));

        Assert.Equal((overridden.Id, 2L), (failure.EntryId, failure.Sequence));
    }

    [Fact]
    public async Task SearchAndExport_OverrideAltered_MarkTheScreeningItWasRecordedAgainst()
    {
        await using var store = await CreateStoreAsync();
        var first = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-U"));
        var second = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-U"));
        var overrides = new List<Guid>();
        foreach (var screening in new[] { first, second })
        {
            overrides.Add((await store.Log.RecordOverrideAsync(new OverrideSubmission(
                screening.Id, OverrideDecision.Proceed, OverrideReason.BenefitOutweighsRiskAfterReview, "Reviewed with the patient.", Screenings.Psychiatrist, "corr-o"))).Id);
        }

        await store.DisableTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"InputJson\" = '{\"decision\": \"maybe\"}' WHERE \"Sequence\" = 3"));

        var page = await store.Audit.SearchAsync(new AuditFilter(), null, 50);
        var exported = new List<AuditListItem>();
        await foreach (var item in store.Audit.ExportAsync(new AuditFilter()))
        {
            exported.Add(item);
        }

        // The list and the export have a row for each override (QA14a P3): the altered one is marked unreadable itself.
        (Guid, bool)[] expected = [(overrides[1], false), (overrides[0], true), (second.Id, false), (first.Id, true)];
        Assert.Equal(expected, page.Items.Select(i => (i.Id, i.Unreadable)));
        Assert.Equal(expected, exported.Select(i => (i.Id, i.Unreadable)));
        Assert.Equal(new ChainVerification(4, false, overrides[0], 3), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task SearchAndExport_OneEntryAltered_ListEveryEntryAndMarkOnlyThatOne()
    {
        await using var store = await CreateStoreAsync();
        var (ids, hookAnswer) = await RecordAndTamperAsync(store, "\"AssessmentJson\" = '{\"overall\": 42}'");
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"HookOriginJson\" = 'garbage' WHERE \"Sequence\" = 4");

        var page = await store.Audit.SearchAsync(new AuditFilter(), null, 50);
        var exported = new List<AuditListItem>();
        await foreach (var item in store.Audit.ExportAsync(new AuditFilter()))
        {
            exported.Add(item);
        }

        Assert.Equal([hookAnswer, ids[2], ids[1], ids[0]], page.Items.Select(i => i.Id));
        Assert.Equal([true, false, true, false], page.Items.Select(i => i.Unreadable));
        Assert.Equal(page.Items.Select(i => (i.Id, i.Unreadable)), exported.Select(i => (i.Id, i.Unreadable)));
        Assert.Equal(new ChainVerification(4, false, ids[1], 2), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task ImpactAnalysis_OneHistoryAltered_AnalysesTheRestAndNamesIt()
    {
        await using var store = await CreateStoreAsync();
        var (ids, _) = await RecordAndTamperAsync(store, "\"HistoryJson\" = '[\"not a history\"]'");

        var report = await store.Audit.AnalyzeImpactAsync(null, null);

        Assert.Equal(2, report.Examined);
        Assert.Equal(1, report.UnreadableCount);
        Assert.Equal([new UnreadableEntry(ids[1], 2)], report.Unreadable);
    }

    [Fact]
    public async Task Replay_HistoryAltered_NamesTheEntry()
    {
        await using var store = await CreateStoreAsync();
        var (ids, _) = await RecordAndTamperAsync(store, "\"HistoryJson\" = '{\"ageYears\": true}'");

        var failure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Audit.ReplayAsync(ids[1]));

        Assert.Equal((ids[1], 2L), (failure.EntryId, failure.Sequence));
        Assert.True((await store.Audit.ReplayAsync(ids[0]))!.Reproduced);
    }

    [Fact]
    public async Task FindHookAnswer_PayloadAltered_NamesTheEntryInsteadOfAJsonError()
    {
        await using var store = await CreateStoreAsync();
        var (_, hookAnswer) = await RecordAndTamperAsync(store, "\"HistoryJson\" = '{not json'");
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"InputJson\" = '{\"missingItems\": [1' WHERE \"Sequence\" = 4");

        var failure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Audit.FindHookAnswerAsync(hookAnswer));

        Assert.Equal((hookAnswer, 4L), (failure.EntryId, failure.Sequence));
    }

    [Fact]
    public async Task EntryHeader_OfAHookAnswerAndAReplay_GivesItsPlaceInTheChainAsStored_AndNamesAnAlteredEntryInstead()
    {
        // QA318 F7, F8: what names an entry on the EHR answer's page and on a replay (LoggedHookAnswerEntry.Header,
        // ReplayResult.Header), read only from an entry that still gives its hash.
        await using var store = await CreateStoreAsync();
        var (ids, hookAnswer) = await RecordAndTamperAsync(store, "\"PatientReference\" = 'MRN-OTHER'");

        var header = (await store.Audit.FindHookAnswerAsync(hookAnswer))!.Header;
        var before = await store.Log.FindScreeningAsync(ids[2]);
        var firstHeader = (await store.Audit.ReplayAsync(ids[0]))!.Header;

        Assert.Equal((hookAnswer, 4L, DecisionLogEntryTypes.HookAnswer, "MRN-U", "Practitioner/ehr-1", "EhrUser"), (header.Id, header.Sequence, header.EntryType, header.PatientReference, header.RecordedBy.Email, header.RecordedBy.Role));
        Assert.Equal(before!.Hash, header.PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", header.Hash);
        Assert.Equal((1L, DecisionLogEntryTypes.Screening, (await store.Log.FindScreeningAsync(ids[0]))!.Hash), (firstHeader.Sequence, firstHeader.EntryType, firstHeader.Hash));
        var failure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Audit.ReplayAsync(ids[1]));
        Assert.Equal((ids[1], 2L), (failure.EntryId, failure.Sequence));
        Assert.Null(await store.Audit.FindHookAnswerAsync(Guid.NewGuid()));
        Assert.Null(await store.Audit.ReplayAsync(Guid.NewGuid()));

        // A hook answer whose patient reference alone was altered (its payload still reads) is named, never headed.
        Assert.Equal(1, await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-OTHER' WHERE \"Sequence\" = 4"));
        var answerFailure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Audit.FindHookAnswerAsync(hookAnswer));
        var replayFailure = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Audit.ReplayAsync(hookAnswer));
        Assert.Equal([(hookAnswer, 4L), (hookAnswer, 4L)], [(answerFailure.EntryId, answerFailure.Sequence), (replayFailure.EntryId, replayFailure.Sequence)]);
    }

    [Fact]
    public async Task FindHookAnswerAndReplay_GiveTheHeaderTheAuditListAndTheNeighbouringEntriesGive_FromTheirOwnRead()
    {
        // Helper 325: the EHR answer's page and the replay page named the entry with a second read; the reading they do
        // anyway gives the header, of an entry that still gives its hash. Pinned against reads of their own: the
        // decision-log list's row of the entry, what was recorded, and the hashes the entries before and after it give.
        await using var store = await CreateStoreAsync();
        var (ids, hookAnswer) = await RecordAndTamperAsync(store, "\"PatientReference\" = 'MRN-OTHER'");
        var after = (await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-U"))).Id;
        var rows = (await store.Audit.SearchAsync(new AuditFilter(), null, 50)).Items.ToDictionary(r => r.Id);

        var header = (await store.Audit.FindHookAnswerAsync(hookAnswer))!.Header;

        var row = rows[hookAnswer];
        Assert.Equal(
            new LoggedEntryHeader(
                row.Id, row.Sequence, row.EntryType, row.RecordedAt, Screenings.HookAnswer("MRN-U").Actor, row.PatientReference,
                (await store.Log.FindScreeningAsync(after))!.PreviousHash, (await store.Log.FindScreeningAsync(ids[2]))!.Hash),
            header);
        Assert.Equal(header, (await store.Audit.ReplayAsync(hookAnswer))!.Header);
        var first = (await store.Log.FindScreeningAsync(ids[0]))!;
        Assert.Equal(
            new LoggedEntryHeader(first.Id, first.Sequence, DecisionLogEntryTypes.Screening, first.RecordedAt, first.RecordedBy, first.History.PatientReference, first.Hash, first.PreviousHash),
            (await store.Audit.ReplayAsync(ids[0]))!.Header);
        Assert.Equal((rows[ids[0]].RecordedAt, rows[ids[0]].PatientReference), (first.RecordedAt, first.History.PatientReference));
        Assert.Equal((ids[2], 3L), ((await store.Audit.ReplayAsync(ids[2]))!.Header.Id, (await store.Audit.ReplayAsync(ids[2]))!.Header.Sequence));
    }

    /// <summary>Three screenings of patient MRN-U and a hook answer; the second screening altered behind the app's back.</summary>
    private static async Task<(List<Guid> Screenings, Guid HookAnswer)> RecordAndTamperAsync(LogStore store, string assignment)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-U"))).Id);
        }

        var hookAnswer = (await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-U"))).Id;
        await store.DisableTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync($"UPDATE \"DecisionLogEntries\" SET {assignment} WHERE \"Sequence\" = 2"));
        return (ids, hookAnswer);
    }
}

public sealed class SqliteUnreadableEntryTests : UnreadableEntryTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.SqliteAsync();
}

/// <summary>The same on PostgreSQL 15: the JSON columns are text, so the owner can store anything in them.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresUnreadableEntryTests(PostgresFixture fixture) : UnreadableEntryTests
{
    protected override Task<LogStore> CreateStoreAsync() => LogStore.PostgresAsync(fixture.Cluster);
}
