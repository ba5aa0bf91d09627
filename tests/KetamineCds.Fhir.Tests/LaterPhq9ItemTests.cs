namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 214: PHQ-9 items (LOINC 44250-9 ... 44260-8) taken within the 14 days that give no total (a set with an item
/// missing, not final, or not readable; a PHQ-2) were neither summed nor named, the earlier decision being "as before
/// items were read". But taken after the total read, they are a later administration whose total the chart does not
/// give, yet the older total was read as the current one (a total of 5 beside eight later items summing 18), where no
/// older result is ever read in place of a newer one not final or not readable. Such an item is now named beside the total
/// (<see cref="ChartCheckKind.ItemWithoutTotal"/>, or <see cref="ChartCheckKind.ResultNotFinal"/> for one not final),
/// without a score, and the total read before it is not read, named beside it (<see cref="ChartCheckKind.ResultBesideNewer"/>).
/// Items taken with a total the chart gives (the same time) are that total's, and older items are older results: neither
/// is named; nor are items where no total is read (the total is not recorded whatever they say).
/// </summary>
public sealed class LaterPhq9ItemTests
{
    private static readonly string[] Items = Phq9TotalFormsTests.Items;

    private static ChartEntryToCheck? Named(FhirReading reading, string reference, ChartCheckKind kind) =>
        reading.ToCheck.SingleOrDefault(c => c.Field == "phq9Total" && c.Reference == reference && c.Kind == kind);

    private static object Total(int score, string effective = "2026-11-20T09:00:00Z", string status = "final") =>
        Fhir.Observation("total", "44261-6", score, effective: effective, status: status);

    /// <summary>Items 1-8 answered 2 or 3 at <paramref name="effective"/> (sum 18), item 9 missing.</summary>
    private static List<object> EightItems(string effective = "2026-11-27T09:00:00Z") =>
        [.. Items[..8].Select((code, i) => (object)Phq9TotalFormsTests.Item($"i{i + 1}", code, i % 2 == 0 ? 2 : 3, effective))];

    [Fact]
    public void ATotalRead_BesideEightItemsTakenLater_IsNotRead_TheItemsAndTheTotalNamed()
    {
        var reading = Fhir.Read([Total(5), .. EightItems()]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        var item = Named(reading, "Observation/i1", ChartCheckKind.ItemWithoutTotal);
        Assert.NotNull(item);
        Assert.Null(item.Value); // an item's score is not the total's
        Assert.Equal("44250-9, 2026-11-27 09:00 UTC", item.What);
        Assert.Equal(8, reading.ToCheck.Count(c => c.Field == "phq9Total" && c.Kind == ChartCheckKind.ItemWithoutTotal));
        Assert.Equal(5, Named(reading, "Observation/total", ChartCheckKind.ResultBesideNewer)?.Value);
    }

    [Fact]
    public void ATotalRead_BesideAnItem9TakenLaterAlone_IsNotRead_Item9IsReadForItself()
    {
        var reading = Fhir.Read(Total(5), Phq9TotalFormsTests.Item("i9", Items[8], 1));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.Equal(1, reading.Values["phq9Item9"]);
        Assert.NotNull(Named(reading, "Observation/i9", ChartCheckKind.ItemWithoutTotal));
        Assert.Equal(5, Named(reading, "Observation/total", ChartCheckKind.ResultBesideNewer)?.Value);
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("unknown")]
    public void ATotalRead_BesideACompleteSetNotFinalTakenLater_IsNotRead_TheItemsNamedNotFinal(string status)
    {
        var later = Items.Select((code, i) => (object)Phq9TotalFormsTests.Item($"i{i + 1}", code, 3, status: status)).ToList();

        var reading = Fhir.Read([Total(5), .. later]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.NotNull(Named(reading, "Observation/i4", ChartCheckKind.ResultNotFinal));
        Assert.Equal(5, Named(reading, "Observation/total", ChartCheckKind.ResultBesideNewer)?.Value);
    }

    [Fact]
    public void NoTotalRead_APhq2WithinTheDays_IsNotNamed_TheTotalIsNotRecordedWhateverItSays()
    {
        // The earlier decision stands where no total is read: the field is not recorded, and no item set changes that.
        var reading = Fhir.Read(
            Phq9TotalFormsTests.Item("i1", Items[0], 3),
            Phq9TotalFormsTests.Item("i2", Items[1], 3));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Total");
    }

    [Fact]
    public void NoTotalRead_ItemsWithinTheDays_AreKeptWithWhenTheyWereTaken_ForACallerThatWouldFillTheTotalFromElsewhere()
    {
        // Helper 218: not named, but kept, so that an earlier screening's total recorded before them is not carried beside them.
        var reading = Fhir.Read(
            Phq9TotalFormsTests.Item("i1", Items[0], 3),
            Phq9TotalFormsTests.Item("i9", Items[8], 1, status: "preliminary"));

        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Total");
        var held = Assert.Single(reading.ItemsWithoutTotal, h => h.Entry.Reference == "Observation/i1");
        Assert.Equal(new ChartEntryToCheck("phq9Total", ChartCheckKind.ItemWithoutTotal, "Observation/i1", "44250-9, 2026-11-27 09:00 UTC"), held.Entry);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), held.Taken?.Instant);
        Assert.Contains(reading.ItemsWithoutTotal, h => h.Entry.Reference == "Observation/i9" && h.Entry.Kind == ChartCheckKind.ResultNotFinal);
    }

    [Fact]
    public void ACompleteSetOrATotal_KeepsNoItemWithoutTotal()
    {
        Assert.Empty(Fhir.Read([.. Phq9TotalFormsTests.ItemSet("s", [1, 1, 1, 1, 1, 1, 1, 1, 1])]).ItemsWithoutTotal);
        Assert.Empty(Fhir.Read([Total(5), .. EightItems()]).ItemsWithoutTotal);
        // Taken before the days the total reads: older results, not kept.
        Assert.Empty(Fhir.Read(Phq9TotalFormsTests.Item("i9", Items[8], 1, "2026-11-01T09:00:00Z")).ItemsWithoutTotal);
    }

    [Fact]
    public void ItemsTakenWithTheTotal_AreItsOwn_AndNotNamed()
    {
        // The total and some of its items sent together, as an EHR sends a PHQ-9: one administration.
        var reading = Fhir.Read([Total(18, effective: "2026-11-27T09:00:00Z"), .. EightItems()]);

        Assert.Equal(18, reading.Values["phq9Total"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Total");
    }

    [Fact]
    public void Item9TakenWithTheTotal_IsItsOwn_AndNotNamedBesideIt()
    {
        var reading = Fhir.Read(Total(5, effective: "2026-11-27T09:00:00Z"), Phq9TotalFormsTests.Item("i9", Items[8], 1));

        Assert.Equal(5, reading.Values["phq9Total"]);
        Assert.Equal(1, reading.Values["phq9Item9"]);
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void ANotFinalTotalWithItsItems_IsNamedAlone_NotItsItems()
    {
        var items = Items.Select((code, i) => (object)Phq9TotalFormsTests.Item($"i{i + 1}", code, 1, status: "preliminary")).ToList();

        var reading = Fhir.Read([Total(9, effective: "2026-11-27T09:00:00Z", status: "preliminary"), .. items]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.Equal("Observation/total", Assert.Single(reading.ToCheck, c => c.Field == "phq9Total").Reference);
    }

    [Theory]
    [InlineData("2026-11-18T09:00:00Z")] // before the total read
    [InlineData("2026-11-01T09:00:00Z")] // before the 14 days
    public void OlderItems_AreNotNamed_TheTotalStands(string effective)
    {
        var reading = Fhir.Read([Total(5), .. EightItems(effective)]);

        Assert.Equal(5, reading.Values["phq9Total"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Total");
    }

    [Fact]
    public void ACompleteSetTakenLater_IsRead_AsBefore()
    {
        var reading = Fhir.Read([Total(5), .. Phq9TotalFormsTests.ItemSet("i", [2, 3, 1, 2, 0, 1, 2, 1, 0])]);

        Assert.Equal(12, reading.Values["phq9Total"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Total");
    }

    [Fact]
    public void NoItem9Read_TheQuestionnairesOtherResults_AreKeptForItem9_WithWhenTheyWereTaken()
    {
        // Helper 223: not named beside item 9 (not recorded whatever they say), but kept, so that an earlier screening's item
        // 9 recorded before them is not carried beside a later administration whose item 9 the chart does not give.
        var reading = Fhir.Read([Total(5), .. EightItems()]);

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(9, reading.ResultsWithoutPart.Count);
        Assert.All(reading.ResultsWithoutPart, h => Assert.Equal("phq9Item9", h.Entry.Field));
        var total = Assert.Single(reading.ResultsWithoutPart, h => h.Entry.Reference == "Observation/total");
        Assert.Equal(new ChartEntryToCheck("phq9Item9", ChartCheckKind.ItemWithoutTotal, "Observation/total", "44261-6, 2026-11-20 09:00 UTC"), total.Entry);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), total.Taken?.Instant);
        Assert.Contains(reading.ResultsWithoutPart, h => h.Entry.Reference == "Observation/i8" && h.Entry.Kind == ChartCheckKind.ItemWithoutTotal);
    }

    [Fact]
    public void Item9ReadOrNamed_KeepsNoResultForIt()
    {
        Assert.Empty(Fhir.Read(Total(5), Phq9TotalFormsTests.Item("i9", Items[8], 1)).ResultsWithoutPart);
        Assert.Empty(Fhir.Read(Total(5), Phq9TotalFormsTests.Item("i9", Items[8], 1, status: "preliminary")).ResultsWithoutPart);
        Assert.Empty(Fhir.Read([.. Phq9TotalFormsTests.ItemSet("s", [1, 1, 1, 1, 1, 1, 1, 1, 1])]).ResultsWithoutPart);
    }

    [Fact]
    public void AResultKeptForItem9_IsKeptWithTheMomentByWhichItWasTaken()
    {
        // Over a period: by its end; still running: nothing bounds it. Giving only when it was issued: by then.
        var running = new { resourceType = "Observation", id = "running", status = "final", code = new { coding = new[] { new { system = Fhir.Loinc, code = "44261-6" } } }, valueInteger = 5, subject = new { reference = "Patient/p1" }, effectivePeriod = new { start = "2026-11-20T09:00:00Z" } };
        var ended = new { resourceType = "Observation", id = "ended", status = "final", code = new { coding = new[] { new { system = Fhir.Loinc, code = "44250-9" } } }, valueInteger = 1, subject = new { reference = "Patient/p1" }, effectivePeriod = new { start = "2026-11-20T09:00:00Z", end = "2026-11-26T09:00:00Z" } };
        var issued = new { resourceType = "Observation", id = "issued", status = "final", code = new { coding = new[] { new { system = Fhir.Loinc, code = "44255-8" } } }, valueInteger = 1, subject = new { reference = "Patient/p1" }, issued = "2026-11-25T09:00:00Z" };

        var held = Fhir.Read(running, ended, issued).ResultsWithoutPart;

        Assert.Null(Assert.Single(held, h => h.Entry.Reference == "Observation/running").Taken);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), Assert.Single(held, h => h.Entry.Reference == "Observation/ended").Taken?.Instant);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), Assert.Single(held, h => h.Entry.Reference == "Observation/issued").Taken?.Instant);
    }
}
