using System.Globalization;
using System.Text.Json;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// What a CDS Hooks card's prefill holds: the screening input (contract JSON) the form opens with and, when the EHR's
/// answer was completed from a screening a clinician recorded in KetamineCds, that screening, the day its answers were
/// recorded and the fields it filled. The form marks the chart's answers and the earlier screening's apart, so that each
/// is checked against its own source. Stored as <c>{"input": {...}, "carriedFrom": {...}}</c>; a prefill stored as the
/// bare input (before the envelope existed, or with nothing carried) is all the chart's.
/// </summary>
/// <param name="InputJson">The screening input, contract JSON.</param>
/// <param name="CarriedFrom">The screening a clinician recorded whose answers completed the chart's, or null.</param>
/// <param name="CarriedOn">The clinic's day those answers were recorded (with <paramref name="CarriedFrom"/>).</param>
/// <param name="Carried">The contract names of the fields taken from that screening.</param>
public sealed record PrefillContent(string InputJson, Guid? CarriedFrom, DateOnly? CarriedOn, IReadOnlySet<string> Carried)
{
    private static readonly HashSet<string> None = [];

    /// <summary>
    /// The chart entries the reader named for checking (<see cref="KetamineCds.Fhir.FhirReading.ToCheck"/>, QA13 H3 and
    /// M4), by field: the chart's words and the resource, shown beside the question. Stored as
    /// <c>"toCheck": [{"field", "what", "reference"}]</c>.
    /// </summary>
    public IReadOnlyList<(string Field, string What, string Reference)> ToCheck { get; init; } = [];

    /// <summary>
    /// The chart values with a fraction the input holds as whole numbers (<see cref="KetamineCds.Fhir.FhirReading.Rounded"/>:
    /// a blood pressure of 140.4 mmHg filled in as 141, rounded up), by field: the value as the chart gave it (as written,
    /// invariant), the whole number filled in and the entry, shown beside the question so that the rounding is never
    /// hidden. Stored as <c>"rounded": [{"field", "given", "readAs", "reference"}]</c>.
    /// </summary>
    public IReadOnlyList<(string Field, string Given, int ReadAs, string Reference)> Rounded { get; init; } = [];

    /// <summary>
    /// Why the input's patient reference is the EHR's FHIR Patient id rather than the clinic's record number (QA295 F1):
    /// <see cref="ChartPatientReference.NoSystem"/> (the client names no identifier system for it) or
    /// <see cref="ChartPatientReference.NoRecordNumber"/> (the Patient resource holds no single one in that system); null
    /// when it is the record number, and for a prefill stored before this was kept. The form says so beside the
    /// reference. Stored as <c>"patientReferenceIsFhirId": "no-system"</c>.
    /// </summary>
    public string? FhirIdBecause { get; init; }

    /// <summary>
    /// The stored form of a prefill: the bare input when nothing was carried, nothing is to check, nothing was rounded and
    /// the reference is not a FHIR id standing in for the record number, else the envelope.
    /// </summary>
    public static string Write(string inputJson, Guid? carriedFrom, DateOnly? carriedOn, IEnumerable<string> carried, IReadOnlyList<KetamineCds.Fhir.ChartEntryToCheck>? toCheck = null, IReadOnlyList<KetamineCds.Fhir.RoundedValue>? rounded = null, string? fhirIdBecause = null)
    {
        var fields = carried.ToList();
        var carries = carriedFrom is not null && carriedOn is not null && fields.Count > 0;
        if (!carries && (toCheck is null || toCheck.Count == 0) && (rounded is null || rounded.Count == 0) && fhirIdBecause is null)
        {
            return inputJson;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("input");
            writer.WriteRawValue(inputJson);
            if (fhirIdBecause is not null)
            {
                writer.WriteString("patientReferenceIsFhirId", fhirIdBecause);
            }

            if (toCheck is { Count: > 0 })
            {
                writer.WriteStartArray("toCheck");
                foreach (var entry in toCheck)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", entry.Field);
                    writer.WriteString("what", entry.What);
                    writer.WriteString("reference", entry.Reference);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (rounded is { Count: > 0 })
            {
                writer.WriteStartArray("rounded");
                foreach (var value in rounded)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", value.Field);
                    writer.WriteString("given", value.Given.ToString(CultureInfo.InvariantCulture));
                    writer.WriteNumber("readAs", value.ReadAs);
                    writer.WriteString("reference", value.Reference);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (carries)
            {
                writer.WriteStartObject("carriedFrom");
                writer.WriteString("screening", carriedFrom.GetValueOrDefault().ToString("D"));
                writer.WriteString("recordedOn", carriedOn.GetValueOrDefault().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteStartArray("fields");
                foreach (var field in fields)
                {
                    writer.WriteStringValue(field);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a stored prefill (the envelope, or a bare input: all the chart's).</summary>
    public static PrefillContent Read(string stored)
    {
        try
        {
            using var document = JsonDocument.Parse(stored);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object)
            {
                List<(string, string, string)> toCheck = [];
                if (root.TryGetProperty("toCheck", out var checks) && checks.ValueKind == JsonValueKind.Array)
                {
                    toCheck = [.. checks.EnumerateArray()
                        .Where(c => c.ValueKind == JsonValueKind.Object)
                        .Select(c => (Text(c, "field"), Text(c, "what"), Text(c, "reference")))
                        .Where(c => c.Item1 is not null && c.Item2 is not null && c.Item3 is not null)
                        .Select(c => (c.Item1!, c.Item2!, c.Item3!))];
                }

                List<(string, string, int, string)> rounded = [];
                if (root.TryGetProperty("rounded", out var roundedValues) && roundedValues.ValueKind == JsonValueKind.Array)
                {
                    rounded = [.. roundedValues.EnumerateArray()
                        .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("readAs", out var readAs) && readAs.ValueKind == JsonValueKind.Number && readAs.TryGetInt32(out _))
                        .Select(r => (Text(r, "field"), Text(r, "given"), r.GetProperty("readAs").GetInt32(), Text(r, "reference")))
                        .Where(r => r.Item1 is not null && r.Item2 is not null && r.Item4 is not null)
                        .Select(r => (r.Item1!, r.Item2!, r.Item3, r.Item4!))];
                }

                var fhirId = Text(root, "patientReferenceIsFhirId") switch
                {
                    ChartPatientReference.NoSystem => ChartPatientReference.NoSystem,
                    ChartPatientReference.NoRecordNumber => ChartPatientReference.NoRecordNumber,
                    _ => null,
                };
                if (root.TryGetProperty("carriedFrom", out var from) && from.ValueKind == JsonValueKind.Object
                    && from.TryGetProperty("screening", out var id) && Guid.TryParse(id.GetString(), out var screening)
                    && from.TryGetProperty("recordedOn", out var on) && DateOnly.TryParseExact(on.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    && from.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
                {
                    var carried = fields.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToHashSet(StringComparer.Ordinal);
                    return new PrefillContent(input.GetRawText(), screening, day, carried) { ToCheck = toCheck, Rounded = rounded, FhirIdBecause = fhirId };
                }

                return new PrefillContent(input.GetRawText(), null, null, None) { ToCheck = toCheck, Rounded = rounded, FhirIdBecause = fhirId };
            }
        }
        catch (JsonException)
        {
            // Read as the bare input: the screening reader says what it cannot read.
        }

        return new PrefillContent(stored, null, null, None);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
