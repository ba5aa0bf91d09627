namespace KetamineCds.Fhir.Tests;

public class ObservationMappingTests
{
    [Fact]
    public void Read_BloodPressurePanelToday_RecordsBothValues()
    {
        var reading = Fhir.Read(Fhir.Observation("bp1", "85354-9", components: [Fhir.PressureComponent("8480-6", 132m), Fhir.PressureComponent("8462-4", 84m)]));

        Assert.Equal(132, reading.Values["systolicBp"]);
        Assert.Equal(84, reading.Values["diastolicBp"]);
        Assert.Equal(["Observation/bp1"], reading.Sources["systolicBp"]);
    }

    [Fact]
    public void Read_SeparateSystolicAndDiastolicAtTheSameTime_RecordsThePair()
    {
        var reading = Fhir.Read(Fhir.Observation("s1", "8480-6", 141m), Fhir.Observation("d1", "8462-4", 92m));

        Assert.Equal(141, reading.Values["systolicBp"]);
        Assert.Equal(92, reading.Values["diastolicBp"]);
        Assert.Equal(["Observation/s1", "Observation/d1"], reading.Sources["diastolicBp"]);
    }

    [Fact]
    public void Read_SystolicWithoutItsDiastolic_RecordsNeither()
    {
        var reading = Fhir.Read(Fhir.Observation("s1", "8480-6", 141m), Fhir.Observation("d1", "8462-4", 92m, effective: "2026-11-28T08:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
    }

    [Fact]
    public void Read_TwoPanelsToday_RecordsTheLatest()
    {
        var reading = Fhir.Read(
            Fhir.Observation("bp1", "85354-9", effective: "2026-11-28T08:00:00Z", components: [Fhir.PressureComponent("8480-6", 150m), Fhir.PressureComponent("8462-4", 95m)]),
            Fhir.Observation("bp2", "85354-9", effective: "2026-11-28T10:30:00Z", components: [Fhir.PressureComponent("8480-6", 128m), Fhir.PressureComponent("8462-4", 80m)]));

        Assert.Equal(128, reading.Values["systolicBp"]);
        Assert.Equal(["Observation/bp2"], reading.Sources["diastolicBp"]);
    }

    [Theory]
    [InlineData("2026-11-27T09:00:00Z", "final")]
    [InlineData("2026-11-28T09:00:00Z", "entered-in-error")]
    [InlineData("2026-11-28T09:00:00Z", "cancelled")]
    [InlineData("2026-11-28T09:00:00Z", "preliminary")]
    [InlineData("2026-11", "final")]
    public void Read_BloodPressureNotFinalOrNotToday_IsNotRead(string effective, string status)
    {
        var reading = Fhir.Read(Fhir.Observation("bp1", "85354-9", effective: effective, status: status, components: [Fhir.PressureComponent("8480-6", 132m), Fhir.PressureComponent("8462-4", 84m)]));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
    }

    [Fact]
    public void Read_Phq9TotalAndItem9_RecordsBothIncludingZero()
    {
        var reading = Fhir.Read(Fhir.Observation("q1", "44261-6", 17, effective: "2026-11-20"), Fhir.Observation("q2", "44260-8", 0, effective: "2026-11-20"));

        Assert.Equal(17, reading.Values["phq9Total"]);
        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.Equal(["Observation/q2"], reading.Sources["phq9Item9"]);
    }

    [Fact]
    public void Read_Phq9OlderThanTwoWeeks_IsNotRead()
    {
        var reading = Fhir.Read(Fhir.Observation("q1", "44261-6", 17, effective: "2026-11-13"));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
    }

    [Fact]
    public void Read_SeveralPhq9Scores_RecordsTheMostRecent()
    {
        var reading = Fhir.Read(
            Fhir.Observation("q1", "44261-6", 21, effective: "2026-11-18"),
            Fhir.Observation("q2", "44261-6", 12, effective: "2026-11-26"),
            Fhir.Observation("q3", "44261-6", 25, effective: "2026-11-27", status: "entered-in-error"));

        Assert.Equal(12, reading.Values["phq9Total"]);
    }

    [Fact]
    public void Read_Phq9ScoreOutOfRange_IsNotRead()
    {
        var reading = Fhir.Read(Fhir.Observation("q1", "44260-8", 7));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
    }

    [Theory]
    [InlineData(Fhir.Loinc, "LA15173-0", true)]
    [InlineData(Fhir.Snomed, "77386006", true)]
    [InlineData(Fhir.Loinc, "LA26683-5", false)]
    [InlineData(Fhir.Snomed, "60001007", false)]
    public void Read_RecentPregnancyStatus_RecordsTheAnswer(string system, string code, bool expected)
    {
        var reading = Fhir.Read(Fhir.Observation("p1", "82810-3", (system, code), effective: "2026-11-25"));

        Assert.Equal(expected, reading.Values["pregnant"]);
    }

    [Theory]
    [InlineData("LA4489-6", "2026-11-28")]
    [InlineData("LA26683-5", "2026-11-20")]
    public void Read_UnknownOrOldPregnancyStatus_LeavesItNotRecorded(string code, string effective)
    {
        var reading = Fhir.Read(Fhir.Observation("p1", "82810-3", (Fhir.Loinc, code), effective: effective));

        Assert.False(reading.Values.ContainsKey("pregnant"));
    }
}
