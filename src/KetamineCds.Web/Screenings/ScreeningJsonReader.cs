using System.Text.Json;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Api;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Reads a screening request from JSON by hand, field by field, so that a wrong type ("ageYears": "abc"), an
/// unknown field or a repeated field is reported against the field's contract name instead of failing the whole body.
/// </summary>
public static class ScreeningJsonReader
{
    /// <summary>The key used for errors that belong to the body as a whole.</summary>
    public const string BodyKey = "$";

    /// <summary>
    /// How deep the reader reads objects and arrays: a screening is one object whose deepest values are lists of choices,
    /// two levels. A body nested deeper is refused whole, saying so (<see cref="JsonBodyText.TooDeep"/>).
    /// </summary>
    public const int MaxDepth = 8;

    /// <summary>The messages, in the request's language (docs/translations.md).</summary>
    private static ClinicalText Text => ClinicalText.Shared;

    public static ScreeningJsonReadResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        var request = new ScreeningRequest();
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var namedWithoutValue = new HashSet<string>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            // Valid JSON nested past the limit throws as text that is not JSON does; it is told apart, never "not valid JSON".
            // Where the text stops being JSON, not where the depth limit stopped the reader (helper 218).
            Add(errors, BodyKey, JsonBodyText.NotRead(utf8Json.Span, MaxDepth, e));
            return new(request, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Add(errors, BodyKey, Text.Message("Json.NotObject"));
                return new(request, errors);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = Fields.Find(property.Name);
                if (field is null)
                {
                    Add(errors, property.Name, Text.Message("Json.UnknownField", property.Name));
                    continue;
                }

                if (!seen.Add(property.Name))
                {
                    Add(errors, property.Name, Text.Message("Json.Repeated", Text.FieldLabel(field)));
                    continue;
                }

                if (TryConvert(field, property.Value, out var value, out var problem))
                {
                    request[field] = value;
                    if (value is null)
                    {
                        namedWithoutValue.Add(field.Name);
                    }
                }
                else
                {
                    Add(errors, field.Name, problem!);
                }
            }
        }

        return new(request, errors) { NamedWithoutValue = namedWithoutValue };
    }

    /// <summary>
    /// The request held by JSON this app stored itself (a decision-log entry's input, a CDS Hooks prefill): read as the
    /// API reads a body.
    /// </summary>
    public static ScreeningRequest ReadStored(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json)).Request;

    private static bool TryConvert(FieldDefinition field, JsonElement element, out object? value, out string? problem)
    {
        value = null;
        problem = null;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        switch (field.Type)
        {
            case FieldType.Text:
            case FieldType.Choice:
                if (element.ValueKind == JsonValueKind.String)
                {
                    value = element.GetString();
                    return true;
                }

                problem = field.Type == FieldType.Choice
                    ? Text.Message("Json.ChoiceString", Text.FieldLabel(field), string.Join(", ", field.Choices))
                    : Text.Message("Json.String", Text.FieldLabel(field));
                return false;

            case FieldType.ChoiceList:
                if (element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
                {
                    value = element.EnumerateArray().Select(item => item.GetString()!).ToList();
                    return true;
                }

                problem = Text.Message("Json.ChoiceArray", Text.FieldLabel(field), string.Join(", ", field.Choices));
                return false;

            case FieldType.YesNo:
                if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    value = element.GetBoolean();
                    return true;
                }

                problem = Text.Message("Json.YesNo", Text.FieldLabel(field));
                return false;

            case FieldType.WholeNumber or FieldType.Number when element.ValueKind != JsonValueKind.Number:
                // Helper 274 (QA272 F5): "ageYears":"40" was told "must be a whole number", yet 40 is whole: the value is
                // of the wrong JSON type. Every numeric field of the catalogue names the type it takes and the type sent.
                problem = NumberMessages.NotAJsonNumber(field, element.ValueKind);
                return false;

            case FieldType.WholeNumber:
                if (element.TryGetInt32(out var integer))
                {
                    value = integer;
                    return true;
                }

                // 1e-400 reads as a decimal 0 (the digits below 28 places are dropped): it is not a whole number.
                if (element.TryGetDecimal(out var whole) && whole == decimal.Truncate(whole) && Math.Abs(whole) <= int.MaxValue
                    && !RoundsToZero(element.GetRawText(), whole))
                {
                    value = (int)whole;
                    return true;
                }

                // QA158 F10: a number beyond any int (99999999999999999999999, 1e30, 1e400) is out of the field's range,
                // whole or not, and told so at the field, as a Number field tells it; never "must be a whole number". Only a
                // JSON number reaches here (any other type is told so above): "must be a whole number" is a fraction's.
                problem = (field.Min is not null || field.Max is not null) && BeyondWholeNumbers(element)
                    ? NumberMessages.Range(field)
                    : NumberMessages.NotWhole(field);
                return false;

            case FieldType.Number:
                if (element.TryGetDecimal(out var number))
                {
                    if (RoundsToZero(element.GetRawText(), number))
                    {
                        // A dose of 1e-400 (or 0.1e-28) is read as a decimal 0: a recorded dose would silently become none.
                        problem = NumberMessages.TooCloseToZero(field);
                        return false;
                    }

                    value = WithoutNegativeZero(number);
                    return true;
                }

                // QA109 F9: a JSON number too large for a decimal (1e29, 1e308, 1e309: RFC 8259 sets no limit) is a number
                // out of the field's range, and told so at the field, never "must be a number".
                problem = field.Min is not null || field.Max is not null
                    ? NumberMessages.Range(field)
                    : Text.Message("Json.Number", Text.FieldLabel(field));
                return false;

            default:
                throw new InvalidOperationException($"Unknown field type {field.Type}.");
        }
    }

    /// <summary>
    /// True when a JSON number is beyond what a whole-number field can hold (an int): larger in size than
    /// <see cref="int.MaxValue"/>, or too large even for a decimal (a decimal reads every smaller number, and reads a
    /// number too small for it as 0).
    /// </summary>
    private static bool BeyondWholeNumbers(JsonElement element) =>
        !element.TryGetDecimal(out var number) || Math.Abs(number) > int.MaxValue;

    /// <summary>
    /// True when <paramref name="text"/> (a JSON number or what the form's field holds) is not zero but was read as
    /// <paramref name="read"/> 0: a decimal holds at most 28 decimal places and rounds away what is below them, so that
    /// <c>1e-400</c> or <c>0.00000000000000000000000000001</c> would become 0 without a word.
    /// </summary>
    public static bool RoundsToZero(string text, decimal read)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (read != 0m)
        {
            return false;
        }

        var exponent = text.AsSpan().IndexOfAny('e', 'E');
        var digits = exponent < 0 ? text.AsSpan() : text.AsSpan(0, exponent);
        return digits.IndexOfAnyInRange('1', '9') >= 0;
    }

    /// <summary>
    /// A number as the app holds it: <c>-0</c> (or <c>-0.0</c>) is zero, held without its sign, so that nothing made from
    /// it (the stored input, the echoed history, a page, a because item, a conversion to double) can read "-0".
    /// </summary>
    public static decimal WithoutNegativeZero(decimal number) => number == 0m && decimal.IsNegative(number) ? decimal.Negate(number) : number;

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }
}
