using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>The form's post read by catalogue entry, as the JSON reader reads the API's body.</summary>
public sealed class ScreeningFormReaderTests
{
    private static (ScreeningRequest Request, Dictionary<string, List<string>> Unreadable, ModelStateDictionary State) Read(params (string Key, StringValues Value)[] fields)
    {
        var state = new ModelStateDictionary();
        var (request, unreadable) = ScreeningFormReader.Read(new FormCollection(fields.ToDictionary(f => f.Key, f => f.Value)), state);
        return (request, unreadable, state);
    }

    [Fact]
    public void Read_EachTypeOfField_TakesTheCataloguesType()
    {
        var (request, unreadable, _) = Read(
            ("Input.AgeYears", "45"),
            ("Input.BenzodiazepineDiazepamEquivalentMg", "7.5"),
            ("Input.Pregnant", "false"),
            ("Input.PrimaryDiagnosis", "bipolar-i"),
            ("Input.SubstancesUsed", new StringValues(["alcohol", "cannabis"])),
            ("Input.ClinicianNote", "Seen with partner."));

        Assert.Empty(unreadable);
        Assert.Equal(45, request[Fields.AgeYears]);
        Assert.Equal(7.5m, request[Fields.BenzodiazepineDiazepamEquivalentMg]);
        Assert.Equal(false, request[Fields.Pregnant]);
        Assert.Equal("bipolar-i", request[Fields.PrimaryDiagnosis]);
        Assert.Equal(["alcohol", "cannabis"], Assert.IsType<List<string>>(request[Fields.SubstancesUsed]));
        Assert.Equal("Seen with partner.", request[Fields.ClinicianNote]);
    }

    [Fact]
    public void Read_ChoiceListWithOnlyEmptyValues_IsNotRecordedRatherThanAnEmptyList()
    {
        // The validator refuses an empty list (QA12 G10); the form's way of saying nothing (no box ticked, or an empty
        // value in a hand-made post) stays "not recorded", as it always read.
        var (request, unreadable, _) = Read(("Input.SubstanceUse", "in-remission"), ("Input.SubstancesUsed", new StringValues(["", ""])));

        Assert.Empty(unreadable);
        Assert.Null(request[Fields.SubstancesUsed]);
        Assert.True(new ScreeningRequestValidator().Validate(request).Errors.TrueForAll(e => e.PropertyName != "SubstancesUsed"));
    }

    [Fact]
    public void Read_AnEmptyAnswer_IsNotRecordedAndTheChoiceOfNotKnownIsKept()
    {
        var (request, unreadable, state) = Read(("Input.Pregnant", ""), ("Input.AgeYears", ""));

        Assert.Empty(unreadable);
        Assert.Null(request.ContractValueOf("pregnant"));
        Assert.Null(request.ContractValueOf("ageYears"));
        Assert.Equal("", state["Input.Pregnant"]!.AttemptedValue);
    }

