using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Infrastructure.Json;

/// <summary>
/// The contract's screening body (<c>{id, recordedAt, recordedBy, ruleSet, overall, pathways, findings, input}</c>, and
/// after <c>recordedBy</c> on a re-screen only, <c>rescreenOf</c>: the earlier screening it started from; on a correction
/// only, <c>corrects</c> and <c>correctionReason</c>: the screening it corrects and why; and, when given the later
/// screenings of a screening that has any, <c>laterEntries</c> and <c>unreadableLaterEntries</c>: what re-screened or
/// corrected it since; and then, when the screening has any, <c>overrides</c>: the clinicians' decisions against its
/// recommendation, oldest first (the last is in force); and last, when the API gives one, <c>notice</c>: the statement that the app supports, and never
/// replaces, the clinician's judgement, in the request's language: presentation only, never stored or hashed; and after
/// it, when the API gives one, <c>ruleSetNotice</c>: the warning that the entry's rule set predates "not recorded is never
/// no", likewise presentation only)
/// written from what the decision log stored: the assessment and the input are spliced in verbatim, so the API
/// shows exactly the bytes that were hashed, never a re-serialization that could drift.
/// </summary>
public static class ScreeningResponseJson
{
    /// <summary>Where a screening is read in the API: a later entry's <c>link</c>, as the <c>Location</c> of a created one.</summary>
    public const string ApiPath = "/api/v1/screenings/";

    public static string Write(LoggedScreening screening, LaterScreenings? later = null, string? notice = null, string? ruleSetNotice = null) =>
        Encoding.UTF8.GetString(WriteUtf8(screening, later, notice, ruleSetNotice).Span);

    /// <summary>
    /// The body as UTF-8. The stored assessment is one JSON object; its members are copied as they are, between the
    /// header fields and the input, with no parse and re-write (which was the costliest step of a created screening's
    /// response). Anything else falls back to <see cref="Write(Utf8JsonWriter, LoggedScreening, LaterScreenings?, string?, string?)"/>.
    /// </summary>
    /// <param name="screening">The screening as the log stored it.</param>
    /// <param name="later">
    /// Its later screenings (<see cref="IDecisionLog.FindLaterScreeningsAsync(Guid, CancellationToken)"/>), written as <c>laterEntries</c> when there
    /// are any; null or none: the body says nothing of them (a screening just recorded has none).
    /// </param>
    /// <param name="notice">
    /// The statement the API adds to every screening body (<c>notice</c>, in the request's language); null: none. It is
    /// presentation, written after the stored entry is read, never part of what the log stored or hashed.
    /// </param>
    /// <param name="ruleSetNotice">
    /// The warning the API adds, after <c>notice</c>, to the body of a screening decided under a rule set that predates
    /// "not recorded is never no" (<c>ruleSetNotice</c>); null: none. Presentation, as the notice is.
    /// </param>
    public static ReadOnlyMemory<byte> WriteUtf8(LoggedScreening screening, LaterScreenings? later = null, string? notice = null, string? ruleSetNotice = null)
    {
        ArgumentNullException.ThrowIfNull(screening);
        var assessment = AssessmentText(screening).AsSpan().Trim();
        if (assessment.Length < 2 || assessment[0] != '{' || assessment[^1] != '}' || assessment[1..^1].IsWhiteSpace())
        {
            var buffer = new ArrayBufferWriter<byte>(((assessment.Length + screening.InputJson.Length) * 3 / 2) + 256);
            using var writer = new Utf8JsonWriter(buffer);
            Write(writer, screening, later, notice, ruleSetNotice);
            writer.Flush();
            return buffer.WrittenMemory;
        }

        // Sized once for the whole body: the header's room (the writer asks for HeaderRoom bytes at its first write), then
        // the spliced parts' exact UTF-8 length. Asking for each part's worst case (three bytes a character) instead grew
        // the buffer to about five times the body, an array of over 85,000 bytes (the large object heap, collected only
        // with generation 2) once an assessment passed about 17,000 characters (docs/benchmarks.md, 2026-11-30).
        var members = assessment[1..^1];
        var noticeJson = notice is null ? null : JsonSerializer.Serialize(notice);
        var ruleSetNoticeJson = ruleSetNotice is null ? null : JsonSerializer.Serialize(ruleSetNotice);
        var tail = Encoding.UTF8.GetByteCount(members) + Encoding.UTF8.GetByteCount(screening.InputJson)
            + (noticeJson is null ? 0 : NoticeName.Length + Encoding.UTF8.GetByteCount(noticeJson))
            + (ruleSetNoticeJson is null ? 0 : RuleSetNoticeName.Length + Encoding.UTF8.GetByteCount(ruleSetNoticeJson)) + InputName.Length + 2;
        var exact = new ArrayBufferWriter<byte>(HeaderRoom + tail);
        using (var writer = new Utf8JsonWriter(exact))
        {
            WriteHeader(writer, screening, later);
            writer.Flush(); // leaves the object open: {"id":..,"recordedAt":..,"recordedBy":..
        }

        Append(exact, ",");
        Append(exact, members);
        Append(exact, InputName);
        Append(exact, screening.InputJson);
        if (noticeJson is not null)
        {
            Append(exact, NoticeName);
            Append(exact, noticeJson);
        }

        if (ruleSetNoticeJson is not null)
        {
            Append(exact, RuleSetNoticeName);
            Append(exact, ruleSetNoticeJson);
        }

        Append(exact, "}");
        return exact.WrittenMemory;
    }

