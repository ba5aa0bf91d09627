namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 214: a result whose time cannot be told that shows it was taken before the value read
/// (<see cref="ChartCheckKind.ResultUntimed"/>, <see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>) is named beside
/// that value, which is read; but its entry did not say so, and the card's line said that "a result that may be older is
/// not read in its place" though it was. The entry now says whether the field's value was read beside it
/// (<see cref="ChartEntryToCheck.BesideValueRead"/>), and says that a value giving the same value was read
/// (<see cref="ChartEntryToCheck.SameValueAsRead"/>) only where it was: another result may still leave the field not
/// recorded.
/// </summary>
public sealed class BesideValueReadTests
{
    private static System.Text.Json.JsonElement Item9Over(string id, int score, string start, string end) =>
        UntimedResultTests.Timed(Fhir.Observation(id, "44260-8", score), ("effectivePeriod", new { start, end }));

    private static ChartEntryToCheck Named(FhirReading reading, string reference) =>
        Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Reference == reference);

    [Fact]
    public void AResultTakenBeforeTheValueRead_IsNamedBesideTheValueRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-period", 3, "2026-11-01", "2026-11-20"),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.True(Named(reading, "Observation/i9-period").BesideValueRead);
    }

    [Fact]
    public void AResultIssuedBeforeTheValueReadWasTaken_IsNamedBesideTheValueRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            UntimedResultTests.Timed(Fhir.Observation("i9-issued", "44260-8", 3), ("issued", "2026-11-26T09:00:00Z")),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.True(Named(reading, "Observation/i9-issued").BesideValueRead);
    }

    [Fact]
    public void AResultTakenBeforeTheValueRead_WhenAnotherLeavesTheFieldNotRecorded_IsNotBesideAValueRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-period", 3, "2026-11-01", "2026-11-20"),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"),
            UntimedResultTests.Untimed(Fhir.Observation("i9-untimed", "44260-8", 1)));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.False(Named(reading, "Observation/i9-period").BesideValueRead);
        Assert.False(Named(reading, "Observation/i9-untimed").BesideValueRead);
    }

    [Fact]
    public void AResultGivingTheValueRead_WhenAnotherLeavesTheFieldNotRecorded_DoesNotSayTheValueWasRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9", "44260-8", 2, effective: "2026-11-27T09:00:00Z"),
            UntimedResultTests.Untimed(Fhir.Observation("i9-same", "44260-8", 2)),
            UntimedResultTests.Untimed(Fhir.Observation("i9-other", "44260-8", 3)));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var same = Named(reading, "Observation/i9-same");
        Assert.False(same.SameValueAsRead);
        Assert.False(same.BesideValueRead);
    }
}
