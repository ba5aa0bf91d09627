using System.Globalization;
using KetamineCds.Domain.Screening;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Reads the intake form's post into a <see cref="ScreeningRequest"/> by catalogue entry, as
/// <see cref="ScreeningJsonReader"/> reads the API's JSON: each field from its key (<c>Input.AgeYears</c>), typed by the
/// catalogue. What was typed goes into the model state, so the form shows it again; a number or a yes/no that does not
/// read is a message on its field (the value typed kept); an empty answer is not recorded. A yes/no sent empty (its "Not
/// known" radio) is named without a value, as the API's JSON names a field with null; one with no radio chosen is not named.
/// </summary>
public static partial class ScreeningFormReader
{
    /// <summary>
    /// A number as the form reads it: digits with a decimal point, a sign and spaces around, and an exponent (<c>4.5e1</c>
    /// is 45, as the API reads the JSON number; a text box sends it as typed). Never a thousands separator.
    /// </summary>
    private const NumberStyles DecimalNumber = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>What a number written in digits holds: digits, signs, a decimal point, an exponent's letter.</summary>
    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789+-.eE");

    /// <summary>The request, and the messages of the fields whose value could not be read, by contract name.</summary>
    public static (ScreeningRequest Request, Dictionary<string, List<string>> Unreadable) Read(IFormCollection form, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        var request = new ScreeningRequest();
        var unreadable = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var field in Fields.All)
        {
            var key = FieldControl.KeyOf(field);
            if (!form.TryGetValue(key, out var raw))
            {
                continue;
            }

            modelState.SetModelValue(key, new ValueProviderResult(raw, CultureInfo.CurrentCulture));
            if (field.Type == FieldType.ChoiceList)
            {
                // No box ticked sends nothing; a list of empty values (a hand-made post) is not recorded either, as the
                // form has always read it. The validator refuses an empty list, which only the API can send.
                var ticked = raw.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                if (ticked.Count > 0)
                {
                    request[field] = ticked;
                }

                continue;
            }

            var text = raw.ToString();
            if (text.Length == 0)
            {
                if (field.Type == FieldType.YesNo)
                {
                    // "Not known" chosen (its radio sends an empty value) is named, not recorded: the stored input says the
                    // question was answered "Not known", which a re-screen shows again; a yes/no left with no radio chosen
                    // sends nothing and is not named, so a re-screen shows it unanswered, never "Not known" (helper 227).
                    request[field] = null;
                }

                continue;
            }

            if (field.Type is FieldType.WholeNumber or FieldType.Number)
            {
                // QA157 F6: "４５" typed with a Chinese input method is 45 (the box is a text box, which sends it as typed).
                text = WithAsciiDigits(text);
            }

            if (field.Type is FieldType.WholeNumber or FieldType.Number && text.Contains(',', StringComparison.Ordinal))
            {
                // "1,5" is 1.5 to some and 15 to others: a comma is never read in a number, in either language (QA8 F5).
                // Helper 243: a whole number was told to "use a decimal point for a fraction", which invited a refused 2.5.
                var message = NumberMessages.Comma(field, raw.ToString());
                modelState.AddModelError(key, message);
                unreadable[field.Name] = [message];
                continue;
            }

            // Digits with a decimal point only: never a thousands separator, in either language.
            object? value = field.Type switch
            {
                FieldType.WholeNumber => ReadWholeNumber(text),
                FieldType.Number => decimal.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out var number) ? ScreeningJsonReader.WithoutNegativeZero(number) : null,
                FieldType.YesNo => bool.TryParse(text, out var flag) ? flag : null,
                // The note's line breaks as its text area counted them (QA157 F7).
                _ => FreeText.FromTextArea(text),
            };
            if (value is decimal read && ScreeningJsonReader.RoundsToZero(text, read))
            {
                // "0.00000000000000000000000000001" reads as a decimal 0: a recorded dose would silently become none.
                var message = NumberMessages.TooCloseToZero(field);
                modelState.AddModelError(key, message);
                unreadable[field.Name] = [message];
                continue;
            }

            if (value is null && IsNumberWithText(field, text))
            {
                // Helper 244: "7.5 mg", "12 weeks" was "not a valid value". Told to write the number only, and which unit the
                // box takes; never the number to write, as the typed unit may not be the box's ("2 months" is not 2 weeks).
                var message = NumberMessages.WithText(field, raw.ToString());
                modelState.AddModelError(key, message);
                unreadable[field.Name] = [message];
                continue;
            }

