namespace KetamineCds.Fhir.Tests;

/// <summary>
/// QA132 F4 (PHQ-9 item 9 above the total: the chart contradicts itself) and F11 (a result dated in the future, from an
/// EHR clock or time zone error, was not read and not named either).
/// </summary>
public sealed class ContradictingAndFutureResultsTests
{
    /// <summary>00:17 on 29 November in a clinic in Chicago (06:17Z).</summary>
    private static readonly DateTimeOffset ChicagoJustAfterMidnight = new(2026, 11, 29, 6, 17, 0, TimeSpan.Zero);

    private static object Panel(string id, string effective, decimal systolic = 200m, decimal diastolic = 120m, string status = "final") =>
        Fhir.Observation(id, "85354-9", effective: effective, status: status, components: [Fhir.PressureComponent("8480-6", systolic), Fhir.PressureComponent("8462-4", diastolic)]);

    [Fact]
    public void Item9AboveTheTotal_NeitherIsRead_BothAreNamedWithTheirValuesAndTimes_AndItem9IsKeptAsContradicting()
    {
        var reading = Fhir.Read(Fhir.Observation("t", "44261-6", 2), Fhir.Observation("i9", "44260-8", 3));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.False(reading.Values.ContainsKey("phq9Total"));
        var item9 = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal((ChartCheckKind.ResultsContradict, "Observation/i9", "phq9Total"), (item9.Kind, item9.Reference, item9.Against));
        Assert.Equal("44260-8 = 3, 2026-11-28 09:00 UTC", item9.What);
        var total = Assert.Single(reading.ToCheck, c => c.Field == "phq9Total");
        Assert.Equal((ChartCheckKind.ResultsContradict, "Observation/t", "phq9Item9"), (total.Kind, total.Reference, total.Against));
        Assert.Equal("44261-6 = 2, 2026-11-28 09:00 UTC", total.What);
        // Kept apart, so that the card can still say a positive item 9 is in the chart.
        Assert.Equal(3, reading.Contradicting["phq9Item9"].Value);
        Assert.Equal("Observation/i9", Assert.Single(reading.Contradicting["phq9Item9"].ReadFrom).Reference);
        Assert.Equal(3, reading.InChart("phq9Item9")!.Value);
    }

    [Theory]
    [InlineData(27, 0)]
    [InlineData(25, 0)]
    [InlineData(26, 1)]
    [InlineData(27, 2)]
    public void Item9BelowWhatTheTotalRequires_NeitherIsRead_BothAreNamedAsContradicting(int totalScore, int item9Score)
    {
        // QA157 F2: the other eight items score at most 24 together, so a total of 27 means item 9 = 3; a chart's 27 beside
        // an item 9 of 0 contradicts itself as an item 9 above the total does.
        var reading = Fhir.Read(Fhir.Observation("t", "44261-6", totalScore), Fhir.Observation("i9", "44260-8", item9Score));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.False(reading.Values.ContainsKey("phq9Total"));
        var item9 = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal((ChartCheckKind.ResultsContradict, "Observation/i9", "phq9Total"), (item9.Kind, item9.Reference, item9.Against));
        Assert.Equal($"44260-8 = {item9Score}, 2026-11-28 09:00 UTC", item9.What);
        var total = Assert.Single(reading.ToCheck, c => c.Field == "phq9Total");
        Assert.Equal((ChartCheckKind.ResultsContradict, "Observation/t", "phq9Item9"), (total.Kind, total.Reference, total.Against));
        Assert.Equal($"44261-6 = {totalScore}, 2026-11-28 09:00 UTC", total.What);
        Assert.Equal(item9Score, reading.Contradicting["phq9Item9"].Value);
        Assert.Equal(totalScore, reading.Contradicting["phq9Total"].Value);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(22, 3)]
    [InlineData(0, 0)]
    [InlineData(27, 3)]
    [InlineData(25, 1)]
    [InlineData(24, 0)]
    public void Item9AtMostTheTotal_BothAreRead_NothingIsNamed(int totalScore, int item9Score)
    {
        var reading = Fhir.Read(Fhir.Observation("t", "44261-6", totalScore), Fhir.Observation("i9", "44260-8", item9Score));

        Assert.Equal(totalScore, reading.Values["phq9Total"]);
        Assert.Equal(item9Score, reading.Values["phq9Item9"]);
        Assert.Empty(reading.ToCheck);
        Assert.Empty(reading.Contradicting);
    }

