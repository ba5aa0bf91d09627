using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>
/// QA158 F10: a whole number too large for the app (<c>"ageYears": 99999999999999999999999</c>) is a whole number out of
/// the field's range, and told so at its field, in the API's JSON and in the form alike; never "must be a whole number" or
/// "not a valid value". Every whole-number field with a range (age, trials, prognosis weeks, pressures, PHQ-9 ...).
/// QA158: a whole number written with a zero fraction (45.0) is that number in both, and one that is not whole (45.5) is
/// "must be a whole number" in both; QA157 F6: the form reads full-width digits (４５) as the digits they are. A number
/// with an exponent (4.5e1) is read by the form as the API reads the JSON number, or refused with the API's message.
/// </summary>
public sealed class ScreeningJsonReaderWholeNumberTests
{
    public static TheoryData<string, string> WholeNumberFieldsAndHugeNumbers()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in Fields.All.Where(f => f.Type == FieldType.WholeNumber && (f.Min is not null || f.Max is not null)))
        {
            foreach (var huge in new[] { "99999999999999999999999", "-99999999999999999999999", "2147483648", "1e30", "1e400", "99999999999.5" })
            {
                data.Add(field.Name, huge);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WholeNumberFieldsAndHugeNumbers))]
    public void Json_AWholeNumberTooLargeForTheApp_GetsTheRangeMessage(string name, string number)
    {
        var field = Fields.All.Single(f => f.Name == name);

        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"" + name + "\":" + number + "}"));

        Assert.Equal(NumberMessages.Range(field), Assert.Single(read.Errors[name]));
        Assert.Contains(" must be between ", read.Errors[name][0], StringComparison.Ordinal);
        Assert.Null(read.Request[field]);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("1e-400")]
    public void Json_ANumberInRangeThatIsNotWhole_IsStillAWholeNumberProblem(string value)
    {
        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"ageYears\":" + value + "}"));

        Assert.EndsWith("must be a whole number.", Assert.Single(read.Errors["ageYears"]), StringComparison.Ordinal);
    }

    // Helper 274 (QA272 F5): "45" sent as a JSON string was told "must be a whole number" (45 is whole); it is the JSON type.
    [Theory]
    [InlineData("\"45\"", "a string")]
    [InlineData("true", "a boolean (true or false)")]
    [InlineData("[45]", "an array")]
    [InlineData("{}", "an object")]
    public void Json_AWholeNumberSentAsAnotherJsonType_NamesTheJsonType(string value, string kind)
    {
        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"ageYears\":" + value + "}"));

        Assert.Equal($"Age in years must be a whole number sent as a JSON number (without quotes), not {kind}.", Assert.Single(read.Errors["ageYears"]));
    }

    [Theory]
    [InlineData("45")]
    [InlineData("45.0")]
    [InlineData("4.5e1")]
    [InlineData("450e-1")]
    public void Json_AWholeNumberWrittenWithAFractionOrAnExponent_IsReadAsThatNumber_AsBefore(string value)
    {
        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"ageYears\":" + value + "}"));

        Assert.Empty(read.Errors);
        Assert.Equal(45, read.Request[Fields.All.Single(f => f.Name == "ageYears")]);
    }

    [Theory]
    [MemberData(nameof(WholeNumberFieldsAndHugeNumbers))]
    public void Form_AWholeNumberTooLargeForTheApp_GetsTheRangeMessage(string name, string number)
    {
        // 1e30 and 1e400 too: the form reads an exponent as the API does.
        var field = Fields.All.Single(f => f.Name == name);

        var (request, unreadable) = ReadForm(field, number);

        Assert.Equal(NumberMessages.Range(field), Assert.Single(unreadable[name]));
        Assert.Null(request[field]);
    }

    [Theory]
    [InlineData("45.0", "45.0")]
    [InlineData("45.", "45.")]
    [InlineData(" 45.00 ", " 45.00 ")]
    [InlineData("４５", "45")] // QA157 F6: typed with a Chinese input method
    [InlineData("４５．０", "45.0")]
    [InlineData("４５\u3000", "45")]
    public void Form_AWholeNumberWrittenWithAZeroFraction_OrInFullWidthDigits_IsReadAsTheApiReadsIt(string typed, string asJson)
    {
        // QA158: the API read 45.0 as 45 and the form refused it as "not a valid value"; they agree now.
        var field = Fields.All.Single(f => f.Name == "ageYears");

        var (request, unreadable) = ReadForm(field, typed);
        var api = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"ageYears\":" + asJson.Trim().TrimEnd('.') + "}"));

        Assert.Empty(unreadable);
        Assert.Equal(45, request[field]);
        Assert.Equal(api.Request[field], request[field]);
    }

    [Theory]
    [InlineData("45.5", "45.5")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("４５．５", "45.5")]
    [InlineData("0.000000000000000000000000000001", "1e-400")] // a decimal reads it as 0: never silently 0
    public void Form_ANumberThatIsNotWhole_GetsTheApisFieldMessage(string typed, string asJson)
    {
        var field = Fields.All.Single(f => f.Name == "ageYears");

        var (request, unreadable) = ReadForm(field, typed);
        var api = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"ageYears\":" + asJson + "}"));

        Assert.Equal("Age in years must be a whole number.", Assert.Single(unreadable["ageYears"]));
        Assert.Equal(Assert.Single(api.Errors["ageYears"]), Assert.Single(unreadable["ageYears"]));
        Assert.Null(request[field]);
    }

    [Theory]
    [InlineData("ageYears", "4.5e1", "4.5e1")] // 45
    [InlineData("ageYears", "450e-1", "450e-1")]
    [InlineData("ageYears", "4.5E+1", "4.5E+1")]
    [InlineData("ageYears", "１e2", "1e2")] // 100: read, and then out of the age's range for the validator, as in the API
    [InlineData("benzodiazepineDiazepamEquivalentMg", "5.65e1", "5.65e1")] // 56.5
    [InlineData("benzodiazepineDiazepamEquivalentMg", "1E1", "1E1")]
    public void Form_ANumberWithAnExponent_IsReadAsTheApiReadsTheJsonNumber(string name, string typed, string asJson)
    {
        // The boxes are text boxes, so the browser sends "4.5e1" as typed: the form refused it as "not a valid value"
        // where the API read the JSON number 4.5e1 as 45.
        var field = Fields.All.Single(f => f.Name == name);

        var (request, unreadable) = ReadForm(field, typed);
        var api = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"" + name + "\":" + asJson + "}"));

        Assert.Empty(unreadable);
        Assert.Empty(api.Errors);
        Assert.NotNull(request[field]);
        Assert.Equal(api.Request[field], request[field]);
    }

    [Theory]
    [InlineData("ageYears", "4.55e1")] // 45.5: "must be a whole number"
    [InlineData("ageYears", "1e-400")] // read as 0 by a decimal: "must be a whole number", never 0
    [InlineData("benzodiazepineDiazepamEquivalentMg", "1e29")] // too large for a decimal: the range message
    [InlineData("benzodiazepineDiazepamEquivalentMg", "-1e400")]
    [InlineData("benzodiazepineDiazepamEquivalentMg", "1e-400")] // "too close to zero to be read exactly", never 0
    public void Form_ANumberWithAnExponentTheApiRefuses_GetsTheApisFieldMessage(string name, string typed)
    {
        var field = Fields.All.Single(f => f.Name == name);

        var (request, unreadable) = ReadForm(field, typed);
        var api = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\"" + name + "\":" + typed + "}"));

        Assert.Equal(Assert.Single(api.Errors[name]), Assert.Single(unreadable[name]));
        Assert.DoesNotContain("not a valid value", unreadable[name][0], StringComparison.Ordinal);
        Assert.Null(request[field]);
    }

    [Theory]
    [InlineData("forty")]
    [InlineData("四十五")]
    [InlineData("e1")]
    [InlineData("Infinity")]
    public void Form_AWholeNumberInWords_IsNotReadAsBefore(string typed)
    {
        var field = Fields.All.Single(f => f.Name == "ageYears");

        var (_, unreadable) = ReadForm(field, typed);

        // Helper 250: told what the box takes, no longer "is not a valid value for".
        Assert.Equal($"\"{typed}\" is not a number: {KetamineCds.Web.Localization.ClinicalText.Shared.FieldLabel(field)} takes a whole number from 0 to 120.", Assert.Single(unreadable["ageYears"]));
    }

    [Theory]
    [InlineData("benzodiazepineDiazepamEquivalentMg", "８４", 84)]
    [InlineData("benzodiazepineDiazepamEquivalentMg", "５６．５", 56.5)]
    public void Form_ANumberInFullWidthDigits_IsReadAsThatNumber(string name, string typed, double expected)
    {
        var field = Fields.All.Single(f => f.Name == name);

        var (request, unreadable) = ReadForm(field, typed);

        Assert.Empty(unreadable);
        Assert.Equal((decimal)expected, request[field]);
    }

    [Fact]
    public void Form_AFullWidthCommaInANumber_GetsTheCommaMessage_NamingWhatWasTyped()
    {
        var field = Fields.All.Single(f => f.Name == "ageYears");

        var (_, unreadable) = ReadForm(field, "４，５");

        Assert.StartsWith("\"４，５\" is not read for Age in years: a comma is never read in a number.", Assert.Single(unreadable["ageYears"]), StringComparison.Ordinal);
    }

    /// <summary>
    /// Helper 243: "2,5" in a whole-number box was told to "use a decimal point for a fraction", which invited "2.5", then
    /// refused as not whole. A whole number is told to use digits only; a number that may be fractional keeps the advice.
    /// </summary>
    [Theory]
    [InlineData("failedAdequateTrials", "2,5", "\"2,5\" is not read for Failed adequate antidepressant trials: a comma is never read in a number. This answer is a whole number: write it with digits only (for example 2), with no comma and no thousands separator.")]
    [InlineData("benzodiazepineDiazepamEquivalentMg", "7,5", "\"7,5\" is not read for Benzodiazepine dose (mg diazepam equivalent per day): a comma is never read in a number. Use a decimal point for a fraction (for example 1.5, not 1,5) and no thousands separator.")]
    public void Form_ACommaInANumber_AdvisesAsTheFieldsKindAllows(string name, string typed, string expected)
    {
        var field = Fields.All.Single(f => f.Name == name);

        var (_, unreadable) = ReadForm(field, typed);

        Assert.Equal(expected, Assert.Single(unreadable[name]));
    }

    [Fact]
    public void WithAsciiDigits_ChangesOnlyTheFullWidthDigitsPointCommaSignsAndSpace()
    {
        Assert.Equal("-12.5,+3 ", ScreeningFormReader.WithAsciiDigits("－１２．５，＋３\u3000"));
        Assert.Equal("四十五 ａｂｃ ①", ScreeningFormReader.WithAsciiDigits("四十五 ａｂｃ ①"));
    }

    private static (ScreeningRequest Request, Dictionary<string, List<string>> Unreadable) ReadForm(FieldDefinition field, string typed) =>
        ScreeningFormReader.Read(new FormCollection(new Dictionary<string, StringValues> { [FieldControl.KeyOf(field)] = typed }), new ModelStateDictionary());
}
