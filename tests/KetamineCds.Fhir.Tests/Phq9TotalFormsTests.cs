using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// The PHQ-9 total (LOINC 44261-6) in the forms FHIR allows for a score: valueInteger, a whole valueQuantity in UCUM
/// <c>{score}</c> (as the MII PRO IG's PHQ-9 Observation sends it) or without a unit; a quantity with a comparator is a
/// bound, not a score, and was read as its number. A chart that gives the nine items' answers (LOINC 44250-9 ...
/// 44260-8, answered from LL358-3) and no total: their sum, only from a complete set taken at one time, never from part
/// of the items.
/// </summary>
public sealed class Phq9TotalFormsTests
{
    /// <summary>The nine PHQ-9 items' LOINC codes, in the questionnaire's order (phq9-total.json).</summary>
    public static readonly string[] Items = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];

    private static readonly (string Code, string Display)[] Answers = [("LA6568-5", "Not at all"), ("LA6569-3", "Several days"), ("LA6570-1", "More than half the days"), ("LA6571-9", "Nearly every day")];

    private static JsonElement Total(string id, string value, string effective = "2026-11-27T09:00:00Z", string status = "final") =>
        Fhir.Json($$"""{"resourceType":"Observation","id":"{{id}}","status":"{{status}}","code":{"coding":[{"system":"http://loinc.org","code":"44261-6"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{effective}}",{{value}}}""");

    /// <summary>One item answered with its LOINC answer (code and display), as an SDC extraction gives it.</summary>
    internal static JsonElement Item(string id, string loinc, int score, string effective = "2026-11-27T09:00:00Z", string status = "final", string? display = null) =>
        Fhir.Json(new Dictionary<string, object>
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = status,
            ["code"] = new { coding = new[] { new { system = Fhir.Loinc, code = loinc } } },
            ["subject"] = new { reference = "Patient/p1" },
            ["effectiveDateTime"] = effective,
            ["valueCodeableConcept"] = new { coding = new[] { new { system = Fhir.Loinc, code = Answers[score].Code, display = display ?? Answers[score].Display } } },
        });

    /// <summary>The nine items answered with <paramref name="scores"/> at <paramref name="effective"/>, ids prefixed.</summary>
    internal static List<object> ItemSet(string prefix, int[] scores, string effective = "2026-11-27T09:00:00Z") =>
        [.. Items.Select((code, i) => (object)Item($"{prefix}{i + 1}", code, scores[i], effective))];

    private static readonly int[] Scores = [2, 3, 1, 2, 0, 1, 2, 1, 0]; // sum 12

    [Theory]
    [InlineData("\"valueInteger\":8")]
    [InlineData("\"valueQuantity\":{\"value\":8,\"unit\":\"{score}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}")]
    [InlineData("\"valueQuantity\":{\"value\":8,\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}")]
    [InlineData("\"valueQuantity\":{\"value\":8,\"unit\":\"{score}\"}")]
    [InlineData("\"valueQuantity\":{\"value\":8}")]
    [InlineData("\"valueQuantity\":{\"value\":8.0,\"system\":\"http://unitsofmeasure.org\",\"code\":\"1\"}")]
    public void TotalAsAnIntegerOrAWholeUnitlessQuantity_IsRead(string value)
    {
        var reading = Fhir.Read(Total("t", value));

        Assert.Equal(8, reading.Values["phq9Total"]);
        Assert.Equal(["Observation/t"], reading.Sources["phq9Total"]);
    }

    [Theory]
    [InlineData(">=")]
    [InlineData(">")]
    [InlineData("<")]
    [InlineData("<=")]
    public void TotalAsAQuantityWithAComparator_IsNotRead_AndIsNamed(string comparator)
    {
        var reading = Fhir.Read(
            Total("old", "\"valueInteger\":4", effective: "2026-11-20T09:00:00Z"),
            Total("t", $"\"valueQuantity\":{{\"value\":8,\"comparator\":\"{comparator}\",\"unit\":\"{{score}}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{{score}}\"}}"));

        Assert.False(reading.Values.ContainsKey("phq9Total")); // nor the older 4 in its place
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Total");
        Assert.Equal((ChartCheckKind.ResultNotReadable, "Observation/t"), (entry.Kind, entry.Reference));
    }

    [Theory]
    [InlineData("\"valueInteger\":99", true)]
    [InlineData("\"valueInteger\":-1", true)]
    [InlineData("\"valueQuantity\":{\"value\":28,\"unit\":\"{score}\"}", true)]
    [InlineData("\"valueQuantity\":{\"value\":99.5}", true)]
    [InlineData("\"valueQuantity\":{\"value\":-0.5,\"unit\":\"{score}\"}", true)]
    [InlineData("\"valueQuantity\":{\"value\":8.5}", false)]
    [InlineData("\"valueQuantity\":{\"value\":99.5,\"unit\":\"kg\"}", false)]
    [InlineData("\"valueQuantity\":{\"value\":100000000000,\"unit\":\"{score}\"}", true)] // threw an OverflowException out of the reader
    [InlineData("\"valueString\":\"8\"", false)]
    [InlineData("\"valueQuantity\":{\"value\":8,\"comparator\":\">=\"}", false)]
    public void TotalOutsideItsRange_IsNamedAsOutOfRange_NoOtherUnreadableOne(string value, bool outOfRange)
    {
        // Helper 226: a total of 99 was named among units, absent values and words; the card says it is out of range.
        var reading = Fhir.Read(Total("old", "\"valueInteger\":4", effective: "2026-11-20T09:00:00Z"), Total("t", value));

        Assert.False(reading.Values.ContainsKey("phq9Total")); // nor the older 4 in its place
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Total");
        Assert.Equal((ChartCheckKind.ResultNotReadable, "Observation/t", outOfRange, null), (entry.Kind, entry.Reference, entry.OutOfRange, entry.Value));
    }

    [Fact]
    public void Item9OutsideItsRange_IsNamedAsOutOfRange()
    {
        var item9 = Fhir.Json("""{"resourceType":"Observation","id":"i9","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"44260-8"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-27T09:00:00Z","valueInteger":5}""");

        var reading = Fhir.Read(item9);

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.True(Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Kind == ChartCheckKind.ResultNotReadable).OutOfRange);
    }

    [Fact]
    public void Item9AsAQuantityWithAComparator_IsNotReadEither()
    {
        var item9 = Fhir.Json("""{"resourceType":"Observation","id":"i9","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"44260-8"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-27T09:00:00Z","valueQuantity":{"value":1,"comparator":">="}}""");

        var reading = Fhir.Read(item9);

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(ChartCheckKind.ResultNotReadable, Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9").Kind);
    }

    [Fact]
    public void NineItemsAnsweredAtOneTime_WithoutATotal_GiveTheirSum_ReadFromAllNine()
    {
        var reading = Fhir.Read([.. ItemSet("i", Scores)]);

        Assert.Equal(12, reading.Values["phq9Total"]);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"Observation/i{i}"), reading.Sources["phq9Total"]);
        Assert.Equal(0, reading.Values["phq9Item9"]); // item 9 reads its own item, as before
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Total");
    }

    [Fact]
    public void NineItemsAllNearlyEveryDay_Sum27_AndAllNotAtAll_Sum0()
    {
        Assert.Equal(27, Fhir.Read([.. ItemSet("i", [3, 3, 3, 3, 3, 3, 3, 3, 3])]).Values["phq9Total"]);
        Assert.Equal(0, Fhir.Read([.. ItemSet("i", [0, 0, 0, 0, 0, 0, 0, 0, 0])]).Values["phq9Total"]);
    }

    [Fact]
    public void ItemsAsIntegers_AreSummedAsItem9IsRead()
    {
        var reading = Fhir.Read([.. Items.Select((code, i) => Fhir.Observation($"i{i + 1}", code, Scores[i], effective: "2026-11-27T09:00:00Z"))]);

        Assert.Equal(12, reading.Values["phq9Total"]);
    }

    [Theory]
    [InlineData(0)] // item 1 missing
    [InlineData(4)]
    [InlineData(8)] // item 9 missing
    public void EightItems_GiveNoTotal(int missing)
    {
        var set = ItemSet("i", Scores);
        set.RemoveAt(missing);

        var reading = Fhir.Read([.. set]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.Null(reading.InChart("phq9Total"));
    }

    [Fact]
    public void Phq2Items_GiveNoTotal()
    {
        var reading = Fhir.Read(Item("a", "44250-9", 3), Item("b", "44255-8", 3));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
    }

    [Fact]
    public void NineItemsAtTwoTimes_GiveNoTotal()
    {
        var set = ItemSet("i", Scores);
        set[3] = Item("i4", Items[3], Scores[3], effective: "2026-11-27T09:05:00Z");

        Assert.False(Fhir.Read([.. set]).Values.ContainsKey("phq9Total"));
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("entered-in-error")]
    public void AnItemNotFinal_GivesNoTotal(string status)
    {
        var set = ItemSet("i", Scores);
        set[2] = Item("i3", Items[2], Scores[2], status: status);

        Assert.False(Fhir.Read([.. set]).Values.ContainsKey("phq9Total"));
    }

    [Fact]
    public void AnItemWhoseCodeAndWordsDisagree_GivesNoTotal()
    {
        var set = ItemSet("i", Scores);
        set[0] = Item("i1", Items[0], 0, display: "Nearly every day");

        Assert.False(Fhir.Read([.. set]).Values.ContainsKey("phq9Total"));
    }

    [Theory]
    [InlineData("\"valueInteger\":4")] // out of an item's range
    [InlineData("\"valueString\":\"2\"")]
    [InlineData("\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"LA4489-6\"}]}")] // unknown
    [InlineData("\"dataAbsentReason\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/data-absent-reason\",\"code\":\"asked-declined\"}]}")]
    public void AnItemNotReadable_GivesNoTotal(string value)
    {
        var set = ItemSet("i", Scores);
        set[5] = Fhir.Json($$"""{"resourceType":"Observation","id":"i6","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{Items[5]}}"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-27T09:00:00Z",{{value}}}""");

        Assert.False(Fhir.Read([.. set]).Values.ContainsKey("phq9Total"));
    }

    [Fact]
    public void AnItemGivenTwiceWithTwoScores_GivesNoTotal_ButTheSameScoreTwiceIsOne()
    {
        var twoScores = ItemSet("i", Scores);
        twoScores.Add(Item("i1-again", Items[0], 3));
        var sameScore = ItemSet("i", Scores);
        sameScore.Add(Item("i1-again", Items[0], Scores[0]));

        Assert.False(Fhir.Read([.. twoScores]).Values.ContainsKey("phq9Total"));
        Assert.Equal(12, Fhir.Read([.. sameScore]).Values["phq9Total"]);
    }

    [Fact]
    public void NineItemsOlderThanTwoWeeks_GiveNoTotal()
    {
        Assert.False(Fhir.Read([.. ItemSet("i", Scores, effective: "2026-11-13T09:00:00Z")]).Values.ContainsKey("phq9Total"));
    }

    [Fact]
    public void ATotalObservationNewerThanTheItems_IsRead_AndItemsNewerThanATotal_GiveTheirSum()
    {
        var newerTotal = ItemSet("i", Scores, effective: "2026-11-20T09:00:00Z");
        newerTotal.Add(Fhir.Observation("t", "44261-6", 7, effective: "2026-11-27T09:00:00Z"));
        var newerItems = ItemSet("i", Scores, effective: "2026-11-27T09:00:00Z");
        newerItems.Add(Fhir.Observation("t", "44261-6", 7, effective: "2026-11-20T09:00:00Z"));

        Assert.Equal(7, Fhir.Read([.. newerTotal]).Values["phq9Total"]);
        Assert.Equal(12, Fhir.Read([.. newerItems]).Values["phq9Total"]);
    }

    [Fact]
    public void ATotalAndItsItemsAtTheSameTime_ThatAgree_AreRead()
    {
        var set = ItemSet("i", Scores);
        set.Add(Fhir.Observation("t", "44261-6", 12, effective: "2026-11-27T09:00:00Z"));

        var reading = Fhir.Read([.. set]);

        Assert.Equal(12, reading.Values["phq9Total"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Total");
    }

    [Fact]
    public void ATotalAndItsItemsAtTheSameTime_ThatDisagree_AreNotRead_BothNamed()
    {
        var set = ItemSet("i", Scores);
        set.Add(Fhir.Observation("t", "44261-6", 9, effective: "2026-11-27T09:00:00Z"));

        var reading = Fhir.Read([.. set]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        var named = reading.ToCheck.Where(c => c.Field == "phq9Total").ToArray();
        Assert.All(named, c => Assert.Equal(ChartCheckKind.ResultTimeUnclear, c.Kind));
        Assert.Contains(named, c => c.Reference == "Observation/t" && Equals(c.Value, 9));
        Assert.Contains(named, c => c.Reference == "Observation/i1" && Equals(c.Value, 12) && c.What == "PHQ-9 44250-9 … 44260-8");
    }

    [Fact]
    public void APreliminaryTotalNewerThanTheItems_LeavesTheTotalNotRecorded()
    {
        var set = ItemSet("i", Scores, effective: "2026-11-26T09:00:00Z");
        set.Add(Total("t", "\"valueInteger\":20", status: "preliminary"));

        var reading = Fhir.Read([.. set]);

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.Equal(ChartCheckKind.ResultNotFinal, Assert.Single(reading.ToCheck, c => c.Field == "phq9Total" && c.Reference == "Observation/t").Kind);
        // Helper 214: the set it may overturn is named beside it, with its sum, never read.
        var beside = reading.ToCheck.Where(c => c.Field == "phq9Total" && c.Kind == ChartCheckKind.ResultBesideNewer).ToArray();
        Assert.Equal(9, beside.Length);
        Assert.All(beside, c => Assert.Equal(12, c.Value));
    }

    [Fact]
    public void ASumOfOnlyItem9_IsNotBelowItem9_SoTheyDoNotContradict()
    {
        // The sum includes item 9, so it is never below it (the contract's item 9 at most the total).
        var reading = Fhir.Read([.. ItemSet("i", [0, 0, 0, 0, 0, 0, 0, 0, 3])]);

        Assert.Equal(3, reading.Values["phq9Total"]);
        Assert.Equal(3, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Kind == ChartCheckKind.ResultsContradict);
    }
}
