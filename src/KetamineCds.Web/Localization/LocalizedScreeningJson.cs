using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace KetamineCds.Web.Localization;

/// <summary>
/// The screening API's bodies in the request's language. The decision log keeps the canonical English; on the way out
/// a Chinese request gets each finding's <c>summary</c> and <c>detail</c> translated (looked up by rule id and by the
/// hash of the English stored with that finding, so an older rule set's text keeps its own meaning). Nothing else
/// changes: ids, field names, enumeration values, the <c>because</c> values and the input stay as stored. An English
/// request gets the stored bytes untouched.
/// </summary>
public static class LocalizedScreeningJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Chinese as characters, not \u escapes; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>A screening body (<c>{..., findings: [...]}</c>) or a list (<c>{items: [...]}</c>) in the request's language.</summary>
    public static ReadOnlyMemory<byte> Localize(ReadOnlyMemory<byte> utf8Json, ClinicalText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ClinicalText.IsChinese)
        {
            return utf8Json;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json.Span);
        }
        catch (JsonException)
        {
            return utf8Json; // not ours to mend: the stored body is returned as it is
        }

        if (root is not JsonObject body)
        {
            return utf8Json;
        }

        if (body["items"] is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                LocalizeScreening(item, text);
            }
        }
        else
        {
            LocalizeScreening(body, text);
        }

        var buffer = new ArrayBufferWriter<byte>(utf8Json.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body.WriteTo(writer);
        }

        return buffer.WrittenMemory;
    }

    private static void LocalizeScreening(JsonObject screening, ClinicalText text)
    {
        if (screening["findings"] is not JsonArray findings)
        {
            return;
        }

        foreach (var finding in findings.OfType<JsonObject>())
        {
            if (StringOf(finding, "ruleId") is not { } ruleId)
            {
                continue;
            }

            if (StringOf(finding, "summary") is { } summary)
            {
                finding["summary"] = text.RuleSummary(ruleId, summary);
            }

            if (StringOf(finding, "detail") is { } detail)
            {
                finding["detail"] = text.RuleDetail(ruleId, detail);
            }
        }
    }

    private static string? StringOf(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
