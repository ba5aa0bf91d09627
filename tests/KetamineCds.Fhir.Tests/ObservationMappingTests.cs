namespace KetamineCds.Fhir.Tests;

public class ObservationMappingTests
{
    [Fact]
    public void MeasurementGroups_AreTheObservationFieldsWithTheBloodPressurePairKeptTogether()
    {
        // CDS Hooks compares these with a clinician's screening by when each was taken (QA120 F2); they come from the value
        // sets' readers, so a field read from an observation joins them without a list to edit.
        Assert.Equal(
            [["systolicBp", "diastolicBp"], ["phq9Total"], ["phq9Item9"]],
            FhirHistoryReader.MeasurementGroups.Select(g => g.ToArray()).ToArray());
    }

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
    public void Read_SeparateSystolicOutOfRangeAndDiastolic_NamesEachValueOnlyAgainstItsOwnObservation()
    {
        // Helper 237: each value was named against both Observations with the systolic's code (4 entries, one saying the
        // systolic is out of range on the diastolic's Observation); the decision log's check list holds them as the card.
        var reading = Fhir.Read(Fhir.Observation("s1", "8480-6", 400m), Fhir.Observation("d1", "8462-4", 80m));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
        var entries = reading.ToCheck.Where(c => c.Field is "systolicBp" or "diastolicBp").ToList();
        Assert.Equal(2, entries.Count);
        var systolic = Assert.Single(entries, c => c.Field == "systolicBp");
        var diastolic = Assert.Single(entries, c => c.Field == "diastolicBp");
        Assert.Equal((ChartCheckKind.ResultNotReadable, "Observation/s1", true, (string?)null), (systolic.Kind, systolic.Reference, systolic.OutOfRange, systolic.OtherOutOfRange));
        Assert.Equal((ChartCheckKind.ResultNotReadable, "Observation/d1", false, "systolicBp"), (diastolic.Kind, diastolic.Reference, diastolic.OutOfRange, diastolic.OtherOutOfRange));
        Assert.Contains("8480-6", systolic.What, StringComparison.Ordinal);
        Assert.Contains("8462-4", diastolic.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeparateSystolicAndDiastolicInKpa_NamesEachValueOnlyAgainstItsOwnObservation()
    {
        static System.Text.Json.JsonElement Kpa(string id, string loinc, decimal value) => Fhir.Json(
            $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{loinc}}}"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-28T09:00:00Z","valueQuantity":{"value":{{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},"unit":"kPa","system":"http://unitsofmeasure.org","code":"kPa"}}""");

        var reading = Fhir.Read(Kpa("s1", "8480-6", 25.3m), Kpa("d1", "8462-4", 15.3m));

        var entries = reading.ToCheck.Where(c => c.Field is "systolicBp" or "diastolicBp").Select(c => (c.Field, c.Kind, c.Reference)).ToList();
        Assert.Equal([("diastolicBp", ChartCheckKind.ResultNotReadable, "Observation/d1"), ("systolicBp", ChartCheckKind.ResultNotReadable, "Observation/s1")], entries.Order());
        Assert.Contains("8462-4", Assert.Single(reading.ToCheck, c => c.Field == "diastolicBp").What, StringComparison.Ordinal);
    }

    // Every blood-pressure rule is an upper threshold (CV-002 above 140/90, CV-003 at or above 180/110; R15): a reading with
    // a fraction is rounded up, so that 140.4 is above 140 as the chart says, and the value as given is kept beside it. The
    // old rounding to the nearest read 140.4 as 140, and CV-002 did not fire.
    [Theory]
    [InlineData("140.4", "80", 141, 80)]
    [InlineData("139.6", "80", 140, 80)]
    [InlineData("179.2", "109.1", 180, 110)]
    [InlineData("140.5", "90.5", 141, 91)]
    [InlineData("140.0", "90", 140, 90)]
    public void Read_BloodPressureWithAFraction_IsRoundedUpAndTheValueAsGivenIsKept(string systolic, string diastolic, int sys, int dia)
    {
        var reading = Fhir.Read(Fhir.Observation("bp1", "85354-9", components: [
            Fhir.PressureComponent("8480-6", decimal.Parse(systolic, System.Globalization.CultureInfo.InvariantCulture)),
            Fhir.PressureComponent("8462-4", decimal.Parse(diastolic, System.Globalization.CultureInfo.InvariantCulture))]));

        Assert.Equal(sys, reading.Values["systolicBp"]);
        Assert.Equal(dia, reading.Values["diastolicBp"]);
        var expected = new List<RoundedValue>();
        if (decimal.Parse(systolic, System.Globalization.CultureInfo.InvariantCulture) != sys)
            expected.Add(new RoundedValue("systolicBp", "Observation/bp1", decimal.Parse(systolic, System.Globalization.CultureInfo.InvariantCulture), sys));
        if (decimal.Parse(diastolic, System.Globalization.CultureInfo.InvariantCulture) != dia)
            expected.Add(new RoundedValue("diastolicBp", "Observation/bp1", decimal.Parse(diastolic, System.Globalization.CultureInfo.InvariantCulture), dia));
        Assert.Equal(expected, reading.Rounded);
    }

    [Fact]
    public void Read_SeparateSystolicAndDiastolicWithFractions_EachIsRoundedUpAndNamedWithItsOwnEntry()
    {
        var reading = Fhir.Read(Fhir.Observation("s1", "8480-6", 140.4m), Fhir.Observation("d1", "8462-4", 89.2m));

        Assert.Equal(141, reading.Values["systolicBp"]);
        Assert.Equal(90, reading.Values["diastolicBp"]);
        Assert.Equal([new RoundedValue("systolicBp", "Observation/s1", 140.4m, 141), new RoundedValue("diastolicBp", "Observation/d1", 89.2m, 90)], reading.Rounded);
    }

    [Fact]
    public void Read_SystolicWithoutItsDiastolic_RecordsNeither()
    {
        var reading = Fhir.Read(Fhir.Observation("s1", "8480-6", 141m), Fhir.Observation("d1", "8462-4", 92m, effective: "2026-11-28T08:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
    }

    // QA120 F1: UCUM's code is mm[Hg]; "mmHg" and "mm Hg" are common spellings of the same unit (as a code or as unit
    // text) and are read; kPa never is (ValueSetChartChecksTests).
    [Theory]
    [InlineData("mmHg", "http://unitsofmeasure.org", "mmHg")]
    [InlineData("mm Hg", null, null)]
    [InlineData("mmHg", null, null)]
    [InlineData("mm[Hg]", "http://unitsofmeasure.org", "MM[HG]")]
    public void Read_BloodPressureInAnotherSpellingOfMillimetresOfMercury_IsRead(string unit, string? system, string? code)
    {
        object Component(string loinc, int value) => new
        {
            code = new { coding = new[] { new { system = Fhir.Loinc, code = loinc } } },
            valueQuantity = code is null ? (object)new { value, unit } : new { value, unit, system, code },
        };
        var reading = Fhir.Read(
            Fhir.Observation("bp1", "85354-9", effective: "2026-11-28T08:00:00Z", components: [Fhir.PressureComponent("8480-6", 128m), Fhir.PressureComponent("8462-4", 80m)]),
            Fhir.Observation("bp2", "85354-9", effective: "2026-11-28T10:00:00Z", components: [Component("8480-6", 190), Component("8462-4", 115)]));

        Assert.Equal(190, reading.Values["systolicBp"]);
        Assert.Equal(115, reading.Values["diastolicBp"]);
        Assert.Equal(["Observation/bp2"], reading.Sources["systolicBp"]);
    }

    [Fact]
    public void Read_NewerPanelCoded55284WithSystolicAndDiastolicComponents_IsReadByItsComponents()
    {
        var reading = Fhir.Read(
            Fhir.Observation("bp1", "85354-9", effective: "2026-11-28T08:00:00Z", components: [Fhir.PressureComponent("8480-6", 128m), Fhir.PressureComponent("8462-4", 80m)]),
            Fhir.Observation("bp2", "55284-4", effective: "2026-11-28T10:00:00Z", components: [Fhir.PressureComponent("8480-6", 190m), Fhir.PressureComponent("8462-4", 115m)]));

        Assert.Equal(190, reading.Values["systolicBp"]);
        Assert.Equal(["Observation/bp2"], reading.Sources["diastolicBp"]);
    }

    [Fact]
    public void Read_APanelAndItsPartsSentSeparatelyAtTheSameTime_RecordsThePair()
    {
        // EHRs may send a panel and its systolic and diastolic as Observations of their own: the same reading, not a rival.
        var reading = Fhir.Read(
            Fhir.Observation("bp1", "85354-9", effective: "2026-11-28T10:00:00Z", components: [Fhir.PressureComponent("8480-6", 141m), Fhir.PressureComponent("8462-4", 92m)]),
            Fhir.Observation("s1", "8480-6", 141m, effective: "2026-11-28T10:00:00Z"));

        Assert.Equal(141, reading.Values["systolicBp"]);
        Assert.Equal(92, reading.Values["diastolicBp"]);
        Assert.Empty(reading.ToCheck);
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

    /// <summary>QA8 F19: 00:17 on 29 November in a clinic in Chicago (06:17Z).</summary>
    private static readonly DateTimeOffset ChicagoJustAfterMidnight = new(2026, 11, 29, 6, 17, 0, TimeSpan.Zero);

    private static object Panel(string effective) =>
        Fhir.Observation("bp1", "85354-9", effective: effective, components: [Fhir.PressureComponent("8480-6", 185m), Fhir.PressureComponent("8462-4", 112m)]);

    [Theory]
    [InlineData("2026-11-28T23:30:00-06:00")] // last evening, in the clinic's offset
    [InlineData("2026-11-29T05:30:00Z")] // the same instant in UTC: still last evening in the clinic
    [InlineData("2026-11-29T05:30:00+08:00")] // 21:30Z on 28 November: the afternoon before, in the clinic
    [InlineData("2026-11-29T08:17:00Z")] // two hours from now
    [InlineData("2026-11-29T06:22:01Z")] // just beyond the five minutes a clock may be fast
    public void ReadAt_BloodPressureNotOnTheClinicsDayOrInTheFuture_IsNotRead(string effective)
    {
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Panel(effective));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
    }

    [Theory]
    [InlineData("2026-11-29T06:05:00Z")] // 00:05 in the clinic, sent in UTC
    [InlineData("2026-11-29T00:10:00-06:00")]
    [InlineData("2026-11-29T14:10:00+08:00")] // 06:10Z, written in another zone
    [InlineData("2026-11-29T06:20:00Z")] // three minutes ahead: a clock a little fast
    [InlineData("2026-11-29")] // a date without a time is the day it names
    public void ReadAt_BloodPressureTakenOnTheClinicsDay_IsReadWhateverTheOffset(string effective)
    {
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Panel(effective));

        Assert.Equal(185, reading.Values["systolicBp"]);
        Assert.Equal(112, reading.Values["diastolicBp"]);
    }

    [Fact]
    public void ReadAt_BloodPressureOfTheMorningInAClinicEastOfUtc_IsTodaysAlthoughItsUtcDayIsYesterday()
    {
        // 07:30 on 29 November in Shanghai is 23:30Z on the 28th: this morning in the clinic, yesterday in UTC.
        var now = new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

        var reading = Fhir.ReadAt(now, "Asia/Shanghai", Panel("2026-11-28T23:30:00Z"));

        Assert.Equal(185, reading.Values["systolicBp"]);
    }

    [Fact]
    public void ReadAt_Phq9OfFifteenClinicDaysAgo_IsNotReadAlthoughItsUtcDayIsFourteenDaysAgo()
    {
        // 29 November 05:30Z is 23:30 on the 28th in Chicago; on 13 December (clinic) it is 15 days old, beyond its 14.
        var now = new DateTimeOffset(2026, 12, 13, 18, 0, 0, TimeSpan.Zero);

        var reading = Fhir.ReadAt(now, "America/Chicago", Fhir.Observation("q1", "44261-6", 17, effective: "2026-11-29T05:30:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
    }

    [Fact]
    public void ReadAt_Phq9TimedInTheFuture_IsNotRead()
    {
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Fhir.Observation("q1", "44261-6", 17, effective: "2026-11-29T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
    }

    [Fact]
    public void ReadAt_PregnancyStatusOfEightClinicDaysAgo_IsNotReadAlthoughItsUtcDayIsSevenDaysAgo()
    {
        // 29 November 05:30Z is 23:30 on the 28th in Chicago; on 6 December (clinic) it is eight days old, beyond its 7.
        var now = new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.Zero);

        var reading = Fhir.ReadAt(now, "America/Chicago", Fhir.Observation("p1", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-29T05:30:00Z"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
    }
}
