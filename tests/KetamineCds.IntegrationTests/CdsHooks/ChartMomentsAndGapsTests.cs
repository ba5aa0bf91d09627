using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// QA120 F2, F4 and F7 (found by reading the code; cases from the QA120 scratch file): a chart measurement older than
/// the clinician's screening, a prefetch the EHR did not fill, and a draft order whose medicine cannot be identified.
/// </summary>
public sealed class ChartMomentsAndGapsTests
{
    private const string DisagreementPrefix = "The chart and the clinician's screening disagree: check ";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Score(string id, string loinc, string when, int value) =>
        $$"""{"resourceType": "Observation", "id": "{{id}}", "status": "final", "subject": {"reference": "Patient/PATIENT"}, "code": {"coding": [{"system": "http://loinc.org", "code": "{{loinc}}"}]}, "effectiveDateTime": "{{when}}", "valueInteger": {{value}}}""";

    private static string BloodPressure(string id, string when, int systolic, int diastolic) =>
        $$$"""
        {"resourceType": "Observation", "id": "{{{id}}}", "status": "final", "subject": {"reference": "Patient/PATIENT"}, "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]}, "effectiveDateTime": "{{{when}}}",
         "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": {{{systolic}}}, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                       {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": {{{diastolic}}}, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}
        """;

    [Fact]
    public async Task PatientView_ChartPhq9OlderThanTheClinicianScreening_UsesTheScreeningsNewerItem9AndNamesBothWithTheirMoments()
    {
        // F2: the chart's item 9 = 0 of ten days ago replaced the clinician's item 9 = 2 of today, silently: SUI-008 was lost.
        using var app = CdsHooksApp.Sqlite();
        var clinicians = await app.RecordClinicianScreeningAsync("qa123-phq", "\"phq9Total\":18,\"phq9Item9\":2");
        var tenDaysAgo = Day(DateTimeOffset.UtcNow.AddDays(-10));
        var call = CdsHooksApp.ChartCall("qa123-phq", false, Score("i9", "44260-8", tenDaysAgo, 0), Score("tot", "44261-6", tenDaysAgo, 12));

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        // SUI-008 fires on the screening's item 9 (a card of the rules, not the disagreement card, names it).
        Assert.Contains(cards, c => !c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal) && c["detail"]!.GetValue<string>().Contains("SUI-008", StringComparison.Ordinal));
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DisagreementPrefix + "PHQ-9 total score, PHQ-9 item 9", card["summary"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains($"Where the chart and screening {clinicians}, completed in KetamineCds on {Day(DateTimeOffset.UtcNow)}, give different readings of a measurement, the newer reading was used", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("The chart answers less cautiously", detail, StringComparison.Ordinal);
        Assert.Matches($@"- \*\*PHQ-9 item 9\*\*: the chart records 0 \(Observation/i9, taken {tenDaysAgo}\); the screening recorded 2 \({Day(DateTimeOffset.UtcNow)} \d\d:\d\d UTC\)\. Used: 2, the newer reading\.", detail);
        Assert.Matches($@"- \*\*PHQ-9 total score\*\*: the chart records 12 \(Observation/tot, taken {tenDaysAgo}\); the screening recorded 18 \(.*\)\. Used: 18, the newer reading\.", detail);

        await using var db = app.Db();
        var screening = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null);
        var input = JsonNode.Parse(screening.InputJson)!;
        Assert.Equal(2, input["phq9Item9"]!.GetValue<int>());
        Assert.Equal(18, input["phq9Total"]!.GetValue<int>());
        var origin = HookOrigin.FromJson(screening.HookOriginJson!);
        var item9 = Assert.Single(origin.Disagreement!.Fields, f => f.Field == "phq9Item9");
        Assert.Equal(("0", "2", "2"), (item9.ChartJson, item9.ScreeningJson, item9.UsedJson));
        Assert.Equal("screening-newer", item9.Measured!.Order);
        Assert.Equal(tenDaysAgo, item9.Measured.ChartAt);
    }

