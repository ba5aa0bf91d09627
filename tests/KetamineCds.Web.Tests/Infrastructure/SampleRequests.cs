using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>Screening requests in the contract's JSON spelling.</summary>
public static class SampleRequests
{
    /// <summary>A valid adult with treatment-resistant depression and nothing else recorded.</summary>
    public static JsonObject Trd(string patientReference = "MRN-1001") => new()
    {
        ["patientReference"] = patientReference,
        ["ageYears"] = 45,
        ["sexAtBirth"] = "male",
        ["primaryDiagnosis"] = "mdd",
        ["currentDepressiveEpisode"] = true,
        ["failedAdequateTrials"] = 3,
        ["distinctMechanisms"] = 2,
        ["onOralAntidepressant"] = true,
        ["psychosis"] = "none",
        ["suicidality"] = "none",
        ["systolicBp"] = 128,
        ["diastolicBp"] = 82,
    };

    /// <summary>The same request with one field changed (null removes it).</summary>
    public static JsonObject With(this JsonObject request, string field, JsonNode? value)
    {
        var copy = (JsonObject)request.DeepClone();
        if (value is null)
        {
            copy.Remove(field);
        }
        else
        {
            copy[field] = value;
        }

        return copy;
    }
}
