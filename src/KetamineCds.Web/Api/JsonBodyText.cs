using System.Text.Json;
using System.Text.Unicode;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Api;

/// <summary>
/// Checks that a JSON body's text can be read as text at all: valid UTF-8, no second byte-order mark (the first is taken
/// off by <see cref="WithoutByteOrderMark"/>), and no escaped lone surrogate (<c>"\uD800"</c>) in a string or a property
/// name. System.Text.Json parses such a body but throws when the string is read, which would be a 500; the API answers
/// 400 with this message instead.
/// </summary>
public static class JsonBodyText
{
    /// <summary>The UTF-8 byte-order mark, EF BB BF, that Windows tools put before a JSON body.</summary>
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The body without one leading UTF-8 byte-order mark: RFC 8259 (section 8.1) lets a parser ignore it, and
    /// System.Text.Json's readers of bytes do not, so each endpoint that reads a JSON body calls this first (the same
    /// array when there is none). A second mark is left, for <see cref="Problem(ReadOnlySpan{byte})"/> to name.
    /// </summary>
    public static byte[] WithoutByteOrderMark(byte[] body) => body.AsSpan().StartsWith(ByteOrderMark) ? body[ByteOrderMark.Length..] : body;

    /// <summary>A message saying what is wrong with the body's text, or null when it is fine (or not JSON at all, which the reader reports).</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return ClinicalText.Shared.Message("Json.NotUtf8");
        }

        if (utf8Json.StartsWith(ByteOrderMark))
        {
            return ClinicalText.Shared.Message("Json.ByteOrderMark");
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

    /// <summary>
    /// As <see cref="Problem(ReadOnlySpan{byte})"/>, and where: <paramref name="path"/> names the string that cannot be
    /// read (<c>context.userId</c>, <c>prefetch.patient.name[0].family</c>; a property name as its object's path and
    /// "(a property name)"), so that a caller that is not a person's form (a CDS Hooks client) is told which field.
    /// In the same walk, when every string can be read, <paramref name="repeatedProperty"/> is the path of the first
    /// property given twice in one JSON object (<c>context.patientId</c>,
    /// <c>prefetch.chart.entry[1].resource.verificationStatus</c>), or null when there is none. RFC 8259 leaves such an
    /// object's meaning to the reader: one reader takes the first, another the last, and building a
    /// <see cref="System.Text.Json.Nodes.JsonObject"/> from it throws (QA180 F1). A caller that is not a person's form (a
    /// CDS Hooks client) is refused it whole, naming the property. A string that cannot be read wins, wherever it is; a
    /// body that stops being JSON after a repeated property still names the property (the reader reports the rest).
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> utf8Json, int maxDepth, out string? path, out string? repeatedProperty)
    {
        path = null;
        repeatedProperty = null;
        if (!Utf8.IsValid(utf8Json))
        {
            return ClinicalText.Shared.Message("Json.NotUtf8");
        }

        if (utf8Json.StartsWith(ByteOrderMark))
        {
            return ClinicalText.Shared.Message("Json.ByteOrderMark");
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth });
        var frames = new List<Frame>();
        string? repeated = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!TryRead(ref reader, out var name))
                        {
                            frames[^1] = frames[^1] with { Name = null };
                            path = Path(frames) + " (a property name)";
                            return ClinicalText.Shared.Message("Json.LoneSurrogate", reader.TokenStartIndex + 1);
                        }

                        frames[^1] = frames[^1] with { Name = name };
                        if (repeated is null && !frames[^1].Names!.Add(name!))
                        {
                            repeated = Path(frames);
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        NextValue(frames);

                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && !TryRead(ref reader, out _))
                        {
                            path = Path(frames);
                            return ClinicalText.Shared.Message("Json.LoneSurrogate", reader.TokenStartIndex + 1);
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            var isArray = reader.TokenType == JsonTokenType.StartArray;
                            frames.Add(new Frame(isArray, -1, null, isArray ? null : new HashSet<string>(StringComparer.Ordinal)));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            repeatedProperty = repeated;
            return null;
        }

        repeatedProperty = repeated;
        return null;
    }

    /// <summary>
    /// Why a reader with a depth limit of <paramref name="maxDepth"/> refused <paramref name="utf8Json"/>
    /// (<paramref name="refused"/>): valid JSON nested past the limit (<see cref="TooDeep"/>), or else "not valid JSON" at
    /// the first place the text stops being JSON (<see cref="WhereNotJson"/>). The screening API and sign-in say it alike.
    /// </summary>
    public static string NotRead(ReadOnlySpan<byte> utf8Json, int maxDepth, JsonException refused)
    {
        if (TooDeep(utf8Json, maxDepth) is { } tooDeep)
        {
            return tooDeep;
        }

        var (line, at) = WhereNotJson(utf8Json, refused);
        return ClinicalText.Shared.Message("Json.NotJson", line, at);
    }

    /// <summary>
    /// Where <paramref name="utf8Json"/> stops being JSON, read without a limit on its depth, as the 1-based line and byte
    /// in that line the "not valid JSON" message gives; <paramref name="refused"/>'s own position when the text reads to
    /// its end. Helper 218: a reader with a depth limit throws where the limit stops it, so a body nested past the limit
    /// and broken after that point was told "not valid JSON" at a position inside valid JSON; the message now points at
    /// the first place the text stops being JSON (the depth is told only of a body that is JSON, <see cref="TooDeep"/>).
    /// </summary>
    private static (long Line, long Byte) WhereNotJson(ReadOnlySpan<byte> utf8Json, JsonException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return ((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }

        return ((refused.LineNumber ?? 0) + 1, (refused.BytePositionInLine ?? 0) + 1);
    }

    /// <summary>
    /// A message saying that <paramref name="utf8Json"/> is valid JSON that nests objects and arrays deeper than
    /// <paramref name="maxDepth"/>, naming the limit and where the first value past it is (<c>ageYears[0][0]</c>); null
    /// when it does not nest so deep, or is not valid JSON at all. System.Text.Json refuses such a body with the same
    /// <see cref="JsonException"/> as text that is not JSON, so each reader with a limit asks this before saying "not valid
    /// JSON", which the body is (QA session 46). The walk reads the body once more, without a limit on its depth: it runs
    /// only for a body already refused, and a body is bounded by the endpoint's size limit.
    /// </summary>
    public static string? TooDeep(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var frames = new List<Frame>();
        string? at = null;
        try
        {
            while (reader.Read())
            {
                if (at is not null)
                {
                    // Where it goes too deep is known; the rest is read only to know that the body is JSON.
                    continue;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = TryRead(ref reader, out var name) ? name : null };
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        NextValue(frames);

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            if (frames.Count >= maxDepth)
                            {
                                at = Path(frames);
                            }
                            else
                            {
                                frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null, null));
                            }
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return at is null ? null : ClinicalText.Shared.Message("Json.TooDeep", maxDepth, at);
    }

    /// <summary>A value is read: an array's next element (its index moves on), or the value of the property just read.</summary>
    private static void NextValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    private static bool TryRead(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Path(List<Frame> frames)
    {
        var path = new System.Text.StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
            else if (frame.Name is { } name)
            {
                path.Append(path.Length == 0 ? "" : ".").Append(name);
            }
        }

        var text = path.Length == 0 ? "(the body)" : path.ToString();
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    /// <summary>An object or array the walk is in: where in it (an array's index, an object's property), and an object's property names so far.</summary>
    private readonly record struct Frame(bool IsArray, int Index, string? Name, HashSet<string>? Names);
}
