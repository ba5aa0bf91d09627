namespace KetamineCds.Fhir.Tests;

/// <summary>
/// QA132 F4's limit: a PHQ-9 item 9 the reader sets aside for its status or its time (a result not final, two as late
/// that disagree, one dated in the future) was only named, its value dropped, so a future-dated 3 beside an older 0 gave
/// no sign of a positive item 9. Such an entry now keeps the value it gives (<see cref="ChartEntryToCheck.Value"/>) and
/// its moment, for the card; the value is still not read.
/// </summary>
public sealed class UnreadItem9ValueTests
{
    /// <summary>00:17 on 29 November in a clinic in Chicago (06:17Z).</summary>
    private static readonly DateTimeOffset ChicagoJustAfterMidnight = new(2026, 11, 29, 6, 17, 0, TimeSpan.Zero);

    private static ChartEntryToCheck Item9Entry(FhirReading reading, string reference)
    {
        Assert.False(reading.Values.ContainsKey("phq9Item9"), "item 9 was read");
        Assert.Null(reading.InChart("phq9Item9"));
        return Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Reference == reference);
    }

    [Fact]
    public void Item9DatedInTheFuture_BesideAnOlderZero_KeepsItsValueAndMoment_Unread()
    {
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago",
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-25T09:00:00Z"),
            Fhir.Observation("i9-f", "44260-8", 3, effective: "2026-11-29T09:00:00Z"));

        var entry = Item9Entry(reading, "Observation/i9-f");
        Assert.Equal(ChartCheckKind.ResultInFuture, entry.Kind);
        Assert.Equal(3, entry.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), entry.Moment!.Instant);
        Assert.Equal("2026-11-29T09:00:00Z", entry.Moment.Written);
        Assert.Equal(new DateOnly(2026, 11, 29), entry.Moment.FirstDay);
    }

    [Fact]
    public void Item9DatedTomorrowWithoutATime_KeepsItsValue_AndItsDateAsWritten()
    {
        var reading = Fhir.Read(Fhir.Observation("i9-f", "44260-8", 2, effective: "2026-11-29"));

        var entry = Item9Entry(reading, "Observation/i9-f");
        Assert.Equal((ChartCheckKind.ResultInFuture, 2), (entry.Kind, entry.Value));
        Assert.Equal(("2026-11-29", (DateTimeOffset?)null), (entry.Moment!.Written, entry.Moment.Instant));
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("registered")]
    [InlineData("unknown")]
    public void NotFinalItem9_NewerThanAFinalZero_KeepsItsValue_Unread(string status)
    {
        var reading = Fhir.Read(
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-20T09:00:00Z"),
            Fhir.Observation("i9-p", "44260-8", 3, effective: "2026-11-28T08:00:00Z", status: status));

        var entry = Item9Entry(reading, "Observation/i9-p");
        Assert.Equal((ChartCheckKind.ResultNotFinal, 3), (entry.Kind, entry.Value));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), entry.Moment!.Instant);
    }

    [Fact]
    public void TwoItem9ResultsAtTheSameTime_EachKeepsItsValue_NeitherIsRead()
    {
        var reading = Fhir.Read(
            Fhir.Observation("i9-a", "44260-8", 0, effective: "2026-11-27T09:00:00Z", status: "amended"),
            Fhir.Observation("i9-b", "44260-8", 2, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal((ChartCheckKind.ResultTimeUnclear, 0), (Item9Entry(reading, "Observation/i9-a").Kind, Item9Entry(reading, "Observation/i9-a").Value));
        Assert.Equal((ChartCheckKind.ResultTimeUnclear, 2), (Item9Entry(reading, "Observation/i9-b").Kind, Item9Entry(reading, "Observation/i9-b").Value));
    }

    [Fact]
    public void Item9OfThree_BesideAnUnreadableResultOfTheSameTime_IsNamedWithItsValue_NotLost()
    {
        // Before, the 3 was named nowhere: only the unreadable one was, and the 3 vanished unseen.
        var unreadable = Fhir.Json("""
            {"resourceType": "Observation", "id": "i9-x", "status": "final", "subject": {"reference": "Patient/p1"},
             "code": {"coding": [{"system": "http://loinc.org", "code": "44260-8"}]}, "effectiveDateTime": "2026-11-27T09:00:00Z",
             "valueString": "three"}
            """);
        var reading = Fhir.Read(Fhir.Observation("i9-b", "44260-8", 3, effective: "2026-11-27T09:00:00Z"), unreadable);

        var three = Item9Entry(reading, "Observation/i9-b");
        Assert.Equal((ChartCheckKind.ResultTimeUnclear, 3), (three.Kind, three.Value));
        var other = Item9Entry(reading, "Observation/i9-x");
        Assert.Equal(ChartCheckKind.ResultNotReadable, other.Kind);
        Assert.Null(other.Value);
    }

    [Fact]
    public void NotFinalItem9OlderThanTheFourteenDays_IsNeitherNamedNorKept()
    {
        // An old answer is not current: out of scope, as before.
        var reading = Fhir.Read(Fhir.Observation("i9-p", "44260-8", 3, effective: "2026-11-01T09:00:00Z", status: "preliminary"));

        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Null(reading.InChart("phq9Item9"));
    }

    [Fact]
    public void UnreadableItem9_KeepsNoValue()
    {
        // An answer code that is not one of item 9's LOINC answers is not read, and not guessed as a value either. (Until
        // item 9's LOINC answers were read, this was LA6571-9, "Nearly every day": now read as 3, CodedItem9AnswerTests.)
        var reading = Fhir.Read(Fhir.Observation("i9-c", "44260-8", (Fhir.Loinc, "LA4489-6")));

        var entry = Item9Entry(reading, "Observation/i9-c");
        Assert.Equal(ChartCheckKind.ResultNotReadable, entry.Kind);
        Assert.Null(entry.Value);
        Assert.Null(entry.Moment);
    }

    [Fact]
    public void NotFinalItem9OutOfRange_KeepsNoValue()
    {
        var reading = Fhir.Read(Fhir.Observation("i9-p", "44260-8", 7, status: "preliminary"));

        var entry = Item9Entry(reading, "Observation/i9-p");
        Assert.Equal(ChartCheckKind.ResultNotFinal, entry.Kind);
        Assert.Null(entry.Value);
    }

    [Fact]
    public void NotFinalBloodPressure_KeepsNoValue()
    {
        // Only the scores keep their values (the card reads item 9); a pressure pair is not a field's value.
        var reading = Fhir.Read(Fhir.Observation("bp", "85354-9", status: "preliminary",
            components: [Fhir.PressureComponent("8480-6", 200m), Fhir.PressureComponent("8462-4", 120m)]));

        Assert.All(reading.ToCheck, c => Assert.Null(c.Value));
        Assert.Contains(reading.ToCheck, c => c.Field == "systolicBp" && c.Kind == ChartCheckKind.ResultNotFinal);
    }
}