    [Fact]
    public async Task PatientView_ChartItem9NewerThanTheClinicianScreening_UsesTheChartsAndNamesBoth()
    {
        // The newer reading wins either way: the chart's item 9 = 1 taken after the clinician's 0 is used, and named.
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa123-new", "\"phq9Total\":18,\"phq9Item9\":0");
        var call = CdsHooksApp.ChartCall("qa123-new", false, Score("i9", "44260-8", Utc(DateTimeOffset.UtcNow.AddMinutes(2)), 1));

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!;
        Assert.Matches(@"- \*\*PHQ-9 item 9\*\*: the chart records 1 \(Observation/i9, taken .* UTC\); the screening recorded 0 \(.*\)\. Used: 1, the newer reading\.", card["detail"]!.GetValue<string>());
        await using var db = app.Db();
        var screening = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null);
        Assert.Equal(1, JsonNode.Parse(screening.InputJson)!["phq9Item9"]!.GetValue<int>());
    }

    [Fact]
    public async Task OrderSign_ChartBloodPressureOlderThanTheClinicians_UsesTheClinicianNewerPairAndCv003Fires()
    {
        // F2 for blood pressure within the day: the chart's 120/78 of a while ago replaced the clinician's 185/112 taken
        // after it, and CV-003 (a contraindication) was lost.
        using var app = CdsHooksApp.Sqlite();
        var earlier = DateTimeOffset.UtcNow.AddMinutes(-3);
        await app.RecordClinicianScreeningAsync("qa123-bp", "\"systolicBp\":185,\"diastolicBp\":112");
        var call = CdsHooksApp.ChartCall("qa123-bp", true, BloodPressure("bp-early", Utc(earlier), 120, 78));

        using var response = await app.PostAsync(OrderSign, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Contains(cards, c => c!["indicator"]!.GetValue<string>() == "critical" && c["source"]!["url"]!.GetValue<string>().EndsWith("#CV-003", StringComparison.Ordinal));
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!;
        Assert.Equal(DisagreementPrefix + "Systolic blood pressure, Diastolic blood pressure", card["summary"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.Matches(@"- \*\*Systolic blood pressure\*\*: the chart records 120 mmHg \(Observation/bp-early, taken .* UTC\); the screening recorded 185 mmHg \(.* UTC\)\. Used: 185 mmHg, the newer reading\.", detail);
        Assert.Matches(@"- \*\*Diastolic blood pressure\*\*: the chart records 78 mmHg \(Observation/bp-early, taken .* UTC\); the screening recorded 112 mmHg \(.* UTC\)\. Used: 112 mmHg, the newer reading\.", detail);
        await using var db = app.Db();
        var input = JsonNode.Parse((await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)).InputJson)!;
        Assert.Equal((185, 112), (input["systolicBp"]!.GetValue<int>(), input["diastolicBp"]!.GetValue<int>()));
    }

    [Fact]
    public async Task PatientView_ChartPhq9DatedOnlyByTheScreeningsDay_Item9TakesTheHigherAndTheTotalIsNotRecorded()
    {
        // Which reading is newer cannot be told from a date alone on the screening's day: item 9 > 0 is never lost to a 0
        // (SUI-008), and the total, which has no cautious side, is left not recorded; the card says both.
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa123-day", "\"phq9Total\":18,\"phq9Item9\":2");
        var today = Day(DateTimeOffset.UtcNow);
        var call = CdsHooksApp.ChartCall("qa123-day", false, Score("i9", "44260-8", today, 0), Score("tot", "44261-6", today, 12));

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        var detail = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith(DisagreementPrefix, StringComparison.Ordinal))!["detail"]!.GetValue<string>();
        Assert.Contains($"- **PHQ-9 item 9**: the chart records 0 (Observation/i9, taken {today}); the screening recorded 2 (", detail, StringComparison.Ordinal);
        Assert.Contains("which is newer cannot be told. Used: 2, the higher", detail, StringComparison.Ordinal);
        Assert.Contains($"- **PHQ-9 total score**: the chart records 12 (Observation/tot, taken {today}); the screening recorded 18 (", detail, StringComparison.Ordinal);
        Assert.Contains("which is newer cannot be told, so neither is used: not recorded.", detail, StringComparison.Ordinal);
        await using var db = app.Db();
        var screening = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null);
        var input = JsonNode.Parse(screening.InputJson)!;
        Assert.Equal(2, input["phq9Item9"]!.GetValue<int>());
        Assert.Null(input["phq9Total"]);
        var total = Assert.Single(HookOrigin.FromJson(screening.HookOriginJson!).Disagreement!.Fields, f => f.Field == "phq9Total");
        Assert.Equal(("order-not-known", "null"), (total.Measured!.Order, total.UsedJson));

        // The auditor's page says how the measurements were settled and when each was taken, not "less cautiously".
        var auditor = await app.SignInAsync("auditor@demo.local");
        using var page = await auditor.GetAsync($"/Audit/Screening/{screening.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("gave different readings of a measurement, the newer reading was used", html, StringComparison.Ordinal);
        Assert.DoesNotContain("less cautiously than screening", html, StringComparison.Ordinal);
        // The chart's own readings, before the screening's answers were weighed against them, are on the screening's page
        // too, not only on an EHR answer's (helper-126's limit, session 25).
        Assert.Contains("<h2 id=\"read-from-chart\">Read from the chart</h2>", html, StringComparison.Ordinal);
        Assert.Matches($@"PHQ-9 item 9 <code>.*</code></th>\s*<td>0</td>\s*<td class=""chart-sources"">\s*<span class=""chart-source"">\s*from Observation/i9, {today}\s*</span>", html);
        Assert.Matches($@"<td>12\s*<br /><small>taken {today}</small>\s*</td>\s*<td>\s*<code class=""id-whole"">Observation/tot</code><br />\s*</td>\s*<td>18\s*<br /><small>recorded {today} \d\d:\d\d UTC</small>\s*</td>\s*<td><strong>Not recorded</strong></td>", html);
    }

    [Fact]
    public async Task PatientView_ChartGivesValues_TheLogKeepsEachValuesChartEntriesAndTheAuditorsPageShowsThemInClinicTime()
    {
        // QA120 F5: the origin kept the FHIR verbatim but not which chart entry gave each value; now it names them, with
        // an Observation's time as written, and the auditor's page shows it in the clinic's time (UTC here).
        using var app = CdsHooksApp.Sqlite();
        var taken = DateTimeOffset.UtcNow.AddHours(-2);
        var written = taken.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var call = CdsHooksApp.ChartCall("qa120-f5", false, Score("i9", "44260-8", written, 0));

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var read = HookOrigin.FromJson(answer.HookOriginJson!).ReadFromChart!;
        var item9 = Assert.Single(read, v => v.Field == "phq9Item9");
        Assert.Equal("0", item9.ValueJson);
        Assert.Equal(new HookChartSource("Observation/i9", written), Assert.Single(item9.From));
        // The diagnosis gives two fields (the primary diagnosis, the current episode), each from the Condition, with no time.
        Assert.All(read.Where(v => v.From.Any(f => f.Entry == "Condition/c-mdd")), v => Assert.Equal(new HookChartSource("Condition/c-mdd", null), Assert.Single(v.From)));
        Assert.Contains(read, v => v.Field == "primaryDiagnosis" && v.From.Single().Entry == "Condition/c-mdd");
        Assert.Contains(read, v => v.Field == "ageYears" && v.From.Single().Entry == "Patient/qa120-f5");

        var auditor = await app.SignInAsync("auditor@demo.local");
        var html = System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{answer.Id}"));
        Assert.Contains("<h2 id=\"read-from-chart\">Read from the chart</h2>", html, StringComparison.Ordinal);
        var clinicTime = taken.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        Assert.Matches($@"PHQ-9 item 9 <code>.*</code></th>\s*<td>0</td>\s*<td class=""chart-sources"">\s*<span class=""chart-source"">\s*from Observation/i9, {clinicTime}\s*</span>", html);
        Assert.Matches(@"<span class=""chart-source"">\s*from Condition/c-mdd\s*</span>", html);
        using var chineseRequest = new HttpRequestMessage(HttpMethod.Get, $"/Audit/HookAnswer/{answer.Id}");
        chineseRequest.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var chinese = await auditor.SendAsync(chineseRequest);
        var chineseHtml = System.Net.WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());
        Assert.Contains("从病历读取的内容", chineseHtml, StringComparison.Ordinal);
        Assert.Contains($"来自 Observation/i9，{clinicTime}", chineseHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operation-outcome")]
    [InlineData("absent")]
    [InlineData("partial")]
    [InlineData("next-page")]
    public async Task PatientView_PrefetchTheEhrDidNotFill_CardAndLogNameTheKeysNeverNotRecordedInTheChart(string how)
    {
        // F4: an OperationOutcome, a null, a key left out, a searchset of 1 of 57 were all read as an empty chart, and the
        // card said the items were "not recorded in the chart".
        using var app = CdsHooksApp.Sqlite();
        var call = CdsHooksApp.ChartCall("qa123-pf", false);
        var patient = call["prefetch"]!["chart"]!["entry"]![0]!["resource"]!.DeepClone();
        const string Mdd = """{"resource": {"resourceType": "Condition", "id": "c-mdd", "subject": {"reference": "Patient/qa123-pf"}, "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]}, "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F33.1"}]}}}""";
        const string Empty = """{"resourceType": "Bundle", "type": "searchset", "total": 0}""";
        var prefetch = new JsonObject
        {
            ["patient"] = patient,
            ["conditions"] = JsonNode.Parse("""{"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [""" + Mdd + "]}"),
            ["medicationRequests"] = JsonNode.Parse(Empty),
            ["medicationStatements"] = JsonNode.Parse(Empty),
            ["observations"] = JsonNode.Parse(Empty),
            ["allergies"] = JsonNode.Parse(Empty),
        };
        string expected;
        switch (how)
        {
            case "operation-outcome":
                prefetch["observations"] = JsonNode.Parse("""{"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout", "diagnostics": "Observation search timed out"}]}""");
                expected = "- `observations`: the EHR sent an OperationOutcome instead of the data (issue: timeout).";
                break;
            case "absent":
                prefetch.Remove("allergies");
                expected = "- `allergies`: not sent.";
                break;
            case "partial":
                prefetch["conditions"] = JsonNode.Parse("""{"resourceType": "Bundle", "type": "searchset", "total": 57, "entry": [""" + Mdd + "]}");
                expected = "- `conditions`: sent in part (1 of the 57 results the EHR's search found).";
                break;
            default:
                prefetch["conditions"] = JsonNode.Parse("""{"resourceType": "Bundle", "type": "searchset", "link": [{"relation": "next", "url": "https://ehr.example.org/fhir/Condition?page=2"}], "entry": [""" + Mdd + "]}");
                expected = "- `conditions`: sent in part (the EHR's search has a next page that was not sent).";
                break;
        }

        call["prefetch"] = prefetch;
        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.DoesNotContain("not recorded in the chart", cards.ToJsonString(), StringComparison.Ordinal);
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Ketamine screening incomplete", StringComparison.Ordinal))!;
        Assert.EndsWith("items are not recorded; the EHR did not send all of the chart", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains("**Parts of the chart the EHR did not send (CDS Hooks prefetch):**\n\n" + expected + "\n\nWhat the screening reads from these parts is unknown here, not absent from the chart", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("timed out", detail, StringComparison.Ordinal);

        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var gap = Assert.Single(HookOrigin.FromJson(answer.HookOriginJson!).PrefetchGaps!);
        Assert.Equal(how switch { "operation-outcome" => "operation-outcome", "absent" => "not-sent", _ => "partial" }, gap.State);
    }

    [Fact]
    public async Task PatientView_PrefetchKeySentAsNull_NamedAsTheEhrReportingNoDataItsItemsStillNotRecorded()
    {
        // QA295 F2: CDS Hooks 2.0 has a client send null for a template it has no data to populate, and leave out one it
        // could not fetch; a null was named "sent empty (null): the EHR could not fetch it", and the card said the EHR did
        // not send all of the chart. The items read from it are still not recorded (what QA120 F4 keeps).
        using var app = CdsHooksApp.Sqlite();
        var call = CdsHooksApp.ChartCall("qa295-null", false);
        const string Empty = """{"resourceType": "Bundle", "type": "searchset", "total": 0}""";
        call["prefetch"] = new JsonObject
        {
            ["patient"] = call["prefetch"]!["chart"]!["entry"]![0]!["resource"]!.DeepClone(),
            ["conditions"] = JsonNode.Parse(Empty),
            ["medicationRequests"] = null,
            ["medicationStatements"] = JsonNode.Parse(Empty),
            ["observations"] = JsonNode.Parse(Empty),
            ["allergies"] = JsonNode.Parse(Empty),
        };

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.DoesNotContain("did not send", cards.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("could not fetch", cards.ToJsonString(), StringComparison.Ordinal);
        var card = Assert.Single(cards, c => c!["summary"]!.GetValue<string>().StartsWith("Ketamine screening incomplete", StringComparison.Ordinal))!;
        Assert.EndsWith("items are not recorded in the chart", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(
            "**Parts of the chart for which the EHR reported no data (CDS Hooks prefetch):**\n\n- `medicationRequests`: the EHR reported no data for it (sent as null).\n\nThe EHR sends null for a part of the chart it has no data for (CDS Hooks): an item read from these parts is **not recorded**, never read as \"no\"",
            card["detail"]!.GetValue<string>(),
            StringComparison.Ordinal);
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var gap = Assert.Single(HookOrigin.FromJson(answer.HookOriginJson!).PrefetchGaps!);
        Assert.Equal(("medicationRequests", "null"), (gap.Key, gap.State));
    }

    [Fact]
    public async Task PatientView_TemplatesResourcesSentUnderAnotherKey_AreNotNamedNotSent()
    {
        // QA158 F6: a call using some of the templates' keys and sending the allergies and medication statements in a Bundle
        // of its own had those two named "not sent", although the card read them.
        using var app = CdsHooksApp.Sqlite();
        var call = CdsHooksApp.ChartCall("qa158-keys", false);
        var patient = call["prefetch"]!["chart"]!["entry"]![0]!["resource"]!.DeepClone();
        const string Mdd = """{"resource": {"resourceType": "Condition", "id": "c-mdd", "subject": {"reference": "Patient/qa158-keys"}, "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]}, "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F33.1"}]}}}""";
        call["prefetch"] = new JsonObject
        {
            ["patient"] = patient,
            ["conditions"] = JsonNode.Parse("""{"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [""" + Mdd + "]}"),
            ["observations"] = JsonNode.Parse("""{"resourceType": "Bundle", "type": "searchset", "total": 0}"""),
            ["more"] = JsonNode.Parse("""
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "AllergyIntolerance", "id": "al-1", "patient": {"reference": "Patient/qa158-keys"}, "code": {"text": "Penicillin"}}},
                  {"resource": {"resourceType": "MedicationStatement", "id": "ms-1", "status": "active", "subject": {"reference": "Patient/qa158-keys"}, "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "17767"}]}}}]}
                """),
        };

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = string.Join("\n", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray().Select(c => c!["detail"]!.GetValue<string>()));
        Assert.Contains("- `medicationRequests`: not sent.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("`allergies`: not sent", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("`medicationStatements`: not sent", detail, StringComparison.Ordinal);
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var gap = Assert.Single(HookOrigin.FromJson(answer.HookOriginJson!).PrefetchGaps!);
        Assert.Equal(("medicationRequests", "not-sent"), (gap.Key, gap.State));
    }

    [Fact]
    public async Task PatientView_OperationOutcomeWithFreeText_LogKeepsItsCodesButNotItsText()
    {
        // QA158 F13: an OperationOutcome's diagnostics and details.text are free text an EHR may fill with anything (a
        // patient's name in a failed search); the append-only log kept them, although nothing reads them.
        using var app = CdsHooksApp.Sqlite();
        var call = CdsHooksApp.ChartCall("qa158-oo", false);
        call["prefetch"]!["observations"] = JsonNode.Parse("""
            {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout",
             "details": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/operation-outcome", "code": "MSG_TIMEOUT"}], "text": "Search for Adamo Zyxwort timed out"},
             "diagnostics": "SELECT * FROM obs WHERE name = 'Adamo Zyxwort'", "expression": ["Observation"]}]}
            """);

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var fhir = HookOrigin.FromJson(answer.HookOriginJson!).FhirJson;
        Assert.DoesNotContain("Zyxwort", fhir, StringComparison.Ordinal);
        var issue = JsonNode.Parse(fhir)!["prefetch"]!["observations"]!["issue"]![0]!.AsObject();
        Assert.Equal(["severity", "code", "details", "expression"], issue.Select(p => p.Key));
        Assert.Equal("MSG_TIMEOUT", issue["details"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Null(issue["details"]!["text"]);
    }

    [Fact]
    public async Task PatientView_EveryTemplateKeySentAndComplete_SaysNotRecordedInTheChartAndLogsNoGaps()
    {
        // The edge: the same call with every key filled and complete is an empty chart, and says so as before.
        using var app = CdsHooksApp.Sqlite();
        var call = CdsHooksApp.ChartCall("qa123-full", false);
        const string Empty = """{"resourceType": "Bundle", "type": "searchset", "total": 0}""";
        call["prefetch"] = new JsonObject
        {
            ["patient"] = call["prefetch"]!["chart"]!["entry"]![0]!["resource"]!.DeepClone(),
            ["conditions"] = JsonNode.Parse(Empty),
            ["medicationRequests"] = JsonNode.Parse(Empty),
            ["medicationStatements"] = JsonNode.Parse(Empty),
            ["observations"] = JsonNode.Parse(Empty),
            ["allergies"] = JsonNode.Parse(Empty),
        };

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.EndsWith("items are not recorded in the chart", cards[^1]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("did not send", cards.ToJsonString(), StringComparison.Ordinal);
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        Assert.DoesNotContain("prefetchGaps", answer.HookOriginJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderSign_OrderCodedOnlyInNdcWithoutWords_AnswersAnInfoCardAndRecordsIt()
    {
        // F7: {"cards": []} and nothing recorded, as for an order the service knows is not ketamine.
        using var app = CdsHooksApp.Sqlite();
        var call = CdsHooksApp.ChartCall("qa123-ndc", true);
        call["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["medicationCodeableConcept"] = JsonNode.Parse("""{"coding": [{"system": "http://hl7.org/fhir/sid/ndc", "code": "50458-0028-02"}]}""");

        using var response = await app.PostAsync(OrderSign, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        Assert.Equal("info", card["indicator"]!.GetValue<string>());
        Assert.Equal("Ketamine screening: the medicine of a draft order could not be identified", card["summary"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains("- context.draftOrders, entry 0, `http://hl7.org/fhir/sid/ndc|50458-0028-02`", detail, StringComparison.Ordinal);
        Assert.Contains("Cites: P-SAFETY-REMS", detail, StringComparison.Ordinal);
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        Assert.Contains(answer.Id.ToString(), detail, StringComparison.Ordinal);
        Assert.Equal(Guid.Parse(card["uuid"]!.GetValue<string>()), Assert.Single(HookOrigin.FromJson(answer.HookOriginJson!).CardUuids));
    }

    [Fact]
    public async Task OrderSign_AmlodipineOrder_StaysSilentAndRecordsNothing()
    {
        // The edge: an order the service identifies as another medicine still gets no cards.
        using var app = CdsHooksApp.Sqlite();

        using var response = await app.PostAsync(OrderSign, CdsHooksApp.Sample("order-sign-amlodipine").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray());
        Assert.Equal(0, await app.DecisionLogCountAsync());
    }
}
