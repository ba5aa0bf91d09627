namespace KetamineCds.Fhir.Tests;

public class ConditionMappingTests
{
    [Theory]
    [InlineData(Fhir.Snomed, "432119003")]
    [InlineData(Fhir.Icd10Cm, "I71.2")]
    [InlineData(Fhir.Icd10Cm, "I71")]
    [InlineData(Fhir.Icd10Cm, "I72.0")]
    [InlineData(Fhir.Icd10Cm, "I67.1")]
    [InlineData(Fhir.Icd10Cm, "I671")]
    public void Read_ActiveConfirmedAneurysm_RecordsTrue(string system, string code)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", system, code));

        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
        Assert.Equal(["Condition/c1"], reading.Sources["aneurysmalVascularDisease"]);
    }

    [Theory]
    [InlineData("I67.2")]
    [InlineData("I10")]
    [InlineData("I7")]
    public void Read_CodeOutsideTheValueSet_LeavesAneurysmNotRecorded(string code)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, code));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
    }

    [Fact]
    public void Read_RefutedAneurysm_LeavesAneurysmNotRecorded()
    {
        // QA13 H2: ruling out one aneurysm does not rule out the others the question asks about.
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Snomed, "432119003", clinical: null, verification: "refuted"));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
    }

    [Fact]
    public void Read_RefutedAndConfirmedAneurysm_RecordsTrue()
    {
        var reading = Fhir.Read(
            Fhir.Condition("c1", Fhir.Snomed, "432119003", clinical: null, verification: "refuted"),
            Fhir.Condition("c2", Fhir.Icd10Cm, "I71.4"));

        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
        Assert.Equal(["Condition/c2"], reading.Sources["aneurysmalVascularDisease"]);
    }

    [Fact]
    public void Read_EnteredInErrorAneurysm_IsIgnored()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Snomed, "432119003", clinical: null, verification: "entered-in-error"));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
    }

    [Theory]
    [InlineData("provisional")]
    [InlineData("differential")]
    [InlineData("unconfirmed")]
    public void Read_UncertainAneurysm_LeavesItNotRecorded(string verification)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Snomed, "432119003", verification: verification));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("inactive")]
    [InlineData(null)]
    public void Read_AneurysmNotCurrent_LeavesItNotRecorded(string? clinical)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Snomed, "432119003", clinical: clinical));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
    }

    [Fact]
    public void Read_NoConditions_LeavesEveryConditionFieldNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980-01-01"));

        Assert.Equal(["ageYears"], reading.Values.Keys);
    }

    [Theory]
    [InlineData(Fhir.Snomed, "370143000")]
    [InlineData(Fhir.Icd10Cm, "F32.1")]
    [InlineData(Fhir.Icd10Cm, "F33.41")]
    [InlineData(Fhir.Icd10Cm, "F32.9")]
    public void Read_MajorDepressiveDisorder_RecordsMdd(string system, string code)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", system, code));

        Assert.Equal("mdd", reading.Values["primaryDiagnosis"]);
        Assert.Equal(["Condition/c1"], reading.Sources["primaryDiagnosis"]);
    }

    [Theory]
    [InlineData("F32.81")]
    [InlineData("F32.A")]
    [InlineData("F33.8")]
    public void Read_DepressionThatIsNotMajorDepressiveDisorder_LeavesDiagnosisNotRecorded(string code)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, code));

        Assert.False(reading.Values.ContainsKey("primaryDiagnosis"));
    }

    [Fact]
    public void Read_MddInRemission_StillRecordsTheDiagnosis()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1", clinical: "remission"));

        Assert.Equal("mdd", reading.Values["primaryDiagnosis"]);
    }

    [Fact]
    public void Read_RefutedMdd_NeverRecordsADiagnosis()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1", verification: "refuted"));

        Assert.False(reading.Values.ContainsKey("primaryDiagnosis"));
    }

    [Fact]
    public void Read_VerificationStatusWithoutItsCodeSystem_DecidesNothing()
    {
        var reading = Fhir.Read(Fhir.Json("""
            {"resourceType":"Condition","id":"c1","code":{"coding":[{"system":"http://snomed.info/sct","code":"432119003"}]},
             "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
             "verificationStatus":{"coding":[{"code":"refuted"}]},"subject":{"reference":"Patient/p1"}}
            """));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
    }
}
