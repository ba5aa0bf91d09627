namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 258's check of a clinician's screening against the chart (<see cref="ChartBirthDate.AgeCanBe"/>): could a patient
/// born on some day the chart's birth date stands for have been the age the screening recorded, on the day it recorded
/// it? A full date allows one age on a day (the birthday counts the new year); a year-only or year-month date allows every
/// age some day of it gives; a date after that day allows none. The reader keeps the birth date as written with its span
/// (<see cref="FhirReading.BirthDate"/>), or none when there is no birth date to keep. Helper 261: the unit tests beside
/// the logic (until now only the hook's tests covered it).
/// </summary>
public class ChartBirthDateTests
{
    private static ChartBirthDate Born(string written) =>
        Assert.IsType<ChartBirthDate>(Fhir.Read(Fhir.Patient(birthDate: written)).BirthDate);

    [Theory]
    [InlineData("2026-11-27", 45)] // the day before the birthday: not yet 46
    [InlineData("2026-11-28", 46)] // the birthday: 46
    [InlineData("2026-11-29", 46)] // the day after
    [InlineData("2027-11-27", 46)] // the last day of that year of age
    [InlineData("2027-11-28", 47)]
    public void AgeCanBe_AnExactDate_AllowsOnlyTheAgeOnThatDay(string on, int age)
    {
        var born = Born("1980-11-28");
        var day = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(born.AgeCanBe(age, day));
        Assert.False(born.AgeCanBe(age - 1, day));
        Assert.False(born.AgeCanBe(age + 1, day));
    }

    [Fact]
    public void AgeCanBe_OnTheDayOfBirth_AllowsZeroOnly()
    {
        var born = Born("2026-11-28");

        Assert.True(born.AgeCanBe(0, Fhir.Today));
        Assert.False(born.AgeCanBe(1, Fhir.Today));
    }

