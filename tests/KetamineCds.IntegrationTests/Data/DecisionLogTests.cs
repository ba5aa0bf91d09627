using System.Data.Common;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// The decision log's behaviour on a real database. Every test runs on SQLite (a temp file) and on PostgreSQL (a
/// throwaway cluster), each on a freshly migrated database.
/// </summary>
public abstract class DecisionLogTests
{
    protected abstract Task<LogStore> CreateStoreAsync(TimeProvider? clock = null);

    [Fact]
    public async Task RecordScreening_InjectedClock_RecordsItsTimeInUtcToTheMicrosecond()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567));
        await using var store = await CreateStoreAsync(clock);

        var logged = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        var found = await store.Log.FindScreeningAsync(logged.Id);

        var expected = new DateTimeOffset(2026, 3, 1, 7, 30, 15, TimeSpan.Zero).AddTicks(1234560);
        Assert.Equal(expected, found!.RecordedAt);
        Assert.Equal(TimeSpan.Zero, found.RecordedAt.Offset);
        Assert.True((await store.Log.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task SearchAndImpact_Period_IncludeOnlyScreeningsRecordedInIt()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { Step = TimeSpan.FromDays(1) };
        await using var store = await CreateStoreAsync(clock);
        var ids = await RecordManyAsync(store, 10); // 1 to 10 January

        var from = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero);
        var page = await store.Audit.SearchAsync(new AuditFilter(From: from, To: to), null, 50);
        var impact = await store.Audit.AnalyzeImpactAsync(from, to);

        Assert.Equal([ids[4], ids[3], ids[2]], page.Items.Select(i => i.Id));
        Assert.Equal(3, impact.Examined);
    }

    [Fact]
    public async Task RecordScreening_ThenFind_ReturnsWhatWasSubmitted()
    {
        await using var store = await CreateStoreAsync();
        var submission = Screenings.Submit(Screenings.Trd("MRN-7") with { ClinicianNote = "Ünïcode — note" }, inputJson: "{\"patientReference\":\"MRN-7\",  \"ageYears\":45}");

        var logged = await store.Log.RecordScreeningAsync(submission);
        var found = await store.Log.FindScreeningAsync(logged.Id);

        Assert.NotNull(found);
        Assert.Equal(1, found.Sequence);
        Assert.Equal(submission.InputJson, found.InputJson);
        Assert.Equal(submission.History, found.History with { });
        // Equal value for value, every list included: what replay compares (the stored spelling).
        Assert.Equal(JsonSerializer.Serialize(submission.Assessment, ContractJson.Options), JsonSerializer.Serialize(found.Assessment, ContractJson.Options));
        Assert.Equal(submission.Actor, found.RecordedBy);
        Assert.Equal(submission.CorrelationId, found.CorrelationId);
        Assert.Equal(logged.RecordedAt, found.RecordedAt);
        Assert.Equal(logged.AssessmentJson, found.AssessmentJson);
        Assert.Empty(found.Overrides);
    }

    [Fact]
    public async Task ScreeningResponseJson_LoggedScreening_WritesTheContractBodyWithTheStoredInputVerbatim()
    {
        await using var store = await CreateStoreAsync();
        var input = "{\"patientReference\":\"MRN-5\",\"ageYears\":45,\"clinicianNote\":\"a  b\"}";
        var logged = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-5"), inputJson: input));

        var json = Infrastructure.Json.ScreeningResponseJson.Write((await store.Log.FindScreeningAsync(logged.Id))!);

        using var body = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(["id", "recordedAt", "recordedBy", "ruleSet", "overall", "pathways", "findings", "input"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(logged.Id, body.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("psychiatrist@demo.local", body.RootElement.GetProperty("recordedBy").GetString());
        Assert.Equal("eligible-with-cautions", body.RootElement.GetProperty("overall").GetString());
        Assert.EndsWith(",\"input\":" + input + "}", json, StringComparison.Ordinal);

        // The spliced body says exactly what writing it member by member says.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            Infrastructure.Json.ScreeningResponseJson.Write(writer, (await store.Log.FindScreeningAsync(logged.Id))!);
        }

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(buffer.WrittenSpan)));
    }

    [Fact]
    public async Task FindScreening_UnknownId_ReturnsNull()
    {
        await using var store = await CreateStoreAsync();
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        Assert.Null(await store.Log.FindScreeningAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task ListScreeningsForPatient_SeveralPatients_ReturnsThatPatientsNewestFirst()
    {
        await using var store = await CreateStoreAsync();
        var first = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-A"));
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-B"));
        var second = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-A"));

        var list = (await store.Log.ListScreeningsForPatientAsync("MRN-A")).Screenings;

        Assert.Equal([second.Id, first.Id], list.Select(s => s.Id));
    }

    [Fact]
    public async Task RecordOverride_ExistingScreening_AppendsAndIsReturnedWithTheScreening()
    {
        await using var store = await CreateStoreAsync();
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        var recorded = await store.Log.RecordOverrideAsync(new OverrideSubmission(
            screening.Id, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "Patient declined after discussion.", Screenings.Psychiatrist, "corr-o"));

        var found = await store.Log.FindScreeningAsync(screening.Id);
        var single = Assert.Single(found!.Overrides);
        Assert.Equal(recorded.Id, single.Id);
        Assert.Equal(OverrideDecision.DoNotProceed, single.Decision);
        Assert.Equal(OverrideReason.PatientPreference, single.Reason);
        Assert.Equal("Patient declined after discussion.", single.Explanation);
        Assert.Single(Assert.Single((await store.Log.ListScreeningsForPatientAsync("MRN-1")).Screenings).Overrides);
        Assert.Equal(new ChainVerification(2, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task RecordOverride_UnknownScreening_ThrowsAndStoresNothing()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Log.RecordOverrideAsync(new OverrideSubmission(
            Guid.NewGuid(), OverrideDecision.Proceed, OverrideReason.Other, "x", Screenings.Psychiatrist, "c")));

        Assert.Equal(0, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
    }

    [Fact]
    public async Task RecordCorrection_ExistingScreening_AppendsNewEntryPointingToTheOld()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        var correction = await store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit(Screenings.Trd("MRN-1") with { AgeYears = 54 }));

        var found = await store.Log.FindScreeningAsync(correction.Id);
        Assert.Equal(original.Id, found!.Corrects);
        Assert.Equal("Age was mistyped", found.CorrectionReason);
        Assert.Equal(45, (await store.Log.FindScreeningAsync(original.Id))!.History.AgeYears);
        Assert.True((await store.Log.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task RecordScreening_Rescreen_AppendsNewEntryPointingToTheOldOneWhichStaysUnchanged()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        var rescreen = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1") with { RescreenOf = original.Id });

        var found = await store.Log.FindScreeningAsync(rescreen.Id);
        Assert.Equal(original.Id, found!.RescreenOf);
        Assert.Null(found.Corrects);
        Assert.Null(found.CorrectionReason);
        var old = await store.Log.FindScreeningAsync(original.Id);
        Assert.Null(old!.RescreenOf);
        Assert.Equal(original.InputJson, old.InputJson);
        Assert.True((await store.Log.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task FindLaterScreenings_RescreensAndCorrections_ReturnsEachNewestFirstAndNothingElse()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)) { Step = TimeSpan.FromMinutes(1) };
        await using var store = await CreateStoreAsync(clock);
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-L"));
        var other = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-L"));
        var rescreen = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-L") with { RescreenOf = original.Id });
        await store.Log.RecordOverrideAsync(new OverrideSubmission(original.Id, OverrideDecision.Proceed, OverrideReason.Other, "Seen today", Screenings.Psychiatrist, "corr-o"));
        var correction = await store.Log.RecordCorrectionAsync(original.Id, "Trials were 3, not 1", Screenings.Submit("MRN-L"));
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-L") with { RescreenOf = other.Id });
        var ofRescreen = await store.Log.RecordCorrectionAsync(rescreen.Id, "Wrong BP", Screenings.Submit("MRN-L"));

        var later = await store.Log.FindLaterScreeningsAsync(original.Id);

        Assert.Equal(
            [(correction.Id, "Trials were 3, not 1", correction.RecordedAt), (rescreen.Id, (string?)null, rescreen.RecordedAt)],
            later.Items.Select(i => (i.Id, i.CorrectionReason, i.RecordedAt)));
        Assert.Equal(correction.Id, later.LatestCorrection!.Id);
        Assert.Equal(Screenings.Psychiatrist, later.Items[0].RecordedBy);
        Assert.Empty(later.Unreadable);
        Assert.Equal([ofRescreen.Id], (await store.Log.FindLaterScreeningsAsync(rescreen.Id)).Items.Select(i => i.Id));
        Assert.True((await store.Log.FindLaterScreeningsAsync(correction.Id)).IsEmpty);
        Assert.True((await store.Log.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task FindLaterScreenings_SeveralIdsAtOnce_GiveEachIdWhatItsOwnLookupGives()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)) { Step = TimeSpan.FromMinutes(1) };
        await using var store = await CreateStoreAsync(clock);
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-B"));
        var other = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-B"));
        var rescreen = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-B") with { RescreenOf = original.Id });
        var correction = await store.Log.RecordCorrectionAsync(original.Id, "Trials were 3, not 1", Screenings.Submit("MRN-B"));
        var ofOther = await store.Log.RecordCorrectionAsync(other.Id, "Wrong BP", Screenings.Submit("MRN-B"));
        var unknown = Guid.NewGuid();
        Guid[] ids = [original.Id, other.Id, rescreen.Id, correction.Id, ofOther.Id, unknown, original.Id];

        var all = await store.Log.FindLaterScreeningsAsync(ids);

        Assert.Equal(ids.Distinct().Order(), all.Keys.Order());
        foreach (var id in ids.Distinct())
        {
            var one = await store.Log.FindLaterScreeningsAsync(id);
            Assert.Equal(one.Items, all[id].Items);
            Assert.Equal(one.Unreadable, all[id].Unreadable);
        }

        Assert.Equal([correction.Id, rescreen.Id], all[original.Id].Items.Select(i => i.Id));
        Assert.Equal([ofOther.Id], all[other.Id].Items.Select(i => i.Id));
        Assert.True(all[unknown].IsEmpty);
        Assert.Empty(await store.Log.FindLaterScreeningsAsync(Array.Empty<Guid>()));
    }

    [Fact]
    public async Task FindLaterScreenings_LaterEntryChangedBehindTheAppsBack_NamesItAsUnreadable()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-L"));
        var correction = await store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit("MRN-L"));
        await store.DisableTriggersAsync();

        Assert.Equal(1, await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"CorrectionReason\" = 'Nothing was wrong' WHERE \"Sequence\" = 2"));

        var later = await store.Log.FindLaterScreeningsAsync(original.Id);
        Assert.Empty(later.Items);
        Assert.Equal([new UnreadableEntry(correction.Id, 2)], later.Unreadable);
        Assert.False(later.IsEmpty);
    }

    [Fact]
    public async Task RecordCorrection_UnknownScreening_IsRejectedAndNothingIsStored()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Log.RecordCorrectionAsync(Guid.NewGuid(), "Age was mistyped", Screenings.Submit("MRN-1")));

        Assert.Equal(0, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
    }

    [Fact]
    public async Task RecordScreening_RescreenOfUnknownScreening_IsRejectedAndNothingIsStored()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1") with { RescreenOf = Guid.NewGuid() }));

        Assert.Equal(0, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
    }

    [Fact]
    public async Task AppConnection_UpdateOrDeleteOnLogTables_IsRejectedByTheDatabase()
    {
        await using var store = await CreateStoreAsync();
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        await store.Access.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "a@b", "Auditor", screening.Id.ToString(), null, "c"));

        foreach (var sql in new[]
        {
            "UPDATE \"DecisionLogEntries\" SET \"ActorEmail\" = 'someone@else'",
            "DELETE FROM \"DecisionLogEntries\"",
            "UPDATE \"AccessEvents\" SET \"UserEmail\" = 'someone@else'",
            "DELETE FROM \"AccessEvents\"",
            "DELETE FROM \"LogChainHeads\"",
            "UPDATE \"LogChainHeads\" SET \"LastSequence\" = 0",
            // Forward, but to no entry of its chain, or to the right sequence with another hash.
            "UPDATE \"LogChainHeads\" SET \"LastSequence\" = \"LastSequence\" + 5",
            "UPDATE \"LogChainHeads\" SET \"LastSequence\" = \"LastSequence\" + 1 WHERE \"Chain\" = 'decisions'",
            "UPDATE \"LogChainHeads\" SET \"LastHash\" = '" + new string('f', 64) + "' WHERE \"Chain\" = 'decisions'",
        })
        {
            await Assert.ThrowsAnyAsync<DbException>(() => store.ExecuteAsAppAsync(sql));
        }

        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"AccessEvents\""));
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task OwnerConnection_UpdateOrDeleteWithTriggersInPlace_IsRejectedToo()
    {
        await using var store = await CreateStoreAsync();
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));

        await Assert.ThrowsAnyAsync<DbException>(() => store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Overall\" = 'eligible'"));
        await Assert.ThrowsAnyAsync<DbException>(() => store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\""));
    }

    [Fact]
    public async Task Verify_HonestLog_IsIntact()
    {
        await using var store = await CreateStoreAsync();
        await RecordManyAsync(store, 7);

        Assert.Equal(new ChainVerification(7, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntact()
    {
        await using var store = await CreateStoreAsync();

        Assert.Equal(new ChainVerification(0, true, null), await store.Log.VerifyAsync());
    }

    [Theory]
    [InlineData("\"ActorEmail\" = 'someone@else'")]
    [InlineData("\"Overall\" = 'not-indicated'")]
    [InlineData("\"InputJson\" = '{}'")]
    [InlineData("\"AssessmentJson\" = replace(\"AssessmentJson\", 'eligible', 'not-indicated')")]
    [InlineData("\"RuleSetDigest\" = 'sha256:0'")]
    [InlineData("\"CorrelationId\" = 'other'")]
    public async Task Verify_FieldChangedBehindTheAppsBack_NamesThatEntry(string assignment)
    {
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 6);
        await store.DisableTriggersAsync();

        Assert.Equal(1, await store.ExecuteAsOwnerAsync($"UPDATE \"DecisionLogEntries\" SET {assignment} WHERE \"Sequence\" = 4"));

        Assert.Equal(new ChainVerification(6, false, ids[3], 4), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task Verify_FieldChangedAndItsHashRecomputed_NamesTheNextEntry()
    {
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 5);
        await store.DisableTriggersAsync();

        // A tamperer who knows the algorithm can fix up the changed entry's own hash, but not the next link.
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Hash\" = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' WHERE \"Sequence\" = 2");

        var result = await store.Log.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(ids[1], result.FirstBrokenId);
    }

    [Fact]
    public async Task Readers_EntryContentChangedToValidContent_RefuseToShowOrReplayItAndMarkItInTheList()
    {
        // QA: a screening whose stored input and history were changed to other valid JSON (another patient reference)
        // read as if nothing had happened: its page, the API and the print showed it, and the replay said "reproduced
        // exactly". Every reader now checks the entry's own hash first; Verify still names the broken chain.
        await using var store = await CreateStoreAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-A"))).Id);
        }

        await store.DisableTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync(
            "UPDATE \"DecisionLogEntries\" SET \"InputJson\" = replace(\"InputJson\", 'MRN-A', 'MRN-Z'), \"HistoryJson\" = replace(\"HistoryJson\", 'MRN-A', 'MRN-Z') WHERE \"Sequence\" = 2"));

        Assert.Equal(new ChainVerification(3, false, ids[1], 2), await store.Log.VerifyAsync());
        var shown = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Log.FindScreeningAsync(ids[1]));
        Assert.Equal((ids[1], 2L), (shown.EntryId, shown.Sequence));
        var replayed = await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Audit.ReplayAsync(ids[1]));
        Assert.Equal(ids[1], replayed.EntryId);
        Assert.True((await store.Audit.ReplayAsync(ids[0]))!.Reproduced);

        var page = await store.Audit.SearchAsync(new AuditFilter(), null, 50);
        Assert.Equal([ids[1]], page.Items.Where(i => i.Unreadable).Select(i => i.Id));
        var patient = await store.Log.ListScreeningsForPatientAsync("MRN-A");
        Assert.Equal([ids[2], ids[0]], patient.Screenings.Select(s => s.Id));
        Assert.Equal([new UnreadableEntry(ids[1], 2)], patient.Unreadable);
    }

    [Fact]
    public async Task Verify_EntryDeleted_NamesTheEntryAfterTheGap()
    {
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 6);
        await store.DisableTriggersAsync();

        await store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = 3");

        var result = await store.Log.VerifyAsync();
        Assert.Equal(new ChainVerification(5, false, ids[3], 4), result);
        Assert.Equal([new ChainFinding(ChainFinding.Missing, 4, ids[3], 3, 3)], result.Findings);
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_IsNotIntactAndNamesTheMissingEntry()
    {
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 4);
        await store.DisableTriggersAsync();

        await store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = 4");

        var result = await store.Log.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal((ids[3], 4L), (result.FirstBrokenId, result.FirstBrokenSequence));
    }

    [Fact]
    public async Task Verify_EntriesSwapped_NamesTheFirstMovedEntry()
    {
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 6);
        await store.DisableTriggersAsync();

        await store.SwapEntriesAsync(2, 5);

        // Entry 5 now sits in position 2: the first entry that no longer verifies.
        var result = await store.Log.VerifyAsync();
        Assert.Equal(new ChainVerification(6, false, ids[4], 2), result);

        // QA141 F2: each one's hash still holds at the place it was recorded at, and its link names the entry before that
        // place: moved, not "changed after it was recorded".
        Assert.Contains(new ChainFinding(ChainFinding.Moved, 2, ids[4], 5, 5), result.Findings);
        Assert.Contains(new ChainFinding(ChainFinding.Moved, 5, ids[1], 2, 2), result.Findings);
        Assert.DoesNotContain(result.Findings, f => f.Kind == ChainFinding.ContentChanged);
    }

    [Fact]
    public async Task Verify_TwoNeighboursSwapped_NamesEachAsMovedToTheOthersPlace_NotAsChangedContent()
    {
        // QA141 F2: entries 40 and 41 swapped were reported as two content edits.
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 6);
        await store.DisableTriggersAsync();

        await store.SwapEntriesAsync(3, 4);

        var result = await store.Log.VerifyAsync();

        // The links no longer join where they are now (3 to 2, 4 to 3, 5 to 4); each entry is where the other belongs.
        Assert.Equal(
            [
                new ChainFinding(ChainFinding.LinkBroken, 3, ids[3]),
                new ChainFinding(ChainFinding.Moved, 3, ids[3], 4, 4),
                new ChainFinding(ChainFinding.LinkBroken, 4, ids[2]),
                new ChainFinding(ChainFinding.Moved, 4, ids[2], 3, 3),
                new ChainFinding(ChainFinding.LinkBroken, 5, ids[4]),
            ],
            result.Findings);
    }

    [Fact]
    public async Task Verify_EntryEditedAndMoved_IsContentChangedNotMoved()
    {
        // A moved entry whose content was also edited holds nowhere: it is named as changed, never as only moved.
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 5);
        await store.DisableTriggersAsync();

        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 2");
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = 2 WHERE \"Sequence\" = 3");
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = 3, \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = -1");

        var result = await store.Log.VerifyAsync();

        Assert.Contains(new ChainFinding(ChainFinding.Moved, 2, ids[2], 3, 3), result.Findings);
        Assert.Contains(new ChainFinding(ChainFinding.ContentChanged, 3, ids[1]), result.Findings);
    }

    [Fact]
    public async Task Verify_ForgedEntryInsertedInTheMiddle_NamesTheForgedEntry()
    {
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 5);
        await store.DisableTriggersAsync();

        // Make room at position 3 and copy entry 2's content in as a new entry with a fresh id.
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = \"Sequence\" + 100 WHERE \"Sequence\" >= 3");
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Sequence\" = \"Sequence\" - 99 WHERE \"Sequence\" >= 103");
        var forgedId = Guid.NewGuid();
        await store.ExecuteAsOwnerAsync(CopyEntrySql(store, from: 2, toSequence: 3, forgedId));

        Assert.Equal(new ChainVerification(6, false, forgedId, 3), await store.Log.VerifyAsync());
        Assert.Equal(6, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        _ = ids;
    }

    [Fact]
    public async Task Verify_WellFormedEntryForgedOntoTheEnd_NamesTheForgedEntry()
    {
        await using var store = await CreateStoreAsync();
        await RecordManyAsync(store, 3);

        // A forger who knows the algorithm computes a correct link and hash; only the chain head betrays the entry.
        var forged = await ForgeWellFormedAppendAsync(store);

        var result = await store.Log.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(forged, result.FirstBrokenId);
    }

    [Fact]
    public async Task ConcurrentWriters_SeveralInstancesAppendingAtOnce_KeepTheChainValidAndCountsRight()
    {
        await using var store = await CreateStoreAsync();
        const int instances = 4;
        const int perInstance = 25;
        var logs = Enumerable.Range(0, instances).Select(i => store.NewInstance("instance-" + i)).ToList();

        var recorded = await Task.WhenAll(logs.SelectMany((log, i) => Enumerable.Range(0, perInstance)
            .Select(n => Task.Run(() => log.RecordScreeningAsync(Screenings.Submit($"MRN-{i}-{n}"))))));

        Assert.Equal(instances * perInstance, recorded.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, instances * perInstance).Select(i => (long)i), recorded.Select(r => r.Sequence).Order());
        Assert.Equal(new ChainVerification(instances * perInstance, true, null), await store.Log.VerifyAsync());
    }

    [Fact]
    public async Task Verify_WhileOtherInstancesAppend_StaysIntact()
    {
        await using var store = await CreateStoreAsync();
        await RecordManyAsync(store, 3);
        var writers = Enumerable.Range(0, 2).Select(i => store.NewInstance("writer-" + i)).ToList();
        using var stop = new CancellationTokenSource();
        var appends = writers.Select(log => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await log.RecordScreeningAsync(Screenings.Submit("MRN-W" + n++));
            }
        })).ToList();

        while (await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\"") <= 5)
        {
            await Task.Delay(10);
        }

        var results = new List<ChainVerification>();
        for (var i = 0; i < 8; i++)
        {
            results.Add(await store.Log.VerifyAsync());
        }

        await stop.CancelAsync();
        await Task.WhenAll(appends);
        Assert.All(results, r => Assert.True(r.Intact, $"broken at {r.FirstBrokenId} after {r.Checked}"));
        Assert.All(results, r => Assert.True(r.Checked > 5));
        var final = await store.Log.VerifyAsync();
        Assert.True(final.Intact);
        Assert.Equal(await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""), final.Checked);
    }

    [Fact]
    public async Task Replay_LoggedScreening_ReproducesExactly()
    {
        await using var store = await CreateStoreAsync();
        var logged = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd() with { Psychosis = PsychosisStatus.HistoryControlled, SystolicBp = 150, DiastolicBp = 95 }));

        var replay = await store.Audit.ReplayAsync(logged.Id);

        Assert.NotNull(replay);
        Assert.True(replay.RuleSetFound);
        Assert.True(replay.DigestMatches);
        Assert.True(replay.Reproduced);
        Assert.Equal(logged.AssessmentJson, replay.ReplayedAssessmentJson);
    }

    [Fact]
    public async Task Replay_InputAsSubmittedRewrittenAndRehashed_SaysTheStoredInputsDisagreeAndNeverReproduced()
    {
        // QA14a P1: the page shows InputJson, replay reads HistoryJson. Someone who rewrites the shown input (blood
        // pressure 128 -> 198) and re-hashes leaves a chain that verifies; the replay must not vouch for it.
        await using var store = await CreateStoreAsync();
        var logged = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd() with { SystolicBp = 128, DiastolicBp = 80 }));
        Assert.Equal(true, (await store.Audit.ReplayAsync(logged.Id))!.InputsAgree);

        await store.RewriteAndRehashAsync(1, e => e.InputJson = e.InputJson.Replace("\"systolicBp\":128", "\"systolicBp\":198", StringComparison.Ordinal));

        Assert.True((await store.Log.VerifyAsync()).Intact);
        var replay = await store.Audit.ReplayAsync(logged.Id);
        Assert.Equal(false, replay!.InputsAgree);
        Assert.True(replay.InputsDisagree);
        Assert.True(replay.AssessmentMatches);
        Assert.False(replay.Reproduced);
        Assert.Contains("\"systolicBp\":198", replay.InputJson, StringComparison.Ordinal);
        Assert.Contains("\"systolicBp\":128", replay.ReplayedInputJson, StringComparison.Ordinal);
        var shown = (await store.Log.FindScreeningAsync(logged.Id))!;
        Assert.False(StoredInputs.Agree(shown.InputJson, shown.History));
    }

    [Fact]
    public async Task Replay_InputInAnotherFormOrOnlyOneCopy_StillReproducesExactly()
    {
        // The input as submitted may differ from the stored history in form (field order, spacing):
        // the answers are compared, not the bytes. An entry that stores only its input (no history) replays that input.
        await using var store = await CreateStoreAsync();
        var history = Screenings.Trd() with { SystolicBp = 128, DiastolicBp = 80 };
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(history, KetamineCds.Infrastructure.Json.ContractJson.Options))!.AsObject();
        var reordered = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, value) in json.Reverse().ToList())
        {
            reordered[name] = value?.DeepClone();
        }

        var input = reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var logged = await store.Log.RecordScreeningAsync(Screenings.Submit(history, inputJson: input));
        var other = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-OLD"));

        var replay = await store.Audit.ReplayAsync(logged.Id);
        Assert.Equal(true, replay!.InputsAgree);
        Assert.True(replay.Reproduced);

        await store.RewriteAndRehashAsync(2, e => e.HistoryJson = null);
        var old = await store.Audit.ReplayAsync(other.Id);
        Assert.Null(old!.InputsAgree);
        Assert.True(old.Reproduced);
    }

    [Fact]
    public async Task Verify_EntryDeletedAndTwoEdited_WalksTheWholeChainAndNamesEachFindingWithItsKind()
    {
        // QA14a P2: the walk stopped at the first break, named the entry after a gap as "broken" and never the second
        // edited entry.
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 9);
        await store.DisableTriggersAsync();
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"ActorEmail\" = 'someone@else' WHERE \"Sequence\" IN (3, 8)");
        await store.ExecuteAsOwnerAsync("DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = 5");

        var result = await store.Log.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(8, result.Checked);
        Assert.Equal(
            [
                new ChainFinding(ChainFinding.ContentChanged, 3, ids[2]),
                new ChainFinding(ChainFinding.Missing, 6, ids[5], 5, 5),
                new ChainFinding(ChainFinding.ContentChanged, 8, ids[7]),
            ],
            result.Findings);
        Assert.Equal(3, result.FindingCount);
        Assert.Equal((ids[2], 3L), (result.FirstBrokenId, result.FirstBrokenSequence));
    }

    [Fact]
    public async Task Verify_EntryChangedAndRehashedAlone_NamesItsChangedContentOnceAndTheBrokenLinkAfterIt()
    {
        await using var store = await CreateStoreAsync();
        var ids = await RecordManyAsync(store, 5);
        await store.DisableTriggersAsync();
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"Hash\" = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' WHERE \"Sequence\" = 2");

        var result = await store.Log.VerifyAsync();

        Assert.Equal(
            [new ChainFinding(ChainFinding.ContentChanged, 2, ids[1]), new ChainFinding(ChainFinding.LinkBroken, 3, ids[2])],
            result.Findings);
        Assert.Equal(5, result.Checked);
    }

    [Fact]
    public async Task Verify_EveryEntryBroken_ListsTheFirstHundredFindingsAndCountsThemAll()
    {
        await using var store = await CreateStoreAsync();
        await RecordManyAsync(store, ChainFinding.ListedAtMost + 5);
        await store.DisableTriggersAsync();
        await store.ExecuteAsOwnerAsync("UPDATE \"DecisionLogEntries\" SET \"CorrelationId\" = 'other'");

        var result = await store.Log.VerifyAsync();

        Assert.Equal(ChainFinding.ListedAtMost, result.Findings.Count);
        Assert.Equal(ChainFinding.ListedAtMost + 5, result.FindingCount);
        Assert.Equal(Enumerable.Range(1, ChainFinding.ListedAtMost).Select(i => (long?)i), result.Findings.Select(f => f.Sequence));
    }

    [Fact]
    public async Task Replay_StoredAssessmentDiffersFromTheEngine_DoesNotReproduce()
    {
        await using var store = await CreateStoreAsync();
        var history = Screenings.Trd();
        var wrong = Screenings.Submit(history) with { Assessment = ScreeningEngine.Evaluate(history with { Psychosis = PsychosisStatus.Active }) };
        var logged = await store.Log.RecordScreeningAsync(wrong);

        var replay = await store.Audit.ReplayAsync(logged.Id);

        Assert.True(replay!.DigestMatches);
        Assert.False(replay.Reproduced);
    }

    [Fact]
    public async Task AnalyzeImpact_StoredInputsDisagree_CountsAndNamesTheEntryApartAndNeverExaminesIt()
    {
        // QA14a P1 for the impact analysis: it read the stored history without asking whether the input as submitted
        // (what the entry shows) holds the same answers, so a rewritten and re-hashed entry was counted like the others.
        await using var store = await CreateStoreAsync();
        var psychotic = Screenings.Trd("MRN-P") with { Psychosis = PsychosisStatus.Active };
        await store.Log.RecordScreeningAsync(Screenings.Submit(psychotic));
        var altered = await store.Log.RecordScreeningAsync(Screenings.Submit(psychotic with { PatientReference = "MRN-Q" }));
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-R"));
        await store.RewriteAndRehashAsync(2, e => e.InputJson = e.InputJson.Replace("\"psychosis\":\"active\"", "\"psychosis\":\"none\"", StringComparison.Ordinal));
        Assert.True((await store.Log.VerifyAsync()).Intact);
        var current = RuleSetCatalog.Current;
        var withoutPsy001 = new RuleSet("9.9.9", current.Rules.Where(r => r.Id != "PSY-001").ToList(), current.Pathways);

        var report = await store.Audit.AnalyzeImpactAsync(null, null, withoutPsy001);

        Assert.Equal(2, report.Examined);
        Assert.Equal(1, report.InputsDisagreeCount);
        Assert.Equal(new UnreadableEntry(altered.Id, 2), Assert.Single(report.InputsDisagree));
        Assert.DoesNotContain(report.Changes, c => c.Id == altered.Id);
        Assert.Single(report.Changes);
        Assert.Equal(2, report.Transitions.Sum(t => t.Count));
        Assert.Equal(0, report.UnreadableCount);
    }

    [Fact]
    public async Task AnalyzeImpact_ModifiedRuleSet_ListsExactlyTheChangedVerdicts()
    {
        await using var store = await CreateStoreAsync();
        var psychotic = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var history = Screenings.Trd("MRN-" + i) with { Psychosis = i % 3 == 0 ? PsychosisStatus.Active : PsychosisStatus.None };
            var logged = await store.Log.RecordScreeningAsync(Screenings.Submit(history));
            if (i % 3 == 0)
            {
                psychotic.Add(logged.Id);
            }
        }

        // A rule set without the active-psychosis contraindication opens treatment for exactly those four patients.
        var current = RuleSetCatalog.Current;
        var withoutPsy001 = new RuleSet("9.9.9", current.Rules.Where(r => r.Id != "PSY-001").ToList(), current.Pathways);

        var report = await store.Audit.AnalyzeImpactAsync(null, null, withoutPsy001);

        Assert.Equal(12, report.Examined);
        Assert.Equal(psychotic.Order(), report.Changes.Select(c => c.Id).Order());
        Assert.All(report.Changes, c => Assert.Equal("not-eligible-now", c.RecordedOverall));
        Assert.All(report.Changes, c => Assert.NotEqual("not-eligible-now", c.NewOverall));
        Assert.Empty((await store.Audit.AnalyzeImpactAsync(null, null)).Changes);
    }

    [Fact]
    public async Task AnalyzeImpact_1_0_0To1_1_0_CountsTheMatrixAndTheRulesOfTheChangedOnly()
    {
        await using var store = await CreateStoreAsync();
        // Logged under 1.0.0: four eight-answer histories (eligible then; incomplete under 1.1.0 through REC-001),
        // two with active psychosis (not eligible now under both), one PTSD (not indicated under both).
        var changed = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            changed.Add((await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.TrdRequiredAnswersOnly("MRN-C" + i), ruleSet: RuleSetCatalog.V1_0_0))).Id);
        }

        for (var i = 0; i < 2; i++)
        {
            await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.TrdRequiredAnswersOnly("MRN-P" + i) with { Psychosis = PsychosisStatus.Active }, ruleSet: RuleSetCatalog.V1_0_0));
        }

        await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.TrdRequiredAnswersOnly("MRN-T") with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd }, ruleSet: RuleSetCatalog.V1_0_0));

        // One logged under 1.1.0 already: replayed under 1.0.0 for its "before" verdict.
        changed.Add((await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.TrdRequiredAnswersOnly("MRN-NEW"), ruleSet: RuleSetCatalog.V1_1_0))).Id);

        var report = await store.Audit.AnalyzeImpactAsync(null, null, RuleSetCatalog.V1_1_0, RuleSetCatalog.V1_0_0);

        Assert.Equal(8, report.Examined);
        Assert.Equal(RuleSetCatalog.V1_0_0.Identity, report.Baseline);
        Assert.Equal(changed, report.Changes.Select(c => c.Id));
        Assert.All(report.Changes, c => Assert.Equal(("eligible", "incomplete"), (c.RecordedOverall, c.NewOverall)));
        Assert.All(report.Changes, c => Assert.Contains("REC-001", c.NewlyFired));
        Assert.Equal(5, report.Transitions.Single(t => t.From == "eligible" && t.To == "incomplete").Count);
        Assert.Equal(2, report.Transitions.Single(t => t.From == "not-eligible-now" && t.To == "not-eligible-now").Count);
        Assert.Equal(8, report.Transitions.Sum(t => t.Count));
        Assert.Equal(5, report.Rules.Single(r => r.RuleId == "REC-001").NewlyFired);
        Assert.All(report.Rules, r => Assert.InRange(r.NewlyFired + r.StoppedFiring, 1, 5));

        // Against the logged verdicts, the screening logged under 1.1.0 does not change.
        var asLogged = await store.Audit.AnalyzeImpactAsync(null, null, RuleSetCatalog.V1_1_0, null);
        Assert.Equal(changed.Take(4), asLogged.Changes.Select(c => c.Id));
        Assert.All(asLogged.Changes, c => Assert.Contains("REC-001", c.NewlyFired));
    }

    [Fact]
    public async Task AnalyzeImpact_1_1_0To1_2_0_NamesTheRulesThatChangedKindBehindAChangedVerdict()
    {
        // QA: under 1.2.0 a care item not recorded is a caution, not a requirement; the verdict changes (eligible ->
        // eligible-with-cautions) while no rule starts or stops firing, and the report named no rule behind it.
        await using var store = await CreateStoreAsync();
        var logged = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-KIND"), ruleSet: RuleSetCatalog.V1_1_0));

        var report = await store.Audit.AnalyzeImpactAsync(null, null, RuleSetCatalog.V1_2_0, RuleSetCatalog.V1_1_0);

        var change = Assert.Single(report.Changes);
        Assert.Equal(logged.Id, change.Id);
        Assert.Equal(("eligible", "eligible-with-cautions"), (change.RecordedOverall, change.NewOverall));
        Assert.Empty(change.NewlyFired);
        Assert.Empty(change.StoppedFiring);
        Assert.Contains("CV-004 requirement/high -> caution/high", change.ChangedKindOrSeverity);
        Assert.Equal(1, report.Rules.Single(r => r.RuleId == "CV-004").ChangedKindOrSeverity);
    }

    [Fact]
    public async Task AnalyzeImpact_LogHoldsAHookAnswer_SkipsItAgainstTheLoggedVerdictsAndAgainstABaseline()
    {
        await using var store = await CreateStoreAsync();
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.TrdRequiredAnswersOnly("MRN-H"), ruleSet: RuleSetCatalog.V1_0_0));
        var answer = await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-H"));

        // A hook answer ran no rules and stores no history: nothing to re-screen (docs/cds-hooks.md).
        var asLogged = await store.Audit.AnalyzeImpactAsync(null, null, RuleSetCatalog.V1_1_0, null);
        var againstBaseline = await store.Audit.AnalyzeImpactAsync(null, null, RuleSetCatalog.V1_1_0, RuleSetCatalog.V1_0_0);

        foreach (var report in new[] { asLogged, againstBaseline })
        {
            Assert.Equal(1, report.Examined);
            Assert.Equal([screening.Id], report.Changes.Select(c => c.Id));
            Assert.Equal(1, report.Transitions.Sum(t => t.Count));
        }

        Assert.DoesNotContain(answer.Id, asLogged.Changes.Select(c => c.Id));
    }

    [Fact]
    public async Task AuditReads_LogHoldsAHookAnswer_ReplaySaysItsInputsWereNotKeptAndTheListsNameItAHookAnswer()
    {
        await using var store = await CreateStoreAsync();
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-H"));
        var answer = await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-H"));

        // Recorded as before QA158 F2, without the inputs its rules evaluated: replayed, it says they were not kept.
        var notKept = await store.Audit.ReplayAsync(answer.Id);
        Assert.Equal((DecisionLogEntryTypes.HookAnswer, false, false, null), (notKept!.EntryType, notKept.InputsKept, notKept.Reproduced, notKept.ReplayedAssessmentJson));
        Assert.True((await store.Audit.ReplayAsync(screening.Id))!.Reproduced);
        Assert.Null(await store.Log.FindScreeningAsync(answer.Id));
        Assert.Equal([screening.Id], (await store.Log.ListScreeningsForPatientAsync("MRN-H")).Screenings.Select(s => s.Id));
        var page = await store.Audit.SearchAsync(new AuditFilter(), null, 10);
        var exported = new List<AuditListItem>();
        await foreach (var row in store.Audit.ExportAsync(new AuditFilter()))
        {
            exported.Add(row);
        }

        foreach (var items in new[] { page.Items, exported })
        {
            Assert.Equal([(answer.Id, DecisionLogEntryTypes.HookAnswer), (screening.Id, DecisionLogEntryTypes.Screening)], items.Select(i => (i.Id, i.EntryType)));
        }

        Assert.True((await store.Log.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task PatientLookups_ReferenceInAnotherLetterCaseOrWithSpaces_FindEveryScreeningOfThePatientThroughAnIndex()
    {
        await using var store = await CreateStoreAsync();
        var upper = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-Case-7"));
        var lower = await store.Log.RecordScreeningAsync(Screenings.Submit("mrn-case-7"));
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-Case-70"));

        // A clinician reads MRN-Case-7 and mrn-case-7 as one patient: a search must not answer "no screenings".
        var found = await store.Log.ListScreeningsForPatientAsync(" MRN-CASE-7 ");
        Assert.Equal([lower.Id, upper.Id], found.Screenings.Select(s => s.Id));
        Assert.Equal(["mrn-case-7", "MRN-Case-7"], found.Screenings.Select(s => s.History.PatientReference)); // as recorded
        var filtered = await store.Audit.SearchAsync(new AuditFilter(PatientReference: "Mrn-Case-7"), null, 10);
        Assert.Equal([lower.Id, upper.Id], filtered.Items.Select(i => i.Id));

        // The lookup is one index probe, not a scan of the log.
        var plan = await QueryPlanAsync(store, """SELECT "Id" FROM "DecisionLogEntries" WHERE lower("PatientReference") = 'mrn-case-7' ORDER BY "Sequence" DESC""");
        Assert.Contains("IX_DecisionLogEntries_PatientReferenceAnyCase", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClinicianFilter_EmailInAnotherLetterCaseOrWithSpaces_FindsAndExportsTheirScreeningsThroughAnIndex()
    {
        await using var store = await CreateStoreAsync();
        var capitalised = new Actor("user-3", "Dr.Case@Demo.Local", "Psychiatrist");
        var theirs = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-CL-1"), capitalised));
        var mine = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-CL-2"), Screenings.Psychiatrist));
        await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-CL-3"), new Actor("user-4", "dr.case@demo.local.example", "Psychiatrist")));

        // An email is one address in any letter case: the auditor must not read "no screenings" for a capital letter.
        Assert.Equal([mine.Id], (await store.Audit.SearchAsync(new AuditFilter(Clinician: " PSYCHIATRIST@Demo.local "), null, 10)).Items.Select(i => i.Id));
        Assert.Equal([theirs.Id], (await store.Audit.SearchAsync(new AuditFilter(Clinician: "dr.case@demo.local"), null, 10)).Items.Select(i => i.Id));
        var exported = new List<Guid>();
        await foreach (var row in store.Audit.ExportAsync(new AuditFilter(Clinician: "DR.CASE@DEMO.LOCAL")))
        {
            exported.Add(row.Id);
        }

        Assert.Equal([theirs.Id], exported);

        // The first page is one index walk in the list's order, not a scan of the log.
        var plan = await QueryPlanAsync(store, """SELECT "Id" FROM "DecisionLogEntries" WHERE lower("ActorEmail") = 'dr.case@demo.local' ORDER BY "RecordedAt" DESC, "Sequence" DESC LIMIT 50""");
        Assert.Contains("IX_DecisionLogEntries_ActorEmailAnyCase", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_ClinicianIndexes_KeepOnlyTheAnyCaseOneTheFilterWalks()
    {
        await using var store = await CreateStoreAsync();

        var indexes = await IndexNamesAsync(store, "DecisionLogEntries");

        // The clinician filter compares lower("ActorEmail") (ClinicianAnyCase); the exact-case index was written on every
        // entry and read by no query (migration DropExactCaseClinicianIndex).
        Assert.Contains("IX_DecisionLogEntries_ActorEmailAnyCase", indexes);
        Assert.DoesNotContain("IX_DecisionLogEntries_ActorEmail_RecordedAt_Sequence", indexes);
    }

    [Fact]
    public async Task RecordHookAnswer_ChartRecordsAContraindication_IsLoggedNotEligibleNowAndFoundByThatVerdict()
    {
        await using var store = await CreateStoreAsync();
        var withAneurysm = Screenings.Trd("MRN-C") with { AneurysmalVascularDisease = true };
        var contraindications = ScreeningEngine.Evaluate(withAneurysm, RuleSetCatalog.Current).Findings.Where(f => f.Kind == FindingKind.Contraindication).ToList();
        Assert.NotEmpty(contraindications);

        var blocked = await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-C") with { Contraindications = contraindications });
        var missingOnly = await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-C"));

        // A recorded contraindication blocks every pathway whatever else is missing (screening-v1.md): no pathway can open.
        var page = await store.Audit.SearchAsync(new AuditFilter(PatientReference: "MRN-C"), null, 10);
        Assert.Equal([(missingOnly.Id, "incomplete"), (blocked.Id, "not-eligible-now")], page.Items.Select(i => (i.Id, i.Overall)));
        Assert.Equal("not-eligible-now", (await store.Audit.FindHookAnswerAsync(blocked.Id))!.Overall);
        Assert.Equal("incomplete", (await store.Audit.FindHookAnswerAsync(missingOnly.Id))!.Overall);
        var filtered = await store.Audit.SearchAsync(new AuditFilter(Overall: Verdict.NotEligibleNow), null, 10);
        Assert.Equal([blocked.Id], filtered.Items.Select(i => i.Id));
        Assert.True((await store.Log.VerifyAsync()).Intact);
    }

    /// <summary>
    /// A hook answer as the service records it since QA158 F2: the chart's history with <paramref name="history"/>'s values,
    /// the trials and suicidality not recorded (each a placeholder), and the contraindications the rules that read neither find.
    /// </summary>
    private static HookAnswerSubmission HookAnswerWithInputs(PatientHistory history)
    {
        string[] placeholders = ["failedAdequateTrials", "suicidality"];
        return Screenings.HookAnswer(history.PatientReference) with
        {
            Contraindications = ScreeningEngine.ContraindicationsDespite(history, placeholders, RuleSetCatalog.Current),
            RuleSet = RuleSetCatalog.Current.Identity,
            Inputs = new HookAnswerInputs(history, placeholders),
        };
    }

    [Fact]
    public async Task ReplayHookAnswer_StoredInputs_FindTheSameContraindicationsAndVerdictAgainAndOlderEntriesKeepTheirJson()
    {
        // QA158 F2: a hook answer kept its contraindications and its verdict but not the inputs they were found on.
        await using var store = await CreateStoreAsync();
        var blocked = await store.Log.RecordHookAnswerAsync(HookAnswerWithInputs(Screenings.Trd("MRN-HI") with { AneurysmalVascularDisease = true }));
        var missingOnly = await store.Log.RecordHookAnswerAsync(HookAnswerWithInputs(Screenings.Trd("MRN-HJ")));
        var old = await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-HK"));

        var replay = await store.Audit.ReplayAsync(blocked.Id);
        Assert.NotNull(replay);
        Assert.Equal(DecisionLogEntryTypes.HookAnswer, replay.EntryType);
        Assert.True(replay.InputsKept);
        Assert.True(replay.RuleSetFound);
        Assert.True(replay.DigestMatches);
        Assert.True(replay.Reproduced);
        Assert.Equal("not-eligible-now", replay.ReplayedOverall);
        Assert.Contains("\"ruleId\":\"VAS-001\"", replay.ReplayedAssessmentJson, StringComparison.Ordinal);
        Assert.Equal(replay.StoredAssessmentJson, replay.ReplayedAssessmentJson);
        // The stored inputs hold the chart's answers, and null (never the stand-in) where the trials were not recorded.
        Assert.Contains("\"aneurysmalVascularDisease\":true", replay.InputJson, StringComparison.Ordinal);
        Assert.Contains("\"failedAdequateTrials\":null", replay.InputJson, StringComparison.Ordinal);
        var shown = (await store.Audit.FindHookAnswerAsync(blocked.Id))!;
        Assert.Equal(["failedAdequateTrials", "suicidality"], shown.Placeholders);
        Assert.Equal(replay.InputJson, shown.InputsJson);

        // Only missing items: replayed, it finds no contraindication again, and the verdict stays incomplete.
        var none = await store.Audit.ReplayAtSequenceAsync(missingOnly.Sequence);
        Assert.Equal((missingOnly.Id, true, "incomplete"), (none!.ScreeningId, none.Reproduced, none.ReplayedOverall));
        Assert.Contains("\"contraindications\":[]", none.ReplayedAssessmentJson, StringComparison.Ordinal);

        // An answer without inputs is the JSON it always was (nothing written for what is absent), and says it cannot be replayed.
        await using (var db = store.Factory.CreateOwnerDbContext())
        {
            Assert.Equal("{\"missingItems\":[\"failedAdequateTrials\",\"psychosis\"],\"contraindications\":[]}", (await db.DecisionLogEntries.SingleAsync(e => e.Id == old.Id)).InputJson);
        }

        Assert.False((await store.Audit.ReplayAsync(old.Id))!.InputsKept);
        Assert.True((await store.Log.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task ReplayHookAnswer_StoredInputsChanged_VerificationNamesTheEntryAndReplayedAfterARehashItDoesNotReproduce()
    {
        await using var store = await CreateStoreAsync();
        var answer = await store.Log.RecordHookAnswerAsync(HookAnswerWithInputs(Screenings.Trd("MRN-HT") with { AneurysmalVascularDisease = true }));
        const string Change = "UPDATE \"DecisionLogEntries\" SET \"InputJson\" = replace(\"InputJson\", '\"aneurysmalVascularDisease\":true', '\"aneurysmalVascularDisease\":false') WHERE \"Sequence\" = 1";

        // Changed behind the app's back: the stored inputs are hashed with the entry.
        await store.DisableTriggersAsync();
        Assert.Equal(1, await store.ExecuteAsOwnerAsync(Change));
        var verification = await store.Log.VerifyAsync();
        Assert.Equal([new ChainFinding(ChainFinding.ContentChanged, 1, answer.Id)], verification.Findings);
        await Assert.ThrowsAsync<DecisionLogEntryUnreadableException>(() => store.Audit.ReplayAsync(answer.Id));

        // Changed and re-hashed, so that the chain verifies: the replay finds no aneurysm, and names the difference.
        await using var rehashed = await CreateStoreAsync();
        var other = await rehashed.Log.RecordHookAnswerAsync(HookAnswerWithInputs(Screenings.Trd("MRN-HT") with { AneurysmalVascularDisease = true }));
        await rehashed.RewriteAndRehashAsync(1, e => e.InputJson = e.InputJson.Replace("\"aneurysmalVascularDisease\":true", "\"aneurysmalVascularDisease\":false", StringComparison.Ordinal));
        Assert.True((await rehashed.Log.VerifyAsync()).Intact);
        var replay = await rehashed.Audit.ReplayAsync(other.Id);
        Assert.False(replay!.Reproduced);
        Assert.False(replay.AssessmentMatches);
        Assert.Equal("incomplete", replay.ReplayedOverall);
        Assert.Contains("\"overall\":\"not-eligible-now\"", replay.StoredAssessmentJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAndExport_RescreenAndCorrection_NameEachRelationForWhatItIs()
    {
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-R"));
        var rescreen = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-R") with { RescreenOf = original.Id });
        var correction = await store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit("MRN-R"));

        var page = await store.Audit.SearchAsync(new AuditFilter(PatientReference: "MRN-R"), null, 10);
        var exported = new List<AuditListItem>();
        await foreach (var row in store.Audit.ExportAsync(new AuditFilter(PatientReference: "MRN-R")))
        {
            exported.Add(row);
        }

        // A re-screen is a new screening started from an earlier one's answers, never a correction of it.
        (Guid, Guid?, Guid?)[] expected = [(correction.Id, original.Id, null), (rescreen.Id, null, original.Id), (original.Id, null, null)];
        foreach (var items in new[] { page.Items, exported })
        {
            Assert.Equal(expected, items.Select(i => (i.Id, i.Corrects, i.RescreenOf)));
        }
    }

    [Fact]
    public async Task SearchAndExport_CorrectedEntry_NamesItsNewestCorrectionUnderEveryFilter()
    {
        // QA11 F3: the corrected entry is no longer the live decision; the list must say which entry replaced it.
        await using var store = await CreateStoreAsync();
        var original = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.TrdRequiredAnswersOnly("MRN-F")));
        var rescreen = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-F") with { RescreenOf = original.Id });
        var first = await store.Log.RecordCorrectionAsync(original.Id, "Mania was answered on paper", Screenings.Submit("MRN-F"));
        await store.AllowSecondCorrectionsAsync(); // a log written before one correction per screening was enforced
        var second = await store.Log.RecordCorrectionAsync(original.Id, "Age was mistyped", Screenings.Submit("MRN-F"));
        var ofCorrection = await store.Log.RecordCorrectionAsync(first.Id, "Blood pressure was mistyped", Screenings.Submit("MRN-F"));
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-OTHER"));
        Assert.Equal("incomplete", WireNames.Of(original.Assessment.Overall));
        Assert.NotEqual("incomplete", WireNames.Of(second.Assessment.Overall));

        async Task<List<AuditListItem>> ExportAsync(AuditFilter filter)
        {
            var rows = new List<AuditListItem>();
            await foreach (var row in store.Audit.ExportAsync(filter))
            {
                rows.Add(row);
            }

            return rows;
        }

        // Newest first; a re-screen is not a correction; the newest correction of an entry is the one named.
        (Guid, Guid?, long?)[] expected =
        [
            (ofCorrection.Id, null, null), (second.Id, null, null), (first.Id, ofCorrection.Id, ofCorrection.Sequence),
            (rescreen.Id, null, null), (original.Id, second.Id, second.Sequence),
        ];
        var patient = new AuditFilter(PatientReference: "mrn-f");
        foreach (var items in new[] { (await store.Audit.SearchAsync(patient, null, 10)).Items, await ExportAsync(patient) })
        {
            Assert.Equal(expected, items.Select(i => (i.Id, i.CorrectedBy, i.CorrectedBySequence)));
        }

        // A filter that leaves the corrections out still marks the entry they correct.
        var incomplete = new AuditFilter(Overall: Verdict.Incomplete);
        foreach (var items in new[] { (await store.Audit.SearchAsync(incomplete, null, 10)).Items, await ExportAsync(incomplete) })
        {
            Assert.Equal([(original.Id, second.Id, second.Sequence)], items.Select(i => (i.Id, i.CorrectedBy, i.CorrectedBySequence)));
        }

        // A page of one: the correction is not on the page, the mark is.
        var listed = (await store.Audit.SearchAsync(patient, null, 10)).Items.Single(i => i.Id == rescreen.Id);
        var page = await store.Audit.SearchAsync(patient, new AuditCursor(listed.RecordedAt, listed.Sequence), 1);
        Assert.Equal([(original.Id, second.Id)], page.Items.Select(i => (i.Id, i.CorrectedBy)));
    }

    [Fact]
    public async Task SearchAndExport_Overrides_ListedInTheirPlaceNamingWhatTheyOverride_EveryFilterButVerdictAndRuleSetFindsThem()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)) { Step = TimeSpan.FromHours(1) };
        await using var store = await CreateStoreAsync(clock);
        var other = new Actor("user-2", "other@demo.local", "Psychiatrist");
        var screening = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-OV"));
        var answer = await store.Log.RecordHookAnswerAsync(Screenings.HookAnswer("MRN-OV"));
        var ofScreening = await store.Log.RecordOverrideAsync(new OverrideSubmission(
            screening.Id, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "Declined after the discussion.", Screenings.Psychiatrist, "corr-ov-1"));
        var ofAnswer = await store.Log.RecordOverrideAsync(new OverrideSubmission(
            answer.Id, OverrideDecision.Proceed, OverrideReason.BenefitOutweighsRiskAfterReview, "Reviewed with the patient.", other, "corr-ov-2"));
        var elsewhere = await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-ELSE"));

        async Task<List<Guid>> ExportedAsync(AuditFilter filter)
        {
            var rows = new List<Guid>();
            await foreach (var row in store.Audit.ExportAsync(filter))
            {
                rows.Add(row.Id);
            }

            return rows;
        }

        async Task<List<AuditListItem>> ListedAsync(AuditFilter filter, int pageSize)
        {
            var items = new List<AuditListItem>();
            AuditCursor? cursor = null;
            do
            {
                var page = await store.Audit.SearchAsync(filter, cursor, pageSize);
                items.AddRange(page.Items);
                cursor = page.Next;
            }
            while (cursor is not null);

            return items;
        }

        // An override is an entry of its own in the list, newest first among the others, with who, when and what it overrides.
        var patient = await ListedAsync(new AuditFilter(PatientReference: "mrn-ov"), 10);
        Assert.Equal([ofAnswer.Id, ofScreening.Id, answer.Id, screening.Id], patient.Select(i => i.Id));
        var listed = patient[1];
        Assert.Equal(
            (DecisionLogEntryTypes.Override, Screenings.Psychiatrist.Email, "MRN-OV", ofScreening.RecordedAt, (Guid?)screening.Id, ((long, string)?)(screening.Sequence, DecisionLogEntryTypes.Screening), "", ""),
            (listed.EntryType, listed.ClinicianEmail, listed.PatientReference, listed.RecordedAt, listed.OverrideOf, listed.Overridden, listed.Overall, listed.RuleSetVersion));
        Assert.Equal((OverrideDecision.DoNotProceed, OverrideReason.PatientPreference), (listed.Override!.Decision, listed.Override.Reason));
        Assert.False(listed.Unreadable);
        Assert.Equal(((Guid?)answer.Id, ((long, string)?)(answer.Sequence, DecisionLogEntryTypes.HookAnswer)), (patient[0].OverrideOf, patient[0].Overridden));
        Assert.Equal(1, patient[3].Overrides);

        // Keyset pages of one keep every entry once, in the export's order.
        var all = await ListedAsync(new AuditFilter(), 1);
        Assert.Equal([elsewhere.Id, ofAnswer.Id, ofScreening.Id, answer.Id, screening.Id], all.Select(i => i.Id));
        Assert.Equal(await ExportedAsync(new AuditFilter()), all.Select(i => i.Id));

        // Who recorded it and when find it; a verdict or a rule set never does (an override has neither), as in the export.
        var filters = new (AuditFilter Filter, Guid[] Expected)[]
        {
            (new AuditFilter(Clinician: "OTHER@demo.local"), [ofAnswer.Id]),
            (new AuditFilter(From: ofScreening.RecordedAt, To: ofAnswer.RecordedAt), [ofScreening.Id]),
            (new AuditFilter(PatientReference: "MRN-OV", Overall: screening.Assessment.Overall), [screening.Id]),
            (new AuditFilter(PatientReference: "MRN-OV", Overall: Verdict.Incomplete), [answer.Id]),
            (new AuditFilter(PatientReference: "MRN-OV", RuleSetVersion: RuleSetCatalog.Current.Version), [screening.Id]),
        };
        foreach (var (filter, expected) in filters)
        {
            Assert.Equal(expected, (await ListedAsync(filter, 2)).Select(i => i.Id));
            Assert.Equal(expected, await ExportedAsync(filter));
        }
    }

    [Fact]
    public async Task Search_FiltersAndKeysetPages_ReturnEachMatchOnceNewestFirst()
    {
        await using var store = await CreateStoreAsync();
        var other = new Actor("user-2", "other@demo.local", "Psychiatrist");
        var mine = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            var logged = await store.Log.RecordScreeningAsync(Screenings.Submit(Screenings.Trd("MRN-" + i), i % 2 == 0 ? Screenings.Psychiatrist : other));
            if (i % 2 == 0)
            {
                mine.Add(logged.Id);
            }
        }

        var filter = new AuditFilter(Clinician: Screenings.Psychiatrist.Email);
        var seen = new List<Guid>();
        var positions = new List<ListPosition?>();
        AuditCursor? cursor = null;
        do
        {
            var page = await store.Audit.SearchAsync(filter, cursor, 2);
            seen.AddRange(page.Items.Select(i => i.Id));
            positions.Add(page.Position);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(mine), seen);
        // QA318: each page says where it stands among the five matching (a printed page says "entries 3 to 4 of 5").
        Assert.Equal([new(0, 5), new(2, 5), new(4, 5)], positions);
        Assert.Equal(new ListPosition(0, 1), (await store.Audit.SearchAsync(new AuditFilter(PatientReference: "MRN-3"), null, 10)).Position);
        Assert.Single((await store.Audit.SearchAsync(new AuditFilter(PatientReference: "MRN-3"), null, 10)).Items);
        Assert.Equal(9, (await store.Audit.SearchAsync(new AuditFilter(Overall: Verdict.EligibleWithCautions, RuleSetVersion: RuleSetCatalog.Current.Version), null, 50)).Items.Count);
        Assert.Empty((await store.Audit.SearchAsync(new AuditFilter(Overall: Verdict.Eligible, RuleSetVersion: RuleSetCatalog.Current.Version), null, 50)).Items);
        Assert.Empty((await store.Audit.SearchAsync(new AuditFilter(From: DateTimeOffset.UtcNow.AddDays(1)), null, 50)).Items);
    }

    [Fact]
    public async Task Export_Filter_StreamsEveryMatch()
    {
        await using var store = await CreateStoreAsync();
        await RecordManyAsync(store, 5);

        var rows = new List<AuditListItem>();
        await foreach (var row in store.Audit.ExportAsync(new AuditFilter()))
        {
            rows.Add(row);
        }

        Assert.Equal([5L, 4, 3, 2, 1], rows.Select(r => r.Sequence));
    }

    [Fact]
    public async Task AccessAudit_Record_AppendsChainedEventsListedBySubject()
    {
        await using var store = await CreateStoreAsync();
        await store.Access.RecordAsync(new AccessEvent(AccessEventKind.SignIn, "auditor@demo.local", "Auditor", null, null, "c1"));
        await store.Access.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "auditor@demo.local", "Auditor", "S-1", null, "c2"));
        await store.Access.RecordAsync(new AccessEvent(AccessEventKind.PrintScreening, "staff@demo.local", "ClinicStaff", "S-1", "printed", "c3"));

        var history = await store.Audit.AccessHistoryAsync("S-1");

        Assert.Equal(["view-screening", "print-screening"], history.Select(h => h.Kind));
        Assert.Equal(new ChainVerification(3, true, null), await store.Access.VerifyAsync());
        await store.DisableTriggersAsync();
        await store.ExecuteAsOwnerAsync("UPDATE \"AccessEvents\" SET \"UserEmail\" = 'nobody' WHERE \"Sequence\" = 2");
        // The whole chain is walked (QA14a P2): all 3 events are checked, the edited one named.
        Assert.Equal(new ChainVerification(3, false, history[0].Id, 2), await store.Access.VerifyAsync());
    }

    [Fact]
    public async Task RecordScreening_DatabaseFailsMidTransaction_ThrowsUnavailableAndStoresNothing()
    {
        await using var store = await CreateStoreAsync();
        await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-1"));
        await store.BreakDecisionLogInsertsAsync();

        await Assert.ThrowsAsync<DecisionLogUnavailableException>(() => store.Log.RecordScreeningAsync(Screenings.Submit("MRN-2")));

        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT count(*) FROM \"DecisionLogEntries\""));
        Assert.Equal(1, await store.ScalarAsOwnerAsync("SELECT \"LastSequence\" FROM \"LogChainHeads\" WHERE \"Chain\" = 'decisions'"));
        Assert.Equal(new ChainVerification(1, true, null), await store.Log.VerifyAsync());
    }

    protected static async Task<List<Guid>> RecordManyAsync(LogStore store, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await store.Log.RecordScreeningAsync(Screenings.Submit("MRN-" + i))).Id);
        }

        return ids;
    }

    private static string CopyEntrySql(LogStore store, long from, long toSequence, Guid id)
    {
        var idLiteral = store.Settings.Provider == Infrastructure.Data.DatabaseProvider.Postgres
            ? $"'{id}'::uuid"
            : $"'{id.ToString().ToUpperInvariant()}'";
        return $"""
            INSERT INTO "DecisionLogEntries" ("Sequence", "Id", "EntryType", "RecordedAt", "ActorUserId", "ActorEmail", "ActorRole",
              "CorrelationId", "PatientReference", "Overall", "RuleSetVersion", "RuleSetDigest", "InputJson", "HistoryJson",
              "AssessmentJson", "RelatesToId", "CorrectionReason", "PreviousHash", "Hash")
            SELECT {toSequence}, {idLiteral}, "EntryType", "RecordedAt", "ActorUserId", "ActorEmail", "ActorRole",
              "CorrelationId", "PatientReference", "Overall", "RuleSetVersion", "RuleSetDigest", "InputJson", "HistoryJson",
              "AssessmentJson", "RelatesToId", "CorrectionReason", "Hash", "Hash"
            FROM "DecisionLogEntries" WHERE "Sequence" = {from}
            """;
    }

    private static async Task<Guid> ForgeWellFormedAppendAsync(LogStore store)
    {
        await using var db = store.Factory.CreateOwnerDbContext();
        var last = db.DecisionLogEntries.OrderByDescending(e => e.Sequence).First();
        var forged = new DecisionLogEntry
        {
            Sequence = last.Sequence + 1,
            Id = Guid.NewGuid(),
            EntryType = last.EntryType,
            RecordedAt = last.RecordedAt,
            ActorUserId = last.ActorUserId,
            ActorEmail = last.ActorEmail,
            ActorRole = last.ActorRole,
            CorrelationId = "forged",
            PatientReference = last.PatientReference,
            Overall = last.Overall,
            RuleSetVersion = last.RuleSetVersion,
            RuleSetDigest = last.RuleSetDigest,
            InputJson = last.InputJson,
            HistoryJson = last.HistoryJson,
            AssessmentJson = last.AssessmentJson,
            PreviousHash = last.Hash,
        };
        forged.Hash = ChainHash.Compute(forged);
        db.DecisionLogEntries.Add(forged);
        await db.SaveChangesAsync();
        return forged.Id;
    }

    /// <summary>The names of the indexes the database holds on <paramref name="table"/>.</summary>
    private static async Task<List<string>> IndexNamesAsync(LogStore store, string table)
    {
        await using var db = store.Factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? "SELECT indexname FROM pg_indexes WHERE tablename = @table"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The database's plan for <paramref name="sql"/> (PostgreSQL told to avoid a scan where an index serves), as one line.</summary>
    private static async Task<string> QueryPlanAsync(LogStore store, string sql)
    {
        await using var db = store.Factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? "SET enable_seqscan = off; EXPLAIN " + sql
            : "EXPLAIN QUERY PLAN " + sql;
        var plan = new System.Text.StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                plan.Append(reader.GetValue(i)).Append(' ');
            }
        }

        return plan.ToString();
    }
}

/// <summary>The decision log on SQLite, a temp file per test.</summary>
public sealed class SqliteDecisionLogTests : DecisionLogTests
{
    protected override Task<LogStore> CreateStoreAsync(TimeProvider? clock = null) => LogStore.SqliteAsync(clock);
}

/// <summary>The decision log on PostgreSQL 15, a fresh database per test, the app connected as a role that may only INSERT and SELECT the logs.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresDecisionLogTests(PostgresFixture fixture) : DecisionLogTests
{
    protected override Task<LogStore> CreateStoreAsync(TimeProvider? clock = null) => LogStore.PostgresAsync(fixture.Cluster, clock);
}
