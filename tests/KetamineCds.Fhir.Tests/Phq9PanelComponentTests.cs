namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 200: PHQ-9 item 9 sent only as a component of a PHQ-9 panel Observation (LOINC 44249-1, component 44260-8)
/// was neither read nor named. It is a completed questionnaire's answer, as item 9's own Observation is: read the same
/// way (a whole number 0-3, or a LOINC answer whose codes and words agree), with the panel's status and time, and
/// decided against item 9's own Observations as any other reading. A component that cannot be read as one answer (two
/// item 9 components that differ, a value beside a dataAbsentReason) is named as not readable, never read, keeping the
/// highest score it names.
/// </summary>
public sealed class Phq9PanelComponentTests
{
    private const string Panel = "44249-1";

    private static object Item9(object value) => value switch
    {
        int i => new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44260-8" } } }, valueInteger = i },
        (string system, string code) => (object)new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44260-8" } } }, valueCodeableConcept = new { coding = new[] { new { system, code } } } },
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static object Item1(int value) => new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44250-9" } } }, valueInteger = value };

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Item9AsAPanelComponent_IsRead(int score)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("panel", Panel, components: [Item1(1), Item9(score)]));

        Assert.Equal(score, reading.Values["phq9Item9"]);
        Assert.Equal(["Observation/panel"], reading.Sources["phq9Item9"]);
    }

    [Fact]
    public void Item9AsAPanelComponent_CodedAsALoincAnswer_IsRead()
    {
        // LA6571-9: "Nearly every day" (3).
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("panel", Panel, components: [Item9((Fhir.Loinc, "LA6571-9"))]));

        Assert.Equal(3, reading.Values["phq9Item9"]);
    }

    [Fact]
    public void NewerPanel_IsReadOverAnOlderItem9()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-20T09:00:00Z"),
            Fhir.Observation("panel", Panel, effective: "2026-11-27T09:00:00Z", components: [Item9(2)]));

        Assert.Equal(2, reading.Values["phq9Item9"]);
    }

    [Fact]
    public void PanelWithTwoItem9ComponentsThatDiffer_IsNotRead_AndNamedWithTheHigher()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("panel", Panel, components: [Item9(0), Item9(3)]));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(ChartCheckKind.ResultNotReadable, check.Kind);
        Assert.Equal(3, check.Value);
    }

    [Fact]
    public void PreliminaryPanel_IsNamedNotFinal_WithItsItem9()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("panel", Panel, status: "preliminary", components: [Item9(3)]));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(ChartCheckKind.ResultNotFinal, check.Kind);
        Assert.Equal(3, check.Value);
    }

    [Fact]
    public void PanelWithoutItem9_GivesNoItem9()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("panel", Panel, components: [Item1(2)]));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    /// <summary>The PHQ-9's nine items (44250-9 ... 44260-8) as components scored <paramref name="scores"/>, each a LOINC answer of LL358-3.</summary>
    private static object[] ItemComponents(params int[] scores)
    {
        string[] answers = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
        return [.. Phq9TotalFormsTests.Items.Take(scores.Length).Select((code, i) => (object)new
        {
            code = new { coding = new[] { new { system = Fhir.Loinc, code } } },
            valueCodeableConcept = new { coding = new[] { new { system = Fhir.Loinc, code = answers[scores[i]] } } },
        })];
    }

    [Fact]
    public void PanelWithItsNineItemsAsComponents_NoTotal_IsReadAsTheirSum_FromThePanel()
    {
        // Helper 218: a panel sending its answers only as components was neither summed nor named.
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("panel", Panel, components: ItemComponents(2, 3, 1, 2, 0, 1, 2, 1, 1)));

        Assert.Equal(13, reading.Values["phq9Total"]);
        Assert.Equal(["Observation/panel"], reading.Sources["phq9Total"]);
        Assert.Equal(1, reading.Values["phq9Item9"]);
    }

    [Fact]
    public void PanelWithItsNineItemsAsComponents_BesideAnOlderTotal_IsReadOverIt()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("total", "44261-6", 5, effective: "2026-11-20T09:00:00Z"),
            Fhir.Observation("panel", Panel, components: ItemComponents(2, 3, 1, 2, 0, 1, 2, 1, 1)));

        Assert.Equal(13, reading.Values["phq9Total"]);
    }

    [Fact]
    public void PanelWithPartOfItsItemsAsComponents_AfterTheTotalRead_IsNamedBesideIt_AndTheTotalIsNotRead()
    {
        // Two items only (a PHQ-2 sent as a panel): no total is summed from part of the items, and the older total is not
        // read beside this later administration, as for the items' own Observations (helper 214).
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("total", "44261-6", 5, effective: "2026-11-20T09:00:00Z"),
            Fhir.Observation("panel", Panel, components: ItemComponents(3, 3)));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        var panel = Assert.Single(reading.ToCheck, c => c.Field == "phq9Total" && c.Reference == "Observation/panel" && c.Kind == ChartCheckKind.ItemWithoutTotal);
        // Helper 223: which items it gives, for the card to say (it said "the answer to one item of this questionnaire").
        Assert.Equal([1, 2], panel.Items);
        Assert.Contains(reading.ToCheck, c => c.Field == "phq9Total" && c.Reference == "Observation/total" && c.Kind == ChartCheckKind.ResultBesideNewer);
    }

    [Fact]
    public void AnItemsOwnObservation_NamedBesideTheTotal_NamesNoItemsList()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("total", "44261-6", 5, effective: "2026-11-20T09:00:00Z"),
            Fhir.Observation("i1", "44250-9", 3));

        Assert.Null(Assert.Single(reading.ToCheck, c => c.Field == "phq9Total" && c.Kind == ChartCheckKind.ItemWithoutTotal).Items);
    }

    [Fact]
    public void PanelWithItsTotalAsAComponent_IsRead()
    {
        var total = new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44261-6" } } }, valueInteger = 11 };

        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("panel", Panel, components: [total, Item9(0)]));

        Assert.Equal(11, reading.Values["phq9Total"]);
        Assert.Equal(0, reading.Values["phq9Item9"]);
    }
}
