namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 214: a result not final (preliminary, registered, of unknown status) within the days its field reads was named
/// only when its start was after the latest final result's time. One taken over an <c>effectivePeriod</c> that runs on
/// to that time (or is still running), or dated without a time on that result's day, may be as late, but was taken as
/// older and vanished, while a final one so placed is named (helper 209, <see cref="ChartCheckKind.ResultTimeUnclear"/>).
/// It is now named as any later result not final is (<see cref="ChartCheckKind.ResultNotFinal"/>), and the field is not
/// recorded. And the latest final result beside a later one not final was not named at all: a final item 9 of 3 beside a
/// later preliminary 0 vanished, with no positive item 9 card (as helper 207 found for a result whose time cannot be
/// told). It is now named beside it (<see cref="ChartCheckKind.ResultBesideNewer"/>), keeping its score.
/// </summary>
public sealed class NotFinalLaterResultTests
{
    private static System.Text.Json.JsonElement Item9Over(string id, int score, string start, string? end, string status) =>
        UntimedResultTests.Timed(Fhir.Observation(id, "44260-8", score, status: status), ("effectivePeriod", end is null ? new { start } : (object)new { start, end }));

    private static ChartEntryToCheck? Named(FhirReading reading, string field, string reference, ChartCheckKind kind) =>
        reading.ToCheck.SingleOrDefault(c => c.Field == field && c.Reference == reference && c.Kind == kind);

    [Theory]
    [InlineData("preliminary", "2026-11-28T08:00:00Z")]
    [InlineData("unknown", "2026-11-28T08:00:00Z")]
    [InlineData("preliminary", null)] // still running
    public void Item9NotFinal_OverAPeriodRunningPastTheScoreRead_IsNamedNotFinal_AndLeavesItNotRecorded(string status, string? end)
    {
        // Started on the 20th, before the 0 of the 27th, but ran on past it: it may be the later result.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-p", 3, "2026-11-20T09:00:00Z", end, status),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(3, Named(reading, "phq9Item9", "Observation/i9-p", ChartCheckKind.ResultNotFinal)?.Value);
        Assert.Equal(0, Named(reading, "phq9Item9", "Observation/i9", ChartCheckKind.ResultBesideNewer)?.Value);
    }

    [Fact]
    public void Item9NotFinal_OverAPeriodEndingBeforeTheScoreRead_IsNotNamed_TheScoreStands()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-p", 3, "2026-11-20T09:00:00Z", "2026-11-26T09:00:00Z", "preliminary"),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void Item9NotFinal_DatedWithoutATimeOnTheDayOfTheScoreRead_IsNamed_AndLeavesItNotRecorded()
    {
        // Dated the 27th without a time: it may have been taken after the 0 of 09:00 that day, as a final one so dated may.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9-p", "44260-8", 2, effective: "2026-11-27", status: "preliminary"),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(2, Named(reading, "phq9Item9", "Observation/i9-p", ChartCheckKind.ResultNotFinal)?.Value);
    }

    [Fact]
    public void BloodPressureNotFinal_OverAPeriodRunningPastTodaysPair_LeavesBothNotRecorded()
    {
        var overnight = UntimedResultTests.Timed(
            UntimedResultTests.Pressure("bp-p", status: "preliminary"),
            ("effectivePeriod", new { start = "2026-11-28T07:00:00Z", end = "2026-11-28T09:00:00Z" }));
        var reading = Fhir.Read(Fhir.Patient(), overnight, UntimedResultTests.Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
        Assert.NotNull(Named(reading, "systolicBp", "Observation/bp-p", ChartCheckKind.ResultNotFinal));
        Assert.NotNull(Named(reading, "diastolicBp", "Observation/bp", ChartCheckKind.ResultBesideNewer));
    }

    [Fact]
    public void FinalItem9OfThree_BesideALaterPreliminaryZero_IsNamedWithItsScore()
    {
        // Before, only the preliminary 0 was named: the final 3 appeared nowhere, and raised no card.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9", "44260-8", 3, effective: "2026-11-27T09:00:00Z"),
            Fhir.Observation("i9-p", "44260-8", 0, effective: "2026-11-28T08:00:00Z", status: "preliminary"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(0, Named(reading, "phq9Item9", "Observation/i9-p", ChartCheckKind.ResultNotFinal)?.Value);
        var beside = Named(reading, "phq9Item9", "Observation/i9", ChartCheckKind.ResultBesideNewer);
        Assert.Equal(3, beside?.Value);
        Assert.Equal("2026-11-27T09:00:00Z", beside?.Moment?.Written);
    }

    [Fact]
    public void FinalPregnancyStatus_BesideALaterPreliminaryOne_IsNamed_NeverRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("preg", "82810-3", (Fhir.Loinc, "LA15173-0"), effective: "2026-11-26T09:00:00Z"),
            Fhir.Observation("preg-p", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-28T08:00:00Z", status: "preliminary"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.NotNull(Named(reading, "pregnant", "Observation/preg-p", ChartCheckKind.ResultNotFinal));
        Assert.NotNull(Named(reading, "pregnant", "Observation/preg", ChartCheckKind.ResultBesideNewer));
    }
}