    [Fact]
    public void Item9WithoutATotal_IsRead_AndInChartGivesItWithItsObservation()
    {
        var reading = Fhir.Read(Fhir.Observation("i9", "44260-8", 3));

        Assert.Equal(3, reading.Values["phq9Item9"]);
        var inChart = reading.InChart("phq9Item9")!;
        Assert.Equal(3, inChart.Value);
        Assert.Equal("Observation/i9", Assert.Single(inChart.ReadFrom).Reference);
        Assert.Null(reading.InChart("phq9Total"));
    }

    [Fact]
    public void BloodPressureDatedTwentyHoursAhead_IsNamedBesideBothValuesWithItsClinicTime()
    {
        // QA132 F11: 200/120 dated 20 hours ahead was silently not read: the card said only "not recorded".
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Panel("bp-f", "2026-11-30T02:17:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
        foreach (var field in new[] { "systolicBp", "diastolicBp" })
        {
            var entry = Assert.Single(reading.ToCheck, c => c.Field == field);
            Assert.Equal((ChartCheckKind.ResultInFuture, "Observation/bp-f"), (entry.Kind, entry.Reference));
            Assert.Equal("85354-9, 2026-11-29 20:17 UTC-06:00", entry.What);
        }
    }

    [Fact]
    public void BloodPressureDatedInTheFuture_KeepsAnEarlierReadingOfTodayFromBeingRead()
    {
        // It may be the latest reading, misdated: an older one does not take its place (as for a newer one not readable).
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago",
            Panel("bp-now", "2026-11-29T06:05:00Z", 120m, 80m), Panel("bp-f", "2026-11-29T08:17:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.Contains(reading.ToCheck, c => c.Field == "systolicBp" && c.Kind == ChartCheckKind.ResultInFuture && c.Reference == "Observation/bp-f");
    }

    [Theory]
    [InlineData("2026-11-29T06:20:00Z")] // three minutes ahead: a clock a little fast, read as today's
    [InlineData("2026-11-29")] // a date alone of the clinic's today
    public void BloodPressureWithinTheClockSkewOrOfToday_IsReadAndNotNamed(string effective)
    {
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Panel("bp", effective));

        Assert.Equal(200, reading.Values["systolicBp"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Kind == ChartCheckKind.ResultInFuture);
    }

    [Fact]
    public void RegisteredBloodPressureDatedInTheFuture_IsNotNamed()
    {
        // A test registered for later gives no value: nothing to read, nothing misdated.
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Panel("bp-later", "2026-11-30T02:17:00Z", status: "registered"));

        Assert.DoesNotContain(reading.ToCheck, c => c.Kind == ChartCheckKind.ResultInFuture);
    }

    [Fact]
    public void Item9DatedInTheFuture_IsNamed_AndAnOlderItem9IsNotReadInItsPlace()
    {
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago",
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-25T09:00:00Z"),
            Fhir.Observation("i9-f", "44260-8", 3, effective: "2026-11-29T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal((ChartCheckKind.ResultInFuture, "Observation/i9-f", "44260-8, 2026-11-29 03:00 UTC-06:00"), (entry.Kind, entry.Reference, entry.What));
    }

    [Fact]
    public void PregnancyStatusDatedTomorrow_IsNamedWithItsDate()
    {
        var reading = Fhir.Read(Fhir.Observation("preg-f", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-29"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "pregnant");
        Assert.Equal((ChartCheckKind.ResultInFuture, "Observation/preg-f", "82810-3, 2026-11-29"), (entry.Kind, entry.Reference, entry.What));
    }
}
