using System.Buffers;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The lossless export of the decision log for the auditor's filter (QA14a P3): JSON Lines, one object per log entry of
/// every type (screenings, CDS Hooks answers, overrides), in sequence order, each with every field the chain hashes
/// exactly as stored (the input as submitted, the history evaluated, the assessment shown, the CDS Hooks origin, as the
/// JSON texts they are stored as), its <c>hash</c> and its <c>previousHash</c>, so that an auditor can recompute every
/// entry's hash offline (docs/operations.md, scripts/verify-decision-log.py) and, where two consecutive entries are
/// both in the file, check that they join. A filtered export leaves other entries out, so its links are checked only
/// between consecutive sequences; each entry's own hash, which covers its previous hash, is checked always.
/// As the CSV: the filter is validated, the export recorded in the access log and the first entry read before the
/// response starts (a 400 with a field message, a 503 or a 409, never a 200 with half a file); then streamed, flushed every
/// 200 entries, never held in memory; <c>Cache-Control: no-store</c>; the <c>Last-Full-Verification</c> header
/// (<see cref="LastFullVerificationResponse"/>).
/// </summary>
public static class AuditJsonLinesExport
{
    public const string ContentType = "application/x-ndjson";

    public static async Task<IResult> ExportAsync(HttpContext context, AuditFilterInput input, IDecisionLogAudit audit, IAccessAudit access)
    {
        if (await AuditEndpoints.RefusedExportAsync(context, input.Validate(context.Request.Query), access, "decision-log", Detail(input)) is { } refused)
        {
            return refused;
        }

        var cancellationToken = context.RequestAborted;
        var filter = input.ToFilter(context.RequestServices.GetRequiredService<ClinicCalendar>());
        await using var e = audit.EntriesAsync(filter, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var (more, failure) = await Csv.FirstRowAsync(e);
        if (failure is not null)
        {
            return AuditEndpoints.LogFailed(context, failure);
        }

        // When the log was last verified in full, as the auditor's list says it above the same entries (QA284 F3): in a
        // header, as every line of the file is an entry that scripts/verify-decision-log.py re-hashes.
        await LastFullVerificationResponse.AddHeaderAsync(context);
        var response = context.Response;
        response.ContentType = ContentType + "; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{ExportFileName.Now(context, ExportFileName.DecisionLog, "jsonl")}\"";
        response.Headers.CacheControl = "no-store";
        // One entry at a time is written to a buffer, then to the response (asynchronously: the server allows no
        // synchronous writes); only the entry being written is in memory.
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        await using var json = new Utf8JsonWriter(buffer, WriterOptions);
        var count = 0;
        for (; more; more = await e.MoveNextAsync())
        {
            Write(json, e.Current);
            json.Flush();
            buffer.Write("\n"u8);
            await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            if (++count % 200 == 0)
            {
                await response.Body.FlushAsync(cancellationToken);
            }
        }

        await response.Body.FlushAsync(cancellationToken);
        return Results.Empty;
    }

    /// <summary>
    /// Text as it is stored: a Chinese correction reason (a text column) is in the file as characters, not <c>\uXXXX</c>
    /// (QA119 F7). Only the file's escaping changes: a string value reads back as the same text, and the hash is over that
    /// stored text (ChainHash, scripts/verify-decision-log.py), never over the exported bytes. The stored JSON texts (the
    /// input, the history, the assessment: a note, an override's explanation) are exported exactly as stored, and the app
    /// stores them with the characters beyond ASCII escaped, so those stay escaped inside them. The file is a download
    /// (<c>attachment</c>, <c>application/x-ndjson</c>), never put into an HTML page or a script, so the HTML-sensitive
    /// characters the default encoder escapes need no escaping; control characters and quotes are still escaped.
    /// </summary>
    internal static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What the export's access event records as its detail: "jsonl", then the filter if there is one.</summary>
    public static string Detail(AuditFilterInput input) => input.ToString() is { Length: > 0 } text ? "jsonl; " + text : "jsonl";

    /// <summary>
    /// One entry as one JSON object: the fields the chain hashes (<see cref="ChainHash.DecisionFields"/>, the same list the
    /// hash reads) under the names it hashes them by, in its order, each exactly as hashed (null where null), then its hash.
    /// </summary>
    internal static void Write(Utf8JsonWriter json, DecisionLogEntry entry)
    {
        json.WriteStartObject();
        foreach (var field in ChainHash.DecisionFields)
        {
            var text = field.Text(entry);
            if (field.IsNumber && text is not null)
            {
                json.WritePropertyName(field.Name);
                json.WriteRawValue(text);
            }
            else
            {
                json.WriteString(field.Name, text);
            }
        }

        json.WriteString("hash", entry.Hash);
        json.WriteEndObject();
    }
}
