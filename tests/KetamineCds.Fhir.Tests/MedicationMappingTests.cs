namespace KetamineCds.Fhir.Tests;

public class MedicationMappingTests
{
    [Theory]
    [InlineData("200371", "ssri")]
    [InlineData("1874553", "snri")]
    [InlineData("1086772", "other")]
    public void Read_ActiveAntidepressantRequest_RecordsItAndItsClass(string rxnorm, string expectedClass)
    {
        var reading = Fhir.Read(Fhir.MedicationRequest("m1", rxnorm));

        Assert.Equal(true, reading.Values["onOralAntidepressant"]);
        Assert.Equal(expectedClass, reading.Values["oralAntidepressantClass"]);
        Assert.Equal(["MedicationRequest/m1"], reading.Sources["onOralAntidepressant"]);
    }

    [Fact]
    public void Read_SsriAndOtherAntidepressant_RecordsSsri()
    {
        var reading = Fhir.Read(Fhir.MedicationRequest("m1", "1086772"), Fhir.MedicationStatement("m2", "200371"));

        Assert.Equal("ssri", reading.Values["oralAntidepressantClass"]);
        Assert.Equal(["MedicationStatement/m2"], reading.Sources["oralAntidepressantClass"]);
        Assert.Equal(["MedicationRequest/m1", "MedicationStatement/m2"], reading.Sources["onOralAntidepressant"]);
    }

    [Theory]
    [InlineData("stopped", "order")]
    [InlineData("completed", "order")]
    [InlineData("entered-in-error", "order")]
    [InlineData("cancelled", "order")]
    [InlineData("active", "proposal")]
    public void Read_RequestNotActiveOrOnlyProposed_LeavesItNotRecorded(string status, string intent)
    {
        var reading = Fhir.Read(Fhir.MedicationRequest("m1", "200371", status, intent));

        Assert.False(reading.Values.ContainsKey("onOralAntidepressant"));
        Assert.False(reading.Values.ContainsKey("oralAntidepressantClass"));
    }

    [Fact]
    public void Read_NoMedicines_NeverRecordsNo()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationStatement("m1", "200371", status: "not-taken"));

        Assert.DoesNotContain(reading.Values.Keys, k => k is "onOralAntidepressant" or "onOpioids" or "onNaltrexone" or "onPsychostimulantOrMaoi" or "otherCnsDepressants" or "moodStabilizer");
    }

    [Fact]
    public void Read_MedicationReferencedFromTheBundle_IsRecognised()
    {
        var reading = Fhir.Read(Fhir.Bundle(
            Fhir.Json("""{"resourceType":"Medication","id":"med1","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1483744"}]}}"""),
            Fhir.Json("""{"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order","medicationReference":{"reference":"Medication/med1"},"subject":{"reference":"Patient/p1"}}""")));

        Assert.Equal(true, reading.Values["onNaltrexone"]);
        Assert.Equal(["MedicationRequest/m1"], reading.Sources["onNaltrexone"]);
    }

    [Fact]
    public void Read_ContainedMedication_IsRecognised()
    {
        var reading = Fhir.Read(Fhir.Json("""
            {"resourceType":"MedicationStatement","id":"s1","status":"active",
             "contained":[{"resourceType":"Medication","id":"lith","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"197889"}]}}],
             "medicationReference":{"reference":"#lith"},"subject":{"reference":"Patient/p1"}}
            """));

        Assert.Equal("lithium", reading.Values["moodStabilizer"]);
    }

    [Theory]
    [InlineData("197889", "lithium")]
    [InlineData("198427", "lamotrigine")]
    [InlineData("1099681", "valproate")]
    public void Read_MoodStabilizer_RecordsItsContractValue(string rxnorm, string expected)
    {
        var reading = Fhir.Read(Fhir.MedicationRequest("m1", rxnorm));

        Assert.Equal(expected, reading.Values["moodStabilizer"]);
    }

    [Fact]
    public void Read_LithiumAndLamotrigine_RecordsLithium()
    {
        var reading = Fhir.Read(Fhir.MedicationRequest("m1", "198427"), Fhir.MedicationRequest("m2", "197889"));

        Assert.Equal("lithium", reading.Values["moodStabilizer"]);
        Assert.Equal(["MedicationRequest/m2"], reading.Sources["moodStabilizer"]);
    }

    [Theory]
    [InlineData("1483744", "onNaltrexone")]
    [InlineData("1099681", "moodStabilizer")]
    public void Read_CodeFromAnotherSystem_IsNotMatched(string code, string field)
    {
        var reading = Fhir.Read(new
        {
            resourceType = "MedicationRequest",
            id = "m1",
            status = "active",
            intent = "order",
            medicationCodeableConcept = new { coding = new[] { new { system = "http://hl7.org/fhir/sid/ndc", code } } },
            subject = new { reference = "Patient/p1" },
        });

        Assert.False(reading.Values.ContainsKey(field));
    }
}
