using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 207: an Observation whose time taken cannot be read or placed in the days its field reads vanished without a
/// word (neither read nor named): no <c>effective[x]</c> and no <c>issued</c>; an <c>effectiveTiming</c>; an
/// <c>effectivePeriod</c> with only an <c>end</c>; a date given only to the month or year reaching into those days (a
/// dateTime with a time but no time zone is refused by the FHIR parser, the whole prefetch with a clear message). It is still never read, but named
/// (<see cref="ChartCheckKind.ResultUntimed"/>), a PHQ-9 score keeping the score it gives. It may be newer than the
/// result the field would read, so that result is not read either, and is named beside it
/// (<see cref="ChartCheckKind.ResultBesideUntimed"/>), keeping its score: a positive item 9 is never hidden.
/// </summary>
public sealed class UntimedResultTests
{
    private const string Pregnant = "LA15173-0";
    private const string NotPregnant = "LA26683-5";

    /// <summary><paramref name="observation"/> with its effectiveDateTime replaced by <paramref name="fields"/> (none: no time at all).</summary>
    internal static JsonElement Timed(object observation, params (string Name, object Value)[] fields)
    {
        var all = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(observation))!;
        all.Remove("effectiveDateTime");
        foreach (var (name, value) in fields)
            all[name] = JsonSerializer.SerializeToElement(value);
        return Fhir.Json(all);
    }

    internal static JsonElement Untimed(object observation) => Timed(observation);

    internal static object Pressure(string id, int systolic = 190, int diastolic = 115, string effective = "2026-11-28T09:00:00Z", string status = "final") =>
        Fhir.Observation(id, "85354-9", effective: effective, status: status, components: [Fhir.PressureComponent("8480-6", systolic), Fhir.PressureComponent("8462-4", diastolic)]);

    private static object Item9Panel(string id, int score) =>
        Fhir.Observation(id, "44249-1", components: [new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44260-8" } } }, valueInteger = score }]);

    private static ChartEntryToCheck? Untimed(FhirReading reading, string field, string reference) =>
        reading.ToCheck.SingleOrDefault(c => c.Field == field && c.Reference == reference && c.Kind == ChartCheckKind.ResultUntimed);

    private static readonly string[] TimingEvents = ["2026-11-28T09:00:00Z"];

    public static TheoryData<string> UnreadableTimes => new()
    {
        "none",
        "timing",
        "period-end-only",
        "month",
    };

    /// <summary>The observation with a time taken that cannot be placed in today (or the days read) for each case.</summary>
    private static JsonElement WithTime(object observation, string how) => how switch
    {
        "none" => Untimed(observation),
        "timing" => Timed(observation, ("effectiveTiming", new { @event = TimingEvents })),
        "period-end-only" => Timed(observation, ("effectivePeriod", new { end = "2026-11-28T09:00:00Z" })),
        "month" => Timed(observation, ("effectiveDateTime", "2026-11")),
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    [Theory]
    [MemberData(nameof(UnreadableTimes))]
    public void BloodPressure_WhoseTimeCannotBePlaced_IsNotRead_ButNamed(string how)
    {
        var reading = Fhir.Read(Fhir.Patient(), WithTime(Pressure("bp"), how));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
        Assert.NotNull(Untimed(reading, "systolicBp", "Observation/bp"));
        Assert.NotNull(Untimed(reading, "diastolicBp", "Observation/bp"));
    }

    [Theory]
    [MemberData(nameof(UnreadableTimes))]
    public void Item9_WhoseTimeCannotBePlaced_IsNamed_WithItsScore(string how)
    {
        var reading = Fhir.Read(Fhir.Patient(), WithTime(Fhir.Observation("i9", "44260-8", 3), how));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(3, Untimed(reading, "phq9Item9", "Observation/i9")?.Value);
    }

    [Theory]
    [MemberData(nameof(UnreadableTimes))]
    public void Phq9Total_AndPanelItem9_AndPregnancy_WhoseTimeCannotBePlaced_AreNamed(string how)
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            WithTime(Fhir.Observation("total", "44261-6", 20), how),
            WithTime(Item9Panel("panel", 2), how),
            WithTime(Fhir.Observation("preg", "82810-3", (Fhir.Loinc, Pregnant)), how));

        Assert.Equal(20, Untimed(reading, "phq9Total", "Observation/total")?.Value);
        Assert.Equal(2, Untimed(reading, "phq9Item9", "Observation/panel")?.Value);
        Assert.NotNull(Untimed(reading, "pregnant", "Observation/preg"));
        Assert.DoesNotContain(reading.Values.Keys, k => k is "phq9Total" or "phq9Item9" or "pregnant");
    }

    [Fact]
    public void UntimedPregnant_BesideATimedNotPregnant_LeavesPregnancyNotRecorded_BothNamed()
    {
        // Before: the "not pregnant" of five days ago was read as no; the untimed "pregnant" may be newer and vanished.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("preg-no", "82810-3", (Fhir.Loinc, NotPregnant), effective: "2026-11-23T09:00:00Z"),
            Untimed(Fhir.Observation("preg-yes", "82810-3", (Fhir.Loinc, Pregnant))));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.NotNull(Untimed(reading, "pregnant", "Observation/preg-yes"));
        Assert.Contains(reading.ToCheck, c => c.Field == "pregnant" && c.Reference == "Observation/preg-no" && c.Kind == ChartCheckKind.ResultBesideUntimed);
    }

    [Fact]
    public void TimedPositiveItem9_BesideAnUntimedZero_IsNotRead_ButNamedWithItsScore_NeverHidden()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9-3", "44260-8", 3, effective: "2026-11-27T09:00:00Z"),
            Untimed(Fhir.Observation("i9-0", "44260-8", 0)));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(0, Untimed(reading, "phq9Item9", "Observation/i9-0")?.Value);
        var beside = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Kind == ChartCheckKind.ResultBesideUntimed);
        Assert.Equal("Observation/i9-3", beside.Reference);
        Assert.Equal(3, beside.Value);
    }

    [Fact]
    public void TimedPositiveItem9_BesideAZeroIssuedLaterWithoutTheTimeTaken_IsNamedWithItsScore_NeverHidden()
    {
        // Helper 205's rule left item 9 not recorded and named only the 0: the timed 3 vanished, and with it the card.
        var zero = Timed(Fhir.Observation("i9-0", "44260-8", 0), ("issued", "2026-11-28T08:00:00Z"));
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("i9-3", "44260-8", 3, effective: "2026-11-27T09:00:00Z"), zero);

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var beside = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Kind == ChartCheckKind.ResultBesideUntimed);
        Assert.Equal("Observation/i9-3", beside.Reference);
        Assert.Equal(3, beside.Value);
    }

    [Fact]
    public void UntimedBloodPressure_BesideOneTakenToday_LeavesBothNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Patient(), Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"), Untimed(Pressure("bp-untimed")));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.NotNull(Untimed(reading, "systolicBp", "Observation/bp-untimed"));
        Assert.Contains(reading.ToCheck, c => c.Field == "systolicBp" && c.Reference == "Observation/bp" && c.Kind == ChartCheckKind.ResultBesideUntimed);
    }

    [Theory]
    [InlineData("effectiveDateTime", "2026-11-26")] // a date alone: that day, not today
    [InlineData("effectiveDateTime", "2026-10")] // wholly before today
    [InlineData("effectiveDateTime", "2025")]
    [InlineData("effectivePeriod", "2026-11-27T09:00:00Z")] // an end before today: taken before it
    public void BloodPressure_WhoseTimeIsUnclearButCertainlyBeforeToday_IsNotNamed(string element, string value)
    {
        object time = element == "effectivePeriod" ? new { end = value } : value;
        var reading = Fhir.Read(Fhir.Patient(), Timed(Pressure("bp"), (element, time)), Pressure("bp-today", 120, 80, effective: "2026-11-28T08:00:00Z"));

        Assert.Equal(120, reading.Values["systolicBp"]);
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void ATimeWithoutItsZone_IsRefused_WithAClearMessage_NeverReadNorDropped()
    {
        // FHIR requires a zone with a time: the Firely parser refuses the resource, and the reader the prefetch, naming it.
        var error = Assert.Throws<FhirFormatException>(() =>
            Fhir.Read(Fhir.Patient(), Timed(Pressure("bp"), ("effectiveDateTime", "2026-11-28T09:00:00"))));

        Assert.Contains("prefetch item 2 is not a valid R4 Observation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UntimedResult_IssuedBeforeTheDaysRead_IsNotNamed()
    {
        // Taken before it was issued, 20 days ago: older than the 14 days item 9 is read over.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Timed(Fhir.Observation("i9", "44260-8", 3), ("effectiveTiming", new { code = new { text = "weekly" } }), ("issued", "2026-11-08T09:00:00Z")),
            Fhir.Observation("i9-new", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void MonthOnlyItem9_OlderThanTheScoreRead_IsNamedBesideIt()
    {
        // "2026-11" may be any day of November up to the 30th: it may be as late as the 0 of the 27th.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Timed(Fhir.Observation("i9-month", "44260-8", 3), ("effectiveDateTime", "2026-11")),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(3, Untimed(reading, "phq9Item9", "Observation/i9-month")?.Value);
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("registered")]
    public void Untimed_NotAResult_IsNotNamed(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), Untimed(Fhir.Observation("i9", "44260-8", 3, status: status)));

        Assert.Empty(reading.ToCheck);
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("unknown")]
    [InlineData("corrected")]
    public void Untimed_OfAnotherStatusGivingAValue_IsNamed(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), Untimed(Fhir.Observation("i9", "44260-8", 3, status: status)));

        Assert.Equal(3, Untimed(reading, "phq9Item9", "Observation/i9")?.Value);
    }

    [Theory]
    [InlineData("none", "85354-9")]
    [InlineData("month", "85354-9, 2026-11")]
    [InlineData("period-end-only", "85354-9, ../2026-11-28T09:00:00Z")]
    [InlineData("timing", "85354-9")]
    public void Untimed_IsNamedWithItsTimeAsWritten(string how, string what)
    {
        var reading = Fhir.Read(Fhir.Patient(), WithTime(Pressure("bp"), how));

        Assert.Equal(what, Untimed(reading, "systolicBp", "Observation/bp")?.What);
    }

    [Fact]
    public void ADateOnlyBloodPressureToday_BesideATimedOneToday_GivingAnother_IsTimeUnclear_AsBefore()
    {
        // Which of the two is today's latest cannot be told: neither is read (QA120 F1), unchanged by helper 207.
        var reading = Fhir.Read(Fhir.Patient(), Pressure("bp-day", 150, 95, effective: "2026-11-28"), Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.All(reading.ToCheck, c => Assert.Equal(ChartCheckKind.ResultTimeUnclear, c.Kind));
        Assert.Contains(reading.ToCheck, c => c.Reference == "Observation/bp-day");
    }

    [Fact]
    public void TimedResults_AreReadExactlyAsBefore()
    {
        // A date alone is that day (today's blood pressure), a period with a start is read by its start, an instant as itself.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Pressure("bp", 150, 95, effective: "2026-11-28"),
            Timed(Fhir.Observation("i9", "44260-8", 2), ("effectivePeriod", new { start = "2026-11-27T09:00:00Z" })),
            Timed(Fhir.Observation("total", "44261-6", 12), ("effectiveInstant", "2026-11-27T09:00:00Z")),
            Fhir.Observation("preg", "82810-3", (Fhir.Loinc, NotPregnant), effective: "2026-11-27"));

        Assert.Equal(150, reading.Values["systolicBp"]);
        Assert.Equal(95, reading.Values["diastolicBp"]);
        Assert.Equal(2, reading.Values["phq9Item9"]);
        Assert.Equal(12, reading.Values["phq9Total"]);
        Assert.Equal(false, reading.Values["pregnant"]);
        Assert.Empty(reading.ToCheck);
    }
}