    [Theory]
    [InlineData("2026-11-28", 45, true)] // born on a day of 1981 up to 28 November: 45
    [InlineData("2026-11-28", 44, true)] // born later in 1981: 44
    [InlineData("2026-11-28", 46, false)]
    [InlineData("2026-11-28", 43, false)]
    [InlineData("2026-01-01", 45, true)] // born on 1 January 1981 only
    [InlineData("2026-01-01", 44, true)]
    [InlineData("2026-12-31", 45, true)] // every day of 1981 has given 45 by now
    [InlineData("2026-12-31", 44, false)]
    public void AgeCanBe_AYearOnlyDate_AllowsEveryAgeSomeDayOfTheYearGives(string on, int age, bool allowed)
    {
        var born = Born("1981");

        Assert.Equal(("1981", new DateOnly(1981, 1, 1), new DateOnly(1981, 12, 31)), (born.Written, born.Earliest, born.Latest));
        Assert.Equal(allowed, born.AgeCanBe(age, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-15", 45, true)] // born 1 to 15 November 1980: 46; 16 to 30 November: 45
    [InlineData("2026-11-15", 46, true)]
    [InlineData("2026-11-15", 44, false)]
    [InlineData("2026-11-15", 47, false)]
    [InlineData("2026-10-31", 45, true)] // before the month: 45 whichever day
    [InlineData("2026-10-31", 46, false)]
    [InlineData("2026-12-01", 46, true)] // after it: 46 whichever day
    [InlineData("2026-12-01", 45, false)]
    public void AgeCanBe_AYearMonthDate_AllowsEveryAgeSomeDayOfTheMonthGives(string on, int age, bool allowed)
    {
        var born = Born("1980-11");

        Assert.Equal((new DateOnly(1980, 11, 1), new DateOnly(1980, 11, 30)), (born.Earliest, born.Latest));
        Assert.Equal(allowed, born.AgeCanBe(age, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AgeCanBe_TheYearOfTheScreeningsDay_AllowsZeroUpToThatDay()
    {
        // Born in 2026, some day up to 28 November: 0 on the screening's day, whichever day the rest of the year holds.
        var born = Born("2026");

        Assert.True(born.AgeCanBe(0, Fhir.Today));
        Assert.False(born.AgeCanBe(1, Fhir.Today));
    }

    [Theory]
    [InlineData("2026-11-29")] // the day after the screening's
    [InlineData("2026-12")]
    [InlineData("2027")]
    public void AgeCanBe_ABirthDateAfterTheScreeningsDay_AllowsNoAge(string written)
    {
        var born = Born(written);

        Assert.False(born.AgeCanBe(0, Fhir.Today));
        Assert.False(born.AgeCanBe(45, Fhir.Today));
    }

    [Theory]
    [InlineData("2026-02-27", 25, 25)] // the day before 28 February: 25 under either reading
    [InlineData("2026-02-28", 25, 26)] // a common year: 26 from 28 February in some jurisdictions, from 1 March in others
    [InlineData("2026-03-01", 26, 26)] // 26 under either reading
    [InlineData("2028-02-28", 27, 27)] // a leap year: the birthday is the 29th, under either reading
    [InlineData("2028-02-29", 28, 28)]
    [InlineData("2100-02-28", 99, 100)] // 2100 is a common year (a century not divisible by 400)
    public void AgesOn_A29FebruaryBirth_AllowsEitherAgeOn28FebruaryOfACommonYearOnly(string on, int youngest, int oldest)
    {
        // Helper 268: a 29 February birth turns a year older, in a common year, on 1 March (the United Kingdom, Hong Kong)
        // or on 28 February (elsewhere). The "Same patient?" card only warns: an age right under either must not raise it.
        var born = Born("2000-02-29");
        var day = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((youngest, oldest), born.AgesOn(day));
        Assert.True(born.AgeCanBe(youngest, day));
        Assert.True(born.AgeCanBe(oldest, day));
        Assert.False(born.AgeCanBe(youngest - 1, day));
        Assert.False(born.AgeCanBe(oldest + 1, day));
    }

    [Fact]
    public void AgesOn_28FebruaryBirth_IsOneAgeOn28February()
    {
        // Only a 29 February birth has two readings: a birth on the 28th turns a year older on the 28th.
        var born = Born("2000-02-28");
        var day = new DateOnly(2026, 2, 28);

        Assert.Equal((26, 26), born.AgesOn(day));
        Assert.False(born.AgeCanBe(25, day));
    }

    [Fact]
    public void AgesOn_ABirthDateAfterThatDay_IsNone()
    {
        Assert.Null(Born("2027").AgesOn(Fhir.Today));
        Assert.Equal((45, 46), Born("1980").AgesOn(Fhir.Today));
    }

    [Fact]
    public void YearsBetween_A29FebruaryBirth_CountsTheNewYearOfAgeFrom1MarchInACommonYear()
    {
        // YearsBetween counts 1 March's reading; IsLeapDayBirthdayEve marks the one day on which the other differs (on
        // which the reader fixes no age: Read_A29FebruaryBirth_FixesNoAgeOn28FebruaryOfACommonYear).
        var born = new DateOnly(2008, 2, 29);

        Assert.Equal(17, DaySpan.YearsBetween(born, new DateOnly(2026, 2, 28)));
        Assert.Equal(18, DaySpan.YearsBetween(born, new DateOnly(2026, 3, 1)));
        Assert.Equal(20, DaySpan.YearsBetween(born, new DateOnly(2028, 2, 29)));
        Assert.True(DaySpan.IsLeapDayBirthdayEve(born, new DateOnly(2026, 2, 28)));
        Assert.False(DaySpan.IsLeapDayBirthdayEve(born, new DateOnly(2028, 2, 28)));
        Assert.False(DaySpan.IsLeapDayBirthdayEve(new DateOnly(2008, 2, 28), new DateOnly(2026, 2, 28)));
    }

    [Theory]
    [InlineData("1996-11-26", "1996")]
    [InlineData("1996-11", "1996")]
    [InlineData("1996", "1996")]
    public void Year_IsTheYearOfTheBirthDateOnly(string written, string year)
    {
        Assert.Equal(year, Born(written).Year);
    }

    [Fact]
    public void Read_TheBirthDate_IsKeptAsWrittenWithItsEntry_BesideTheAgeItFixes()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980-11-28", id: "p7"));

        Assert.Equal(new ChartBirthDate("1980-11-28", "Patient/p7", new DateOnly(1980, 11, 28), new DateOnly(1980, 11, 28)), reading.BirthDate);
        Assert.Equal(46, reading.Values["ageYears"]);
    }

    [Fact]
    public void Read_AYearOnlyBirthDate_IsKeptThoughItFixesNoAge()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1981"));

        Assert.Equal("1981", reading.BirthDate?.Written);
        Assert.False(reading.Values.ContainsKey("ageYears"));
    }

    [Theory]
    [InlineData("2026-02-27", 25)] // the day before 28 February: 25 under either reading
    [InlineData("2026-02-28", null)] // a common year: 25 or 26 by jurisdiction, so no age is read; the form asks for it
    [InlineData("2026-03-01", 26)] // 26 under either reading
    [InlineData("2028-02-28", 27)] // a leap year: the birthday is the 29th
    [InlineData("2028-02-29", 28)]
    public void Read_A29FebruaryBirth_FixesNoAgeOn28FebruaryOfACommonYear(string on, int? age)
    {
        // Session 59: the chart's age used to be 1 March's reading, the younger, on that one day. The younger is the safer
        // reading for the under-18 and 18-24 rules, the older for the EU starting dose from 65 (AGE-003), so neither may
        // stand in for the clinician: the age is left not recorded, as a year-only date leaves it, and the birth date is
        // still kept for the "Same patient?" check.
        var day = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);
        var reading = Fhir.ReadAt(new DateTimeOffset(day, new TimeOnly(12, 0), TimeSpan.Zero), "UTC", Fhir.Patient(birthDate: "2000-02-29"));

        Assert.Equal("2000-02-29", reading.BirthDate?.Written);
        Assert.Equal(age, reading.Values.TryGetValue("ageYears", out var read) ? (int?)read : null);
    }

    [Fact]
    public void Read_NoBirthDate_KeepsNone()
    {
        Assert.Null(Fhir.Read(Fhir.Patient(birthSex: "M")).BirthDate);
    }

    [Fact]
    public void Read_NoPatient_KeepsNone()
    {
        Assert.Null(Fhir.Read(Fhir.Condition("c-mdd", Fhir.Icd10Cm, "F33.1")).BirthDate);
    }
}
