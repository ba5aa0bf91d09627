using KetamineCds.Infrastructure.CdsHooks;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// <see cref="CdsHookStore.LatestOverriddenHookScreeningAsync"/>: of KetamineCds's answers to an EHR completed from a
/// screening, the one whose newest override states a decision. An override that states none (an EHR's bare
/// "overridden", QA141 F3) is passed over by what its stored JSON says, not by how the text is spelt: it was found by the
/// text <c>"decision":null</c>, which the app's own compact writer always produces, but JSON with a space after the
/// colon, or without the property, says the same and was read as a stated decision, hiding the one stated before it.
/// Each test has an app and a database of its own (the log is rewritten behind the app's back).
/// </summary>
public sealed class CdsHookStoreTests
{
    private static readonly Actor Ehr = new("Practitioner/1", "Practitioner/1", "CdsHooksClient");

    [Theory]
    [InlineData("""{"decision": null, "reason": null, "explanation": "Acted on in the EHR."}""")]
    [InlineData("""{ "decision" : null, "reason" : null, "explanation" : "Acted on in the EHR." }""")]
    [InlineData("""{"explanation":"Acted on in the EHR.","reason":null,"decision":null}""")]
    [InlineData("""{"reason":null,"explanation":"Acted on in the EHR."}""")]
    public async Task LatestOverriddenHookScreening_NewerOverrideStatesNoDecisionHoweverItsJsonIsSpelt_IsTheEarlierStatedOne(string bareOverrideJson)
    {
        using var app = new KetamineCdsFactory();
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var clinician = await app.RecordScreeningThroughApiAsync("MRN-HOOK-STORE-1");
        var stated = await RecordHookScreeningAsync(log, clinician);
        await log.RecordOverrideAsync(new OverrideSubmission(stated, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "Declined in the EHR.", Ehr, "corr-stated"));
        var bare = await RecordHookScreeningAsync(log, clinician);
        var bareOverride = await log.RecordOverrideAsync(new OverrideSubmission(bare, null, null, "Acted on in the EHR.", Ehr, "corr-bare"));
        await RewriteAsync(app, bareOverride.Id, bareOverrideJson);
        Assert.Null((await log.FindScreeningAsync(bare))!.Overrides.Single().Decision);

        var found = await app.Services.GetRequiredService<CdsHookStore>().LatestOverriddenHookScreeningAsync(clinician, CancellationToken.None);

        Assert.Equal(stated, found);
    }

    [Fact]
    public async Task LatestOverriddenHookScreening_StatedOverrideWhoseExplanationQuotesANullDecision_IsInForce()
    {
        using var app = new KetamineCdsFactory();
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var clinician = await app.RecordScreeningThroughApiAsync("MRN-HOOK-STORE-2");
        var earlier = await RecordHookScreeningAsync(log, clinician);
        await log.RecordOverrideAsync(new OverrideSubmission(earlier, OverrideDecision.Proceed, OverrideReason.Other, "Reviewed.", Ehr, "corr-earlier"));
        var later = await RecordHookScreeningAsync(log, clinician);
        await log.RecordOverrideAsync(new OverrideSubmission(later, OverrideDecision.DoNotProceed, OverrideReason.Other, """The EHR sent "decision":null before.""", Ehr, "corr-later"));

        var found = await app.Services.GetRequiredService<CdsHookStore>().LatestOverriddenHookScreeningAsync(clinician, CancellationToken.None);

        Assert.Equal(later, found);
    }

    [Fact]
    public async Task LatestOverriddenHookScreening_OnlyBareOverrides_IsNone()
    {
        using var app = new KetamineCdsFactory();
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var clinician = await app.RecordScreeningThroughApiAsync("MRN-HOOK-STORE-3");
        var hook = await RecordHookScreeningAsync(log, clinician);
        await log.RecordOverrideAsync(new OverrideSubmission(hook, null, null, "Acted on in the EHR.", Ehr, "corr-bare"));

        var found = await app.Services.GetRequiredService<CdsHookStore>().LatestOverriddenHookScreeningAsync(clinician, CancellationToken.None);

        Assert.Null(found);
    }

    /// <summary>An answer to an EHR completed from <paramref name="clinician"/>: its answers, with a hook origin, re-screening it.</summary>
    private static async Task<Guid> RecordHookScreeningAsync(IDecisionLog log, Guid clinician)
    {
        var from = (await log.FindScreeningAsync(clinician))!;
        var origin = new HookOrigin("https://ehr.example", "Practitioner/1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}");
        var answer = await log.RecordScreeningAsync(
            new ScreeningSubmission(from.History, from.InputJson, from.Assessment, Ehr, $"corr-{Guid.NewGuid():N}") { RescreenOf = clinician, Origin = origin });
        return answer.Id;
    }

    /// <summary>
    /// Stores <paramref name="inputJson"/> as the override's payload with the hash it gives, as a writer other than the app's
    /// compact one would have recorded it (the entry still verifies on its own; it is the last, so no link follows it).
    /// </summary>
    private static async Task RewriteAsync(KetamineCdsFactory app, Guid overrideId, string inputJson)
    {
        string hash;
        long sequence;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            var entry = await db.DecisionLogEntries.AsNoTracking().SingleAsync(e => e.Id == overrideId);
            entry.InputJson = inputJson;
            hash = ChainHash.Compute(entry);
            sequence = entry.Sequence;
        }

        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TRIGGER \"DecisionLogEntries_no_update\";";
            await drop.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE \"DecisionLogEntries\" SET \"InputJson\" = $json, \"Hash\" = $hash WHERE \"Sequence\" = $sequence;";
        command.Parameters.AddWithValue("$json", inputJson);
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$sequence", sequence);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
