using System.Text.Json;
using System.Text.Unicode;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Api;

/// <summary>
/// Checks that a JSON body's text can be read as text at all: valid UTF-8, and no escaped lone surrogate
/// (<c>"\uD800"</c>) in a string or a property name. System.Text.Json parses such a body but throws when the string
/// is read, which would be a 500; the API answers 400 with this message instead.
/// </summary>
public static class JsonBodyText
{
    /// <summary>A message saying what is wrong with the body's text, or null when it is fine (or not JSON at all, which the reader reports).</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return ClinicalText.Shared.Message("Json.NotUtf8");
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return ClinicalText.Shared.Message("Json.LoneSurrogate", reader.TokenStartIndex + 1);
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
