using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 198: a pregnancy status coded "not pregnant" (LOINC LA26683-5) whose display or text says "Pregnant" was read
/// as pregnant = no. Its code and its words name different answers, so it is not read: named as not readable, as a PHQ-9
/// item 9 whose code and words disagree is (the same reading of a coded answer).
/// </summary>
public sealed class PregnancyAnswerWordsTests
{
    private static JsonElement Status(string id, string code, string? display, string? text, string effective = "2026-11-27T09:00:00Z")
    {
        var coding = display is null
            ? new Dictionary<string, string> { ["system"] = Fhir.Loinc, ["code"] = code }
            : new Dictionary<string, string> { ["system"] = Fhir.Loinc, ["code"] = code, ["display"] = display };
        var value = new Dictionary<string, object> { ["coding"] = new[] { coding } };
        if (text is not null)
            value["text"] = text;
        return Fhir.Json(new Dictionary<string, object>
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = "final",
            ["code"] = new { coding = new[] { new { system = Fhir.Loinc, code = "82810-3" } } },
            ["subject"] = new { reference = "Patient/p1" },
            ["effectiveDateTime"] = effective,
            ["valueCodeableConcept"] = value,
        });
    }

    [Theory]
    [InlineData("LA26683-5", "Pregnant", null)]
    [InlineData("LA26683-5", null, "Pregnant")]
    [InlineData("LA26683-5", "Not pregnant", " pregnant ")]
    [InlineData("LA15173-0", "Not pregnant", null)]
    public void StatusWhoseCodeAndWordsNameDifferentAnswers_IsNotRead_AndNamed(string code, string? display, string? text)
    {
        var reading = Fhir.Read(Status("preg-1", code, display, text));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "pregnant");
        Assert.Equal(ChartCheckKind.ResultNotReadable, check.Kind);
        Assert.Equal("Observation/preg-1", check.Reference);
        Assert.True(check.AnswersDisagree);
    }

    [Fact]
    public void ClashingNewerStatus_NeverLetsAnOlderNotPregnantStand()
    {
        var reading = Fhir.Read(
            Status("preg-old", "LA26683-5", "Not pregnant", null, "2026-11-25T09:00:00Z"),
            Status("preg-new", "LA26683-5", "Pregnant", null));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.Contains(reading.ToCheck, c => c.Field == "pregnant" && c.Kind == ChartCheckKind.ResultNotReadable && c.Reference == "Observation/preg-new");
    }

    [Theory]
    [InlineData("LA26683-5", "Not pregnant", "not pregnant", false)]
    [InlineData("LA26683-5", null, null, false)]
    [InlineData("LA15173-0", "Pregnant", "Pregnant", true)]
    [InlineData("LA26683-5", "Not pregnant", "Patient states not pregnant", false)]
    public void StatusWhoseWordsAgreeOrNameNoAnswer_IsRead(string code, string? display, string? text, bool pregnant)
    {
        var reading = Fhir.Read(Status("preg-1", code, display, text));

        Assert.Equal(pregnant, reading.Values["pregnant"]);
    }
}