    [Theory]
    [InlineData("Input.AgeYears", "abc", "ageYears")]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "ten", "benzodiazepineDiazepamEquivalentMg")]
    [InlineData("Input.Pregnant", "maybe", "pregnant")]
    public void Read_AValueTheFieldCannotHold_IsAMessageOnThatFieldAndTheTypingIsKept(string key, string typed, string name)
    {
        var (request, unreadable, state) = Read((key, typed));

        Assert.Null(request.ContractValueOf(name));
        Assert.Contains(typed, Assert.Single(unreadable[name]), StringComparison.Ordinal);
        Assert.Equal(typed, state[key]!.AttemptedValue);
        Assert.Single(state[key]!.Errors);
    }

    [Fact]
    public void Read_ADecimalWithAFractionInAWholeNumberField_IsTheApisWholeNumberMessageAndTheTypingIsKept()
    {
        // QA158 (helper-167): the form says of 4.5 what the API says of the JSON number 4.5, at the field; the box keeps 4.5.
        var (request, unreadable, state) = Read(("Input.AgeYears", "4.5"));

        Assert.Null(request.ContractValueOf("ageYears"));
        Assert.Equal("Age in years must be a whole number.", Assert.Single(unreadable["ageYears"]));
        Assert.Equal("4.5", state["Input.AgeYears"]!.AttemptedValue);
        Assert.Single(state["Input.AgeYears"]!.Errors);
    }

    [Theory]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "1,5", "benzodiazepineDiazepamEquivalentMg", "en")]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "1,5", "benzodiazepineDiazepamEquivalentMg", "zh-Hans")]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "1,000", "benzodiazepineDiazepamEquivalentMg", "en")]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "10,", "benzodiazepineDiazepamEquivalentMg", "en")]
    public void Read_ANumberWithAComma_IsRefusedOnItsFieldSayingToUseADecimalPoint(string key, string typed, string name, string culture)
    {
        // QA8 F5: "1,5" mg was recorded as 15 mg/day (the comma read as a thousands separator).
        var (request, unreadable, state) = InCulture(culture, () => Read((key, typed)));

        Assert.Null(request.ContractValueOf(name));
        var message = Assert.Single(unreadable[name]);
        Assert.Contains(typed, message, StringComparison.Ordinal);
        Assert.Contains("1.5", message, StringComparison.Ordinal);
        Assert.Equal(typed, state[key]!.AttemptedValue);
    }

    /// <summary>A comma in a whole number is refused as well, but told to write digits only: a fraction would be refused too.</summary>
    [Theory]
    [InlineData("en", "a comma is never read in a number. This answer is a whole number: write it with digits only (for example 2)")]
    [InlineData("zh-Hans", "此项须为整数：请只用数字填写（例如 2）")]
    public void Read_AWholeNumberWithAComma_IsRefusedOnItsFieldSayingDigitsOnly(string culture, string advice)
    {
        var (request, unreadable, state) = InCulture(culture, () => Read(("Input.AgeYears", "4,5")));

        Assert.Null(request.ContractValueOf("ageYears"));
        var message = Assert.Single(unreadable["ageYears"]);
        Assert.Contains("4,5", message, StringComparison.Ordinal);
        Assert.Contains(advice, message, StringComparison.Ordinal);
        Assert.DoesNotContain("1.5", message, StringComparison.Ordinal);
        Assert.Equal("4,5", state["Input.AgeYears"]!.AttemptedValue);
    }

    /// <summary>
    /// A number typed with its unit ("7.5 mg", "12 weeks") is refused on its field, told to write the number only and named
    /// the unit shown beside the box; never the vague "not a valid value". The value is never suggested: "2 months" typed
    /// in a box of weeks is not 2 (helper 244).
    /// </summary>
    [Theory]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "7.5 mg", "benzodiazepineDiazepamEquivalentMg", "en", "write the number only, without a unit; the box takes the value in mg/day, the unit shown beside it.")]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "10mg/day", "benzodiazepineDiazepamEquivalentMg", "zh-Hans", "请只填写数字，不要带单位；此框数值的单位为mg/天，已显示在框旁。")]
    [InlineData("Input.PrognosisWeeks", "12 weeks", "prognosisWeeks", "en", "write the number only, without a unit; the box takes the value in weeks, the unit shown beside it.")]
    [InlineData("Input.PrognosisWeeks", "2 months", "prognosisWeeks", "en", "write the number only, without a unit; the box takes the value in weeks, the unit shown beside it.")]
    [InlineData("Input.PrognosisWeeks", "12周", "prognosisWeeks", "zh-Hans", "请只填写数字，不要带单位；此框数值的单位为周，已显示在框旁。")]
    [InlineData("Input.AgeYears", "70 years", "ageYears", "en", "write the number only, without a unit; the box takes the value in years, the unit shown beside it.")]
    [InlineData("Input.AgeYears", "７０ 岁", "ageYears", "zh-Hans", "请只填写数字，不要带单位；此框数值的单位为岁，已显示在框旁。")]
    [InlineData("Input.SystolicBp", "150 mmHg", "systolicBp", "en", "write the number only, without a unit; the box takes the value in mmHg, the unit shown beside it.")]
    [InlineData("Input.SystolicBp", "150 mmHg", "systolicBp", "zh-Hans", "请只填写数字，不要带单位；此框数值的单位为mmHg，已显示在框旁。")]
    [InlineData("Input.FailedAdequateTrials", "3 trials", "failedAdequateTrials", "en", "write the number only, without a unit or other words.")]
    [InlineData("Input.FailedAdequateTrials", "3 次", "failedAdequateTrials", "zh-Hans", "请只填写数字，不要带单位或其他文字。")]
    public void Read_ANumberTypedWithItsUnit_IsRefusedOnItsFieldSayingToWriteTheNumberOnly(string key, string typed, string name, string culture, string advice)
    {
        var (request, unreadable, state) = InCulture(culture, () => Read((key, typed)));

        Assert.Null(request.ContractValueOf(name));
        var message = Assert.Single(unreadable[name]);
        Assert.Contains(typed, message, StringComparison.Ordinal);
        Assert.EndsWith(advice, message, StringComparison.Ordinal);
        Assert.Equal(typed, state[key]!.AttemptedValue);
        Assert.Equal(message, Assert.Single(state[key]!.Errors).ErrorMessage);
    }

    /// <summary>
    /// Typing that is no number in a number box is told what the box takes, its type and range from the catalogue, in the
    /// page's language; never the vague "is not a valid value for" (helper 250).
    /// </summary>
    [Theory]
    [InlineData("Input.AgeYears", "abc", "ageYears", "en", "\"abc\" is not a number: Age in years takes a whole number from 0 to 120.")]
    [InlineData("Input.SystolicBp", "high", "systolicBp", "en", "\"high\" is not a number: Systolic blood pressure takes a whole number from 50 to 300 mmHg.")]
    [InlineData("Input.DiastolicBp", "150/90", "diastolicBp", "en", "\"150/90\" is not a number: Diastolic blood pressure takes a whole number from 20 to 200 mmHg.")]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "ten", "benzodiazepineDiazepamEquivalentMg", "en", "\"ten\" is not a number: Benzodiazepine dose (mg diazepam equivalent per day) takes a number from 0 to 200 mg/day.")]
    [InlineData("Input.SystolicBp", "高", "systolicBp", "zh-Hans", "不是数字：")]
    public void Read_TextInANumberBox_SaysWhatTheBoxTakes(string key, string typed, string name, string culture, string expected)
    {
        var (_, unreadable, state) = InCulture(culture, () => Read((key, typed)));

        var message = Assert.Single(unreadable[name]);
        Assert.DoesNotContain("valid value", message, StringComparison.Ordinal);
        Assert.DoesNotContain("有效值", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(message, Assert.Single(state[key]!.Errors).ErrorMessage);
    }

    /// <summary>Other text is told as before: the unit advice is only for a number the field reads followed by words.</summary>
    [Theory]
    [InlineData("Input.AgeYears", "abc", "ageYears")]
    [InlineData("Input.AgeYears", "4.5 years", "ageYears")]
    [InlineData("Input.BenzodiazepineDiazepamEquivalentMg", "5 x 2 mg", "benzodiazepineDiazepamEquivalentMg")]
    [InlineData("Input.SystolicBp", "150/90", "systolicBp")]
    [InlineData("Input.SystolicBp", "mmHg 150", "systolicBp")]
    public void Read_TextThatIsNotANumberWithAUnit_KeepsTheUsualMessage(string key, string typed, string name)
    {
        var (_, unreadable, _) = InCulture("en", () => Read((key, typed)));

        var message = Assert.Single(unreadable[name]);
        Assert.DoesNotContain("write the number only", message, StringComparison.Ordinal);
        Assert.Contains(typed, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "en")]
    [InlineData("1.5", "zh-Hans")]
    [InlineData(" 2.5 ", "en")]
    public void Read_ADoseWithADecimalPoint_IsReadTheSameInEitherLanguage(string typed, string culture)
    {
        var (request, unreadable, _) = InCulture(culture, () => Read(("Input.BenzodiazepineDiazepamEquivalentMg", typed)));

        Assert.Empty(unreadable);
        Assert.Equal(decimal.Parse(typed, System.Globalization.CultureInfo.InvariantCulture), request[Fields.BenzodiazepineDiazepamEquivalentMg]);
    }

    [Theory]
    [InlineData("0.00000000000000000000000000001", "en")]
    [InlineData("-0.00000000000000000000000000001", "en")]
    [InlineData("0.000000000000000000000000000000000000000000000000001", "zh-Hans")]
    public void Read_ADoseTooCloseToZeroForADecimal_IsRefusedOnItsFieldNotReadAsZero(string typed, string culture)
    {
        // A decimal holds 28 decimal places and rounded the rest away: a recorded dose was read as 0 without a word.
        var (request, unreadable, state) = InCulture(culture, () => Read(("Input.BenzodiazepineDiazepamEquivalentMg", typed)));

        Assert.Null(request[Fields.BenzodiazepineDiazepamEquivalentMg]);
        Assert.EndsWith(
            culture == "en"
                ? " is too close to zero to be read exactly: give 0 if that is what was recorded, or the value with at most 28 decimal places."
                : "过于接近零，无法准确读取：如记录的是 0，请填写 0；否则请填写最多 28 位小数的数值。",
            Assert.Single(unreadable["benzodiazepineDiazepamEquivalentMg"]),
            StringComparison.Ordinal);
        Assert.Equal(typed, state["Input.BenzodiazepineDiazepamEquivalentMg"]!.AttemptedValue);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0000000000000000000000000000")]
    [InlineData("0.0000000000000000000000000001")]
    public void Read_ZeroOrADoseWithin28DecimalPlaces_IsReadExactly(string typed)
    {
        var (request, unreadable, _) = Read(("Input.BenzodiazepineDiazepamEquivalentMg", typed));

        Assert.Empty(unreadable);
        Assert.Equal(decimal.Parse(typed, System.Globalization.CultureInfo.InvariantCulture), request[Fields.BenzodiazepineDiazepamEquivalentMg]);
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var (before, beforeUi) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            return read();
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void ToHistory_AChoiceTheContractDoesNotKnow_FailsInsteadOfBeingNotRecorded()
    {
        var (request, _, _) = Read(
            ("Input.PatientReference", "MRN-1"), ("Input.AgeYears", "45"), ("Input.PrimaryDiagnosis", "mdd"),
            ("Input.CurrentDepressiveEpisode", "true"), ("Input.FailedAdequateTrials", "3"), ("Input.OnOralAntidepressant", "true"),
            ("Input.Psychosis", "none"), ("Input.Suicidality", "none"), ("Input.HepaticImpairment", "child-pugh-b"));

        // The validator refuses this request; a history is only ever made from one it accepted.
        Assert.Throws<InvalidOperationException>(request.ToHistory);
        request[Fields.HepaticImpairment] = "moderate";
        Assert.Equal(HepaticImpairment.Moderate, request.ToHistory().HepaticImpairment);
        Assert.Equal(Jurisdiction.Us, request.ToHistory().Jurisdiction);
    }
}
