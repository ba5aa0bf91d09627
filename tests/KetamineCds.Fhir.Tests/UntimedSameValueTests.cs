namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 209: a final result whose time taken cannot be told (<see cref="ChartCheckKind.ResultUntimed"/>,
/// <see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>) that reads as the very value the field reads left the field not
/// recorded all the same: the untimed one was not compared. Whichever is newer, the field's value is then the same, so
/// the value read stands, and the untimed result is still named beside it (<see cref="ChartEntryToCheck.SameValueAsRead"/>).
/// Any doubt keeps the old reading: another value, a value that cannot be read as one, a result not final.
/// </summary>
public sealed class UntimedSameValueTests
{
    private static ChartEntryToCheck? Named(FhirReading reading, string field, string reference, ChartCheckKind kind) =>
        reading.ToCheck.SingleOrDefault(c => c.Field == field && c.Reference == reference && c.Kind == kind);

    [Fact]
    public void UntimedItem9_GivingTheScoreRead_LeavesItRead_AndIsNamedBesideIt()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9", "44260-8", 2, effective: "2026-11-27T09:00:00Z"),
            UntimedResultTests.Untimed(Fhir.Observation("i9-untimed", "44260-8", 2)));

        Assert.Equal(2, reading.Values["phq9Item9"]);
        var named = Named(reading, "phq9Item9", "Observation/i9-untimed", ChartCheckKind.ResultUntimed);
        Assert.Equal(2, named?.Value);
        Assert.True(named?.SameValueAsRead);
    }

    [Fact]
    public void UntimedPregnancyStatusAndBloodPressure_GivingTheValueRead_LeaveThemRead_AndAreNamedBesideThem()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("preg", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-27T09:00:00Z"),
            UntimedResultTests.Untimed(Fhir.Observation("preg-untimed", "82810-3", (Fhir.Loinc, "LA26683-5"))),
            UntimedResultTests.Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"),
            UntimedResultTests.Untimed(UntimedResultTests.Pressure("bp-untimed", 120, 80)));

        Assert.Equal(false, reading.Values["pregnant"]);
        Assert.Equal(120, reading.Values["systolicBp"]);
        Assert.Equal(80, reading.Values["diastolicBp"]);
        Assert.True(Named(reading, "pregnant", "Observation/preg-untimed", ChartCheckKind.ResultUntimed)?.SameValueAsRead);
        Assert.True(Named(reading, "systolicBp", "Observation/bp-untimed", ChartCheckKind.ResultUntimed)?.SameValueAsRead);
    }

    [Fact]
    public void Item9IssuedLaterWithoutTheTimeTaken_GivingTheScoreRead_LeavesItRead_AndIsNamedBesideIt()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"),
            UntimedResultTests.Timed(Fhir.Observation("i9-issued", "44260-8", 0), ("issued", "2026-11-28T08:00:00Z")));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.True(Named(reading, "phq9Item9", "Observation/i9-issued", ChartCheckKind.ResultTakenWhenNotGiven)?.SameValueAsRead);
    }

    [Theory]
    [InlineData("preliminary")] // a newer result not final leaves the field not recorded
    [InlineData("unknown")]
    public void UntimedResultNotFinal_GivingTheScoreRead_StillLeavesItNotRecorded(string status)
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"),
            UntimedResultTests.Untimed(Fhir.Observation("i9-untimed", "44260-8", 0, status: status)));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.NotNull(Named(reading, "phq9Item9", "Observation/i9", ChartCheckKind.ResultBesideUntimed));
    }

    [Fact]
    public void UntimedResult_WhoseValueCannotBeReadAsOne_StillLeavesTheFieldNotRecorded()
    {
        // A 0 beside a dataAbsentReason is not read (obs-6): it is not the same value as the 0 read.
        var absent = UntimedResultTests.Timed(Fhir.Observation("i9-untimed", "44260-8", 0), ("dataAbsentReason", new { text = "asked, declined" }));
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"), absent);

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
    }

    [Fact]
    public void UntimedBloodPressure_GivenInOtherUnitsOrAsAFraction_StillLeavesItNotRecorded()
    {
        // 119.6/80 reads as 120/80 (rounded up), but the chart gave another value: not the same.
        var fraction = UntimedResultTests.Untimed(Fhir.Observation("bp-untimed", "85354-9", components: [Fhir.PressureComponent("8480-6", 119.6m), Fhir.PressureComponent("8462-4", 80)]));
        var reading = Fhir.Read(Fhir.Patient(), UntimedResultTests.Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"), fraction);

        Assert.False(reading.Values.ContainsKey("systolicBp"));
    }
}