            if (value is null)
            {
                // QA158 F10: digits too many for a whole number (99999999999999999999999) are a whole number out of the
                // field's range, told so as the API tells it, never "not a valid value".
                // A number that is not whole (45.5) is told so in the API's words, at the field (QA158).
                // A number too large for a decimal (1e29, 1e400) is out of the field's range, as the API tells the JSON number.
                // Other typing in a number box ("abc") is told what the box takes: its type and range (helper 250).
                var message = (field.Min is not null || field.Max is not null)
                        && ((field.Type == FieldType.WholeNumber && IsWholeNumberBeyondInt(text)) || IsNumberBeyondDecimal(text))
                    ? NumberMessages.Range(field)
                    : field.Type == FieldType.WholeNumber && IsDecimalNumber(text)
                        ? NumberMessages.NotWhole(field)
                        : NumberMessages.NotANumber(field, raw.ToString());
                modelState.AddModelError(key, message);
                unreadable[field.Name] = [message];
                continue;
            }

            request[field] = value;
        }

        return (request, unreadable);
    }

    /// <summary>
    /// A whole-number field's value: digits with a sign and spaces around, or a decimal whose fraction is zero (45.0, as the
    /// API reads the JSON number 45.0; QA158). Null when it is not a whole number an int holds: 45.5, a text, a number
    /// beyond an int, or one with digits a decimal rounds away to 0 (0.000...01, as the API refuses 1e-400).
    /// </summary>
    private static int? ReadWholeNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        return decimal.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && Math.Abs(number) <= int.MaxValue && !ScreeningJsonReader.RoundsToZero(text, number)
            ? (int)number
            : null;
    }

    /// <summary>
    /// True when <paramref name="text"/> is a number the field reads (a whole number for a whole-number field) followed by
    /// words and no more digits: a unit typed after it ("7.5 mg", "12 weeks", "70岁", "150 mmHg").
    /// </summary>
    private static bool IsNumberWithText(FieldDefinition field, string text)
    {
        if (field.Type is not (FieldType.WholeNumber or FieldType.Number) || NumberThenWords().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var number = match.Groups["number"].Value;
        return field.Type == FieldType.WholeNumber
            ? ReadWholeNumber(number) is not null
            : decimal.TryParse(number, DecimalNumber, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>A number in digits (a sign, a decimal point, an exponent), then a letter and anything but a digit.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\A\s*(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*\p{L}\D*\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumberThenWords();

    /// <summary>True when <paramref name="text"/> reads as a number with a decimal point (the form's spelling of a number).</summary>
    private static bool IsDecimalNumber(string text) => decimal.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// True when <paramref name="text"/> is a whole number an int cannot hold: written as one (digits, a sign, spaces around,
    /// as <see cref="int.TryParse(string, NumberStyles, IFormatProvider, out int)"/> reads it), or a decimal beyond it
    /// (99999999999.5), as the API tells a JSON number beyond an int.
    /// </summary>
    private static bool IsWholeNumberBeyondInt(string text) =>
        (System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
            && (whole > int.MaxValue || whole < int.MinValue))
        || (decimal.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) > int.MaxValue);

    /// <summary>
    /// True when <paramref name="text"/> is a number written in digits (a sign, a decimal point, an exponent) too large in
    /// size for a decimal (<c>1e29</c>, <c>1e400</c>), which the API's JSON reader tells as out of the field's range.
    /// </summary>
    private static bool IsNumberBeyondDecimal(string text) =>
        !text.AsSpan().Trim().ContainsAnyExcept(NumberCharacters)
        && !decimal.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out _)
        && double.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out var number)
        && Math.Abs(number) > (double)decimal.MaxValue;

    /// <summary>
    /// <paramref name="text"/> with the full-width digits, decimal point, comma, signs and the ideographic space a Chinese
    /// or Japanese input method types (０-９, ．, ，, ＋, －, U+3000) as their ASCII forms, which is what Unicode's NFKC
    /// makes of them; nothing else is changed (QA157 F6: "４５" was "not a valid value").
    /// </summary>
    public static string WithAsciiDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c switch
                {
                    >= '\uFF10' and <= '\uFF19' or '\uFF0E' or '\uFF0C' or '\uFF0B' or '\uFF0D' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }
}
