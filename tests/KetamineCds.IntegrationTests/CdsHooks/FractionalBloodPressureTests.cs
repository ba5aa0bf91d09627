using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// A chart blood pressure with a fraction (140.4 mmHg) was rounded to the nearest whole number, 140, so CV-002 ("above
/// 140/90", R15, SPRAVATO-PI-US) did not fire although the reading is above 140. Every blood pressure rule is an upper
/// threshold: the reader now rounds up, the safer reading (docs/clinical-review.md), and the card and the prefilled form
/// show the value as the chart gave it beside the value read.
/// </summary>
public sealed class FractionalBloodPressureTests
{
    private static string Panel(string id, string systolic, string diastolic)
    {
        var when = (DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return $$$"""
            {"resourceType": "Observation", "id": "{{{id}}}", "status": "final", "subject": {"reference": "Patient/PATIENT"},
             "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]}, "effectiveDateTime": "{{{when}}}",
             "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": {{{systolic}}}, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": {{{diastolic}}}, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}
            """;
    }

    private static async Task<(JsonArray Cards, JsonObject Input)> AnswerAsync(CdsHooksApp app, string patient, string systolic, string diastolic, string? acceptLanguage = null)
    {
        // The clinician's screening records everything but the blood pressure, which the chart gives.
        await app.RecordClinicianScreeningAsync(patient, "\"systolicBp\":null,\"diastolicBp\":null");
        using var response = await app.PostAsync(PatientView, ChartCall(patient, false, Panel("bp", systolic, diastolic)).ToJsonString(), acceptLanguage: acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        await using var db = app.Db();
        var entry = await db.DecisionLogEntries.OrderBy(e => e.Sequence).LastAsync(e => e.HookOriginJson != null);
        return (cards, JsonNode.Parse(entry.InputJson)!.AsObject());
    }

    private static bool Names(JsonArray cards, string ruleId) =>
        cards.Any(c => c!["detail"]!.GetValue<string>().Contains("Rule " + ruleId + ".", StringComparison.Ordinal));

    [Fact]
    public async Task PatientView_Systolic140Point4_IsReadAs141_CV002Fires_AndTheCardShowsTheValueAsGiven()
    {
        using var app = CdsHooksApp.Sqlite();

        var (cards, input) = await AnswerAsync(app, "bp-140-4", "140.4", "80");

        Assert.Equal(141, input["systolicBp"]!.GetValue<int>());
        Assert.Equal(80, input["diastolicBp"]!.GetValue<int>());
        Assert.True(Names(cards, "CV-002"), "CV-002 (above 140/90) must fire on 140.4 mmHg: " + cards.ToJsonString());
        Assert.False(Names(cards, "CV-003"));
        var first = cards[0]!["detail"]!.GetValue<string>();
        Assert.Contains(
            "**Read from the chart with a fraction, rounded up to a whole number:**\n\n- Systolic blood pressure: the chart gives 140.4 mmHg (Observation/bp); read as 141 mmHg.\n\n"
                + "Blood pressure is read as a whole number, rounded up, never down",
            first,
            StringComparison.Ordinal);
        Assert.Contains("Cites: P-SAFETY-REMS, SPRAVATO-PI-US.", first, StringComparison.Ordinal);
        // A whole diastolic is not named as rounded.
        Assert.DoesNotContain("Diastolic blood pressure: the chart gives", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_Systolic139Point6_IsReadAs140_NoCaution_AndTheRoundingIsStillShown()
    {
        using var app = CdsHooksApp.Sqlite();

        var (cards, input) = await AnswerAsync(app, "bp-139-6", "139.6", "80");

        Assert.Equal(140, input["systolicBp"]!.GetValue<int>());
        Assert.False(Names(cards, "CV-002"), "140 is not above 140: " + cards.ToJsonString());
        Assert.Contains("- Systolic blood pressure: the chart gives 139.6 mmHg (Observation/bp); read as 140 mmHg.", cards[0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_Systolic179Point2_IsReadAs180_AndDefersTheSession_TheSaferReading()
    {
        // 179.2 is below 180; read as 180 it defers today's session (CV-003). Rounding up errs towards deferring: the card
        // says what the chart gave, so the clinician can weigh it.
        using var app = CdsHooksApp.Sqlite();

        var (cards, input) = await AnswerAsync(app, "bp-179-2", "179.2", "100");

        Assert.Equal(180, input["systolicBp"]!.GetValue<int>());
        var critical = Assert.Single(cards, c => c!["indicator"]!.GetValue<string>() == "critical")!;
        Assert.Contains("Rule CV-003.", critical["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("- Systolic blood pressure: the chart gives 179.2 mmHg (Observation/bp); read as 180 mmHg.", critical["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Names(cards, "CV-002"));
    }

    [Fact]
    public async Task PatientView_InChinese_TheRoundingIsSaidInChinese()
    {
        using var app = CdsHooksApp.Sqlite();

        var (cards, _) = await AnswerAsync(app, "bp-zh", "140.4", "90.2", acceptLanguage: "zh-CN");

        var first = cards[0]!["detail"]!.GetValue<string>();
        Assert.Contains("**病历中带小数的数值，已向上取整为整数：**", first, StringComparison.Ordinal);
        Assert.Contains("：病历记录为 140.4 mmHg（Observation/bp）；按 141 mmHg 读取。", first, StringComparison.Ordinal);
        Assert.Contains("：病历记录为 90.2 mmHg（Observation/bp）；按 91 mmHg 读取。", first, StringComparison.Ordinal);
        Assert.Contains("血压按整数读取，只向上取整", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rounded up", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ScreeningIncomplete_ThePrefilledFormShowsTheValueAsGivenBesideTheQuestion()
    {
        using var app = CdsHooksApp.Sqlite();
        using var response = await app.PostAsync(PatientView, ChartCall("bp-form", false, Panel("bp", "140.4", "80")).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var link = Assert.Single(answer["cards"]!.AsArray(), c => c!["links"] is not null)!;
        Assert.Contains("- Systolic blood pressure: the chart gives 140.4 mmHg (Observation/bp); read as 141 mmHg.", answer["cards"]![0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var psychiatrist = await app.SignInAsync("psychiatrist@demo.local");
        var html = await psychiatrist.GetStringAsync(new Uri(link["links"]![0]!["url"]!.GetValue<string>()).PathAndQuery);

        Assert.Matches("id=\"systolicBp\"[^>]*value=\"141\"", html);
        Assert.Contains("id=\"systolicBp-chart-rounded\"", html, StringComparison.Ordinal);
        Assert.Contains("The chart gives 140.4 mmHg (Observation/bp); it is filled in as 141, rounded up to a whole number", html, StringComparison.Ordinal);
        Assert.Matches("aria-describedby=\"[^\"]*systolicBp-chart-rounded", html);
        Assert.DoesNotContain("id=\"diastolicBp-chart-rounded\"", html, StringComparison.Ordinal);
    }
}
