using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 200: a Patient resource that records the patient as deceased (<c>deceasedBoolean</c> true or a
/// <c>deceasedDateTime</c>) was screened with no mention. It is named beside the patient reference
/// (<see cref="ChartCheckKind.PatientDeceased"/>): the chart may be another person's, or wrong, and the clinician checks
/// which before relying on it. The entries are still read as the chart gives them (the record's entries do not say
/// anything else because of it, and reading none would hide a positive one in silence), so every signal stays shown.
/// </summary>
public class PatientDeceasedTests
{
    private static JsonElement PatientWith(string deceased) => Fhir.Json($$"""
        {"resourceType": "Patient", "id": "p1", "birthDate": "1980-05-01", {{deceased}}}
        """);

    [Theory]
    [InlineData("\"deceasedBoolean\": true", "deceasedBoolean: true")]
    [InlineData("\"deceasedDateTime\": \"2025-03-01\"", "deceasedDateTime: 2025-03-01")]
    [InlineData("\"deceasedDateTime\": \"2025-03-01T10:00:00Z\"", "deceasedDateTime: 2025-03-01T10:00:00Z")]
    [InlineData("\"deceasedDateTime\": \"2027\"", "deceasedDateTime: 2027")]
    public void Read_APatientRecordedAsDeceased_IsNamed_AndTheChartIsStillRead(string deceased, string what)
    {
        var reading = Fhir.Read(PatientWith(deceased), Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1"));

        var check = Assert.Single(reading.ToCheck, c => c.Kind == ChartCheckKind.PatientDeceased);
        Assert.Equal("patientReference", check.Field);
        Assert.Equal("Patient/p1", check.Reference);
        Assert.Equal(what, check.What);
        Assert.Equal("mdd", reading.Values["primaryDiagnosis"]);
        Assert.Equal(46, reading.Values["ageYears"]);
    }

    [Theory]
    [InlineData("\"deceasedBoolean\": false")]
    [InlineData("\"gender\": \"female\"")]
    public void Read_APatientNotRecordedAsDeceased_IsNotNamed(string field)
    {
        var reading = Fhir.Read(PatientWith(field));

        Assert.DoesNotContain(reading.ToCheck, c => c.Kind == ChartCheckKind.PatientDeceased);
    }
}
