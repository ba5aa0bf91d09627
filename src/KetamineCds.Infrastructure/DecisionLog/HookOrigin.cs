namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The CDS Hooks call behind a log entry: the client (its JWT <c>iss</c>), <c>context.userId</c> as who asked, the hook
/// and its <c>hookInstance</c>, the service called, the uuids of the cards answered, and the FHIR data the call gave,
/// verbatim. Stored (and hashed) with the entry.
/// </summary>
public sealed record HookOrigin(string Issuer, string UserId, string Hook, string HookInstance, string ServiceId, IReadOnlyList<Guid> CardUuids, string FhirJson)
{
    /// <summary>The origin as the JSON the log stores and hashes: fixed property order, the FHIR embedded as it came.</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("issuer", Issuer);
            writer.WriteString("userId", UserId);
            writer.WriteString("hook", Hook);
            writer.WriteString("hookInstance", HookInstance);
            writer.WriteString("service", ServiceId);
            writer.WriteStartArray("cards");
            foreach (var uuid in CardUuids)
            {
                writer.WriteStringValue(uuid.ToString("D"));
            }

            writer.WriteEndArray();
            writer.WritePropertyName("fhir");
            writer.WriteRawValue(FhirJson);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static HookOrigin FromJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        return new HookOrigin(
            root.GetProperty("issuer").GetString()!,
            root.GetProperty("userId").GetString()!,
            root.GetProperty("hook").GetString()!,
            root.GetProperty("hookInstance").GetString()!,
            root.GetProperty("service").GetString()!,
            root.GetProperty("cards").EnumerateArray().Select(c => c.GetGuid()).ToList(),
            root.GetProperty("fhir").GetRawText());
    }
}
