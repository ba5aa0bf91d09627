using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Every message a number is told at its field, in the request's language, in one place (helper 251; they were built in
/// the form reader and in the validator): a value out of the field's range, typing that is no number, a number with a unit
/// or a comma, a fraction for a whole number, a number that rounds to zero, a value of another JSON type (helper 274). The form's reader, the API's JSON reader and the
/// validator call these; the texts are the resx entries named here.
/// </summary>
public static class NumberMessages
{
    private static ClinicalText Text => ClinicalText.Shared;

    /// <summary>
    /// What a value out of <paramref name="field"/>'s range is told ("... must be between 0 and 200 mg/day."); the readers
    /// give it too to a number too large to hold.
    /// </summary>
    public static string Range(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text.Message("Validation.Range", Text.FieldLabel(field), Number(field.Min), Number(field.Max), UnitAfter(field));
    }

    /// <summary>
    /// What a number box's typing that is no number ("abc") is told: what the box takes, its type and range from the catalogue
    /// ("... takes a whole number from 0 to 120."), never the vague "not a valid value" (QA, helper 250); for a field with no
    /// range, that the value typed is not valid.
    /// </summary>
    public static string NotANumber(FieldDefinition field, string typed)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field is { Type: FieldType.WholeNumber or FieldType.Number, Min: not null, Max: not null }
            ? Text.Message(field.Type == FieldType.WholeNumber ? "Binding.NotAWholeNumber" : "Binding.NotANumber",
                typed, Text.FieldLabel(field), Number(field.Min), Number(field.Max), UnitAfter(field))
            : Text.Message("Binding.AttemptedValueInvalid", typed, Text.FieldLabel(field));
    }

    /// <summary>
    /// What a number typed with a comma ("1,5") is told: a comma is never read in a number (QA8 F5); a whole number is never
    /// told to use a decimal point for a fraction, which invited a refused 2.5 (helper 243).
    /// </summary>
    public static string Comma(FieldDefinition field, string typed)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text.Message(field.Type is FieldType.WholeNumber ? "Binding.CommaInWholeNumber" : "Binding.CommaInNumber", typed, Text.FieldLabel(field));
    }

    /// <summary>
    /// What a number typed with words after it ("7.5 mg", "12 weeks") is told: to write the number only, and which unit the
    /// box takes when it has one; never the number to write, as the typed unit may not be the box's (helper 244).
    /// </summary>
    public static string WithText(FieldDefinition field, string typed)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text.Unit(field) is { } unit
            ? Text.Message("Binding.NumberWithUnit", typed, Text.FieldLabel(field), unit)
            : Text.Message("Binding.NumberWithText", typed, Text.FieldLabel(field));
    }

    /// <summary>What a number that is not whole (45.5) is told at a whole-number field, by the form and by the API (QA158).</summary>
    public static string NotWhole(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text.Message("Json.WholeNumber", Text.FieldLabel(field));
    }

    /// <summary>
    /// Helper 274 (QA272 F5): what a numeric field (a whole number or a number) sent in the API's JSON as another JSON type
    /// is told: that it takes a JSON number, and the type it was sent as ("Age in years must be a whole number sent as a JSON
    /// number (without quotes), not a string."); never "must be a whole number" of a "40" whose number is whole. A fraction
    /// sent as a number is still told <see cref="NotWhole"/>.
    /// </summary>
    /// <param name="field">A field of type <see cref="FieldType.WholeNumber"/> or <see cref="FieldType.Number"/>.</param>
    /// <param name="sent">The JSON type sent: a string, true or false, an array or an object (null is "not recorded").</param>
    public static string NotAJsonNumber(FieldDefinition field, System.Text.Json.JsonValueKind sent)
    {
        ArgumentNullException.ThrowIfNull(field);
        var kind = Text.Message(sent switch
        {
            System.Text.Json.JsonValueKind.String => "Json.Kind.String",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "Json.Kind.Boolean",
            System.Text.Json.JsonValueKind.Array => "Json.Kind.Array",
            System.Text.Json.JsonValueKind.Object => "Json.Kind.Object",
            _ => throw new ArgumentOutOfRangeException(nameof(sent), sent, "Not a JSON type other than a number or null."),
        });
        return Text.Message(field.Type == FieldType.WholeNumber ? "Json.WholeNumber.Type" : "Json.Number.Type", Text.FieldLabel(field), kind);
    }

    /// <summary>What a number <see cref="ScreeningJsonReader.RoundsToZero"/> is told (a recorded dose would silently become none).</summary>
    public static string TooCloseToZero(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Text.Message("Number.TooCloseToZero", Text.FieldLabel(field));
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>" mmHg" after a range, unless the label already says the unit ("Age in years").</summary>
    private static string UnitAfter(FieldDefinition field) =>
        field.Unit is { } unit && !field.Label.Contains(unit, StringComparison.OrdinalIgnoreCase)
            ? " " + (Text.Unit(field) ?? unit)
            : "";
}
