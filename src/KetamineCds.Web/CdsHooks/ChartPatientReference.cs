using System.Text.Json;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// The patient reference a hook answer is filed under (QA158 F4). The screening contract's <c>patientReference</c> is the
/// clinic's medical record number, the reference the form and the API file screenings under; an EHR's
/// <c>context.patientId</c> is its FHIR id, which is usually another value. Where the client's configuration names the
/// identifier system of the record number (<see cref="CdsHookCaller.PatientIdentifierSystem"/>), the answer is filed under
/// the value the call's Patient resource holds in that system, so that it is found beside the clinician's screenings and
/// a recent screening's answers fill the chart's gaps. Otherwise, or where the Patient resource gives no single such value
/// that fits the contract, it is filed under the FHIR id, as before.
/// </summary>
public static class ChartPatientReference
{
    /// <summary>Filed under the FHIR id because the client names no identifier system for the record number (QA295 F1).</summary>
    public const string NoSystem = "no-system";

    /// <summary>Filed under the FHIR id because the Patient resource holds no single fitting value in the client's system.</summary>
    public const string NoRecordNumber = "no-record-number";

    /// <summary>
    /// Why the answer is filed under the FHIR id rather than a record number (QA295 F1: the prefilled form says so beside
    /// the patient reference): <see cref="NoSystem"/> or <see cref="NoRecordNumber"/>; null when the record number was read.
    /// </summary>
    public static string? FhirIdBecause(IEnumerable<KeyValuePair<string, JsonElement>> prefetch, string patientId, string? system, Func<string, bool> fitsTheContract) =>
        system is null ? NoSystem
        : RecordNumber(prefetch, patientId, system, fitsTheContract) is null ? NoRecordNumber
        : null;

    /// <summary>The record number of <paramref name="patientId"/> in <paramref name="system"/>, or null (see the class).</summary>
    public static string? RecordNumber(IEnumerable<KeyValuePair<string, JsonElement>> prefetch, string patientId, string? system, Func<string, bool> fitsTheContract)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        ArgumentNullException.ThrowIfNull(fitsTheContract);
        if (system is null)
        {
            return null;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, resource) in prefetch)
        {
            Collect(resource, patientId, system, values);
        }

        // Two different record numbers in the one system (two Patient resources disagreeing) name no single patient.
        return values.Count == 1 && values.Single() is var value && fitsTheContract(value) ? value : null;
    }

    private static void Collect(JsonElement resource, string patientId, string system, HashSet<string> values)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return;
        }

        if (type.ValueEquals("Bundle") && resource.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var inner))
                {
                    Collect(inner, patientId, system, values);
                }
            }
        }
        else if (type.ValueEquals("Patient") && resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.ValueEquals(patientId)
            && resource.TryGetProperty("identifier", out var identifiers) && identifiers.ValueKind == JsonValueKind.Array)
        {
            foreach (var identifier in identifiers.EnumerateArray())
            {
                if (identifier.ValueKind == JsonValueKind.Object
                    && identifier.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String && s.ValueEquals(system)
                    && identifier.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                {
                    values.Add(v.GetString()!);
                }
            }
        }
    }
}
