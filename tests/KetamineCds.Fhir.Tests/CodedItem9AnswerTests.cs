using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// A PHQ-9 item 9 given as its LOINC answer (valueCodeableConcept, answer list LL358-3) was not read: a "Nearly every
/// day" in the chart left the field not recorded, raised no warning, and only its entry was named as not readable. The
/// four answers of LL358-3 are now read as the item's scores 0-3 (phq9-item9.json cites where they were confirmed); an
/// answer whose codes or words name different answers is not read, named, and keeps the highest score they name, never
/// read, so that a possibly positive item 9 still gives the warning.
/// </summary>
public sealed class CodedItem9AnswerTests
{
    private static JsonElement Coded(string id, string effective, string status, params (string System, string Code, string? Display)[] codings) =>
        Coded(id, effective, status, null, codings);

    private static JsonElement Coded(string id, string effective, string status, string? text, params (string System, string Code, string? Display)[] codings)
    {
        var value = new Dictionary<string, object>();
        if (codings.Length > 0)
        {
            value["coding"] = codings.Select(c => c.Display is null
                ? new Dictionary<string, string> { ["system"] = c.System, ["code"] = c.Code }
                : new Dictionary<string, string> { ["system"] = c.System, ["code"] = c.Code, ["display"] = c.Display }).ToArray();
        }

        if (text is not null)
            value["text"] = text;
        return Fhir.Json(new Dictionary<string, object>
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = status,
            ["code"] = new { coding = new[] { new { system = Fhir.Loinc, code = "44260-8" } } },
            ["subject"] = new { reference = "Patient/p1" },
            ["effectiveDateTime"] = effective,
            ["valueCodeableConcept"] = value,
        });
    }

    [Theory]
    [InlineData("LA6568-5", "Not at all", 0)]
    [InlineData("LA6569-3", "Several days", 1)]
    [InlineData("LA6570-1", "More than half the days", 2)]
    [InlineData("LA6571-9", "Nearly every day", 3)]
    [InlineData("LA6571-9", null, 3)]
    [InlineData("LA6571-9", "nearly every day ", 3)]
    public void FinalItem9GivenAsItsLoincAnswer_IsReadAsItsScore(string code, string? display, int score)
    {
        var reading = Fhir.Read(Coded("i9-c", "2026-11-27T09:00:00Z", "final", (Fhir.Loinc, code, display)));

        Assert.Equal(score, reading.Values["phq9Item9"]);
        Assert.Equal(["Observation/i9-c"], reading.Sources["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void NewerCodedAnswer_ReplacesAnOlderIntegerZero()
    {
        var reading = Fhir.Read(
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-18"),
            Coded("i9-new", "2026-11-27", "final", (Fhir.Loinc, "LA6570-1", "More than half the days")));

        Assert.Equal(2, reading.Values["phq9Item9"]);
    }

    [Fact]
    public void CodedAnswerWithAnotherCodingInAnotherSystem_IsRead()
    {
        // A local code beside the LOINC answer names no answer of the list: the LOINC answer decides.
        var reading = Fhir.Read(Coded("i9-c", "2026-11-27T09:00:00Z", "final", ("urn:oid:1.2.3", "PHQ9-Q9-3", "3"), (Fhir.Loinc, "LA6571-9", "Nearly every day")));

        Assert.Equal(3, reading.Values["phq9Item9"]);
    }

    [Theory]
    [InlineData("LA6568-5", "Nearly every day", 3)] // the code says 0, its words say 3: never read as 0
    [InlineData("LA6570-1", "Nearly every day", 3)]
    [InlineData("LA6571-9", "Not at all", 3)]
    public void CodedAnswerWhoseWordsNameAnotherAnswer_IsNotRead_IsNamed_AndKeepsTheHighestItNames(string code, string display, int highest)
    {
        var reading = Fhir.Read(
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-18"),
            Coded("i9-c", "2026-11-27T09:00:00Z", "final", (Fhir.Loinc, code, display)));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal((ChartCheckKind.ResultNotReadable, "Observation/i9-c", (object)highest), (entry.Kind, entry.Reference, entry.Value));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), entry.Moment!.Instant);
        // Helper 200: the entry says why (the card then says the code and the words disagree).
        Assert.True(entry.AnswersDisagree);
    }

    [Fact]
    public void TwoLoincAnswersThatDisagree_AreNotRead_AndKeepTheHigher()
    {
        var reading = Fhir.Read(Coded("i9-c", "2026-11-27T09:00:00Z", "final", (Fhir.Loinc, "LA6568-5", null), (Fhir.Loinc, "LA6569-3", null)));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal((ChartCheckKind.ResultNotReadable, (object)1), (entry.Kind, entry.Value));
        Assert.True(entry.AnswersDisagree);
    }

    [Fact]
    public void CodedAnswerWhoseTextNamesAnotherAnswer_IsNotRead()
    {
        var reading = Fhir.Read(Coded("i9-c", "2026-11-27T09:00:00Z", "final", "Several days", (Fhir.Loinc, "LA6568-5", "Not at all")));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Equal(1, Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9").Value);
    }

    [Fact]
    public void AnswerOnlyInWords_IsNotRead_ButKeepsTheScoreItsWordsName()
    {
        // Words alone are not read (as before); a positive answer in words still must not vanish.
        var reading = Fhir.Read(Coded("i9-w", "2026-11-27T09:00:00Z", "final", "Nearly every day"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal((ChartCheckKind.ResultNotReadable, (object)3), (entry.Kind, entry.Value));
        Assert.False(entry.AnswersDisagree);
    }

    [Theory]
    [InlineData(Fhir.Snomed, "LA6571-9")] // an answer code in a system that is not LOINC's
    [InlineData(Fhir.Loinc, "LA4489-6")] // a LOINC answer not in the list (unknown)
    [InlineData(Fhir.Loinc, "LA6572-7")] // an answer of PHQ-9's difficulty question, not of item 9's list
    public void CodeThatIsNotAnAnswerOfTheList_IsNotRead_AndKeepsNoValue(string system, string code)
    {
        var reading = Fhir.Read(Coded("i9-c", "2026-11-27T09:00:00Z", "final", (system, code, null)));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(ChartCheckKind.ResultNotReadable, entry.Kind);
        Assert.Null(entry.Value);
    }

    [Fact]
    public void PreliminaryCodedAnswer_NewerThanAFinalZero_KeepsItsScore_Unread()
    {
        var reading = Fhir.Read(
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-20T09:00:00Z"),
            Coded("i9-p", "2026-11-28T08:00:00Z", "preliminary", (Fhir.Loinc, "LA6571-9", "Nearly every day")));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Reference == "Observation/i9-p");
        Assert.Equal((ChartCheckKind.ResultNotFinal, (object)3), (entry.Kind, entry.Value));
        // Helper 214: the final 0 it may overturn is named beside it, never read.
        var beside = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Reference == "Observation/i9-old");
        Assert.Equal((ChartCheckKind.ResultBesideNewer, (object)0), (beside.Kind, beside.Value));
    }

    [Fact]
    public void PreliminaryAnswerWhoseCodeAndWordsDisagree_KeepsTheHighestScoreNamed_Unread()
    {
        var reading = Fhir.Read(Coded("i9-p", "2026-11-28T08:00:00Z", "preliminary", (Fhir.Loinc, "LA6568-5", "Nearly every day")));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal((ChartCheckKind.ResultNotFinal, (object)3), (entry.Kind, entry.Value));
    }

    [Fact]
    public void AnObservationCodedAsAnAnswer_IsNotAnItem9()
    {
        // The answers are values of 44260-8, never the code of an Observation of their own.
        var reading = Fhir.Read(Fhir.Observation("a", "LA6571-9", 3));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void Phq9TotalGivenAsAnAnswerCode_IsStillNotRead()
    {
        var reading = Fhir.Read(Fhir.Observation("t", "44261-6", (Fhir.Loinc, "LA6571-9")));

        Assert.False(reading.Values.ContainsKey("phq9Total"));
        Assert.Null(Assert.Single(reading.ToCheck, c => c.Field == "phq9Total").Value);
    }
}
