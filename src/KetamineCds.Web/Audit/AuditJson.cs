using System.Text.Json;

namespace KetamineCds.Web.Audit;

/// <summary>Stored JSON indented for reading on the audit pages; the stored text itself is what was hashed.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

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
}
