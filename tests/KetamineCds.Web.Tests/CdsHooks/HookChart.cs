using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// The chart resources the CDS Hooks tests send (a Patient, a Condition, a scored Observation), shared instead of each
/// class writing its own copy, and the rescreens a hook answer recorded.
/// </summary>
internal static class HookChart
{
    /// <summary>Every card's indicator, summary and detail as one text, written to the test's output.</summary>
    public static string AllDetail(IReadOnlyList<KetamineCds.Web.CdsHooks.Card> cards, Xunit.Abstractions.ITestOutputHelper output)
    {
        var text = string.Join("\n\n", cards.Select(c => c.Indicator + " | " + c.Summary + "\n" + c.Detail));
        output.WriteLine(text);
        return text;
    }

    /// <summary>A FHIR dateTime in UTC to the second, as the hook tests' resources give their times.</summary>
    public static string At(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static JsonObject Patient(string id) => new() { ["resourceType"] = "Patient", ["id"] = id };

    /// <summary>An active Condition coded in ICD-10-CM, <paramref name="verification"/> as given (confirmed unless said).</summary>
    public static JsonObject Condition(string id, string patient, string code, string verification = "confirmed", string? onset = null)
    {
        var condition = new JsonObject
        {
            ["resourceType"] = "Condition",
            ["id"] = id,
            ["clinicalStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/condition-clinical", ["code"] = "active" }) },
            ["verificationStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/condition-ver-status", ["code"] = verification }) },
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://hl7.org/fhir/sid/icd-10-cm", ["code"] = code }) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patient },
        };
        if (onset is not null)
        {
            condition["onsetDateTime"] = onset;
        }

        return condition;
    }

    /// <summary>A confirmed, active recurrent major depressive disorder (ICD-10-CM F33.1), <c>Condition/c-mdd</c>.</summary>
    public static JsonObject Mdd(string patient) => Condition("c-mdd", patient, "F33.1");

    /// <summary>A final LOINC-coded score (<c>valueInteger</c>) taken at <paramref name="taken"/>, or with no time taken at all when null.</summary>
    public static JsonObject Score(string patient, string id, string loinc, int score, DateTimeOffset? taken)
    {
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = "final",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = loinc }) },
            ["valueInteger"] = score,
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patient },
        };
        if (taken is { } at)
        {
            observation["effectiveDateTime"] = At(at);
        }

        return observation;
    }

    /// <summary>The screenings KetamineCds completed from the chart (rescreens), their input.</summary>
    public static async Task<List<JsonElement>> RescreensAsync(HttpClient api, string patient)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/screenings?patientReference={patient}");
        return [.. list.GetProperty("items").EnumerateArray()
            .Where(i => i.TryGetProperty("rescreenOf", out var of) && of.ValueKind != JsonValueKind.Null)
            .Select(i => i.GetProperty("input").Clone())];
    }
}
