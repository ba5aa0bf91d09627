namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 225: the chart's own PHQ-9 item 9 (LOINC 44260-8), say a "0" taken ten days ago, was read as the current item 9
/// although the chart held a later PHQ-9 result that gives no item 9 (a total, other items, a panel without item 9): an
/// older reassuring answer beside a newer questionnaire, whose item 9 the chart does not give. As for the total beside
/// later items (helper 214), it is now not read when such a result may be later than it (taken after it, or at a time
/// that cannot be placed against it): each such result is named beside item 9 (<see cref="ChartCheckKind.ItemWithoutTotal"/>,
/// or <see cref="ChartCheckKind.ResultNotFinal"/>), and item 9 is named beside them with its value, never read
/// (<see cref="ChartCheckKind.ResultBesideNewer"/>). A later result giving item 9 (a full panel), one taken at item 9's
/// time (one administration), and results taken before it leave it read.
/// </summary>
public sealed class OlderItem9BesideLaterPhq9Tests
{
    private static readonly string[] Items = Phq9TotalFormsTests.Items;

    private const string TenDaysAgo = "2026-11-18T09:00:00Z";

    private static object Item9(int score, string effective = TenDaysAgo) => Fhir.Observation("i9", "44260-8", score, effective: effective);

    private static object Total(int score, string effective = "2026-11-25T09:00:00Z", string status = "final") =>
        Fhir.Observation("total", "44261-6", score, effective: effective, status: status);

    private static ChartEntryToCheck? Named(FhirReading reading, string reference, ChartCheckKind kind) =>
        reading.ToCheck.SingleOrDefault(c => c.Field == "phq9Item9" && c.Reference == reference && c.Kind == kind);

    [Fact]
    public void AnItem9Of0_BesideATotalTakenLater_IsNotRead_TheTotalNamedBesideIt()
    {
        var reading = Fhir.Read(Item9(0), Total(12));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var total = Named(reading, "Observation/total", ChartCheckKind.ItemWithoutTotal);
        Assert.NotNull(total);
        Assert.Equal("44261-6, 2026-11-25 09:00 UTC", total.What);
        Assert.Null(total.Value); // a total's score is not item 9's
        var item9 = Named(reading, "Observation/i9", ChartCheckKind.ResultBesideNewer);
        Assert.Equal(0, item9?.Value);
        // Both say the chart's own item 9 is the older answer (their card lines).
        Assert.True(total.ChartPartOlder);
        Assert.True(item9?.ChartPartOlder);
        // The total is the newer reading, and is read; item 9 is not kept for an earlier screening's answer either.
        Assert.Equal(12, reading.Values["phq9Total"]);
        Assert.Empty(reading.ResultsWithoutPart);
    }

    [Fact]
    public void ATotalBesideLaterItems_IsNotMarkedAsAnOlderPart()
    {
        // Helper 214's case: the total read before later items is named beside them as before.
        var later = Items[..8].Select((code, i) => (object)Phq9TotalFormsTests.Item($"i{i + 1}", code, 2, "2026-11-25T09:00:00Z"));

        var reading = Fhir.Read([Total(5, effective: "2026-11-20T09:00:00Z"), .. later]);

        Assert.All(reading.ToCheck.Where(c => c.Field == "phq9Total"), c => Assert.False(c.ChartPartOlder));
    }

    [Fact]
    public void APositiveItem9_BesideATotalTakenLater_IsNotRead_ButKeepsItsValue()
    {
        var reading = Fhir.Read(Item9(2), Total(12));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(2, Named(reading, "Observation/i9", ChartCheckKind.ResultBesideNewer)?.Value);
    }

    [Fact]
    public void AnItem9_BesideEightItemsTakenLater_IsNotRead_EachItemNamedBesideIt()
    {
        var later = Items[..8].Select((code, i) => (object)Phq9TotalFormsTests.Item($"i{i + 1}", code, 2, "2026-11-25T09:00:00Z"));

        var reading = Fhir.Read([Item9(0), .. later]);

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(8, reading.ToCheck.Count(c => c.Field == "phq9Item9" && c.Kind == ChartCheckKind.ItemWithoutTotal));
        Assert.NotNull(Named(reading, "Observation/i1", ChartCheckKind.ItemWithoutTotal));
    }

