namespace KetamineCds.Fhir.Tests;

public class PatientFieldsTests
{
    [Fact]
    public void Read_BirthDate_RecordsAgeOnTheScreeningDay()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980-11-29"));

        Assert.Equal(45, reading.Values["ageYears"]);
        Assert.Equal(["Patient/p1"], reading.Sources["ageYears"]);
    }

    [Fact]
    public void Read_BirthdayToday_CountsTheNewYear()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980-11-28"));

        Assert.Equal(46, reading.Values["ageYears"]);
    }

    [Fact]
    public void Read_BirthYearOnly_LeavesAgeNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980"));

        Assert.False(reading.Values.ContainsKey("ageYears"));
    }

    [Fact]
    public void Read_BirthMonthThatFixesTheAge_RecordsAge()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980-03"));

        Assert.Equal(46, reading.Values["ageYears"]);
    }

    [Fact]
    public void Read_NoBirthDate_LeavesAgeNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Patient());

        Assert.False(reading.Values.ContainsKey("ageYears"));
    }

    [Theory]
    [InlineData("F", "female")]
    [InlineData("M", "male")]
    [InlineData("UNK", "unknown")]
    public void Read_UsCoreBirthSex_RecordsSexAtBirth(string code, string expected)
    {
        var reading = Fhir.Read(Fhir.Patient(birthSex: code));

        Assert.Equal(expected, reading.Values["sexAtBirth"]);
    }

    [Theory]
    [InlineData("female")]
    [InlineData("male")]
    public void Read_AdministrativeGenderOnly_LeavesSexAtBirthNotRecorded(string gender)
    {
        var reading = Fhir.Read(Fhir.Patient(gender: gender));

        Assert.False(reading.Values.ContainsKey("sexAtBirth"));
    }

    [Fact]
    public void Read_Patient_NeverSetsPatientReference()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980-01-01", birthSex: "F"));

        Assert.False(reading.Values.ContainsKey("patientReference"));
    }
}
