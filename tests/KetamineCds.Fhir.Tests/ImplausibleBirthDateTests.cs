namespace KetamineCds.Fhir.Tests;

/// <summary>
/// QA284 F2: a chart birth date that gives no age the screening can take. One in 1890 filled the form's age with 136,
/// which the form then refused, and the card did not list the age as missing; one after today left the age not recorded
/// with no word why. Both are now named beside the age (<see cref="ChartCheckKind.BirthDateGivesNoAge"/>) with the
/// birth year only, and the age is not recorded. Today is 2026-11-28 (<see cref="Fhir.Today"/>).
/// </summary>
public class ImplausibleBirthDateTests
{
    [Theory]
    [InlineData("1890-01-01", "1890", true)] // 136 years: above the 0 to 120 the question accepts
    [InlineData("1905-11-28", "1905", true)] // 121 years today
    [InlineData("1890", "1890", true)] // a year-only date whose every day gives more than 120
    [InlineData("2090-01-01", "2090", false)] // after today: no age at all
    [InlineData("2026-11-29", "2026", false)] // tomorrow
    public void Read_ABirthDateGivingNoAgeTheQuestionTakes_IsNamedBesideTheAge_NotRead(string written, string year, bool outOfRange)
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: written, id: "p9"));

        Assert.False(reading.Values.ContainsKey("ageYears"));
        var check = Assert.Single(reading.ToCheck);
        Assert.Equal(("ageYears", ChartCheckKind.BirthDateGivesNoAge, "Patient/p9", year, outOfRange), (check.Field, check.Kind, check.Reference, check.What, check.OutOfRange));
        Assert.Equal(written, reading.BirthDate?.Written);
    }

    [Theory]
    [InlineData("1906-11-28", 120)] // 120 today: the most the question accepts
    [InlineData("2026-11-28", 0)] // born today
    public void Read_ABirthDateGivingAnAgeAtTheEndsOfTheRange_IsReadAndNamedNowhere(string written, int age)
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: written));

        Assert.Equal(age, reading.Values["ageYears"]);
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void Read_AYearOnlyDateThatMayGive120_IsNotNamed_ThoughItFixesNoAge()
    {
        // Born in 1906: 119 or 120 today, both within the range; the age is not fixed (as for any year-only date), not implausible.
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1906"));

        Assert.False(reading.Values.ContainsKey("ageYears"));
        Assert.Empty(reading.ToCheck);
    }
}
