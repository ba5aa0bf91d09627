using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// QA120 F1 and F3 through the hooks service: a newer chart entry the reader cannot read (a blood pressure in kPa, a PHQ-9
/// item 9 given as a LOINC answer code, an aneurysm coded in WHO ICD-10) no longer lets an older reading, or an earlier
/// screening's "no", stand in for it: the answer leaves the field not recorded and the card names the entry.
/// </summary>
public sealed class UnreadableChartEntriesTests
{
    private static string Ago(TimeSpan span, bool dateOnly = false) =>
        (DateTimeOffset.UtcNow - span).ToString(dateOnly ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string Panel(string id, TimeSpan ago, string systolic, string diastolic) => $$"""
        {"resourceType": "Observation", "id": "{{id}}", "status": "final", "subject": {"reference": "Patient/PATIENT"},
         "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]}, "effectiveDateTime": "{{Ago(ago)}}",
         "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {{systolic}}},
                       {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {{diastolic}}}]}
        """;

    [Fact]
    public async Task PatientView_NewerBloodPressureInKilopascals_DoesNotGiveTheOlderPair_AndTheCardNamesIt()
    {
        using var app = CdsHooksApp.Sqlite();
        // The clinician's screening of today recorded 120/80: it must not fill the pressure either.
        await app.RecordClinicianScreeningAsync("qa120-bp", "");
        var call = CdsHooksApp.ChartCall("qa120-bp", false,
            Panel("bp-early", TimeSpan.FromMinutes(2), """{"value": 124, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}""", """{"value": 78, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}"""),
            Panel("bp-late", TimeSpan.FromMinutes(1), """{"value": 25.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""", """{"value": 15.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}"""));

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.ToJsonString();
        Assert.Contains("Observation/bp-late", cards, StringComparison.Ordinal);
        // Helper 257: the card names the cause that applied, here the unit the screening does not read.
        Assert.Contains("which the screening does not read: it reads blood pressure only in millimetres of mercury", cards, StringComparison.Ordinal);
        var input = await HookInputAsync(app);
        Assert.Null(input["systolicBp"]);
        Assert.Null(input["diastolicBp"]);
    }

    [Fact]
    public async Task PatientView_NewerItem9GivenAsALoincAnswerCode_DoesNotGiveTheOlderZero_AndTheCardNamesIt()
    {
        using var app = CdsHooksApp.Sqlite();
        var call = CdsHooksApp.ChartCall("qa120-i9", false,
            $$"""{"resourceType": "Observation", "id": "i9-old", "status": "final", "subject": {"reference": "Patient/PATIENT"}, "code": {"coding": [{"system": "http://loinc.org", "code": "44260-8"}]}, "effectiveDateTime": "{{Ago(TimeSpan.FromDays(10), true)}}", "valueInteger": 0}""",
            $$"""{"resourceType": "Observation", "id": "i9-new", "status": "final", "subject": {"reference": "Patient/PATIENT"}, "code": {"coding": [{"system": "http://loinc.org", "code": "44260-8"}]}, "effectiveDateTime": "{{Ago(TimeSpan.FromDays(2), true)}}", "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA6570-1", "display": "Nearly every day"}]} }""");

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.ToJsonString();
        Assert.Contains("Observation/i9-new", cards, StringComparison.Ordinal);
        var input = await HookInputAsync(app);
        Assert.Null(input["phq9Item9"]);
    }

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10", "I71.4")]
    [InlineData("urn:oid:2.16.840.1.113883.6.96", "432119003")]
    public async Task OrderSign_AneurysmCodedInASystemNoValueSetUses_IsNamed_AndTheEarlierNoDoesNotFillIt(string system, string code)
    {
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa120-aaa", "");
        var call = CdsHooksApp.ChartCall("qa120-aaa", true,
            $$"""{"resourceType": "Condition", "id": "c-aaa", "subject": {"reference": "Patient/PATIENT"}, "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]}, "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]}, "code": {"coding": [{"system": "{{system}}", "code": "{{code}}", "display": "Abdominal aortic aneurysm, without rupture"}]} }""");

        using var response = await app.PostAsync(OrderSign, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.ToJsonString();
        Assert.Contains("Condition/c-aaa", cards, StringComparison.Ordinal);
        var input = await HookInputAsync(app);
        Assert.Null(input["aneurysmalVascularDisease"]);
    }

    /// <summary>The input the hook answer recorded (a screening, or an incomplete answer's entry).</summary>
    private static async Task<JsonObject> HookInputAsync(CdsHooksApp app)
    {
        await using var db = app.Db();
        var hook = await db.DecisionLogEntries.SingleAsync(e => e.HookOriginJson != null);
        return JsonNode.Parse(hook.InputJson)!.AsObject();
    }
}