    public static void Write(Utf8JsonWriter writer, LoggedScreening screening, LaterScreenings? later = null, string? notice = null, string? ruleSetNotice = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(screening);
        WriteHeader(writer, screening, later);
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
        if (notice is not null)
        {
            writer.WriteString("notice", notice);
        }

        if (ruleSetNotice is not null)
        {
            writer.WriteString("ruleSetNotice", ruleSetNotice);
        }

        writer.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter writer, LoggedScreening screening, LaterScreenings? later)
    {
        writer.WriteStartObject();
        writer.WriteString("id", screening.Id);
        writer.WriteString("recordedAt", Instant(screening.RecordedAt));
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

        if (later is not null)
        {
            WriteLater(writer, later);
        }

        WriteOverrides(writer, screening.Overrides);
    }

    /// <summary>
    /// The clinicians' decisions against (or in spite of) the recommendation, <c>overrides</c>, oldest first as the log
    /// recorded them, so the last is the decision in force; before the assessment, so that a client reading
    /// <c>overall</c> has read first that a clinician decided otherwise (QA128 F3: an EHR read "eligible-with-cautions"
    /// and never the "do not proceed" its result page shows with the verdict). Each in the wire names the audit exports
    /// use (<c>overrideDecision</c>, <c>overrideReason</c>: <c>do-not-proceed</c>, <c>patient-preference</c>). Nothing at
    /// all when there are none. Each override is an entry of its own in the log, read with the screening: the
    /// screening's stored and hashed entry holds none of this.
    /// </summary>
    private static void WriteOverrides(Utf8JsonWriter writer, IReadOnlyList<LoggedOverride> overrides)
    {
        if (overrides.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("overrides");
        foreach (var o in overrides)
        {
            writer.WriteStartObject();
            writer.WriteString("id", o.Id);
            writer.WriteString("decision", OverrideWireNames.Of(o.Decision));
            writer.WriteString("reason", OverrideWireNames.Of(o.Reason));
            writer.WriteString("explanation", o.Explanation);
            writer.WriteString("recordedBy", o.RecordedBy.Email);
            writer.WriteString("recordedAt", Instant(o.RecordedAt));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The later screenings, newest first, before the assessment, so that a client reading an earlier screening learns
    /// first that it was re-screened or corrected (a correction says what this one should have said). Each names what its
    /// own body names (<c>rescreenOf</c> or <c>corrects</c> this id); a correction carries its reason. Entries that point
    /// here but cannot be read are named apart, never vouched for and never left out unsaid, as on the result page.
    /// </summary>
    private static void WriteLater(Utf8JsonWriter writer, LaterScreenings later)
    {
        if (later.Items.Count > 0)
        {
            writer.WriteStartArray("laterEntries");
            foreach (var item in later.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("id", item.Id);
                writer.WriteString("kind", WireNames.Of(item.Kind));
                writer.WriteString("recordedAt", Instant(item.RecordedAt));
                writer.WriteString("recordedBy", item.RecordedBy.Email);
                if (item.IsCorrection)
                {
                    writer.WriteString("correctionReason", item.CorrectionReason);
                }

                writer.WriteString("link", ApiPath + item.Id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteUnreadable(writer, "unreadableLaterEntries", later.Unreadable);
    }

    /// <summary>
    /// Entries that cannot be read, as the array <paramref name="propertyName"/> of <c>{id, sequence}</c>, named apart
    /// and never vouched for; nothing at all when there are none.
    /// </summary>
    public static void WriteUnreadable(Utf8JsonWriter writer, string propertyName, IReadOnlyCollection<UnreadableEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(propertyName);
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entry.Id);
            writer.WriteNumber("sequence", entry.Sequence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string AssessmentText(LoggedScreening screening) => string.IsNullOrEmpty(screening.AssessmentJson)
        ? JsonSerializer.Serialize(screening.Assessment, ContractJson.Options)
        : screening.AssessmentJson;

    /// <summary>
    /// Room for the header fields: Utf8JsonWriter asks its buffer for at least 4,096 bytes at its first write. A header
    /// longer than that (many later entries) grows the buffer once, as any ArrayBufferWriter grows.
    /// </summary>
    private const int HeaderRoom = 4096;

    private const string InputName = ",\"input\":";

    private const string NoticeName = ",\"notice\":";

    private const string RuleSetNoticeName = ",\"ruleSetNotice\":";

    /// <summary>Appends the text as UTF-8, asking the buffer for its exact length (not the worst case of three bytes a character).</summary>
    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<char> text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetByteCount(text));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
