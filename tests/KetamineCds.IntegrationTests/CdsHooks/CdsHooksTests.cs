using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Fixtures;
using KetamineCds.Samples.CdsHooks;
using KetamineCds.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>The CDS Hooks service end to end on SQLite (the PostgreSQL run is <see cref="PostgresCdsHooksTests"/>).</summary>
public sealed class SqliteCdsHooksTests : CdsHooksTests
{
    protected override Task<CdsHooksApp> CreateAppAsync() => Task.FromResult(CdsHooksApp.Sqlite());

    [Fact]
    public async Task PatientView_TheCompletedScreeningCannotBeRead_AnswersIncompleteNotA500()
    {
        // Only a tampered log holds such an entry: its answers fill nothing, and the chart's gaps stay not recorded.
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");
        await CompleteTheScreeningAsync(app, patient);
        await using (var db = app.Db())
        {
            await db.Database.ExecuteSqlRawAsync(
                "DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"HistoryJson\" = '{{not json' WHERE \"EntryType\" = 'screening';");
        }

        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.StartsWith("Ketamine screening incomplete", cards[^1]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_TheCompletedScreeningsStoredAnswersDisagree_FillsNothingAndAnswersIncomplete()
    {
        // The input as submitted rewritten (4 failed trials; its verdict was decided on 3): either copy may be the altered
        // one, so neither fills the chart's gaps, as for an entry that cannot be read.
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");
        var completed = await CompleteTheScreeningAsync(app, patient);
        await using (var db = app.Db())
        {
            // Rewritten as someone who can write the database would, with the entry's hash recomputed: an entry whose hash no
            // longer holds is read as unreadable, the other path.
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; DROP TRIGGER \"LogChainHeads_forward_only\";");
            var entry = await db.DecisionLogEntries.SingleAsync(e => e.Id == completed);
            Assert.Equal(await db.DecisionLogEntries.MaxAsync(e => e.Sequence), entry.Sequence);
            entry.InputJson = entry.InputJson.Replace("\"failedAdequateTrials\":3", "\"failedAdequateTrials\":4", StringComparison.Ordinal);
            entry.Hash = ChainHash.Compute(entry);
            (await db.LogChainHeads.SingleAsync(h => h.Chain == LogChainHead.Decisions)).LastHash = entry.Hash;
            await db.SaveChangesAsync();
            Assert.False(StoredInputs.Agree(entry.InputJson, entry.HistoryJson));
        }

        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.StartsWith("Ketamine screening incomplete", cards[^1]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(completed.ToString(), cards.ToJsonString(), StringComparison.Ordinal);
        await using (var db = app.Db())
        {
            // Completed from it, the answer would be recorded as a re-screen of it.
            Assert.False(await db.DecisionLogEntries.AnyAsync(e => e.RelatesToId == completed));
        }
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresCdsHooksTests(PostgresFixture fixture) : CdsHooksTests
{
    protected override Task<CdsHooksApp> CreateAppAsync() => CdsHooksApp.PostgresAsync(fixture.Cluster);
}

public abstract class CdsHooksTests
{
    protected abstract Task<CdsHooksApp> CreateAppAsync();

    [Fact]
    public async Task Discovery_WithAValidToken_ListsBothServicesWithPrefetchTemplates()
    {
        using var app = await CreateAppAsync();
        using var response = await app.GetAsync("/cds-services", app.Token("/cds-services"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray();
        Assert.Equal(["ketamine-screening-patient-view", "ketamine-screening-order-sign"], services.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(["patient-view", "order-sign"], services.Select(s => s!["hook"]!.GetValue<string>()));
        foreach (var service in services)
        {
            var prefetch = service!["prefetch"]!.AsObject();
            Assert.Equal("Patient/{{context.patientId}}", prefetch["patient"]!.GetValue<string>());
            Assert.Contains("44261-6", prefetch["observations"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(prefetch, p => p.Value!.GetValue<string>().StartsWith("AllergyIntolerance?", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Discovery_WithoutAToken_Answers401WithWwwAuthenticate()
    {
        using var app = await CreateAppAsync();
        using var response = await app.GetAsync("/cds-services", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hook")]
    [InlineData("hookInstance")]
    [InlineData("context.userId")]
    [InlineData("context.patientId")]
    [InlineData("prefetch.chart.entry[0].resource.meta.profile[0]")]
    public async Task PatientView_EscapedLoneSurrogateInAString_Answers400NamingTheFieldAndRecordsNothing(string field)
    {
        // QA10c S1: System.Text.Json parses "\ud800" alone but throws when the string is read: that was a 500.
        using var app = await CreateAppAsync();
        var call = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        const string Marker = "@@lone-surrogate@@";
        switch (field)
        {
            case "hook" or "hookInstance":
                call[field] = Marker;
                break;
            case "context.userId":
                call["context"]!["userId"] = Marker;
                break;
            case "context.patientId":
                call["context"]!["patientId"] = Marker;
                break;
            default:
                call["prefetch"]!["chart"]!["entry"]![0]!["resource"]!["meta"]!["profile"]![0] = Marker;
                break;
        }

        var before = await app.DecisionLogCountAsync();

        using var response = await app.PostAsync(PatientView, call.ToJsonString().Replace(Marker, "ab\\ud800cd", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The request could not be read; nothing was recorded.", problem["title"]!.GetValue<string>());
        Assert.StartsWith(field + ": The body has a string that is not valid Unicode text", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task Feedback_EscapedLoneSurrogateInTheComment_Answers400NamingTheFieldAndRecordsNothing()
    {
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        var before = await app.DecisionLogCountAsync();

        using var response = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{ActedMinuteAgo}}}","overrideReason":{"reason":{"code":"other"},"userComment":"plain \udc00 words"}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("feedback[0].overrideReason.userComment: The body has a string that is not valid Unicode text", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task PatientView_BodyStartingWithAByteOrderMark_IsAnsweredAsWithoutIt()
    {
        // A UTF-8 byte-order mark (EF BB BF; StringContent encodes U+FEFF so), as Windows tools write it: RFC 8259 lets a
        // parser ignore it, and "The body is not JSON." misled the integrator.
        using var app = await CreateAppAsync();

        using var response = await app.PostAsync(PatientView, "\uFEFF" + CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.StartsWith("Ketamine screening incomplete", JsonNode.Parse(body)!["cards"]!.AsArray()[^1]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task PatientView_BodyStartingWithTwoByteOrderMarks_Answers400NamingTheMarkAndRecordsNothing()
    {
        using var app = await CreateAppAsync();

        using var response = await app.PostAsync(PatientView, "\uFEFF\uFEFF" + CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("byte-order mark", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task Feedback_BodyStartingWithAByteOrderMark_IsRecorded()
    {
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        var before = await app.DecisionLogCountAsync();

        using var response = await app.PostAsync(PatientView + "/feedback", "\uFEFF" + $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{ActedMinuteAgo}}}","overrideReason":{"reason":{"code":"other"},"userComment":"Reviewed with the patient."}}]}""");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("context.userId", "Practitioner/\u202Ecod.rD\u2066")]
    [InlineData("context.userId", "Practitioner/evil\u0007")]
    [InlineData("hookInstance", "hi-\u202E-\u0001")]
    [InlineData("hookInstance", "hi\tthere")]
    public async Task PatientView_WhoAskedOrTheCallsIdWithHiddenCharacters_Answers400NamingTheFieldAndRecordsNothing(string field, string value)
    {
        // QA10c S4: the EHR's user id becomes the entry's "who asked", shown on /Audit and in the export: it must read
        // as the EHR sent it, as a note or a feedback comment must (QA8 F6).
        using var app = await CreateAppAsync();
        var call = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        if (field == "hookInstance")
        {
            call["hookInstance"] = value;
        }
        else
        {
            call["context"]!["userId"] = value;
        }

        var before = await app.DecisionLogCountAsync();

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + " holds a control character", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());
    }

    /// <summary>A patient-view call whose <paramref name="field"/> (<c>context.userId</c> or <c>hookInstance</c>) is <paramref name="length"/> characters.</summary>
    private static JsonObject CallWithLongId(string field, int length)
    {
        var call = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        var value = "Practitioner/" + new string('7', length - "Practitioner/".Length);
        if (field == "hookInstance")
        {
            call["hookInstance"] = value;
        }
        else
        {
            call["context"]!["userId"] = value;
        }

        return call;
    }

    [Theory]
    [InlineData("context.userId", 257)]
    [InlineData("context.userId", 5000)]
    [InlineData("hookInstance", 129)]
    [InlineData("hookInstance", 5000)]
    public async Task PatientView_WhoAskedOrTheCallsIdOverItsLimit_Answers400NamingTheFieldAndRecordsNothing(string field, int length)
    {
        // QA132: a 5,000-character userId was recorded as who asked and shown in the audit list's Clinician column.
        using var app = await CreateAppAsync();
        using var response = await app.PostAsync(PatientView, CallWithLongId(field, length).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.StartsWith(field + " must be at most " + (field == "hookInstance" ? "128" : "256") + " characters", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("7777", detail, StringComparison.Ordinal);
        Assert.Equal(0, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("context.userId", 256)]
    [InlineData("hookInstance", 128)]
    public async Task PatientView_WhoAskedOrTheCallsIdAtItsLimit_IsAnsweredAndRecordedWhole(string field, int length)
    {
        using var app = await CreateAppAsync();
        var value = "Practitioner/" + new string('7', length - "Practitioner/".Length);
        using var response = await app.PostAsync(PatientView, CallWithLongId(field, length).ToJsonString());

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.SingleAsync();
        if (field == "context.userId")
        {
            Assert.Equal(value, entry.ActorEmail);
        }
        else
        {
            Assert.Equal(value, HookOrigin.FromJson(entry.HookOriginJson!).HookInstance);
        }
    }

    [Theory]
    [InlineData("specialist-advice\\u202Eobtained")]
    [InlineData("other\\u0007")]
    [InlineData("other\\tcode")]
    public async Task Feedback_ReasonCodeWithHiddenCharacters_Answers400NamingTheFieldAndRecordsNothing(string jsonCode)
    {
        // QA10c S4: a reason code the card did not offer is kept in the override's explanation, read by auditors.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        var before = await app.DecisionLogCountAsync();

        using var response = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{ActedMinuteAgo}}}","overrideReason":{"reason":{"code":"{{{jsonCode}}}"},"userComment":"x"}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("feedback[0].overrideReason.reason.code holds a control character", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task PatientView_ChartWithoutTheRequiredItems_AnswersTheRecordedContraindicationThenIncompleteAndRecordsBoth()
    {
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        using var response = await app.PostAsync(PatientView, request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        AssertNoNullOrEmpty(body);
        var cards = body["cards"]!.AsArray();
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => AssertCardShape(c!));
        // The chart's aneurysm is a contraindication whatever the trials and suicidality it lacks turn out to be.
        var critical = cards[0]!;
        Assert.Equal("critical", critical["indicator"]!.GetValue<string>());
        Assert.Contains("Aneurysmal vascular disease", critical["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/Rules#VAS-001", critical["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var card = cards[1]!;
        Assert.Equal("info", card["indicator"]!.GetValue<string>());
        Assert.StartsWith("Ketamine screening incomplete", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains("Failed adequate antidepressant trials", detail, StringComparison.Ordinal);
        Assert.Contains("Suicidality", detail, StringComparison.Ordinal);
        Assert.Contains("never replaces", detail, StringComparison.Ordinal);
        var link = Assert.Single(card["links"]!.AsArray())!;
        Assert.Equal("absolute", link["type"]!.GetValue<string>());
        Assert.Matches("^http://localhost/Screenings/New\\?prefill=[A-Za-z0-9_-]{43}$", link["url"]!.GetValue<string>());

        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.SingleAsync();
        Assert.Equal(DecisionLogEntryTypes.HookAnswer, entry.EntryType);
        Assert.Equal("Practitioner/demo-psychiatrist", entry.ActorUserId);
        Assert.Contains("failedAdequateTrials", entry.InputJson, StringComparison.Ordinal);
        Assert.Equal("not-eligible-now", entry.Overall);
        Assert.Equal(RuleSetCatalog.Current.Version, entry.RuleSetVersion);
        var logged = (await app.Services.GetRequiredService<IDecisionLogAudit>().FindHookAnswerAsync(entry.Id))!;
        var found = Assert.Single(logged.Contraindications);
        Assert.Equal("VAS-001", found.RuleId);
        Assert.Contains(found.Because, b => b.Field == "aneurysmalVascularDisease" && b.Value == "true");
        var origin = HookOrigin.FromJson(entry.HookOriginJson!);
        Assert.Equal(CdsHooksApp.Issuer, origin.Issuer);
        Assert.Equal("Practitioner/demo-psychiatrist", origin.UserId);
        Assert.Equal("patient-view", origin.Hook);
        Assert.Equal(request["hookInstance"]!.GetValue<string>(), origin.HookInstance);
        Assert.Equal(cards.Select(c => Guid.Parse(c!["uuid"]!.GetValue<string>())), origin.CardUuids);
        // The FHIR as it was sent, but for the patient's direct identifiers (QA14a P9): the sample's Patient loses its MRN,
        // its name and "active", and keeps the year of its birth date.
        var expected = JsonNode.Parse(request["prefetch"]!.ToJsonString())!;
        var patient = expected["chart"]!["entry"]![0]!["resource"]!.AsObject();
        patient.Remove("identifier");
        patient.Remove("name");
        patient.Remove("active");
        patient["birthDate"] = "1968";
        var stored = JsonNode.Parse(origin.FhirJson)!;
        Assert.Equal(expected.ToJsonString(), stored["prefetch"]!.ToJsonString());
        Assert.True(stored["directIdentifiersRemoved"]!.GetValue<bool>());
        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task PatientView_RecordsTheChartWithoutThePatientsDirectIdentifiers()
    {
        // QA14a P9: the whole prefetch went into the append-only log, the patient's name, birth date and MRN included,
        // although the app refuses a name everywhere else. What the answer was read from stays; the identifiers do not.
        using var app = await CreateAppAsync();
        var call = CdsHooksApp.ChartCall("p14-id", false, """
            {"resourceType": "RelatedPerson", "id": "rp-1", "patient": {"reference": "Patient/p14-id", "display": "Adamo Zyxwort"},
             "name": [{"family": "Zyxwort", "given": ["Evangelina"]}], "telecom": [{"system": "phone", "value": "555-0100"}]}
            """);
        var entries = call["prefetch"]!.AsObject().Select(p => p.Value).OfType<JsonObject>().First(o => o["entry"] is JsonArray)["entry"]!.AsArray();
        var patient = entries.Select(e => e!["resource"]!.AsObject()).Single(r => r["resourceType"]!.GetValue<string>() == "Patient");
        var birthDate = patient["birthDate"]!.GetValue<string>();
        patient["identifier"] = JsonNode.Parse("""[{"system": "urn:oid:2.16.840.1.113883.19.5", "value": "MRN-SECRET-77"}]""");
        patient["name"] = JsonNode.Parse("""[{"use": "official", "family": "Zyxwort", "given": ["Adamo"]}]""");
        patient["telecom"] = JsonNode.Parse("""[{"system": "phone", "value": "555-0199"}]""");
        patient["address"] = JsonNode.Parse("""[{"line": ["1 Hidden Lane"], "city": "Springfield"}]""");
        patient["text"] = JsonNode.Parse("""{"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Adamo Zyxwort</div>"}""");
        patient["extension"]!.AsArray().Add(JsonNode.Parse("""{"url": "http://example.org/fhir/mothers-maiden-name", "valueString": "Hiddenname"}"""));
        var condition = entries.Select(e => e!["resource"]!.AsObject()).First(r => r["resourceType"]!.GetValue<string>() == "Condition");
        condition["subject"]!["display"] = "Adamo Zyxwort";
        condition["note"] = JsonNode.Parse("""[{"text": "Told by his wife Evangelina Zyxwort"}]""");

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.SingleAsync(e => e.HookOriginJson != null);
        var fhir = HookOrigin.FromJson(entry.HookOriginJson!).FhirJson;
        foreach (var identifying in new[] { "Adamo", "Evangelina", "Zyxwort", "MRN-SECRET-77", "555-01", "Hidden", "Springfield", birthDate })
        {
            Assert.DoesNotContain(identifying, fhir, StringComparison.Ordinal);
        }

        var stored = JsonNode.Parse(fhir)!;
        Assert.True(stored["directIdentifiersRemoved"]!.GetValue<bool>());
        var storedResources = stored["prefetch"]!.AsObject().Select(p => p.Value).OfType<JsonObject>().First(o => o["entry"] is JsonArray)["entry"]!.AsArray()
            .Select(e => e!["resource"]!.AsObject()).ToArray();
        var storedPatient = storedResources.Single(r => r["resourceType"]!.GetValue<string>() == "Patient");
        Assert.Equal(["resourceType", "id", "gender", "birthDate", "extension"], storedPatient.Select(p => p.Key));
        Assert.Equal(birthDate[..4], storedPatient["birthDate"]!.GetValue<string>());
        Assert.Equal("F", Assert.Single(storedPatient["extension"]!.AsArray())!["valueCode"]!.GetValue<string>());
        var storedCondition = storedResources.First(r => r["resourceType"]!.GetValue<string>() == "Condition");
        Assert.Equal("Patient/p14-id", storedCondition["subject"]!["reference"]!.GetValue<string>());
        Assert.Null(storedCondition["subject"]!["display"]);
        Assert.Null(storedCondition["note"]);
        Assert.Equal("F33.1", storedCondition["code"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["resourceType", "id"], storedResources.Single(r => r["resourceType"]!.GetValue<string>() == "RelatedPerson").Select(p => p.Key));

        // The answer was read from the chart before anything was left out: the age (from the full birth date) and the sex
        // at birth are not among the items the chart did not hold.
        var logged = (await app.Services.GetRequiredService<IDecisionLogAudit>().FindHookAnswerAsync(entry.Id))!;
        Assert.Contains("failedAdequateTrials", logged.MissingItems);
        Assert.DoesNotContain("ageYears", logged.MissingItems);
        Assert.DoesNotContain("sexAtBirth", logged.MissingItems);
        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task PatientView_PregnancyRecordedForAPatientMaleAtBirth_KeepsThePregnancyAndSaysTheChartContradictsItself()
    {
        // QA: the chart's birth sex (M) and a current "pregnant" status contradict each other; the validator refuses a
        // pregnancy for a patient male at birth, and the pregnancy used to disappear without a word.
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        AddPregnantAnHourAgo(request);

        using var response = await app.PostAsync(PatientView, request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.All(cards, c => AssertCardShape(c!));
        var critical = cards.Where(c => c!["indicator"]!.GetValue<string>() == "critical").Select(c => c!["source"]!["url"]!.GetValue<string>()).ToList();
        Assert.Contains(critical, url => url.EndsWith("#VAS-001", StringComparison.Ordinal));
        Assert.Contains(critical, url => url.EndsWith("#REP-001", StringComparison.Ordinal));
        var contradiction = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith("The chart contradicts itself", StringComparison.Ordinal))!;
        Assert.Equal("warning", contradiction["indicator"]!.GetValue<string>());
        Assert.Contains("Sex at birth", contradiction["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Pregnant", contradiction["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // The critical cards come first, the incomplete card last.
        Assert.StartsWith("Ketamine screening incomplete", cards[^1]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.SingleAsync();
        var logged = (await app.Services.GetRequiredService<IDecisionLogAudit>().FindHookAnswerAsync(entry.Id))!;
        Assert.Contains(logged.Contraindications, c => c.RuleId == "REP-001");
        Assert.Contains("sexAtBirth", entry.InputJson, StringComparison.Ordinal);

        // The form the card links to keeps the pregnancy shown for the clinician to check (aged 58 with sex at birth left
        // blank, the question is not asked; hidden, the browser would drop the chart's yes from the post).
        var psychiatrist = await app.SignInAsync("psychiatrist@demo.local");
        var html = await psychiatrist.GetStringAsync(PrefillUrl(JsonNode.Parse(await response.Content.ReadAsStringAsync())!).PathAndQuery);
        Assert.Contains("<div class=\"conditional conditional--kept\" id=\"pregnant-asked\">", html, StringComparison.Ordinal);
        Assert.Contains("Recorded yes although the other answers do not ask this question", html, StringComparison.Ordinal);
        Assert.Matches("id=\"pregnant-yes\"[^>]*checked", html);
        Assert.DoesNotContain("id=\"sexAtBirth-male\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ChartContradictsItselfAndAnEarlierScreeningCompletesIt_DoesNotFillTheSetAsideAnswerBackIn()
    {
        // The chart records a pregnancy and a birth sex of male; the sex is set aside so that the pregnancy counts. The
        // clinician's screening of last week (male) completes what the chart lacks: it used to fill the set-aside sex back
        // in, the yes was then refused, and no screening ran.
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        await CompleteTheScreeningAsync(app, request["context"]!["patientId"]!.GetValue<string>());
        AddPregnantAnHourAgo(request);

        using var response = await app.PostAsync(PatientView, request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith("The chart contradicts itself", StringComparison.Ordinal));
        Assert.Contains(cards, c => c!["source"]!["url"]!.GetValue<string>().EndsWith("#REP-001", StringComparison.Ordinal));
        await using var db = app.Db();
        var screening = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null);
        var input = JsonNode.Parse(screening.InputJson)!;
        Assert.True(input["pregnant"]!.GetValue<bool>());
        Assert.Null(input["sexAtBirth"]);
        Assert.Equal(3, input["failedAdequateTrials"]!.GetValue<int>());
        Assert.Equal("not-eligible-now", screening.Overall);
    }

    [Fact]
    public async Task PatientView_AValueTheScreeningRefuses_StillAnswersTheRecordedContraindication()
    {
        // A diastolic above the systolic is refused; it used to take every recorded contraindication with it.
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        var components = Observations(request)[0]!["resource"]!["component"]!.AsArray();
        components[0]!["valueQuantity"]!["value"] = 80;
        components[1]!["valueQuantity"]!["value"] = 120;

        using var response = await app.PostAsync(PatientView, request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Equal("critical", cards[0]!["indicator"]!.GetValue<string>());
        Assert.EndsWith("#VAS-001", cards[0]!["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Ketamine screening incomplete", cards[^1]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A final pregnancy status "not pregnant" (SNOMED 60001007), observed five minutes ago (QA13 pv-preg.json).</summary>
    private static string NotPregnantFiveMinutesAgo => """
        {"resourceType": "Observation", "id": "preg", "status": "final", "subject": {"reference": "Patient/PATIENT"},
         "code": {"coding": [{"system": "http://loinc.org", "code": "82810-3"}]}, "effectiveDateTime": "WHEN",
         "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "60001007"}]}}
        """.Replace("WHEN", DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private const string DisagreementPrefix = "The chart and the clinician's screening disagree: check ";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hook_ChartSaysNotPregnantAfterTheClinicianRecordedAPregnancy_UsesThePregnancyAndACardNamesBothSources(bool orderSign)
    {
        // QA13 H1 (b): the clinician recorded a pregnancy (REP-001); five minutes later a "not pregnant" status in the chart
        // won in silence and the card said "eligible", on patient-view and on order-sign alike.
        using var app = await CreateAppAsync();
        var patient = orderSign ? "p13e-os" : "p13e";
        var clinicians = await app.RecordClinicianScreeningAsync(patient, "\"pregnant\":true");

        using var response = await app.PostAsync(orderSign ? OrderSign : PatientView, CdsHooksApp.ChartCall(patient, orderSign, NotPregnantFiveMinutesAgo).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.All(cards, c => AssertCardShape(c!));
        Assert.DoesNotContain(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        Assert.Contains(cards, c => c!["indicator"]!.GetValue<string>() == "critical" && c["source"]!["url"]!.GetValue<string>().EndsWith("#REP-001", StringComparison.Ordinal));
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DisagreementPrefix + "Pregnant", card["summary"]!.GetValue<string>());
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains($"The chart answers less cautiously than screening {clinicians}, completed in KetamineCds on {DateTime.UtcNow:yyyy-MM-dd}.", detail, StringComparison.Ordinal);
        Assert.Contains("- **Pregnant**: the chart records No (Observation/preg); the screening recorded Yes. Used: Yes.", detail, StringComparison.Ordinal);
        Assert.Contains("Cites: ", detail, StringComparison.Ordinal);
        Assert.Contains("SPRAVATO-PI-US", detail, StringComparison.Ordinal);
        Assert.EndsWith("#REP-001", card["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var db = app.Db();
        var screening = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null);
        Assert.True(JsonNode.Parse(screening.InputJson)!["pregnant"]!.GetValue<bool>());
        Assert.Equal("not-eligible-now", screening.Overall);
    }

    [Fact]
    public async Task PatientView_ChartHoldsAnAlcoholDisorderInRemissionAfterTheClinicianRecordedActiveKetamineUse_KeepsBoth()
    {
        // QA13 H1 (c): the chart's alcohol dependence in remission replaced the clinician's same-day active ketamine/PCP use
        // disorder (SUB-001): one caution and an "eligible" card.
        using var app = await CreateAppAsync();
        var clinicians = await app.RecordClinicianScreeningAsync("p13f", "\"substanceUse\":\"active\",\"substancesUsed\":[\"ketamine-or-pcp\"]");

        using var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("p13f", false, """
            {"resourceType": "Condition", "id": "c-aud", "subject": {"reference": "Patient/PATIENT"},
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "remission"}]},
             "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
             "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F10.20"}]}}
            """).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.DoesNotContain(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        Assert.Contains(cards, c => c!["indicator"]!.GetValue<string>() == "critical" && c["source"]!["url"]!.GetValue<string>().EndsWith("#SUB-001", StringComparison.Ordinal));
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DisagreementPrefix + "Substance use disorder, Substances involved", card["summary"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains($"screening {clinicians}", detail, StringComparison.Ordinal);
        Assert.Contains("- **Substance use disorder**: the chart records In remission (Condition/c-aud); the screening recorded Active. Used: Active.", detail, StringComparison.Ordinal);
        Assert.Contains("- **Substances involved**: the chart records Alcohol (Condition/c-aud); the screening recorded Ketamine or PCP. Used: Alcohol, Ketamine or PCP.", detail, StringComparison.Ordinal);

        await using var db = app.Db();
        var input = JsonNode.Parse((await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)).InputJson)!;
        Assert.Equal("active", input["substanceUse"]!.GetValue<string>());
        Assert.Equal(["alcohol", "ketamine-or-pcp"], input["substancesUsed"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task OrderSign_ChartRefutesAnAorticAneurysmAfterTheClinicianRecordedAnAneurysm_NeverAnswersEligible()
    {
        // QA13 H1 (a), on order-sign (os-vas3.json): the clinician recorded an intracranial aneurysm (VAS-001); the chart's
        // refuted abdominal aortic aneurysm won and the esketamine order met an "eligible" card.
        using var app = await CreateAppAsync();
        await app.RecordClinicianScreeningAsync("p13g", "\"aneurysmalVascularDisease\":true");

        using var response = await app.PostAsync(OrderSign, CdsHooksApp.ChartCall("p13g", true, """
            {"resourceType": "Condition", "id": "c-aaa", "subject": {"reference": "Patient/PATIENT"},
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
             "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "refuted"}]},
             "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I71.40"}]}}
            """).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.DoesNotContain(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        Assert.Equal("critical", cards[0]!["indicator"]!.GetValue<string>());
        Assert.EndsWith("#VAS-001", cards[0]!["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = app.Db();
        var screening = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null);
        Assert.True(JsonNode.Parse(screening.InputJson)!["aneurysmalVascularDisease"]!.GetValue<bool>());
        Assert.Equal("not-eligible-now", screening.Overall);
    }

    [Fact]
    public async Task Audit_TheChartAndTheClinicianDisagreed_BothAuditPagesNameTheFieldBothAnswersAndTheOneUsed()
    {
        // The card named the disagreement (QA13 H1), but the log kept only the answer used: the auditor could find the
        // chart's answer only by reading the raw FHIR. Now the entry keeps it (in its hashed origin) and the page shows it,
        // for a screening that ran and for an answer without one (yesterday's suicidality is out of date).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        using var app = await CreateAppAsync();
        app.Clock = clock;
        var yesterdays = await app.RecordClinicianScreeningAsync("p88-yesterday", "\"pregnant\":true");
        clock.Advance(TimeSpan.FromDays(1));
        using (var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("p88-yesterday", false, NotPregnantFiveMinutesAgo).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var todays = await app.RecordClinicianScreeningAsync("p88-preg", "\"pregnant\":true");
        using (var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("p88-preg", false, NotPregnantFiveMinutesAgo).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Guid answer, screening;
        await using (var db = app.Db())
        {
            answer = (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer && e.PatientReference == "p88-yesterday")).Id;
            screening = (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null && e.PatientReference == "p88-preg")).Id;
        }

        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);
        var auditor = await app.SignInAsync("auditor@demo.local");
        async Task<string> PageAsync(string path, string? language = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            using var response = await auditor.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        static string Row(string label, string field, string chart, string entry, string screening, string used) =>
            $@"<th scope=""row"">{label} <code><span class=""id-whole"">{field}</span></code></th>\s*<td>{chart}</td>\s*<td>\s*<code class=""id-whole"">{entry}</code><br />\s*</td>\s*<td>{screening}</td>\s*<td><strong>{used}</strong></td>";

        var answerPage = await PageAsync($"/Audit/HookAnswer/{answer}");
        Assert.Contains("The chart and the clinician's screening disagreed", answerPage, StringComparison.Ordinal);
        Assert.Contains($"less cautiously than screening {yesterdays} (answers of {DateTime.UtcNow.AddDays(-1):yyyy-MM-dd})", answerPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Audit/Screening/{yesterdays}\"", answerPage, StringComparison.Ordinal);
        Assert.Matches(Row("Pregnant", "pregnant", "No", "Observation/preg", "Yes", "Yes"), answerPage);

        var screeningPage = await PageAsync($"/Audit/Screening/{screening}");
        Assert.Contains($"less cautiously than screening {todays} (answers of {DateTime.UtcNow:yyyy-MM-dd})", screeningPage, StringComparison.Ordinal);
        Assert.Matches(Row("Pregnant", "pregnant", "No", "Observation/preg", "Yes", "Yes"), screeningPage);

        var chinese = await PageAsync($"/Audit/Screening/{screening}", "zh-CN");
        Assert.Contains("病历与临床医生的筛查不一致", chinese, StringComparison.Ordinal);
        Assert.Contains($"病历对以下问题的回答不如筛查 {todays}（{DateTime.UtcNow:yyyy-MM-dd} 的回答）谨慎。", chinese, StringComparison.Ordinal);
        Assert.Matches(Row("妊娠", "pregnant", "否", "Observation/preg", "是", "是"), chinese);

        // An entry without a disagreement shows no such section.
        Assert.DoesNotContain("The chart and the clinician's screening disagreed", await PageAsync($"/Audit/Screening/{todays}"), StringComparison.Ordinal);
    }

    /// <summary>A final pregnancy status "pregnant" (SNOMED 77386006), observed five minutes ago (QA272 F6).</summary>
    private static string PregnantFiveMinutesAgo => NotPregnantFiveMinutesAgo.Replace("60001007", "77386006", StringComparison.Ordinal);

    [Fact]
    public async Task PatientView_ChartAnswersMoreCautiouslyThanTheClinician_KeepsTheChartsAnswerAndACardNamesBoth()
    {
        // The chart's pregnancy against the clinician's "not pregnant": the chart's yes stands, as it always did; since
        // helper 274 (QA272 F6) a card names both, where before none did.
        using var app = await CreateAppAsync();
        var clinicians = await app.RecordClinicianScreeningAsync("p83-preg", "\"pregnant\":false");

        using var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("p83-preg", false, PregnantFiveMinutesAgo).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Contains(cards, c => c!["indicator"]!.GetValue<string>() == "critical" && c["source"]!["url"]!.GetValue<string>().EndsWith("#REP-001", StringComparison.Ordinal));
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DisagreementPrefix + "Pregnant", card["summary"]!.GetValue<string>());
        Assert.Contains($"The chart answers more cautiously than screening {clinicians}, the clinician's latest, completed in KetamineCds on {DateTime.UtcNow:yyyy-MM-dd}.", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // Helper 279: the closing note of every card, where the answers came from, no longer says only that the screening's
        // answers were used where the chart answers less cautiously, under the card that says the chart's answer was used.
        Assert.All(cards, c => Assert.Matches(
            $"The answers of screening {clinicians}, completed in KetamineCds on [^\\n]*, were used where the chart records no answer, a less cautious one or an older reading, while they still hold; not where the chart answers more cautiously \\(its answer was used, and a card names both\\)",
            c!["detail"]!.GetValue<string>()));
        await using var db = app.Db();
        Assert.True(JsonNode.Parse((await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)).InputJson)!["pregnant"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hook_ChartRecordsAPregnancyTheClinicianCorrectedToNo_StillBlocksAndACardSaysTheChartsAnswerWasUsedAndWhatToCorrect(bool orderSign)
    {
        // QA272 F6: the chart's "pregnant" of today gave REP-001; the clinician completed the screening (pregnant, as the
        // chart said), then corrected it to No ("test belonged to another encounter"). The same chart sent again answered
        // REP-001 "Because: Pregnant: Yes" and no card said that the clinician's latest screening records No. The more
        // cautious answer (the chart's) is still used; a warning card now names both, and what to correct in the chart.
        using var app = await CreateAppAsync();
        var patient = orderSign ? "qa272-f6-os" : "qa272-f6";
        var completed = await app.RecordClinicianScreeningAsync(patient, "\"pregnant\":true");
        var correction = await app.CorrectClinicianScreeningAsync(completed, patient, "\"pregnant\":false", "test belonged to another encounter");
        var call = CdsHooksApp.ChartCall(patient, orderSign, PregnantFiveMinutesAgo);

        using var response = await app.PostAsync(orderSign ? OrderSign : PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.All(cards, c => AssertCardShape(c!));
        var critical = Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "critical")!;
        Assert.EndsWith("#REP-001", critical["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DisagreementPrefix + "Pregnant", card["summary"]!.GetValue<string>());
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.StartsWith($"The chart answers more cautiously than screening {correction}, the clinician's latest, completed in KetamineCds on {DateTime.UtcNow:yyyy-MM-dd}.", detail, StringComparison.Ordinal);
        Assert.Contains("KetamineCds used the chart's answer for this answer, and will while the chart records it", detail, StringComparison.Ordinal);
        Assert.Contains("If the screening's answer is right (a correction, for example), correct the chart entry named in the EHR.", detail, StringComparison.Ordinal);
        Assert.Contains("- **Pregnant**: the chart records Yes (Observation/preg); the screening recorded No. Used: Yes, the chart's answer, the more cautious.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("less cautiously", detail, StringComparison.Ordinal);
        Assert.Contains("SPRAVATO-PI-US", detail, StringComparison.Ordinal);
        Assert.EndsWith("#REP-001", card["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);

        // The log keeps it with the answer: the chart's answer, the correction's, the one used, and which was the more cautious.
        await using (var db = app.Db())
        {
            var screening = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null);
            Assert.True(JsonNode.Parse(screening.InputJson)!["pregnant"]!.GetValue<bool>());
            Assert.Equal("not-eligible-now", screening.Overall);
            var disagreement = HookOrigin.FromJson(screening.HookOriginJson!).Disagreement!;
            Assert.Equal(correction, disagreement.Screening);
            var field = Assert.Single(disagreement.Fields);
            Assert.Equal(("pregnant", "true", "false", "true", true), (field.Field, field.ChartJson, field.ScreeningJson, field.UsedJson, field.ChartMoreCautious));
            Assert.Contains("\"used\":true,\"moreCautious\":\"chart\"}", screening.HookOriginJson, StringComparison.Ordinal);
        }

        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);

        // In Chinese too.
        call["hookInstance"] = Guid.NewGuid().ToString();
        var chinese = await app.CardsAsync(orderSign ? OrderSign : PatientView, call, "zh-CN");
        var zh = Assert.Single(chinese, c => c!["summary"]!.GetValue<string>() == "病历与临床医生的筛查不一致：请核对妊娠")!["detail"]!.GetValue<string>();
        Assert.StartsWith($"病历的回答比临床医生最近的筛查 {correction}（{DateTime.UtcNow:yyyy-MM-dd} 在 KetamineCds 中完成）更谨慎。", zh, StringComparison.Ordinal);
        Assert.Contains("- **妊娠**：病历记录为是（Observation/preg）；该筛查记录为否。采用：是，即病历的回答（更谨慎的回答）。", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TheChartAnsweredMoreCautiously_TheScreeningsPageSaysTheChartsAnswerWasUsed()
    {
        // Helper 274: the auditor's page said "The chart answered these questions less cautiously" of every field compared by
        // caution; a field where the chart's answer was the more cautious has words of its own, in English and Chinese.
        using var app = await CreateAppAsync();
        var completed = await app.RecordClinicianScreeningAsync("qa272-audit", "\"pregnant\":true");
        var correction = await app.CorrectClinicianScreeningAsync(completed, "qa272-audit", "\"pregnant\":false", "test belonged to another encounter");
        using (var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("qa272-audit", false, PregnantFiveMinutesAgo).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Guid screening;
        await using (var db = app.Db())
        {
            screening = (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)).Id;
        }

        var auditor = await app.SignInAsync("auditor@demo.local");
        async Task<string> PageAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/Audit/Screening/{screening}");
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await auditor.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        static string Row(string label, string chart, string screening, string used) =>
            $@"<th scope=""row"">{label} <code><span class=""id-whole"">pregnant</span></code></th>\s*<td>{chart}</td>\s*<td>\s*<code class=""id-whole"">Observation/preg</code><br />\s*</td>\s*<td>{screening}</td>\s*<td><strong>{used}</strong></td>";

        var english = await PageAsync("en");
        Assert.Contains($"The chart answered these questions more cautiously than screening {correction} (answers of {DateTime.UtcNow:yyyy-MM-dd}). The chart's answer, the more cautious, was used", english, StringComparison.Ordinal);
        Assert.DoesNotContain("less cautiously than screening", english, StringComparison.Ordinal);
        Assert.Matches(Row("Pregnant", "Yes", "No", "Yes"), english);

        var chinese = await PageAsync("zh-CN");
        Assert.Contains($"病历对以下问题的回答比筛查 {correction}（{DateTime.UtcNow:yyyy-MM-dd} 的回答）更谨慎。", chinese, StringComparison.Ordinal);
        Assert.Matches(Row("妊娠", "是", "否", "是"), chinese);
    }

    [Fact]
    public async Task PatientView_TheClinicansPregnancyIsOutOfDate_IsNotComparedWithTheChartsNotPregnant()
    {
        // A pregnancy status holds 7 days (CurrentForDays): the clinician's yes of 8 days ago is not carried, so it does
        // not stand against today's "not pregnant" either.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-8));
        using var app = await CreateAppAsync();
        app.Clock = clock;
        await app.RecordClinicianScreeningAsync("p83-old", "\"pregnant\":true");
        clock.Advance(TimeSpan.FromDays(8));

        using var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("p83-old", false, NotPregnantFiveMinutesAgo).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.DoesNotContain(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(cards, c => c!["source"]!["url"]!.GetValue<string>().EndsWith("#REP-001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatientView_TheClinicansUrinaryAnswerIsAnEarlierDays_IsNotCarriedAndIsNamedAsNotRecorded()
    {
        // Clinical review section 24, question B: the urinary question asks about lower urinary tract symptoms now (the
        // label asks that they be monitored; URO-001 asks at each visit), so yesterday's "no" is not carried into today's
        // answer: the card names it among the care items not recorded. Cognitive impairment, a baseline condition, is carried.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        using var app = await CreateAppAsync();
        app.Clock = clock;
        await app.RecordClinicianScreeningAsync("qb-uro", "\"urinaryTractSymptoms\":false,\"cognitiveImpairment\":false");
        clock.Advance(TimeSpan.FromDays(1));

        foreach (var (language, urinary, cognitive) in new[] { ((string?)null, "Urinary tract symptoms or cystitis", "Cognitive impairment"), ("zh-CN", "尿路症状或膀胱炎", "认知功能损害") })
        {
            using var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("qb-uro", false).ToJsonString(), acceptLanguage: language);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
            var details = string.Join("\n", cards.Select(c => c!["detail"]?.GetValue<string>() ?? ""));
            Assert.Contains("- " + urinary + "\n", details, StringComparison.Ordinal);
            Assert.DoesNotContain("- " + cognitive + "\n", details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PatientView_APathwayIsOpenAndOnlyBloodPressureIsBlank_TheEligibleCardSaysNoDoseUntilItIsKnown()
    {
        // QA148 F2, leftover: the clinician's screening records everything but the blood pressure, and the chart holds no
        // reading: a pathway is open, no safety question is missing, so no not-recorded card; the eligible card said
        // "eligible with cautions" and never that the first dose waits for the blood pressure, as the result page says.
        using var app = await CreateAppAsync();
        await app.RecordClinicianScreeningAsync("p148-bp", "\"systolicBp\":null,\"diastolicBp\":null");

        using var response = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("p148-bp", false).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.DoesNotContain(cards, c => c!["links"] is not null);
        var eligible = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Ketamine screening: eligible", StringComparison.Ordinal))!;
        Assert.Equal("info", eligible["indicator"]!.GetValue<string>());
        Assert.Contains(
            "**Must be known before the first dose:**\n\n"
                + "A pathway is open without these answers, but no dose is given until they are known: an answer could still rule treatment out.\n\n"
                + "- Systolic blood pressure\n- Diastolic blood pressure\n\n"
                + "Blood pressure not recorded: measure it before every dose, and do not dose until it is known. (Cites: P-SAFETY-REMS, SPRAVATO-PI-US. Rule CV-004.)",
            eligible["detail"]!.GetValue<string>(),
            StringComparison.Ordinal);
        // The warning card listing the cautions (CV-004 is one) names it under the same heading.
        var cautions = Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "warning")!;
        Assert.StartsWith("**Must be known before the first dose:**", cautions["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var chinese = await app.PostAsync(PatientView, CdsHooksApp.ChartCall("p148-bp", false).ToJsonString(), acceptLanguage: "zh-CN");
        var zh = JsonNode.Parse(await chinese.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Contains(zh, c => c!["indicator"]!.GetValue<string>() == "info"
            && c["detail"]!.GetValue<string>().Contains("**首剂前必须明确：**\n\n已有路径开放，但在这些回答明确之前不得给药", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatientView_ScreeningCannotRunYet_NamesTheCareItemsNotRecordedAndCountsThem()
    {
        // QA13 L1: the incomplete card before the rules can run passed an always-empty care list: today's blood pressure,
        // the liver and the medicines were on no card, and its count left them out.
        using var app = await CreateAppAsync();

        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        var detail = card["detail"]!.GetValue<string>();
        // QA148 F2: blood pressure and hepatic status must be known before the first dose (a contraindication reads each,
        // CV-003, HEP-001), listed apart from the other care items as the result page lists them; QA281 F8: citing the rules
        // that say they are not recorded (CV-004, HEP-003), as the result page does.
        var beforeDose = detail[detail.IndexOf("**Must be known before the first dose:**", StringComparison.Ordinal)..detail.IndexOf("**Items that call for care while not recorded:**", StringComparison.Ordinal)];
        foreach (var label in new[] { "Systolic blood pressure", "Diastolic blood pressure", "Hepatic impairment" })
        {
            Assert.Contains("- " + label + "\n", beforeDose, StringComparison.Ordinal);
        }

        Assert.Contains("no dose is given until they are known: an answer could still rule treatment out.", beforeDose, StringComparison.Ordinal);
        Assert.Contains("Rule CV-004. Rule HEP-003.", beforeDose, StringComparison.Ordinal);
        Assert.DoesNotContain("Rule CV-003.", beforeDose, StringComparison.Ordinal);
        var care = detail[detail.IndexOf("**Items that call for care while not recorded:**", StringComparison.Ordinal)..];
        foreach (var label in new[] { "On opioids", "On naltrexone", "Benzodiazepine dose (mg diazepam equivalent per day)", "On a psychostimulant or MAOI", "Other CNS depressants, alcohol included", "Breastfeeding" })
        {
            Assert.Contains("- " + label + "\n", care, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("blood pressure", care, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hepatic impairment", care, StringComparison.Ordinal);

        // Counted as the form's result page counts them: every item listed.
        var items = System.Text.RegularExpressions.Regex.Count(detail, "^- ", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal($"Ketamine screening incomplete: {items} items are not recorded in the chart", card["summary"]!.GetValue<string>());

        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var missing = JsonNode.Parse(answer.InputJson)!["missingItems"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("systolicBp", missing);
        Assert.Contains("hepaticImpairment", missing);
        Assert.Equal(items, missing.Count);
    }

    /// <summary>The sample chart's searchset of Observations (blood pressure, PHQ-9).</summary>
    /// <summary>Adds to the chart a pregnancy status of "pregnant", observed an hour ago.</summary>
    private static void AddPregnantAnHourAgo(JsonNode request) => Observations(request).Add(JsonNode.Parse("""
        {"resource": {"resourceType": "Observation", "id": "preg-status", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "82810-3", "display": "Pregnancy status"}]},
          "subject": {"reference": "Patient/ex-mdd-aaa"}, "effectiveDateTime": "WHEN",
          "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA15173-0", "display": "Pregnant"}]}}}
        """.Replace("WHEN", DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

    private static JsonArray Observations(JsonNode request) =>
        request["prefetch"]!["chart"]!["entry"]!.AsArray()
            .Select(e => e!["resource"]!)
            .Single(r => r["entry"] is JsonArray entries && entries.Any(x => x!["resource"]!["resourceType"]!.GetValue<string>() == "Observation"))["entry"]!.AsArray();

    [Fact]
    public async Task OrderSign_EsketamineDraftOrder_AnswersAWarningIncompleteCardAndRecordsIt()
    {
        using var app = await CreateAppAsync();
        using var response = await app.PostAsync(OrderSign, CdsHooksApp.Sample("order-sign-esketamine").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        AssertCardShape(card);
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.SingleAsync();
        // No rule ran (no contraindication recorded), but the answer was given with a rule set, which its card names (QA).
        Assert.Equal(RuleSetCatalog.Current.Version, entry.RuleSetVersion);
        Assert.Equal(RuleSetCatalog.Current.Digest, entry.RuleSetDigest);
        Assert.EndsWith(RuleSetCatalog.Current.Version, card["source"]!["label"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("order-sign", HookOrigin.FromJson(entry.HookOriginJson!).Hook);
        Assert.Contains("draftOrders", entry.HookOriginJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderSign_DraftOrderForAnotherMedicine_AnswersNoCardsAndRecordsNothing()
    {
        using var app = await CreateAppAsync();
        using var response = await app.PostAsync(OrderSign, CdsHooksApp.Sample("order-sign-amlodipine").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("status-banana")]
    [InlineData("extra-element")]
    [InlineData("unknown-resource-type")]
    public async Task OrderSign_DraftOrderThatIsNotValidFhirR4_Answers400NamingTheEntryAndRecordsNothing(string kind)
    {
        // QA12 G11: draftOrders was looked into as plain JSON, so a draft with "status": "banana" or an unknown element
        // got cards (and went into the log), and a ketamine order in a resource of an unknown type got {"cards":[]}.
        using var app = await CreateAppAsync();
        using (var earlier = await app.PostAsync(OrderSign, CdsHooksApp.Sample("order-sign-esketamine").ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        }

        var before = await app.DecisionLogCountAsync();
        Assert.Equal(1, before);
        var request = CdsHooksApp.Sample("order-sign-esketamine");
        request["hookInstance"] = "00000000-0000-4000-8000-0000000000b1";
        var draft = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!.AsObject();
        switch (kind)
        {
            case "status-banana":
                draft["status"] = "banana";
                break;
            case "extra-element":
                draft["foo"] = 1;
                break;
            default:
                draft["resourceType"] = "Frobnicator";
                draft["medicationCodeableConcept"] = new JsonObject { ["text"] = "ketamine" };
                break;
        }

        using var response = await app.PostAsync(OrderSign, request.ToJsonString());

        // Nothing recorded for a refused call: the log holds only the earlier answer.
        Assert.Equal(before, await app.DecisionLogCountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The request could not be read; nothing was recorded.", problem["title"]!.GetValue<string>());
        var detail = problem["detail"]!.GetValue<string>();
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        Assert.Contains(
            kind == "unknown-resource-type"
                ? "context.draftOrders, entry 0 has resourceType \"Frobnicator\", which is not a FHIR R4 resource type."
                : "context.draftOrders, entry 0 is not a valid R4 MedicationRequest (",
            detail,
            StringComparison.Ordinal);
        // The short reason names where, never the data: the draft's text and codes are not echoed.
        Assert.DoesNotContain("banana", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("2201623", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderSign_AValidServiceRequestBesideTheKetamineOrder_StillAnswersTheCard()
    {
        // order-sign carries every draft order of the encounter: a valid resource of another type is not a medication
        // order, and is neither refused nor mistaken for one.
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("order-sign-esketamine");
        var entries = request["context"]!["draftOrders"]!["entry"]!.AsArray();
        entries.Insert(0, JsonNode.Parse("""
            {"resource": {"resourceType": "ServiceRequest", "id": "draft-lab-1", "status": "draft", "intent": "order",
              "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8", "display": "Comprehensive metabolic panel"}]},
              "subject": {"reference": "Patient/ex-mdd-only"}}}
            """));

        using var response = await app.PostAsync(OrderSign, request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        Assert.Equal(1, await app.DecisionLogCountAsync());

        // The ServiceRequest alone orders no ketamine: no cards, nothing recorded.
        entries.RemoveAt(1);
        request["hookInstance"] = "00000000-0000-4000-8000-0000000000b2";
        using var alone = await app.PostAsync(OrderSign, request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
        Assert.Equal("""{"cards":[]}""", await alone.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("context-patient")]
    [InlineData("prefetch-patient")]
    [InlineData("absolute-url")]
    public async Task OrderSign_AKetamineOrderOfAnotherPatient_Answers400NamingTheEntryAndRecordsNothing(string kind)
    {
        // The prefetch was checked to be of one patient, draftOrders was not: an esketamine order whose subject is another
        // patient was answered (and recorded) as this patient's.
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("order-sign-esketamine");
        var subject = request["context"]!["draftOrders"]!["entry"]!.AsArray()[0]!["resource"]!["subject"]!;
        string whose;
        switch (kind)
        {
            case "context-patient":
                subject["reference"] = "Patient/someone-else";
                whose = "context.patientId";
                break;
            case "absolute-url":
                subject["reference"] = "https://ehr.example.org/fhir/Patient/someone-else";
                whose = "context.patientId";
                break;
            default:
                // The call names the order's patient; its prefetch is another's (ex-mdd-only): since the prefetch itself is
                // checked against context.patientId, it is the prefetch's Patient that is refused, naming its key.
                request["context"]!["patientId"] = "someone-else";
                subject["reference"] = "Patient/someone-else";
                whose = "context.patientId";
                break;
        }

        using var response = await app.PostAsync(OrderSign, request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The request could not be read; nothing was recorded.", problem["title"]!.GetValue<string>());
        Assert.Equal(
            kind == "prefetch-patient"
                ? "The FHIR data could not be read: FHIR: prefetch.chart, entry 0 is a different Patient than context.patientId."
                : $"The FHIR data could not be read: FHIR: context.draftOrders, entry 0 refers to a different Patient than {whose}.",
            problem["detail"]!.GetValue<string>());
        Assert.Equal(0, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("patient", "prefetch.chart, entry 0 is a different Patient than context.patientId.")]
    [InlineData("no-patient", "prefetch.chart, entry 0, entry 1 refers to a different Patient than context.patientId.")]
    public async Task PatientView_APrefetchOfAnotherPatientThanContextPatientId_Answers400NamingTheEntryAndRecordsNothing(string kind, string reason)
    {
        // The prefetch's Patient was never compared with context.patientId, and a prefetch without a Patient got no
        // same-patient check at all: another patient's chart (its aneurysm) was answered and logged as this patient's.
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        var chart = request["prefetch"]!["chart"]!["entry"]!.AsArray();
        if (kind == "patient")
        {
            request["context"]!["patientId"] = "someone-else";
        }
        else
        {
            // No Patient resource; the aneurysm (the conditions bundle's second entry) is another patient's.
            chart.RemoveAt(0);
            chart[0]!["resource"]!["entry"]!.AsArray()[1]!["resource"]!["subject"]!["reference"] = "Patient/someone-else";
        }

        using var response = await app.PostAsync(PatientView, request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The request could not be read; nothing was recorded.", problem["title"]!.GetValue<string>());
        Assert.Equal("The FHIR data could not be read: FHIR: " + reason, problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain("someone-else", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task OrderSign_AKetamineOrderWhoseSubjectNamesNoPatientById_IsReadAsTheCallsPatientsOrder()
    {
        // A subject given only by its display names no Patient to compare: context.patientId names the patient, as for
        // such a reference in the prefetch. (An order without any subject is not valid R4: refused, as before.)
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("order-sign-esketamine");
        request["context"]!["draftOrders"]!["entry"]!.AsArray()[0]!["resource"]!["subject"] = new JsonObject { ["display"] = "The patient" };

        using var response = await app.PostAsync(OrderSign, request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        Assert.Equal(1, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task PatientView_AfterTheClinicianCompletedTheScreening_RunsTheRulesRecordsAScreeningAndFeedbackOverridesIt()
    {
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");
        await CompleteTheScreeningAsync(app, patient);

        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        AssertNoNullOrEmpty(body);
        var cards = body["cards"]!.AsArray();
        Assert.All(cards, c => AssertCardShape(c!));
        var critical = Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "critical")!;
        Assert.Contains("/Rules#", critical["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        // The screening is of the chart's patient (male, 58, as its birth date gives): no "Same patient?" card (helper 258),
        // and the log's disagreement keeps no such fact (helper 261).
        Assert.DoesNotContain(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Same patient?", StringComparison.Ordinal));
        Assert.DoesNotContain("Check that the chart and the screening are of the same patient", body.ToJsonString(), StringComparison.Ordinal);

        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.Where(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null).SingleAsync();
        Assert.Equal("not-eligible-now", entry.Overall);
        Assert.Null(HookOrigin.FromJson(entry.HookOriginJson!).Disagreement?.Identity);
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var screening = (await log.FindScreeningAsync(entry.Id))!;
        Assert.Equal("patient-view", screening.Origin!.Hook);
        Assert.Equal(cards.Count, screening.Origin.CardUuids.Count);
        Assert.NotNull(screening.RescreenOf);

        // When the clinician acted in the EHR (given in Chicago's offset) is recorded with the override, in UTC (QA8 F20).
        var acted = new DateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-3).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = critical["uuid"]!.GetValue<string>(),
                ["outcome"] = "overridden",
                ["overrideReason"] = new JsonObject
                {
                    ["reason"] = new JsonObject { ["system"] = "https://ketaminecds.org/fhir/CodeSystem/override-reason", ["code"] = "specialist-advice-obtained" },
                    ["userComment"] = "Vascular surgery cleared treatment.",
                },
                ["outcomeTimestamp"] = acted.ToOffset(TimeSpan.FromHours(-6)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            }),
        };
        using var ok = await app.PostAsync(PatientView + "/feedback", feedback.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var overridden = Assert.Single((await log.FindScreeningAsync(entry.Id))!.Overrides);
        Assert.Equal(OverrideReason.SpecialistAdviceObtained, overridden.Reason);
        Assert.Equal(OverrideDecision.Proceed, overridden.Decision);
        var cardNamed = $" CDS Hooks card: {critical["uuid"]!.GetValue<string>()}. Acted on in the EHR at {acted.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}.";
        Assert.Equal("Vascular surgery cleared treatment." + cardNamed, overridden.Explanation);

        // The EHR sends the same feedback again (a retry): still one override. Another comment on the same card is another
        // override, naming the same card: the log keeps both, in order (QA6 F5).
        using (var again = await app.PostAsync(PatientView + "/feedback", feedback.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Single((await log.FindScreeningAsync(entry.Id))!.Overrides);
        feedback["feedback"]![0]!["overrideReason"]!["userComment"] = "Cleared again after the repeat scan.";
        using (var other = await app.PostAsync(PatientView + "/feedback", feedback.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal(
            ["Vascular surgery cleared treatment." + cardNamed, "Cleared again after the repeat scan." + cardNamed],
            (await log.FindScreeningAsync(entry.Id))!.Overrides.Select(o => o.Explanation));

        // QA6: a reason code the card did not offer was read as "other" and, with a comment, lost; it is kept now. From QA141
        // F3 such a code states no reason and no decision (it was recorded as "proceed, other"): only the code and the words.
        feedback["feedback"]![0]!["overrideReason"]!["reason"]!["code"] = "ehr-local-42";
        feedback["feedback"]![0]!["overrideReason"]!["userComment"] = "Discussed at the team meeting.";
        using (var unknown = await app.PostAsync(PatientView + "/feedback", feedback.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        }

        var kept = (await log.FindScreeningAsync(entry.Id))!.Overrides[^1];
        Assert.Null(kept.Reason);
        Assert.Null(kept.Decision);
        Assert.Equal("Discussed at the team meeting. Reason code given: ehr-local-42." + cardNamed, kept.Explanation);
        Assert.True((await log.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task PatientView_AContraindicationBlocksAndSafetyQuestionsAreNotRecorded_NamesEachOneTheResultPageNames()
    {
        // The rules run (the clinician completed the screening) and the chart's aneurysm blocks every pathway; the questions
        // neither the chart nor the clinician answered are still unanswered, and the result page lists them all.
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");
        await CompleteTheScreeningAsync(app, patient);

        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        AssertNoNullOrEmpty(body);
        var cards = body["cards"]!.AsArray();
        Assert.All(cards, c => AssertCardShape(c!));
        Guid id;
        await using (var db = app.Db())
        {
            id = (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)).Id;
        }

        var screening = (await app.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id))!;
        var notRecorded = KetamineCds.Web.Screenings.NotRecordedSummary.Of(screening.Assessment, screening.History);
        Assert.True(notRecorded.BlockedByContraindication);
        Assert.NotEmpty(notRecorded.CouldAlsoBlock);

        var card = Assert.Single(cards, c => c!["links"] is not null)!;
        Assert.Equal("critical", cards[0]!["indicator"]!.GetValue<string>());
        Assert.Equal("info", card["indicator"]!.GetValue<string>());
        Assert.Equal($"Ketamine screening: {notRecorded.CouldAlsoBlock.Count} safety questions are not recorded; each could block a pathway", card["summary"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        var listed = detail.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.Equal(
            notRecorded.SafetyQuestions.Select(i => i.Label).Concat(notRecorded.CareItems.SelectMany(c => c.Labels)).Distinct(),
            listed);
        Assert.Contains("A recorded contraindication or unmet precondition already makes the pathways not eligible now", detail, StringComparison.Ordinal);

        // The result page of that screening names the same questions.
        var psychiatrist = await app.SignInAsync("psychiatrist@demo.local");
        var html = System.Net.WebUtility.HtmlDecode(await psychiatrist.GetStringAsync($"/Screenings/{id}"));
        var box = html[html.IndexOf("id=\"not-recorded-title\"", StringComparison.Ordinal)..html.IndexOf("id=\"pathways-title\"", StringComparison.Ordinal)];
        Assert.Contains($"Safety questions not answered that could block a pathway <span class=\"count\">({notRecorded.CouldAlsoBlock.Count} questions)</span>", box, StringComparison.Ordinal);
        Assert.All(notRecorded.CouldAlsoBlock, i => Assert.Contains($"<strong>{i.Label}</strong>", box, StringComparison.Ordinal));

        // The link opens the form prefilled, and overriding the card records "proceed" like the critical card's.
        Assert.Matches("^http://localhost/Screenings/New\\?prefill=[A-Za-z0-9_-]{43}$", card["links"]![0]!["url"]!.GetValue<string>());
        await using (var db = app.Db())
        {
            var stored = await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookCard>().SingleAsync(c => c.Uuid == Guid.Parse(card["uuid"]!.GetValue<string>()));
            Assert.Equal("proceed", stored.OverrideDecision);
            Assert.Equal(id, stored.ScreeningId);
        }
    }

    [Fact]
    public async Task Audit_AHookAnswer_KeepsWhatEachCardSaid_OnItsPageInEnglishAndChinese_AndInTheJsonLinesExport()
    {
        // P12: the log kept the cards' uuids only, so an auditor could not see what the EHR was told.
        using var app = await CreateAppAsync();
        JsonArray sent;
        using (var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sent = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        }

        DecisionLogEntry entry;
        await using (var db = app.Db())
        {
            entry = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        }

        var shown = Assert.IsType<HookCardsShown>(HookOrigin.FromJson(entry.HookOriginJson!).Shown);
        Assert.Equal(sent.Count, shown.Cards.Count);
        foreach (var (card, logged) in sent.Zip(shown.Cards))
        {
            Assert.Equal(card!["uuid"]!.GetValue<string>(), logged.Uuid.ToString("D"));
            Assert.Equal(card["summary"]!.GetValue<string>(), logged.Summary);
            Assert.Equal(card["indicator"]!.GetValue<string>(), logged.Indicator);
            Assert.Equal(card["source"]!["label"]!.GetValue<string>(), logged.SourceLabel);
            // The detail as sent, but for the closing note naming the entry (written once the entry has its id).
            Assert.Equal(card["detail"]!.GetValue<string>(), logged.Detail + "\n\n" + $"Recorded in the KetamineCds decision log as answer {entry.Id}.");
            Assert.Equal(card["links"]?.AsArray().Select(l => l!["label"]!.GetValue<string>()) ?? [], logged.LinkLabels);
        }

        Assert.Contains(shown.Cards, c => c.LinkLabels.Count > 0);
        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);

        var auditor = await app.SignInAsync("auditor@demo.local");
        var page = System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{entry.Id}"));
        Assert.Contains("What the cards said", page, StringComparison.Ordinal);
        Assert.All(shown.Cards, c => Assert.Contains($"<h4>{c.Summary}</h4>", page, StringComparison.Ordinal));
        Assert.Contains(shown.Cards[^1].Detail.Split('\n')[0], page, StringComparison.Ordinal);
        Assert.DoesNotContain("only their ids are recorded", page, StringComparison.Ordinal);
        using (var chineseRequest = new HttpRequestMessage(HttpMethod.Get, $"/Audit/HookAnswer/{entry.Id}"))
        {
            chineseRequest.Headers.AcceptLanguage.ParseAdd("zh-CN");
            using var chinese = await auditor.SendAsync(chineseRequest);
            var html = System.Net.WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());
            Assert.Contains("卡片的内容", html, StringComparison.Ordinal);
            Assert.Contains("指示级别", html, StringComparison.Ordinal);
        }

        // The JSON Lines export writes the stored origin verbatim: the cards' words are in it.
        var lines = (await auditor.GetStringAsync("/Audit?handler=JsonLines")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var exported = lines.Select(l => JsonNode.Parse(l)!).Single(l => l["id"]?.GetValue<string>() == entry.Id.ToString("D"));
        Assert.Equal(entry.HookOriginJson, exported["hookOrigin"]!.GetValue<string>());
        Assert.Contains("\"shown\":", entry.HookOriginJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_AHookAnswerLoggedBeforeTheCardsWordsWereKept_VerifiesAndOpensSayingOnlyTheIdsAreRecorded()
    {
        // An entry as every earlier release stored it: the origin without "shown" (HookOriginHashTests pins that JSON).
        using var app = await CreateAppAsync();
        var origin = new HookOrigin(
            CdsHooksApp.Issuer, "Practitioner/demo-psychiatrist", "patient-view", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "ketamine-screening-patient-view",
            [Guid.Parse("5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11")], """{"prefetch":{"patient":{"resourceType":"Patient","id":"p-old"}}}""");
        var logged = await app.Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(
            new HookAnswerSubmission("p-old", ["failedAdequateTrials"], new Actor("Practitioner/demo-psychiatrist", "Practitioner/demo-psychiatrist", "EhrUser"), "corr-old", origin));

        await using (var db = app.Db())
        {
            var stored = await db.DecisionLogEntries.SingleAsync(e => e.Id == logged.Id);
            Assert.DoesNotContain("shown", stored.HookOriginJson!, StringComparison.Ordinal);
            Assert.Equal(stored.Hash, ChainHash.Compute(stored));
        }

        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);
        var auditor = await app.SignInAsync("auditor@demo.local");
        var page = System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{logged.Id}"));
        Assert.Contains("This entry was logged before the cards' words were kept: only their ids are recorded.", page, StringComparison.Ordinal);
        Assert.Contains("5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_AHookAnswerWithoutAScreening_IsListedExportedAndOpensWithWhoAskedWhatWasMissingAndTheFhir()
    {
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        var id = await PatientViewAnswerAsync(app, request);

        var auditor = await app.SignInAsync("auditor@demo.local");
        var list = await auditor.GetStringAsync("/Audit");
        Assert.Contains($"/Audit/HookAnswer/{id}", list, StringComparison.Ordinal);
        Assert.Contains("(EHR asked; no full screening ran)", list, StringComparison.Ordinal);

        var csv = await auditor.GetStringAsync("/Audit?handler=Csv");
        Assert.EndsWith(",corrects,rescreenOf,entryType,unreadable,overrides,correctedBy,correctionReason,overrideOf,overrideDecision,overrideReason,overrideExplanation,issuer", csv.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(csv.Split('\n'), line => line.StartsWith(id.ToString(), StringComparison.Ordinal) && line.EndsWith(",hook-answer,,0,,,,,,," + CdsHooksApp.Issuer, StringComparison.Ordinal));

        var page = System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{id}"));
        Assert.Contains("Practitioner/demo-psychiatrist (EHR user)", page, StringComparison.Ordinal);
        Assert.Contains(CdsHooksApp.Issuer, page, StringComparison.Ordinal);
        Assert.Contains(request["hookInstance"]!.GetValue<string>(), page, StringComparison.Ordinal);
        Assert.Contains("Failed adequate antidepressant trials", page, StringComparison.Ordinal);
        Assert.Contains("Contraindications recorded in the chart", page, StringComparison.Ordinal);
        Assert.Contains("VAS-001", page, StringComparison.Ordinal);
        Assert.Contains(RuleSetCatalog.Current.Find("VAS-001")!.Summary, page, StringComparison.Ordinal);
        Assert.Contains("\"resourceType\": \"Bundle\"", page, StringComparison.Ordinal);
        // The recorded aneurysm blocks every pathway, so the answer reads "not eligible now", in words and in the contract's spelling.
        Assert.Contains("Not eligible now</span> <code>not-eligible-now</code>", page, StringComparison.Ordinal);
        Assert.Contains("so the answer is logged as not eligible now", page, StringComparison.Ordinal);
        Assert.Contains("Not eligible now</span> <code class=\"audit-code\">not-eligible-now</code>", System.Net.WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.Contains("audit workspace; hook answer", System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{id}")), StringComparison.Ordinal);

        // A screening is not a hook answer, and an unknown id is not found.
        using var notFound = await auditor.GetAsync($"/Audit/HookAnswer/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

        // Asked to replay it, the auditor sees its replay (QA158 F2; it was a redirect to the answer's page, which said
        // nothing could be replayed); an unknown id still finds nothing.
        using (var replay = await auditor.GetAsync($"/Audit/Replay/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        using var unknownReplay = await auditor.GetAsync($"/Audit/Replay/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknownReplay.StatusCode);
    }

    [Fact]
    public async Task Audit_AHookAnswerThatFoundAContraindication_KeepsItsInputsAndReplaysOnThePageAndTheApi_AndTamperingIsFound()
    {
        // QA158 F2: the answer's contraindication (VAS-001, the chart's aneurysm) was found by the rules that read none of the
        // missing items, on the chart's values; those values were not kept, so the answer could not be replayed, though the
        // product promises that any decision can be.
        using var app = await CreateAppAsync();
        var id = await PatientViewAnswerAsync(app, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm"));
        long sequence;
        await using (var db = app.Db())
        {
            var stored = await db.DecisionLogEntries.SingleAsync(e => e.Id == id);
            sequence = stored.Sequence;
            using var payload = JsonDocument.Parse(stored.InputJson);
            var inputs = payload.RootElement.GetProperty("inputs");
            Assert.True(inputs.GetProperty("aneurysmalVascularDisease").GetBoolean());
            // A required answer the chart lacks is stored as not recorded, never as the value that stood in for it.
            Assert.Equal(JsonValueKind.Null, inputs.GetProperty("failedAdequateTrials").ValueKind);
            Assert.Contains("failedAdequateTrials", payload.RootElement.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal(stored.Hash, KetamineCds.Infrastructure.DecisionLog.ChainHash.Compute(stored));
        }

        var auditor = await app.SignInAsync("auditor@demo.local");
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{id}"));
        Assert.Contains($"href=\"/Audit/Replay/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Inputs the rules evaluated", page, StringComparison.Ordinal);
        Assert.Contains("\"aneurysmalVascularDisease\": true", page, StringComparison.Ordinal);
        using (var replay = await auditor.GetAsync($"/Audit/Replay/{id}"))
        {
            var html = WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Contains("Reproduced exactly: the contraindications found and the verdict are identical to the logged ones.", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/Audit/HookAnswer/{id}\"", html, StringComparison.Ordinal);
        }

        var api = await app.ApiClientAsync("auditor@demo.local");
        using (var response = await api.GetAsync($"/api/v1/audit/screenings/{sequence}/replay"))
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("reproduced", body["outcome"]!.GetValue<string>());
            Assert.Equal("hook-answer", body["entryType"]!.GetValue<string>());
            Assert.Equal(id, Guid.Parse(body["screeningId"]!.GetValue<string>()));
            Assert.Equal("not-eligible-now", body["replayedOverall"]!.GetValue<string>());
            Assert.Equal(RuleSetCatalog.Current.Version, body["ruleSet"]!["version"]!.GetValue<string>());
        }

        // Someone who can write the database turns the stored aneurysm into a "no": verification names the entry, and the
        // replay vouches for nothing (409, the entry cannot be read as recorded).
        const string Tamper = "UPDATE \"DecisionLogEntries\" SET \"InputJson\" = replace(\"InputJson\", '\"aneurysmalVascularDisease\":true', '\"aneurysmalVascularDisease\":false') WHERE \"EntryType\" = 'hook-answer';";
        await app.ExecuteAsOwnerAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; " + Tamper, "ALTER TABLE \"DecisionLogEntries\" DISABLE TRIGGER USER; " + Tamper);
        await using (var db = app.Db())
        {
            Assert.Contains("\"aneurysmalVascularDisease\":false", (await db.DecisionLogEntries.SingleAsync(e => e.Id == id)).InputJson, StringComparison.Ordinal);
        }

        var verification = await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Contains(new ChainFinding(ChainFinding.ContentChanged, sequence, id), verification.Findings);
        using var afterwards = await api.GetAsync($"/api/v1/audit/screenings/{sequence}/replay");
        Assert.Equal(HttpStatusCode.Conflict, afterwards.StatusCode);
    }

    [Fact]
    public async Task Audit_AHookAnswerLoggedBeforeItsInputsWereKept_SaysItCannotBeReplayedOnThePageAndTheApi_Never500()
    {
        // QA158 F2: an answer logged before the inputs were kept holds none. Its replay says so plainly (the page 200, the
        // API 200 with outcome inputs-not-kept), in English and Chinese, and its hash is untouched.
        using var app = await CreateAppAsync();
        var logged = await app.Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(
            new HookAnswerSubmission("MRN-OLD-HOOK", ["failedAdequateTrials"], new Actor("Practitioner/1", "Practitioner/1", "EhrUser"), "corr-old-hook",
                new HookOrigin(CdsHooksApp.Issuer, "Practitioner/1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening-patient-view", [Guid.NewGuid()], "{}"))
            {
                RuleSet = RuleSetCatalog.Current.Identity,
            });
        await using (var db = app.Db())
        {
            // The payload is the JSON it was before the change, byte for byte.
            Assert.Equal("{\"missingItems\":[\"failedAdequateTrials\"],\"contraindications\":[]}", (await db.DecisionLogEntries.SingleAsync(e => e.Id == logged.Id)).InputJson);
        }

        var auditor = await app.SignInAsync("auditor@demo.local");
        using (var replay = await auditor.GetAsync($"/Audit/Replay/{logged.Id}"))
        {
            var html = WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Contains("id=\"replay-inputs-not-kept\"", html, StringComparison.Ordinal);
            Assert.Contains("This answer cannot be replayed: the inputs its rules evaluated were not kept with it.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Reproduced exactly", html, StringComparison.Ordinal);
        }

        auditor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var zh = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Replay/{logged.Id}"));
        Assert.Contains("此应答无法重放：其规则所评估的输入未随应答保存。", zh, StringComparison.Ordinal);
        var answerPage = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{logged.Id}"));
        Assert.Contains("id=\"hook-answer-inputs-not-kept\"", answerPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Audit/Replay/{logged.Id}\"", answerPage, StringComparison.Ordinal);

        var api = await app.ApiClientAsync("auditor@demo.local");
        using var response = await api.GetAsync($"/api/v1/audit/screenings/{logged.Sequence}/replay");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inputs-not-kept", body["outcome"]!.GetValue<string>());
        Assert.Equal("hook-answer", body["entryType"]!.GetValue<string>());
        Assert.False(body["reproduced"]!.GetValue<bool>());
        Assert.Null(body["replayedOverall"]);
        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Audit_AHookAnswersContraindicationOnSeveralInputs_JoinsThemWithTheReadersSeparator()
    {
        // A chart blood pressure at or above 180/110 (CV-003): both readings are its inputs. In Chinese they are joined with
        // "；", as on the screening's own page and the card, not with "; ".
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        // The chart is a bundle of bundles: the blood pressure panel is one of the inner bundles' resources.
        static IEnumerable<JsonNode> Resources(JsonNode bundle) => (bundle["entry"]?.AsArray() ?? []).Select(e => e!["resource"]!)
            .SelectMany(r => r["resourceType"]?.GetValue<string>() == "Bundle" ? Resources(r) : [r]);
        var panel = Assert.Single(Resources(request["prefetch"]!["chart"]!), r => r["code"]?["coding"]?[0]?["code"]?.GetValue<string>() == "85354-9");
        panel["component"]![0]!["valueQuantity"]!["value"] = 185;
        panel["component"]![1]!["valueQuantity"]!["value"] = 115;
        // Taken a moment ago: the sample's 08:40 (UTC-5) on today's UTC date is still in the future before 13:40 UTC, and a
        // reading from the future is not read (PatientRecord.DaysOf), so the test passed only in the afternoon.
        panel["effectiveDateTime"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var id = await PatientViewAnswerAsync(app, request);

        var auditor = await app.SignInAsync("auditor@demo.local");
        string Because(string html) => Assert.Single(html.Split("<li>"), li => li.Contains(">CV-003</a>", StringComparison.Ordinal) && li.Contains("class=\"because\"", StringComparison.Ordinal))
            .Split("class=\"because\"")[1].Split("</li>")[0];
        var english = Because(System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{id}")));
        Assert.Contains("185 mmHg; ", english, StringComparison.Ordinal);
        using var chineseRequest = new HttpRequestMessage(HttpMethod.Get, $"/Audit/HookAnswer/{id}");
        chineseRequest.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var chinese = await auditor.SendAsync(chineseRequest);
        var zh = Because(System.Net.WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync()));
        Assert.Contains("185 mmHg；", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("; ", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_AScreeningAnsweredThroughAHook_ShowsTheCallBehindIt()
    {
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");
        await CompleteTheScreeningAsync(app, patient);

        var request = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        using (var response = await app.PostAsync(PatientView, request.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Guid hooked, typed;
        await using (var db = app.Db())
        {
            hooked = (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)).Id;
            typed = (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson == null)).Id;
        }

        var auditor = await app.SignInAsync("auditor@demo.local");
        var page = System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{hooked}"));
        Assert.Contains("Asked from the EHR (CDS Hooks)", page, StringComparison.Ordinal);
        Assert.Contains(request["hookInstance"]!.GetValue<string>(), page, StringComparison.Ordinal);
        Assert.Contains("Practitioner/demo-psychiatrist", page, StringComparison.Ordinal);
        Assert.Contains("Recorded without the patient's direct identifiers", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Asked from the EHR (CDS Hooks)", System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{typed}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_AskedInChinese_AnswersEveryCardInChineseWithinTheSpecsLimits()
    {
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");

        // The incomplete card: the chart alone.
        using (var first = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString(), acceptLanguage: "zh-CN"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("zh-Hans", Assert.Single(first.Content.Headers.ContentLanguage));
            var body = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
            AssertNoNullOrEmpty(body);
            var card = Assert.Single(body["cards"]!.AsArray())!;
            AssertCardShape(card, chinese: true);
            Assert.StartsWith("氯胺酮筛查不完整", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
            var detail = card["detail"]!.GetValue<string>();
            Assert.Contains(InChinese(() => ClinicalText.Shared.FieldLabel(Fields.FailedAdequateTrials)), detail, StringComparison.Ordinal);
            Assert.DoesNotContain("Failed adequate antidepressant trials", detail, StringComparison.Ordinal);
            Assert.Contains("KetamineCds 辅助而绝不取代临床医生的判断", detail, StringComparison.Ordinal);
            Assert.Equal("在 KetamineCds 中完成筛查（已根据病历预填）", card["links"]![0]!["label"]!.GetValue<string>());
        }

        // The cards of a completed screening: the aneurysm's contraindication in the rule's Chinese text.
        await CompleteTheScreeningAsync(app, patient);

        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString(), acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.5");
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.All(cards, c => AssertCardShape(c!, chinese: true));
        var critical = Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "critical")!;
        var ruleSummary = InChinese(() => ClinicalText.Shared.RuleSummary(RuleSetCatalog.Current.Find("VAS-001")!));
        Assert.StartsWith("目前不符合氯胺酮治疗条件：" + ruleSummary[..10], critical["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(InChinese(() => ClinicalText.Shared.RuleDetail(RuleSetCatalog.Current.Find("VAS-001")!)), critical["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ClientConfiguredForChinese_AnswersInChineseUnlessTheCallAsksForEnglish()
    {
        using var app = await CreateAppAsync();
        app.ClientLanguage = "zh-CN";

        using var chinese = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString());
        using var english = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString(), acceptLanguage: "en-US");
        using var discovery = await app.GetAsync("/cds-services", app.Token("/cds-services"));

        Assert.Equal("zh-Hans", Assert.Single(chinese.Content.Headers.ContentLanguage));
        Assert.StartsWith("氯胺酮筛查不完整", JsonNode.Parse(await chinese.Content.ReadAsStringAsync())!["cards"]![0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("en", Assert.Single(english.Content.Headers.ContentLanguage));
        Assert.StartsWith("Ketamine screening incomplete", JsonNode.Parse(await english.Content.ReadAsStringAsync())!["cards"]![0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("氯胺酮与艾司氯胺酮筛查", JsonNode.Parse(await discovery.Content.ReadAsStringAsync())!["services"]![0]!["title"]!.GetValue<string>());
    }

    /// <summary>An <c>outcomeTimestamp</c> a minute ago, in UTC to the second (feedback more than 7 days old is refused).</summary>
    protected static string ActedMinuteAgo { get; } = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string InChinese(Func<string> text)
    {
        var (culture, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
            return text();
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public async Task PatientView_DecisionLogUnavailable_Answers503WithoutCards()
    {
        using var app = await CreateAppAsync();
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.RecordHookAnswerAsync(It.IsAny<HookAnswerSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DecisionLogUnavailableException("down"));
        using var response = await PatientViewWithLogAsync(app, log.Object, "patient-view-mdd-nothing-else");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.DoesNotContain("\"cards\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Db();
        Assert.Equal(0, await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookCard>().CountAsync());
        Assert.Equal(0, await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().CountAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PatientView_TheScreeningCannotBeRecorded_AnswersWithoutCardsAndStoresNoCardNorPrefill(bool refusedByDatabase)
    {
        // The connection lost during the commit is 503 (try again); a refusal (the database answered) is 409, as the
        // screening API answers for the same cause. Either way no card and no prefill is stored.
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");
        await CompleteTheScreeningAsync(app, patient);
        var real = app.Services.GetRequiredService<IDecisionLog>();
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.FindScreeningAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns((Guid id, CancellationToken token) => real.FindScreeningAsync(id, token));
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(refusedByDatabase ? Refusal() : new DecisionLogUnavailableException("down") { OutcomeUnknown = true });
        int cards, prefills, entries;
        await using (var db = app.Db())
        {
            (cards, prefills, entries) = (await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookCard>().CountAsync(),
                await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().CountAsync(), await db.DecisionLogEntries.CountAsync());
        }

        using var response = await PatientViewWithLogAsync(app, log.Object, "patient-view-mdd-with-aneurysm");

        if (refusedByDatabase)
        {
            await AssertRefusedWithoutCardsAsync(response);
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.DoesNotContain("\"cards\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        log.Verify(l => l.RecordScreeningAsync(It.Is<ScreeningSubmission>(s => s.Origin != null && s.Origin.CardUuids.Count > 0), It.IsAny<CancellationToken>()), Times.Once);
        await using var after = app.Db();
        Assert.Equal(cards, await after.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookCard>().CountAsync());
        Assert.Equal(prefills, await after.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().CountAsync());
        Assert.Equal(entries, await after.DecisionLogEntries.CountAsync());
    }

    [Fact]
    public async Task PatientView_TheDatabaseRefusesTheHookAnswer_Answers409WithoutCardsAsTheApiDoes()
    {
        // A refusal (the database answered: a check constraint) is no outage: it was answered 503, which tells the EHR to
        // try again shortly, while the screening API answers 409 for the same cause.
        using var app = await CreateAppAsync();
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.RecordHookAnswerAsync(It.IsAny<HookAnswerSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Refusal());

        using var response = await PatientViewWithLogAsync(app, log.Object, "patient-view-mdd-nothing-else");

        await AssertRefusedWithoutCardsAsync(response);
        await using var db = app.Db();
        Assert.Equal(0, await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookCard>().CountAsync());
        Assert.Equal(0, await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().CountAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PatientView_TheDatabaseRefusesTheCardsAfterTheEntryWasRecorded_Answers409NamingTheEntryRecordedAndSendsNoCard(bool screening)
    {
        // The entry and its cards are two transactions: the entry in the decision log (committed), then the cards and the
        // prefill in the card store. A refusal of the cards was answered "nothing was recorded", while the entry stayed in
        // the append-only log. The answer now names the entry recorded, and still sends no card.
        using var app = await CreateAppAsync();
        var sample = screening ? "patient-view-mdd-with-aneurysm" : "patient-view-mdd-nothing-else";
        if (screening)
        {
            await CompleteTheScreeningAsync(app, await FirstAnswerPatientAsync(app, sample));
        }

        var entries = await app.DecisionLogCountAsync();
        int cards, prefills;
        await using (var db = app.Db())
        {
            (cards, prefills) = (await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookCard>().CountAsync(), await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().CountAsync());
        }

        // The database refuses every new card (SQLite: a trigger's abort, SQLITE_CONSTRAINT; PostgreSQL: a check, 23514).
        await app.ExecuteAsOwnerAsync(
            "CREATE TRIGGER \"refuse_cards\" BEFORE INSERT ON \"CdsHookCards\" BEGIN SELECT RAISE(ABORT, 'cards refused'); END;",
            "ALTER TABLE \"CdsHookCards\" ADD CONSTRAINT \"refuse_cards\" CHECK (false) NOT VALID;");

        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample(sample).ToJsonString());
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {body}");
        Assert.False(response.Headers.Contains("Retry-After"), "a refusal invites no retry");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("\"cards\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was recorded", body, StringComparison.OrdinalIgnoreCase);
        await using var after = app.Db();
        Assert.Equal(entries + 1, await after.DecisionLogEntries.CountAsync());
        var recorded = await after.DecisionLogEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(screening ? DecisionLogEntryTypes.Screening : DecisionLogEntryTypes.HookAnswer, recorded.EntryType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("No cards: the database refused to store them.", problem["title"]!.GetValue<string>());
        Assert.Equal(
            $"The {(screening ? "screening" : "answer")} was recorded in the decision log (entry {recorded.Sequence}, {recorded.Id}), but the database refused to store "
            + "its cards, so no card is shown and none can be acted on. This is not an outage, and sending the call again unchanged will not help (it would be "
            + "recorded as another entry); the cause is in KetamineCds's log for the administrator.",
            problem["detail"]!.GetValue<string>());
        Assert.Equal(recorded.Id, problem["entryId"]!.GetValue<Guid>());
        Assert.Equal(recorded.Sequence, problem["sequence"]!.GetValue<long>());
        Assert.Equal(cards, await after.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookCard>().CountAsync());
        Assert.Equal(prefills, await after.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().CountAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Feedback_TheLogFailsOnTheSecondOverride_SaysTheFirstMayBeRecordedAndASecondSendingRecordsOnlyTheRest(bool refusedByDatabase)
    {
        // Feedback overriding two cards records two overrides, one after the other. When the second could not be recorded,
        // the answer said "nothing was recorded and no card is shown" (the words of a hook call), while the first stayed in
        // the append-only log. It now says what may have been recorded; an outage invites sending it again (Retry-After),
        // and that records only the override the log does not hold yet.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var cards = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Guid answerId;
        await using (var db = app.Db())
        {
            answerId = (await db.DecisionLogEntries.SingleAsync()).Id;
        }

        var feedback = $$"""{"feedback":[{"card":"{{cards[0]!["uuid"]!.GetValue<string>()}}","outcome":"overridden","outcomeTimestamp":"{{ActedMinuteAgo}}"},{"card":"{{cards[^1]!["uuid"]!.GetValue<string>()}}","outcome":"overridden","outcomeTimestamp":"{{ActedMinuteAgo}}"}]}""";
        var real = app.Services.GetRequiredService<IDecisionLog>();
        var calls = 0;
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.RecordOverrideAsync(It.IsAny<OverrideSubmission>(), It.IsAny<CancellationToken>()))
            .Returns((OverrideSubmission submission, CancellationToken token) => CountedAsync(submission, token));
        async Task<LoggedOverride> CountedAsync(OverrideSubmission submission, CancellationToken token) =>
            ++calls == 1
                ? await real.RecordOverrideAsync(submission, token)
                : throw (refusedByDatabase ? Refusal() : new DecisionLogUnavailableException("down"));
        using var withLog = app.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            services.RemoveAll<IDecisionLog>();
            services.AddSingleton(log.Object);
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView + "/feedback")
        {
            Content = new StringContent(feedback, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(PatientView + "/feedback"));

        using var response = await withLog.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(2, calls);
        Assert.Equal(refusedByDatabase ? HttpStatusCode.Conflict : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(refusedByDatabase ? null : "5", response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("nothing was recorded", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("card is shown", body, StringComparison.OrdinalIgnoreCase);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(
            refusedByDatabase ? "The feedback could not be recorded: the database refused it." : "The feedback could not be recorded: the decision log is unavailable.",
            problem["title"]!.GetValue<string>());
        var audit = app.Services.GetRequiredService<IDecisionLogAudit>();
        Assert.Single((await audit.FindHookAnswerAsync(answerId))!.Overrides);

        // Sent again once the log answers: only the second override is recorded; the first is not recorded twice.
        using (var again = await app.PostAsync(PatientView + "/feedback", feedback))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(2, (await audit.FindHookAnswerAsync(answerId))!.Overrides.Count);
        Assert.True((await real.VerifyAsync()).Intact);
    }

    /// <summary>The decision log's failure when PostgreSQL answered and refused the entry (a check constraint, 23514).</summary>
    private static DecisionLogUnavailableException Refusal() => new(
        "The decision log could not record the entry; nothing was stored.", new Npgsql.PostgresException("new row violates check constraint", "ERROR", "ERROR", "23514"));

    /// <summary>409 as the screening API's refusal, no Retry-After, a problem that says the database refused, and no card.</summary>
    private static async Task AssertRefusedWithoutCardsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(response.Headers.Contains("Retry-After"), "a refusal invites no retry");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No answer: the database refused to record it.", JsonNode.Parse(body)!["title"]!.GetValue<string>());
        Assert.DoesNotContain("\"cards\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/cds-services/unknown")]
    [InlineData("POST", "/cds-services/a/b/c")]
    public async Task AnyOtherPath_Answers404ProblemNeverTheSignInPage(string method, string path)
    {
        using var app = await CreateAppAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await app.Raw().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GET /cds-services lists the services", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task OtherMethodOnTheService_Answers405ProblemNamingPost_NeverTheSignInPage(string method)
    {
        // QA191: a method the service does not answer is the 405 problem docs/web.md promises for /cds-services paths
        // (Allow: POST), no longer the 404 "No such CDS Hooks endpoint" that told an integrator the service did not exist.
        using var app = await CreateAppAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/cds-services/ketamine-screening-patient-view");

        using var response = await app.Raw().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Feedback_UnknownCardUuid_Answers404AndRecordsNothing()
    {
        using var app = await CreateAppAsync();
        await FirstAnswerPatientAsync(app, "patient-view-mdd-nothing-else");
        var before = await app.DecisionLogCountAsync();
        var feedback = $$"""{"feedback":[{"card":"{{Guid.NewGuid()}}","outcome":"overridden","outcomeTimestamp":"{{ActedMinuteAgo}}"}]}""";
        using var response = await app.PostAsync(PatientView + "/feedback", feedback);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2026-13-45T10:00:00Z\"")]
    [InlineData("\"2026-11-28\"")]
    [InlineData("\"2026-11-28T10:00:00\"")]
    [InlineData("1764324000")]
    [InlineData(null)]
    public async Task Feedback_OutcomeTimestampNotAnIsoDateTime_Answers400NamingTheFieldAndRecordsNothing(string? timestamp)
    {
        // QA6 F5: "yesterday" was accepted. The spec's outcomeTimestamp is a required date and time.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        var before = await app.DecisionLogCountAsync();
        var field = timestamp is null ? "" : $",\"outcomeTimestamp\":{timestamp}";

        using var response = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden"{{{field}}},"overrideReason":{"reason":{"code":"other"},"userComment":"x"}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("feedback[0].outcomeTimestamp must be", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("Vascular surgeon\\u0000 cleared")]
    [InlineData("Vascular surgeon \\u202Edeniced")]
    [InlineData("Vascular \\u2067surgeon\\u2069 cleared")]
    public async Task Feedback_UserCommentWithHiddenCharacters_Answers400NamingTheFieldAndRecordsNothing(string jsonComment)
    {
        // QA8 F6: the comment becomes the override's explanation, which auditors read and the print shows.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        var before = await app.DecisionLogCountAsync();

        using var response = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{ActedMinuteAgo}}}","overrideReason":{"reason":{"code":"other"},"userComment":"{{{jsonComment}}}"}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("feedback[0].overrideReason.userComment holds a control character", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());

        // A comment of several lines is the clinician's words and is kept.
        using var ok = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{ActedMinuteAgo}}}","overrideReason":{"reason":{"code":"other"},"userComment":"Vascular surgeon cleared.\n\tRepeat scan stable."}}]}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(before + 1, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("A", 3000)]
    [InlineData("\U0001F600", 1500)] // 3,000 UTF-16 units: the cut once fell between the halves of a pair
    public async Task Feedback_CommentLongerThanTheExplanationHolds_IsCutBetweenCharactersAndTheLogSaysSo(string unit, int count)
    {
        // QA132 F5: the comment was cut to fit 2,000 characters without a word in the log, once leaving half an emoji.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        var comment = string.Concat(Enumerable.Repeat(unit, count));
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = critical,
                ["outcome"] = "overridden",
                ["outcomeTimestamp"] = ActedMinuteAgo,
                ["overrideReason"] = new JsonObject { ["reason"] = new JsonObject { ["code"] = "other" }, ["userComment"] = comment },
            }),
        };

        using var response = await app.PostAsync(PatientView + "/feedback", feedback.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var explanation = Assert.Single((await app.Services.GetRequiredService<IDecisionLogAudit>().FindHookAnswerAsync(entry.Id))!.Overrides).Explanation;
        Assert.True(explanation.Length <= 2000, $"{explanation.Length} UTF-16 units");
        Assert.DoesNotContain(explanation.EnumerateRunes(), r => r == System.Text.Rune.ReplacementChar);
        Assert.StartsWith(string.Concat(Enumerable.Repeat(unit, 100)), explanation, StringComparison.Ordinal);
        Assert.Contains($" The EHR's comment was cut to fit: it had {count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters. CDS Hooks card: {critical}.", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_BodyOverFourMegabytes_Answers413WithTheLimit()
    {
        using var app = await CreateAppAsync();
        var body = $$$"""{"feedback":[{"card":"{{{Guid.NewGuid()}}}","outcome":"overridden","outcomeTimestamp":"{{{ActedMinuteAgo}}}","overrideReason":{"userComment":"{{{new string('x', 4 * 1024 * 1024)}}}"}}]}""";

        using var response = await app.PostAsync(PatientView + "/feedback", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The request body may be at most 4 MB.", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Feedback_OnTheIncompleteCardOfAnAnswerWithoutAScreening_IsRecordedAsProceedingWithTheReasonTheCardOffered()
    {
        // QA109 F3: the card offers override reasons; the clinician's reason for going past an unfinished screening was
        // answered 200 and dropped.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString());
        var card = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]!.AsArray().Single()!;
        var uuid = card["uuid"]!.GetValue<string>();
        Assert.Contains(card["overrideReasons"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "benefit-outweighs-risk-after-review");
        Guid answerId;
        await using (var db = app.Db())
        {
            answerId = (await db.DecisionLogEntries.SingleAsync()).Id;
        }

        var feedback = """{"feedback":[{"card":"CARD","outcome":"overridden","outcomeTimestamp":"ACTED","overrideReason":{"reason":{"code":"benefit-outweighs-risk-after-review","system":"https://ketaminecds.org/fhir/CodeSystem/override-reason"},"userComment":"Proceeding without completing the screening."}}]}"""
            .Replace("CARD", uuid, StringComparison.Ordinal).Replace("ACTED", ActedMinuteAgo, StringComparison.Ordinal);
        using var response = await app.PostAsync(PatientView + "/feedback", feedback);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single((await app.Services.GetRequiredService<IDecisionLogAudit>().FindHookAnswerAsync(answerId))!.Overrides);
        Assert.Equal(OverrideDecision.Proceed, recorded.Decision);
        Assert.Equal(OverrideReason.BenefitOutweighsRiskAfterReview, recorded.Reason);
        Assert.Equal($"Proceeding without completing the screening. CDS Hooks card: {uuid}. Acted on in the EHR at {ActedMinuteAgo}.", recorded.Explanation);
        Assert.Equal(2, await app.DecisionLogCountAsync());
        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-code-we-offered")]
    public async Task Feedback_BareOverrideOfACriticalCard_IsRecordedWithNoDecisionOrReasonAndShownSo(string? code)
    {
        // QA141 F3: "overridden" with no override reason (or a code the card did not offer) says only that the clinician
        // did not act on the card. It was recorded as the clinician deciding "Proceed, reason: Other" past the aneurysm.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        Guid answerId;
        await using (var db = app.Db())
        {
            answerId = (await db.DecisionLogEntries.SingleAsync()).Id;
        }

        var reason = code is null ? "" : $$$""","overrideReason":{"reason":{"code":"{{{code}}}"}}""";
        using var response = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{ActedMinuteAgo}}}"{{{reason}}}}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single((await app.Services.GetRequiredService<IDecisionLogAudit>().FindHookAnswerAsync(answerId))!.Overrides);
        Assert.Null(recorded.Decision);
        Assert.Null(recorded.Reason);
        if (code is not null)
        {
            Assert.Contains($"Reason code given: {code}.", recorded.Explanation, StringComparison.Ordinal);
        }

        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);
        var auditor = await app.SignInAsync("auditor@demo.local");
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{answerId}"));
        Assert.Contains("Overridden in the EHR, no decision stated", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Proceed<", page, StringComparison.Ordinal);
        var csv = await auditor.GetStringAsync("/Audit?handler=Csv");
        Assert.Contains(",not-stated,none-given,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_OverridingTheCriticalCardOfAnAnswerWithoutAScreening_IsRecordedAgainstTheAnswerOnce()
    {
        // QA: the clinician signs the order against the chart's aneurysm (a critical card of an answer that ran no
        // screening); the override used to be dropped while the EHR was told 200.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var cards = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        var critical = cards[0]!["uuid"]!.GetValue<string>();
        var incomplete = cards[^1]!["uuid"]!.GetValue<string>();
        Guid answerId;
        await using (var db = app.Db())
        {
            answerId = (await db.DecisionLogEntries.SingleAsync()).Id;
        }

        var feedback = """{"feedback":[{"card":"CARD","outcome":"overridden","outcomeTimestamp":"ACTED","overrideReason":{"reason":{"code":"specialist-advice-obtained","system":"https://ketaminecds.org/fhir/CodeSystem/override-reason"},"userComment":"Vascular surgeon: repaired, stable"}}]}"""
            .Replace("CARD", critical, StringComparison.Ordinal).Replace("ACTED", ActedMinuteAgo, StringComparison.Ordinal);
        using (var first = await app.PostAsync(PatientView + "/feedback", feedback))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // An EHR's retry is not recorded twice; overriding the incomplete card is going past the unfinished screening, an
        // override of its own (QA109 F3), naming that card.
        using (var retry = await app.PostAsync(PatientView + "/feedback", feedback))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        using (var onIncomplete = await app.PostAsync(PatientView + "/feedback", $$"""{"feedback":[{"card":"{{incomplete}}","outcome":"overridden","outcomeTimestamp":"{{ActedMinuteAgo}}"}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, onIncomplete.StatusCode);
        }

        var logged = (await app.Services.GetRequiredService<IDecisionLogAudit>().FindHookAnswerAsync(answerId))!;
        Assert.Equal(2, logged.Overrides.Count);
        var recorded = Assert.Single(logged.Overrides, o => o.Explanation.Contains(critical, StringComparison.Ordinal));
        Assert.Equal(OverrideDecision.Proceed, recorded.Decision);
        Assert.Equal(OverrideReason.SpecialistAdviceObtained, recorded.Reason);
        Assert.Equal($"Vascular surgeon: repaired, stable CDS Hooks card: {critical}. Acted on in the EHR at {ActedMinuteAgo}.", recorded.Explanation);
        var pastIncomplete = Assert.Single(logged.Overrides, o => o.Explanation.Contains(incomplete, StringComparison.Ordinal));
        // Sent with no override reason: no decision and no reason is recorded for it (QA141 F3), only that it was overridden.
        Assert.Equal(((OverrideDecision?)null, (OverrideReason?)null), (pastIncomplete.Decision, pastIncomplete.Reason));
        Assert.Equal(3, await app.DecisionLogCountAsync());
        Assert.True((await app.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);

        // The auditor sees it on the answer's page.
        var auditor = await app.SignInAsync("auditor@demo.local");
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{answerId}"));
        Assert.Contains("Vascular surgeon: repaired, stable", page, StringComparison.Ordinal);
    }

    public static TheoryData<string> RefusedTokens => ["none", "wrong-aud", "aud-with-a-trailing-slash", "replayed-jti", "unknown-issuer", "another-key", "expired", "missing-kid", "iat-in-the-future", "not-a-jwt"];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Hook_RefusedToken_Answers401AndRecordsNothing(string kind)
    {
        using var app = await CreateAppAsync();
        var url = CdsHooksApp.Origin + PatientView;
        using var other = ClientToken.Generate("ehr-key-1");
        using var noKid = ClientToken.Generate(null);
        var replayed = Guid.NewGuid().ToString();
        if (kind == "replayed-jti")
        {
            using var first = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString(), app.Token(PatientView, replayed));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var before = await app.DecisionLogCountAsync();
        var token = kind switch
        {
            "none" => "",
            "wrong-aud" => app.Trusted.Create(CdsHooksApp.Issuer, CdsHooksApp.Origin + OrderSign),
            "aud-with-a-trailing-slash" => app.Trusted.Create(CdsHooksApp.Issuer, url + "/"), // exactly the URL called
            "replayed-jti" => app.Token(PatientView, replayed),
            "unknown-issuer" => app.Trusted.Create("https://stranger.example", url),
            "another-key" => other.Create(CdsHooksApp.Issuer, url),
            "expired" => app.Trusted.Create(CdsHooksApp.Issuer, url, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-20), lifetime: TimeSpan.FromMinutes(5)),
            "missing-kid" => noKid.Create(CdsHooksApp.Issuer, url),
            "iat-in-the-future" => app.Trusted.Create(CdsHooksApp.Issuer, url, issuedAt: DateTimeOffset.UtcNow.AddMinutes(5), lifetime: TimeSpan.FromMinutes(5)),
            _ => "not.a.jwt",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView)
        {
            Content = new StringContent(CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await app.Raw().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("malformed-fhir")]
    [InlineData("not-json")]
    [InlineData("no-context")]
    [InlineData("prefetch-not-an-object")]
    [InlineData("wrong-hook")]
    [InlineData("unknown-resource-type")]
    [InlineData("unknown-resource-type-in-a-bundle-entry")]
    public async Task Hook_MalformedRequest_Answers400WithAShortReasonAndRecordsNothing(string kind)
    {
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-nothing-else");
        string body;
        switch (kind)
        {
            case "malformed-fhir":
                request["prefetch"] = new JsonObject { ["chart"] = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CdsHooks", "Malformed", "malformed-condition-code.json"))) };
                body = request.ToJsonString();
                break;
            case "not-json":
                body = "{\"hook\": \"patient-view\", ";
                break;
            case "no-context":
                request.Remove("context");
                body = request.ToJsonString();
                break;
            case "prefetch-not-an-object":
                request["prefetch"] = new JsonObject { ["chart"] = "Patient/1" };
                body = request.ToJsonString();
                break;
            case "unknown-resource-type":
                // QA6 F1: answered 200 "incomplete" with the Patient silently unread.
                request["prefetch"]!["patient"] = new JsonObject { ["resourceType"] = "Nope" };
                body = request.ToJsonString();
                break;
            case "unknown-resource-type-in-a-bundle-entry":
                request["prefetch"]!["patient"] = JsonNode.Parse("""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Nope","id":"x"}}]}""");
                body = request.ToJsonString();
                break;
            default:
                request["hook"] = "order-select";
                body = request.ToJsonString();
                break;
        }

        using var response = await app.PostAsync(PatientView, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var detail = problem["detail"]!.GetValue<string>();
        Assert.InRange(detail.Length, 1, 300);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (kind.StartsWith("unknown-resource-type", StringComparison.Ordinal))
        {
            Assert.Contains("prefetch.patient", detail, StringComparison.Ordinal);
            Assert.Contains("resourceType \"Nope\", which is not a FHIR R4 resource type", detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.DecisionLogCountAsync());
    }

    [Fact]
    public async Task PrefillLink_ForAPsychiatrist_OpensTheFormPrefilledAndIsRefusedOtherwise()
    {
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var url = PrefillUrl(JsonNode.Parse(await answer.Content.ReadAsStringAsync())!);
        string patient;
        await using (var db = app.Db())
        {
            patient = (await db.DecisionLogEntries.SingleAsync()).PatientReference;
        }

        var psychiatrist = await app.SignInAsync("psychiatrist@demo.local");
        using (var page = await psychiatrist.GetAsync(url.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains($"value=\"{patient}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(patient, url.ToString(), StringComparison.Ordinal);

            // The form says the answers came from the chart and must be checked; a plain new form does not.
            var notice = System.Text.RegularExpressions.Regex.Match(html, "id=\"from-ehr\">(\\d+) answers are filled in from the EHR chart");
            Assert.True(notice.Success, "The prefilled form does not say that its answers came from the EHR.");
            var filled = int.Parse(notice.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(filled, 5, 40);

            // Each answer from the chart is marked where it is asked, and only those; the count says those the form shows
            // (QA295 F4): the class of the citalopram is filled in and marked too, in the question the US label does not ask,
            // which the form hides (site.js), and is not counted.
            var hiddenClass = html[html.IndexOf("id=\"oralAntidepressantClass-asked\"", StringComparison.Ordinal)..];
            Assert.Contains("class=\"from-ehr\"", hiddenClass[..hiddenClass.IndexOf("</select>", StringComparison.Ordinal)], StringComparison.Ordinal);
            Assert.Equal(filled + 1, System.Text.RegularExpressions.Regex.Count(html, "class=\"from-ehr\""));
            Assert.Matches("<label for=\"ageYears\">[^<]*<span class=\"required\">[^<]*</span> <span class=\"from-ehr\">from the EHR chart</span></label>", html);
            Assert.DoesNotMatch("<label for=\"failedAdequateTrials\">[^\n]*from-ehr", html);
            var plain = await psychiatrist.GetStringAsync("/Screenings/New");
            Assert.DoesNotContain("id=\"from-ehr\"", plain, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"from-ehr\"", plain, StringComparison.Ordinal);
        }

        using (var unknown = await psychiatrist.GetAsync("/Screenings/New?prefill=" + new string('A', 43)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var staff = await app.SignInAsync("staff@demo.local");
        using (var refused = await staff.GetAsync(url.PathAndQuery))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain(patient, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var anonymous = await app.Raw().GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefillLink_AfterAPostThatNeedsCorrecting_KeepsTheMarksOfTheAnswersStillAsTheChartGaveThem()
    {
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var url = PrefillUrl(JsonNode.Parse(await answer.Content.ReadAsStringAsync())!);
        var psychiatrist = await app.SignInAsync("psychiatrist@demo.local");
        var html = await psychiatrist.GetStringAsync(url.PathAndQuery);
        var marked = System.Text.RegularExpressions.Regex.Count(html, "class=\"from-ehr\"");

        // The clinician corrects the age the chart gave and types a count that is not a number: the form comes back.
        var form = FormValues(html);
        var age = int.Parse(Assert.Single(form, f => f.Key == "Input.AgeYears").Value, System.Globalization.CultureInfo.InvariantCulture);
        form.RemoveAll(f => f.Key is "Input.AgeYears" or "Input.FailedAdequateTrials");
        form.Add(new("Input.AgeYears", (age + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        form.Add(new("Input.FailedAdequateTrials", "three"));
        using var post = await psychiatrist.PostAsync(url.PathAndQuery, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var again = await post.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-summary\"", again, StringComparison.Ordinal);
        Assert.Equal(1, await app.DecisionLogCountAsync()); // the hook's own answer, and nothing from the form

        // Every answer still as the chart gave it keeps its mark; the corrected age is the clinician's own.
        Assert.Equal(marked - 1, System.Text.RegularExpressions.Regex.Count(again, "class=\"from-ehr\""));
        Assert.DoesNotMatch("<label for=\"ageYears\">[^\n]*from-ehr", again);
        Assert.Contains($"value=\"{age + 1}\"", again, StringComparison.Ordinal);
        Assert.Matches("<label for=\"sexAtBirth\">[^\n]*from-ehr", again);
    }

    /// <summary>The values a browser would post for the screening form: inputs, ticked radios and boxes, chosen options.</summary>
    private static List<KeyValuePair<string, string>> FormValues(string page)
    {
        var html = System.Text.RegularExpressions.Regex.Match(page, "<form method=\"post\" class=\"form screening-form\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.NotEmpty(html);
        var values = new List<KeyValuePair<string, string>>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input (?<a>[^>]*)>"))
        {
            var a = m.Groups["a"].Value;
            var name = System.Text.RegularExpressions.Regex.Match(a, "name=\"([^\"]+)\"").Groups[1].Value;
            var value = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(a, "value=\"([^\"]*)\"").Groups[1].Value);
            var checkable = a.Contains("type=\"radio\"", StringComparison.Ordinal) || a.Contains("type=\"checkbox\"", StringComparison.Ordinal);
            if (name.Length > 0 && (!checkable || a.Contains("checked=\"checked\"", StringComparison.Ordinal)))
            {
                values.Add(new(name, value));
            }
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<select [^>]*name=\"(?<n>[^\"]+)\"[^>]*>(?<o>.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var chosen = System.Text.RegularExpressions.Regex.Match(m.Groups["o"].Value, "<option value=\"([^\"]*)\" selected=\"selected\"");
            values.Add(new(m.Groups["n"].Value, chosen.Success ? chosen.Groups[1].Value : ""));
        }

        return values;
    }

    [Fact]
    public async Task PatientView_CompletedFromYesterdaysScreening_CarriesItsHistoryButAsksTodaysSuicidalityAndBloodPressureAgain()
    {
        // The clinician completed the screening yesterday, blood pressure and suicidality included; the chart holds
        // neither today. Yesterday's trials are history and still hold; yesterday's "no suicidality" and blood pressure
        // describe yesterday, so they are not read as today's: the answer names them and no screening runs.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        using var app = await CreateAppAsync();
        app.Clock = clock;
        var sample = CdsHooksApp.Sample("patient-view-mdd-nothing-else");
        await CompleteTheScreeningAsync(app, sample["context"]!["patientId"]!.GetValue<string>(), who: MddSamplesPatient);
        clock.Advance(TimeSpan.FromDays(1));

        using var response = await app.PostAsync(PatientView, sample.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = app.Db();
        Assert.False(await db.DecisionLogEntries.AnyAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null));
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var missing = JsonNode.Parse(answer.InputJson)!["missingItems"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("suicidality", missing);
        Assert.DoesNotContain("failedAdequateTrials", missing);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Suicidality", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed adequate antidepressant trials", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_CalledAgain_IsCompletedFromTheClinicansScreeningNeverFromTheEhrsOwnEarlierAnswer()
    {
        // QA8 F8: the second call was completed from the first call's automatic screening (H2 -> H1 -> S), so each chart
        // opening restarted the 30-day window and the card named the EHR's answer as "completed in KetamineCds".
        using var app = await CreateAppAsync();
        var patient = await FirstAnswerPatientAsync(app, "patient-view-mdd-with-aneurysm");
        var clinicians = await CompleteTheScreeningAsync(app, patient, ""","clinicianNote":"Seen with his sister; plan discussed." """);

        for (var call = 0; call < 2; call++)
        {
            using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains($"The answers of screening {clinicians}, completed in KetamineCds on", body, StringComparison.Ordinal);
        }

        var log = app.Services.GetRequiredService<IDecisionLog>();
        await using var db = app.Db();
        var answers = await db.DecisionLogEntries.Where(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null).Select(e => e.Id).ToListAsync();
        Assert.Equal(2, answers.Count);
        foreach (var id in answers)
        {
            var screening = (await log.FindScreeningAsync(id))!;
            Assert.Equal(clinicians, screening.RescreenOf);
            // QA8 F9: the clinician's note describes their encounter: it is not carried into the EHR's answer.
            Assert.Null(screening.History.ClinicianNote);
        }
    }

    [Fact]
    public async Task PatientView_AfterACorrectionMadeToday_DatesTheAnswersByTheEncounterItCorrects()
    {
        // QA8 F8/F11: a correction today of yesterday's screening made yesterday's suicidality and blood pressure today's.
        // The correction puts right yesterday's encounter: its answers are yesterday's, so today's are asked again.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        using var app = await CreateAppAsync();
        app.Clock = clock;
        var sample = CdsHooksApp.Sample("patient-view-mdd-nothing-else");
        var patient = sample["context"]!["patientId"]!.GetValue<string>();
        var yesterdays = await CompleteTheScreeningAsync(app, patient, who: MddSamplesPatient);
        clock.Advance(TimeSpan.FromDays(1));
        var correction = await CompleteTheScreeningAsync(app, patient, ""","phq9Total":21,"correctionReason":"PHQ-9 total was 21 (questionnaire sheet)." """, $"/api/v1/screenings/{yesterdays}/corrections", MddSamplesPatient);

        using var response = await app.PostAsync(PatientView, sample.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = app.Db();
        Assert.False(await db.DecisionLogEntries.AnyAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null));
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var missing = JsonNode.Parse(answer.InputJson)!["missingItems"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("suicidality", missing);
        Assert.DoesNotContain("failedAdequateTrials", missing);
        Assert.NotEqual(yesterdays, correction);
    }

    [Fact]
    public async Task PrefillLink_CompletedFromYesterdaysScreening_MarksItsAnswersAsThatScreeningsNotTheChartsAndCarriesNoNote()
    {
        // QA8 F9: every carried answer was tagged "from the EHR chart", and the earlier clinician's note was filled in.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        using var app = await CreateAppAsync();
        app.Clock = clock;
        var sample = CdsHooksApp.Sample("patient-view-mdd-nothing-else");
        var earlier = await CompleteTheScreeningAsync(app, sample["context"]!["patientId"]!.GetValue<string>(), ""","clinicianNote":"Seen with her sister; plan discussed." """, who: MddSamplesPatient);
        clock.Advance(TimeSpan.FromDays(1));

        using var answer = await app.PostAsync(PatientView, sample.ToJsonString());
        var body = await answer.Content.ReadAsStringAsync();
        // The incomplete card says where its answers came from, as the card of a screening that ran does.
        Assert.Contains($"The answers of screening {earlier}, completed in KetamineCds on", body, StringComparison.Ordinal);
        Assert.Contains("were used where the chart records no answer, a less cautious one or an older reading, while they still hold; not where the chart answers more cautiously (its answer was used, and a card names both), nor for a question whose chart entry a card names to check.", body, StringComparison.Ordinal);
        var url = PrefillUrl(JsonNode.Parse(body)!);
        var psychiatrist = await app.SignInAsync("psychiatrist@demo.local");
        var html = WebUtility.HtmlDecode(await psychiatrist.GetStringAsync(url.PathAndQuery));

        Assert.Contains($"answers are filled in from screening {earlier}, recorded in KetamineCds on", html, StringComparison.Ordinal);
        Assert.Contains("where the chart says nothing, answers less cautiously or holds an older reading. Check that each still holds today.", html, StringComparison.Ordinal);
        Assert.Matches("<label for=\"failedAdequateTrials\">[^\n]*class=\"from-earlier\"", html);
        Assert.DoesNotMatch("<label for=\"failedAdequateTrials\">[^\n]*class=\"from-ehr\"", html);
        Assert.DoesNotContain("Seen with her sister", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-very-long-one")]
    [InlineData("患者 1")]
    [InlineData("x\\u0000y")]
    [InlineData("=1+2")]
    [InlineData("MRN 42")]
    public async Task PatientView_PatientIdOutsideTheContractsPattern_Answers400NamingTheFieldAndRecordsNothing(string patientId)
    {
        // QA8 F18: these were recorded under references the rest of the app refuses.
        using var app = await CreateAppAsync();
        var request = CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString();
        var sent = patientId == "a-very-long-one" ? new string('a', 65) : patientId;
        var original = JsonNode.Parse(request)!["context"]!["patientId"]!.GetValue<string>();
        var body = request.Replace($"\"patientId\":\"{original}\"", $"\"patientId\":\"{sent}\"", StringComparison.Ordinal);
        Assert.NotEqual(request, body);

        using var response = await app.PostAsync(PatientView, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("context.patientId must be", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DecisionLogCountAsync());
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("future")]
    [InlineData("long-ago")]
    public async Task Feedback_OutcomeTimestampFarFromNow_Answers400NamingTheFieldAndRecordsNothing(string timestamp)
    {
        // QA8 F20: years 0001 and 9999 were accepted.
        using var app = await CreateAppAsync();
        using var answer = await app.PostAsync(PatientView, CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString());
        var critical = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!.GetValue<string>();
        var before = await app.DecisionLogCountAsync();
        var at = timestamp switch
        {
            "future" => DateTimeOffset.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            "long-ago" => DateTimeOffset.UtcNow.AddDays(-30).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            _ => timestamp,
        };

        using var response = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{at}}}","overrideReason":{"reason":{"code":"other"},"userComment":"x"}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("feedback[0].outcomeTimestamp must be", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await app.DecisionLogCountAsync());

        // A time given in another offset, a minute ago, is accepted.
        var minuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(14)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        using var ok = await app.PostAsync(PatientView + "/feedback", $$$"""{"feedback":[{"card":"{{{critical}}}","outcome":"overridden","outcomeTimestamp":"{{{minuteAgo}}}","overrideReason":{"reason":{"code":"other"},"userComment":"x"}}]}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task PatientView_OnKestrel_AChartOfTwoMegabytesIsReadAndOneOverFourIsRefusedWith413AndAMessage()
    {
        // The server refuses bodies over 1 MB; a hook call's prefetch may hold up to 4 MB of chart (docs/cds-hooks.md).
        using var app = CdsHooksApp.Sqlite();
        var baseAddress = app.StartOnARealPort();
        using var http = new HttpClient();

        async Task<(HttpStatusCode Status, string Body)> SendAsync(int paddingCharacters)
        {
            var call = CdsHooksApp.Sample("patient-view-mdd-nothing-else");
            call["prefetch"]!["notes"] = new JsonObject
            {
                ["resourceType"] = "Observation",
                ["id"] = "long-note",
                ["status"] = "final",
                ["code"] = new JsonObject { ["text"] = "Clinical note" },
                ["note"] = new JsonArray([.. Enumerable.Range(0, paddingCharacters / 50_000).Select(_ => (JsonNode)new JsonObject { ["text"] = new string('x', 50_000) })]),
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, baseAddress + PatientView)
            {
                Content = new StringContent(call.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Trusted.Create(CdsHooksApp.Issuer, baseAddress + PatientView));
            request.Headers.ExpectContinue = true; // as a client sending a large body does: the refusal comes before the upload
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var two = await SendAsync(2_000_000);
        Assert.True(two.Status == HttpStatusCode.OK, two.Body);
        Assert.Contains("\"cards\"", two.Body, StringComparison.Ordinal);

        // QA6 F2: 413 (RFC 9110 Content Too Large), not 400, with the same clear problem.
        var five = await SendAsync(5_000_000);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, five.Status);
        var problem = JsonNode.Parse(five.Body)!;
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        Assert.Equal("The request body may be at most 4 MB.", problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", five.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefillLink_AfterAnHour_IsNotFoundAndOpensTheEmptyFormWithANotice()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = CdsHooksApp.Sqlite();
        using var withClock = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView)
        {
            Content = new StringContent(CdsHooksApp.Sample("patient-view-mdd-nothing-else").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(PatientView));
        using var answer = await withClock.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var url = PrefillUrl(JsonNode.Parse(await answer.Content.ReadAsStringAsync())!);

        clock.Advance(TimeSpan.FromMinutes(61));
        var client = withClock.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var html = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "psychiatrist@demo.local",
            ["Input.Password"] = CdsHooksApp.Password,
            ["__RequestVerificationToken"] = token,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var expired = await client.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);

        // QA6 F10: the clinician sees the empty form with a notice, not the generic "Page not found"; nothing was read.
        var page = WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync());
        Assert.Contains("This prefilled link from the EHR is unknown or has expired", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" class=\"form screening-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"from-ehr\"", page, StringComparison.Ordinal);
    }

    /// <summary>A patient-view call with a sample, answered by the app with <paramref name="log"/> as its decision log.</summary>
    private static async Task<HttpResponseMessage> PatientViewWithLogAsync(CdsHooksApp app, IDecisionLog log, string sample)
    {
        using var withLog = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<IDecisionLog>();
            s.AddSingleton(log);
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView)
        {
            Content = new StringContent(CdsHooksApp.Sample(sample).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(PatientView));
        var response = await withLog.CreateClient().SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>
    /// The patient of patient-view-mdd-with-aneurysm.json as the clinician records them: male, born 1968-04-12, so 58 on the
    /// day the samples were written for (<see cref="KetamineCds.Samples.CdsHooks.SampleDates"/> moves the birth date with
    /// the call, so the age holds). Helper 261: a male of 52 met a chart born in 1968, and the answer warned that the chart
    /// and the screening might not be of the same patient (helper 258), in tests about something else.
    /// </summary>
    protected const string AneurysmSamplesPatient = "\"ageYears\":58,\"sexAtBirth\":\"male\"";

    /// <summary>
    /// The patient of patient-view-mdd-nothing-else.json: female, born 1990-09-30, so 36 (as above); not pregnant, which
    /// the screening of a woman of that age must answer.
    /// </summary>
    protected const string MddSamplesPatient = "\"ageYears\":36,\"sexAtBirth\":\"female\",\"pregnant\":false";

    /// <summary>
    /// The clinician completes the patient's screening in KetamineCds (the JSON API), as after an incomplete card, for the
    /// sample chart's patient (<paramref name="who"/>: <see cref="AneurysmSamplesPatient"/> unless said).
    /// </summary>
    protected static async Task<Guid> CompleteTheScreeningAsync(CdsHooksApp app, string patient, string moreAnswers = "", string path = "/api/v1/screenings", string who = AneurysmSamplesPatient)
    {
        var api = await app.ApiClientAsync("psychiatrist@demo.local");
        using var created = await api.PostAsync(path, new StringContent(
            $$"""{"patientReference":"{{patient}}",{{who}},"primaryDiagnosis":"mdd","currentDepressiveEpisode":true,"failedAdequateTrials":3,"distinctMechanisms":2,"onOralAntidepressant":true,"psychosis":"none","suicidality":"none","systolicBp":128,"diastolicBp":82{{moreAnswers}}}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>The link of the answer's one card that has one (the incomplete card, after any critical card).</summary>
    private static Uri PrefillUrl(JsonNode answer) =>
        new(Assert.Single(answer["cards"]!.AsArray(), c => c!["links"] is not null)!["links"]![0]!["url"]!.GetValue<string>());

    /// <summary>
    /// Posts a patient-view request for a chart that lacks required items, checks that it is answered, and returns the id
    /// of the one hook answer it logged (no screening ran).
    /// </summary>
    private static async Task<Guid> PatientViewAnswerAsync(CdsHooksApp app, JsonNode request)
    {
        using (var response = await app.PostAsync(PatientView, request.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var db = app.Db();
        return (await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer)).Id;
    }

    protected static async Task<string> FirstAnswerPatientAsync(CdsHooksApp app, string sample)
    {
        using var response = await app.PostAsync(PatientView, CdsHooksApp.Sample(sample).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        return (await db.DecisionLogEntries.OrderByDescending(e => e.Sequence).FirstAsync()).PatientReference;
    }

    private static readonly string[] Indicators = ["info", "warning", "critical"];

    private static void AssertCardShape(JsonNode card, bool chinese = false)
    {
        Assert.True(Guid.TryParse(card["uuid"]!.GetValue<string>(), out _));
        Assert.InRange(card["summary"]!.GetValue<string>().Length, 1, 140);
        Assert.Contains(card["indicator"]!.GetValue<string>(), Indicators);
        // The label is the contract's, in every language (an EHR may read it): "KetamineCds rule set X.Y.Z".
        Assert.Matches(@"^KetamineCds rule set \d+\.\d+\.\d+$", card["source"]!["label"]!.GetValue<string>());
        Assert.StartsWith("http://localhost/Rules", card["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var reasons = card["overrideReasons"]!.AsArray();
        Assert.Equal(Enum.GetValues<OverrideReason>().Length, reasons.Count);
        Assert.All(reasons, r => Assert.False(string.IsNullOrEmpty(r!["display"]!.GetValue<string>())));
        Assert.Contains(chinese ? "依据：" : "Cites: ", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The spec forbids null and empty values anywhere in a response.</summary>
    private static void AssertNoNullOrEmpty(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case null:
                Assert.Fail($"{path} is null");
                break;
            case JsonObject o:
                Assert.True(o.Count > 0 || path == "$", $"{path} is an empty object");
                foreach (var (name, value) in o)
                {
                    AssertNoNullOrEmpty(value, $"{path}.{name}");
                }

                break;
            case JsonArray a:
                Assert.True(a.Count > 0 || path == "$.cards", $"{path} is an empty array");
                for (var i = 0; i < a.Count; i++)
                {
                    AssertNoNullOrEmpty(a[i], $"{path}[{i}]");
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                Assert.False(string.IsNullOrEmpty(v.GetValue<string>()), $"{path} is an empty string");
                break;
        }
    }
}
