using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Infrastructure.Json;

/// <summary>
/// The contract's screening body (<c>{id, recordedAt, recordedBy, ruleSet, overall, pathways, findings, input}</c>)
/// written from what the decision log stored: the assessment and the input are spliced in verbatim, so the API
/// shows exactly the bytes that were hashed, never a re-serialization that could drift.
/// </summary>
public static class ScreeningResponseJson
{
    public static string Write(LoggedScreening screening)
    {
        var buffer = new ArrayBufferWriter<byte>(screening.AssessmentJson.Length + screening.InputJson.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, screening);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, LoggedScreening screening)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(screening);
        writer.WriteStartObject();
        writer.WriteString("id", screening.Id);
        writer.WriteString("recordedAt", screening.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("recordedBy", screening.RecordedBy.Email);
        var assessment = string.IsNullOrEmpty(screening.AssessmentJson)
            ? JsonSerializer.Serialize(screening.Assessment, ContractJson.Options)
            : screening.AssessmentJson;
        using (var document = JsonDocument.Parse(assessment))
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }
        }

        writer.WritePropertyName("input");
        writer.WriteRawValue(screening.InputJson);
        writer.WriteEndObject();
    }
}