    [Fact]
    public void AnItem9_BesideAPanelWithoutItem9TakenLater_IsNotRead()
    {
        var item1 = new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44250-9" } } }, valueInteger = 1 };

        var reading = Fhir.Read(Item9(0), Fhir.Observation("panel", "44249-1", effective: "2026-11-25T09:00:00Z", components: [item1]));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.NotNull(Named(reading, "Observation/panel", ChartCheckKind.ItemWithoutTotal));
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("unknown")]
    public void AnItem9_BesideATotalNotFinalTakenLater_IsNotRead_TheTotalNamedNotFinal(string status)
    {
        var reading = Fhir.Read(Item9(0), Total(12, status: status));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.NotNull(Named(reading, "Observation/total", ChartCheckKind.ResultNotFinal));
        Assert.Equal(0, Named(reading, "Observation/i9", ChartCheckKind.ResultBesideNewer)?.Value);
    }

    [Fact]
    public void AnItem9_BesideATotalThatGivesNoTimeTaken_IsNotRead()
    {
        var untimed = new { resourceType = "Observation", id = "total", status = "final", code = new { coding = new[] { new { system = Fhir.Loinc, code = "44261-6" } } }, valueInteger = 12, subject = new { reference = "Patient/p1" } };

        var reading = Fhir.Read(Item9(0), untimed);

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.NotNull(Named(reading, "Observation/total", ChartCheckKind.ItemWithoutTotal));
    }

    [Theory]
    [InlineData("2026-11-20T09:00:00Z", false)] // issued after item 9 was taken: it may have been taken after it
    [InlineData("2026-11-17T09:00:00Z", true)] // issued before: taken before it
    public void AnItem9_BesideATotalGivingOnlyWhenItWasIssued_IsReadOnlyWhenIssuedBeforeIt(string issued, bool read)
    {
        var total = new { resourceType = "Observation", id = "total", status = "final", code = new { coding = new[] { new { system = Fhir.Loinc, code = "44261-6" } } }, valueInteger = 12, subject = new { reference = "Patient/p1" }, issued };

        var reading = Fhir.Read(Item9(0), total);

        Assert.Equal(read, reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(!read, Named(reading, "Observation/total", ChartCheckKind.ItemWithoutTotal) is not null);
    }

    [Fact]
    public void AnItem9_BesideATotalTakenBefore_IsRead_NothingNamed()
    {
        var reading = Fhir.Read(Item9(0), Total(12, effective: "2026-11-16T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void AnItem9_BesideATotalTakenAtItsTime_IsRead_OneAdministration()
    {
        var reading = Fhir.Read(Item9(0), Total(12, effective: TenDaysAgo));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void Item9AndATotalDatedTheSameDayWithoutATime_AreOneAdministration_Item9Read()
    {
        var reading = Fhir.Read(Item9(1, "2026-11-18"), Total(12, effective: "2026-11-18"));

        Assert.Equal(1, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void ATotalDatedWithoutATimeOnItem9sDay_MayBeLater_Item9NotRead()
    {
        var reading = Fhir.Read(Item9(0), Total(12, effective: "2026-11-18"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.NotNull(Named(reading, "Observation/total", ChartCheckKind.ItemWithoutTotal));
    }

    [Fact]
    public void AFullPanelTakenLater_IsReadForItem9_AsBefore()
    {
        var item9 = new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44260-8" } } }, valueInteger = 1 };

        var reading = Fhir.Read(Item9(0), Total(12), Fhir.Observation("panel", "44249-1", effective: "2026-11-25T09:00:00Z", components: [item9]));

        Assert.Equal(1, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void ACompleteItemSetTakenLater_IsReadForItem9_AsBefore()
    {
        var reading = Fhir.Read([Item9(0), .. Phq9TotalFormsTests.ItemSet("s", [1, 1, 1, 1, 1, 1, 1, 1, 2], "2026-11-25T09:00:00Z")]);

        Assert.Equal(2, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }
}
