using System.Text.Encodings.Web;
using System.Text.Json;

namespace KetamineCds.Web.Audit;

/// <summary>Stored JSON indented for reading on the audit pages; the stored text itself is what was hashed.</summary>
public static class AuditJson
{
    /// <summary>
    /// Indented, with every character as it is (QA318 F4: the default encoder wrote a Chinese note as <c>\u4E2D…</c>). Safe
    /// here: the text is shown inside a <c>pre</c>, where Razor HTML-encodes it, never in a script.
    /// </summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON indented, or the text as it is when it is not JSON.</summary>
    public static string Pretty(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>
    /// A stored contract JSON value as <see cref="Screenings.Display.Value"/> reads it: <c>true</c>, <c>active</c>,
    /// <c>alcohol, ketamine-or-pcp</c>, a number as written.
    /// </summary>
    public static string ContractText(string json)
    {
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement;
        return value.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())),
            _ => value.GetRawText(),
        };
    }
}
