using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Infrastructure.Json;

/// <summary>
/// The contract's screening body (<c>{id, recordedAt, recordedBy, ruleSet, overall, pathways, findings, input}</c>, and
/// after <c>recordedBy</c> on a re-screen only, <c>rescreenOf</c>: the earlier screening it started from; on a correction
/// only, <c>corrects</c> and <c>correctionReason</c>: the screening it corrects and why)
/// written from what the decision log stored: the assessment and the input are spliced in verbatim, so the API
/// shows exactly the bytes that were hashed, never a re-serialization that could drift.
/// </summary>
public static class ScreeningResponseJson
{
    public static string Write(LoggedScreening screening) => Encoding.UTF8.GetString(WriteUtf8(screening).Span);

    /// <summary>
    /// The body as UTF-8. The stored assessment is one JSON object; its members are copied as they are, between the
    /// header fields and the input, with no parse and re-write (which was the costliest step of a created screening's
    /// response). Anything else falls back to <see cref="Write(Utf8JsonWriter, LoggedScreening)"/>.
    /// </summary>
    public static ReadOnlyMemory<byte> WriteUtf8(LoggedScreening screening)
    {
        ArgumentNullException.ThrowIfNull(screening);
        var assessment = AssessmentText(screening).AsSpan().Trim();
        var buffer = new ArrayBufferWriter<byte>(((assessment.Length + screening.InputJson.Length) * 3 / 2) + 256);
        if (assessment.Length < 2 || assessment[0] != '{' || assessment[^1] != '}' || assessment[1..^1].IsWhiteSpace())
        {
            using var writer = new Utf8JsonWriter(buffer);
            Write(writer, screening);
            writer.Flush();
            return buffer.WrittenMemory;
        }

        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteHeader(writer, screening);
            writer.Flush(); // leaves the object open: {"id":..,"recordedAt":..,"recordedBy":..
        }

        Append(buffer, ",");
        Append(buffer, assessment[1..^1]);
        Append(buffer, ",\"input\":");
        Append(buffer, screening.InputJson);
        Append(buffer, "}");
        return buffer.WrittenMemory;
    }

    public static void Write(Utf8JsonWriter writer, LoggedScreening screening)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(screening);
        WriteHeader(writer, screening);
        var assessment = AssessmentText(screening);
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

    private static void WriteHeader(Utf8JsonWriter writer, LoggedScreening screening)
    {
        writer.WriteStartObject();
        writer.WriteString("id", screening.Id);
        writer.WriteString("recordedAt", screening.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("recordedBy", screening.RecordedBy.Email);
        if (screening.RescreenOf is { } earlier)
        {
            writer.WriteString("rescreenOf", earlier);
        }

        if (screening.Corrects is { } corrected)
        {
            writer.WriteString("corrects", corrected);
            writer.WriteString("correctionReason", screening.CorrectionReason);
        }
    }

    private static string AssessmentText(LoggedScreening screening) => string.IsNullOrEmpty(screening.AssessmentJson)
        ? JsonSerializer.Serialize(screening.Assessment, ContractJson.Options)
        : screening.AssessmentJson;

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<char> text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
