using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

public class SampleBundleTests
{
    private static FhirReading ReadSample(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name + ".json")));
        return FhirHistoryReader.Read([document.RootElement], Fhir.Today);
    }

    [Fact]
    public void Read_MddWithAneurysm_RecordsWhatTheEhrHoldsAndNothingMore()
    {
        var reading = ReadSample("mdd-with-aneurysm");

        Assert.Equal(58, reading.Values["ageYears"]);
        Assert.Equal("male", reading.Values["sexAtBirth"]);
        Assert.Equal("mdd", reading.Values["primaryDiagnosis"]);
        Assert.Equal(true, reading.Values["currentDepressiveEpisode"]);
        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
        Assert.Equal(["Condition/cond-aaa"], reading.Sources["aneurysmalVascularDisease"]);
        Assert.Equal(true, reading.Values["onOralAntidepressant"]);
        Assert.Equal("ssri", reading.Values["oralAntidepressantClass"]);
        Assert.Equal(138, reading.Values["systolicBp"]);
        Assert.Equal(86, reading.Values["diastolicBp"]);
        Assert.Equal(19, reading.Values["phq9Total"]);
        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.Equal(11, reading.Values.Count);
    }

    [Fact]
    public void Read_MddWithNothingElse_LeavesEverySafetyItemNotRecorded()
    {
        var reading = ReadSample("mdd-nothing-else");

        Assert.Equal(["ageYears", "currentDepressiveEpisode", "primaryDiagnosis", "sexAtBirth"], reading.Values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("female", reading.Values["sexAtBirth"]);
        Assert.Equal(36, reading.Values["ageYears"]);
    }

    [Fact]
    public void Read_BipolarOnLithium_RecordsTheStabilizerAndIgnoresTheStoppedAntidepressant()
    {
        var reading = ReadSample("bipolar-on-lithium");

        Assert.Equal("bipolar-i", reading.Values["primaryDiagnosis"]);
        Assert.Equal(true, reading.Values["currentDepressiveEpisode"]);
        Assert.Equal("lithium", reading.Values["moodStabilizer"]);
        Assert.Equal(["MedicationRequest/rx-lithium"], reading.Sources["moodStabilizer"]);
        Assert.Equal(false, reading.Values["pregnant"]);
        Assert.False(reading.Values.ContainsKey("onOralAntidepressant"));
        Assert.False(reading.Values.ContainsKey("hypersensitivityToKetamine"));
        Assert.Equal(124, reading.Values["systolicBp"]);
    }

    [Fact]
    public void Read_MalformedSample_ThrowsAShortSafeReason()
    {
        var failure = Assert.Throws<FhirFormatException>(() => ReadSample("malformed-condition-code"));

        Assert.Equal("FHIR: prefetch item 1, entry 1, entry 0 is not a valid R4 Condition (JSON131 at Condition.code).", failure.Message);
    }
}
