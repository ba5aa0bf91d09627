namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 209: an Observation taken over an <c>effectivePeriod</c> was placed by its start alone. One that started before
/// the days its field reads but ran into them (an item 9 of 3 over 1-20 November, read on the 28th over 14 days) was taken
/// as older than those days, and one that started within them but ran past the result read was taken as older than that
/// result: either way it was neither read nor named. A period reaching into the days read is named
/// (<see cref="ChartCheckKind.ResultUntimed"/>, as a Condition's <c>onsetPeriod</c> reaching into a recent-event window
/// is), and may be as late as its end: where that is on or after the result read, that result is not read either
/// (<see cref="ChartCheckKind.ResultBesideUntimed"/>). One within the days read that runs past the result read, giving
/// another value, leaves the field not recorded, both named (<see cref="ChartCheckKind.ResultTimeUnclear"/>).
/// </summary>
public sealed class EffectivePeriodResultTests
{
    private static object Period(string? start, string? end) => (start, end) switch
    {
        ({ } s, { } e) => new { start = s, end = e },
        ({ } s, null) => new { start = s },
        _ => new { end = end! },
    };

    private static System.Text.Json.JsonElement Item9Over(string id, int score, string? start, string? end) =>
        UntimedResultTests.Timed(Fhir.Observation(id, "44260-8", score), ("effectivePeriod", Period(start, end)));

    private static ChartEntryToCheck? Named(FhirReading reading, string field, string reference, ChartCheckKind kind) =>
        reading.ToCheck.SingleOrDefault(c => c.Field == field && c.Reference == reference && c.Kind == kind);

    [Fact]
    public void Item9OverAPeriodStartingBeforeTheDaysRead_EndingWithinThem_BeforeTheScoreRead_IsNamedBesideIt()
    {
        // 1-20 November reaches into the 14 days read on the 28th; it ended before the 0 of the 27th was taken.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-period", 3, "2026-11-01", "2026-11-20"),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        var named = Named(reading, "phq9Item9", "Observation/i9-period", ChartCheckKind.ResultUntimed);
        Assert.Equal(3, named?.Value);
        Assert.Equal("44260-8, 2026-11-01/2026-11-20", named?.What);
    }

    [Theory]
    [InlineData("2026-11-28T08:00:00Z")] // ends after the 0 read
    [InlineData(null)] // no end: still running
    public void Item9OverAPeriodStartingBeforeTheDaysRead_ReachingPastTheScoreRead_LeavesItNotRecorded_BothNamed(string? end)
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-period", 3, "2026-11-01", end),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(3, Named(reading, "phq9Item9", "Observation/i9-period", ChartCheckKind.ResultUntimed)?.Value);
        Assert.Equal(0, Named(reading, "phq9Item9", "Observation/i9", ChartCheckKind.ResultBesideUntimed)?.Value);
    }

    [Fact]
    public void PregnancyStatusOverAPeriodStartingBeforeTheWeekRead_EndingWithinIt_IsNamed_NeverAnOlderNo()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            UntimedResultTests.Timed(Fhir.Observation("preg-yes", "82810-3", (Fhir.Loinc, "LA15173-0")), ("effectivePeriod", Period("2026-11-10", "2026-11-26"))),
            Fhir.Observation("preg-no", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-23T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.NotNull(Named(reading, "pregnant", "Observation/preg-yes", ChartCheckKind.ResultUntimed));
        Assert.NotNull(Named(reading, "pregnant", "Observation/preg-no", ChartCheckKind.ResultBesideUntimed));
    }

    [Fact]
    public void BloodPressureOverAPeriodFromYesterdayIntoToday_BesideTodaysPair_LeavesBothNotRecorded()
    {
        var overnight = UntimedResultTests.Timed(UntimedResultTests.Pressure("bp-overnight"), ("effectivePeriod", Period("2026-11-27T20:00:00Z", "2026-11-28T08:30:00Z")));
        var reading = Fhir.Read(Fhir.Patient(), overnight, UntimedResultTests.Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.NotNull(Named(reading, "systolicBp", "Observation/bp-overnight", ChartCheckKind.ResultUntimed));
        Assert.NotNull(Named(reading, "systolicBp", "Observation/bp", ChartCheckKind.ResultBesideUntimed));
    }

    [Fact]
    public void Item9OverAPeriodWithinTheDaysRead_RunningPastTheScoreRead_GivingAnother_IsTimeUnclear_BothNamed()
    {
        // Started on the 20th (read by its start, as before), but ran to the 28th, past the 0 of the 27th.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-period", 3, "2026-11-20T09:00:00Z", "2026-11-28T08:00:00Z"),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(3, Named(reading, "phq9Item9", "Observation/i9-period", ChartCheckKind.ResultTimeUnclear)?.Value);
        Assert.Equal(0, Named(reading, "phq9Item9", "Observation/i9", ChartCheckKind.ResultTimeUnclear)?.Value);
    }

    [Fact]
    public void Item9OverAPeriodWithinTheDaysRead_RunningPastTheScoreRead_GivingTheSame_LeavesItRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-period", 0, "2026-11-20T09:00:00Z", "2026-11-28T08:00:00Z"),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.Empty(reading.ToCheck);
    }

    [Theory]
    [InlineData("2026-10-01", "2026-11-01")] // ended before the 14 days read
    [InlineData("2026-11-20T09:00:00Z", "2026-11-26T09:00:00Z")] // within them, ended before the score read
    public void Item9OverAPeriod_OlderThanTheScoreRead_IsNotNamed_AsBefore(string start, string end)
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Item9Over("i9-period", 3, start, end),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.Empty(reading.ToCheck);
    }
}
