namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 209: a PHQ-9 item (LOINC 44250-9 ... 44260-8) whose time taken is not given, or cannot be placed within the 14
/// days the total reads, was neither summed into a total nor named beside it: eight items taken together and the ninth
/// untimed gave no total and no word of why, and an untimed item beside a total read left it read. Such an item is never
/// summed (which administration it belongs to cannot be told) but is named beside the total
/// (<see cref="ChartCheckKind.ResultUntimed"/>, <see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>), without a score
/// (an item's score is not the total's); it may belong to a later administration, so the total read beside it is not
/// read (<see cref="ChartCheckKind.ResultBesideUntimed"/>), unless it shows it was taken before that total's day.
/// </summary>
public sealed class UntimedPhq9ItemTests
{
    private static readonly string[] Items = Phq9TotalFormsTests.Items;

    private static readonly int[] Scores = [2, 3, 1, 2, 0, 1, 2, 1, 0]; // sum 12

    private static ChartEntryToCheck? Named(FhirReading reading, string reference, ChartCheckKind kind) =>
        reading.ToCheck.SingleOrDefault(c => c.Field == "phq9Total" && c.Reference == reference && c.Kind == kind);

    [Fact]
    public void EightItemsTakenTogether_AndTheNinthUntimed_GiveNoTotal_AndTheUntimedItemIsNamed()
    {
        var set = Phq9TotalFormsTests.ItemSet("i", Scores);
        set[2] = UntimedResultTests.Untimed(Phq9TotalFormsTests.Item("i3", Items[2], Scores[2]));

        var reading = Fhir.Read([.. set]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        var named = Named(reading, "Observation/i3", ChartCheckKind.ResultUntimed);
        Assert.NotNull(named);
        Assert.Null(named.Value); // an item's score is not the total's
    }

    [Fact]
    public void ACompleteSetTakenTogether_BesideAnUntimedItem_IsNotRead_BothNamed()
    {
        var set = Phq9TotalFormsTests.ItemSet("i", Scores);
        set.Add(UntimedResultTests.Untimed(Phq9TotalFormsTests.Item("i1-untimed", Items[0], 3)));

        var reading = Fhir.Read([.. set]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.NotNull(Named(reading, "Observation/i1-untimed", ChartCheckKind.ResultUntimed));
        Assert.Equal(12, Named(reading, "Observation/i1", ChartCheckKind.ResultBesideUntimed)?.Value);
    }

    [Fact]
    public void ATotalObservation_BesideAnItemIssuedLaterWithoutTheTimeTaken_IsNotRead_BothNamed()
    {
        var issuedOnly = UntimedResultTests.Timed(Phq9TotalFormsTests.Item("i4", Items[3], 3), ("issued", "2026-11-28T08:00:00Z"));

        var reading = Fhir.Read(Fhir.Observation("total", "44261-6", 8, effective: "2026-11-27T09:00:00Z"), issuedOnly);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.NotNull(Named(reading, "Observation/i4", ChartCheckKind.ResultTakenWhenNotGiven));
        Assert.Equal(8, Named(reading, "Observation/total", ChartCheckKind.ResultBesideUntimed)?.Value);
    }

    [Fact]
    public void AnItemWhoseTimeShowsItOlderThanTheTotalRead_IsNamedBesideIt_AndTheTotalIsRead()
    {
        // A period ending on the 20th: taken before the total of the 27th.
        var older = UntimedResultTests.Timed(Phq9TotalFormsTests.Item("i4", Items[3], 3), ("effectivePeriod", new { end = "2026-11-20T09:00:00Z" }));

        var reading = Fhir.Read(Fhir.Observation("total", "44261-6", 8, effective: "2026-11-27T09:00:00Z"), older);

        Assert.Equal(8, reading.Values["phq9Total"]);
        Assert.NotNull(Named(reading, "Observation/i4", ChartCheckKind.ResultUntimed));
    }

    [Fact]
    public void AnItemDatedInTheFuture_BesideATotal_IsNamed_AndTheTotalIsNotRead()
    {
        // A clock or time zone error may have dated the latest administration so, as for a total dated in the future.
        var reading = Fhir.Read(
            Fhir.Observation("total", "44261-6", 8, effective: "2026-11-27T09:00:00Z"),
            Phq9TotalFormsTests.Item("i4", Items[3], 3, effective: "2026-12-02T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.Null(Named(reading, "Observation/i4", ChartCheckKind.ResultInFuture)?.Value);
        Assert.NotNull(Named(reading, "Observation/i4", ChartCheckKind.ResultInFuture));
    }

    [Fact]
    public void AnUntimedItem_OlderThanTheDaysRead_IsNotNamed()
    {
        var older = UntimedResultTests.Timed(Phq9TotalFormsTests.Item("i4", Items[3], 3), ("effectiveDateTime", "2026-10"));

        var reading = Fhir.Read(Fhir.Observation("total", "44261-6", 8, effective: "2026-11-27T09:00:00Z"), older);

        Assert.Equal(8, reading.Values["phq9Total"]);
        Assert.Empty(reading.ToCheck);
    }
}
