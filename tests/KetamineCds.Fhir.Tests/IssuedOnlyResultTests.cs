using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helpers 203 and 205: an Observation with only <c>issued</c> (when the result was released), no <c>effective[x]</c>
/// (when it was taken), was neither read nor named: a blood pressure of 190/115 issued today, a PHQ-9 item 9 of 3 or a
/// "pregnant" status issued this week vanished without a word. It is still not read (when it was taken is not known, so
/// it cannot be placed in the day or days the field reads), but when it was issued within those days (in the clinic's
/// time zone) it is named (<see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>), with the score it gives and when it was
/// issued. It may have been taken after a result that is read: then the field is not recorded, as beside a newer result
/// not final; issued before the result read was taken, it is older, and named beside the value read.
/// </summary>
public sealed class IssuedOnlyResultTests
{
    private const string Pregnant = "LA15173-0";
    private const string NotPregnant = "LA26683-5";

    /// <summary><paramref name="observation"/> without its effective time, issued at <paramref name="issued"/>.</summary>
    private static JsonElement IssuedOnly(object observation, string issued) => WithIssued(observation, issued, keepEffective: false);

    private static JsonElement WithIssued(object observation, string issued, bool keepEffective)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(observation))!;
        if (!keepEffective)
            fields.Remove("effectiveDateTime");
        fields["issued"] = JsonSerializer.SerializeToElement(issued);
        return Fhir.Json(fields);
    }

    private static object Pressure(string id, int systolic = 190, int diastolic = 115, string effective = "2026-11-28T09:00:00Z", string status = "final") =>
        Fhir.Observation(id, "85354-9", effective: effective, status: status, components: [Fhir.PressureComponent("8480-6", systolic), Fhir.PressureComponent("8462-4", diastolic)]);

    private static bool Named(FhirReading reading, string field, string reference) =>
        reading.ToCheck.Any(c => c.Field == field && c.Kind == ChartCheckKind.ResultTakenWhenNotGiven && c.Reference == reference);

    [Fact]
    public void BloodPressureIssuedToday_WithoutTheTimeItWasTaken_IsNotRead_ButNamed_WithWhenItWasIssued()
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Pressure("bp"), "2026-11-28T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
        foreach (var field in new[] { "systolicBp", "diastolicBp" })
        {
            var check = Assert.Single(reading.ToCheck, c => c.Field == field);
            Assert.Equal(ChartCheckKind.ResultTakenWhenNotGiven, check.Kind);
            Assert.Equal("Observation/bp", check.Reference);
            Assert.Equal("85354-9, 2026-11-28 09:00 UTC", check.What);
            Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), check.Issued);
            Assert.Null(check.Moment);
        }
    }

    [Fact]
    public void BloodPressureIssuedToday_AfterOneTakenToday_MayBeTheLatest_SoNeitherIsRead()
    {
        // Issued at 10:00, it may have been taken after the 08:00 reading: that one may not be today's latest.
        var reading = Fhir.Read(
            Fhir.Patient(),
            IssuedOnly(Pressure("bp-issued"), "2026-11-28T10:00:00Z"),
            Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.False(reading.Values.ContainsKey("diastolicBp"));
        Assert.True(Named(reading, "systolicBp", "Observation/bp-issued"));
        Assert.True(Named(reading, "diastolicBp", "Observation/bp-issued"));
    }

    [Fact]
    public void BloodPressureIssuedToday_BeforeOneTakenToday_IsNamedBesideTheValueRead()
    {
        // Issued at 07:00, it was taken before the 08:00 reading, which is the latest and is read.
        var reading = Fhir.Read(
            Fhir.Patient(),
            IssuedOnly(Pressure("bp-issued"), "2026-11-28T07:00:00Z"),
            Pressure("bp", 120, 80, effective: "2026-11-28T08:00:00Z"));

        Assert.Equal(120, reading.Values["systolicBp"]);
        Assert.Equal(80, reading.Values["diastolicBp"]);
        Assert.True(Named(reading, "systolicBp", "Observation/bp-issued"));
        Assert.True(Named(reading, "diastolicBp", "Observation/bp-issued"));
    }

    [Fact]
    public void BloodPressureIssuedYesterday_IsNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Pressure("bp"), "2026-11-27T09:00:00Z"));

        Assert.Empty(reading.ToCheck);
        Assert.False(reading.Values.ContainsKey("systolicBp"));
    }

    [Fact]
    public void BloodPressureIssuedToday_InUtc_ButYesterdayInTheClinicsZone_IsNotNamed()
    {
        // 03:00Z on 28 November is 21:00 on the 27th in Chicago: not the clinic's today.
        var now = new DateTimeOffset(2026, 11, 28, 16, 0, 0, TimeSpan.Zero);
        var yesterday = Fhir.ReadAt(now, "America/Chicago", Fhir.Patient(), IssuedOnly(Pressure("bp"), "2026-11-28T03:00:00Z"));
        var today = Fhir.ReadAt(now, "America/Chicago", Fhir.Patient(), IssuedOnly(Pressure("bp"), "2026-11-28T07:00:00Z"));

        Assert.DoesNotContain(yesterday.ToCheck, c => c.Kind == ChartCheckKind.ResultTakenWhenNotGiven);
        Assert.True(Named(today, "systolicBp", "Observation/bp"));
        Assert.Equal("85354-9, 2026-11-28 01:00 UTC-06:00", today.ToCheck.First(c => c.Field == "systolicBp").What);
    }

    [Fact]
    public void BloodPressureIssuedInTheFuture_IsNamed()
    {
        // An issued time after now is a clock error as an effective time in the future is: the result may be today's.
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Pressure("bp"), "2026-11-30T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.True(Named(reading, "systolicBp", "Observation/bp"));
    }

    [Theory]
    [InlineData("phq9Item9", "44260-8")]
    [InlineData("phq9Total", "44261-6")]
    public void ScoreIssuedInItsWindow_IsNotRead_ButNamed_WithTheScoreItGives(string field, string loinc)
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Fhir.Observation("o", loinc, 3), "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey(field));
        var check = Assert.Single(reading.ToCheck, c => c.Field == field);
        Assert.Equal(ChartCheckKind.ResultTakenWhenNotGiven, check.Kind);
        Assert.Equal("Observation/o", check.Reference);
        Assert.Equal(3, check.Value);
    }

    [Theory]
    [InlineData("phq9Item9", "44260-8", "2026-11-14T09:00:00Z", true)] // the 14th day back: within the 14 days
    [InlineData("phq9Item9", "44260-8", "2026-11-13T23:00:00Z", false)]
    [InlineData("phq9Total", "44261-6", "2026-11-13T23:00:00Z", false)]
    public void ScoreIssued_IsNamedOnlyWithinTheFourteenDaysItIsReadOver(string field, string loinc, string issued, bool named)
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Fhir.Observation("o", loinc, 3), issued));

        Assert.Equal(named, Named(reading, field, "Observation/o"));
        Assert.False(reading.Values.ContainsKey(field));
    }

    [Fact]
    public void PositiveItem9IssuedOnly_AfterAnOlderZero_LeavesItem9NotRecorded_NeverZero()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-20T09:00:00Z"),
            IssuedOnly(Fhir.Observation("i9", "44260-8", 3), "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Null(reading.InChart("phq9Item9"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Kind == ChartCheckKind.ResultTakenWhenNotGiven);
        Assert.Equal(3, check.Value);
        // Helper 207: the 0 it may be newer than is named too, with its score, not read.
        var beside = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9" && c.Kind == ChartCheckKind.ResultBesideUntimed);
        Assert.Equal("Observation/i9-old", beside.Reference);
        Assert.Equal(0, beside.Value);
    }

    [Fact]
    public void PositiveItem9IssuedOnly_BeforeALaterZero_IsNamedBesideTheZero_WithItsScore()
    {
        // The 0 was taken after the 3 was issued: it is the latest and read, and the 3 is still named, with its score.
        var reading = Fhir.Read(
            Fhir.Patient(),
            IssuedOnly(Fhir.Observation("i9", "44260-8", 3), "2026-11-20T09:00:00Z"),
            Fhir.Observation("i9-new", "44260-8", 0, effective: "2026-11-27T09:00:00Z"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.Equal(["Observation/i9-new"], reading.Sources["phq9Item9"]);
        var check = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(ChartCheckKind.ResultTakenWhenNotGiven, check.Kind);
        Assert.Equal("Observation/i9", check.Reference);
        Assert.Equal(3, check.Value);
    }

    [Fact]
    public void PositiveItem9IssuedOnly_InAPhq9Panel_IsNamedWithItsScore()
    {
        var item9 = new { code = new { coding = new[] { new { system = Fhir.Loinc, code = "44260-8" } } }, valueInteger = 2 };
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Fhir.Observation("panel", "44249-1", components: [item9]), "2026-11-28T08:00:00Z"));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(ChartCheckKind.ResultTakenWhenNotGiven, check.Kind);
        Assert.Equal("Observation/panel", check.Reference);
        Assert.Equal(2, check.Value);
    }

    [Theory]
    [InlineData(Pregnant)]
    [InlineData(NotPregnant)]
    public void PregnancyStatusIssuedInItsWindow_IsNotRead_ButNamed(string answer)
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Fhir.Observation("preg", "82810-3", (Fhir.Loinc, answer)), "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "pregnant");
        Assert.Equal(ChartCheckKind.ResultTakenWhenNotGiven, check.Kind);
        Assert.Equal("Observation/preg", check.Reference);
    }

    [Fact]
    public void PregnantIssuedOnly_AfterAnOlderNotPregnant_LeavesPregnancyNotRecorded_NotNo()
    {
        // Before: the "not pregnant" of five days ago was read as no, and the "pregnant" issued yesterday vanished.
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("preg-no", "82810-3", (Fhir.Loinc, NotPregnant), effective: "2026-11-23T09:00:00Z"),
            IssuedOnly(Fhir.Observation("preg-yes", "82810-3", (Fhir.Loinc, Pregnant)), "2026-11-27T09:00:00Z"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.True(Named(reading, "pregnant", "Observation/preg-yes"));
    }

    [Fact]
    public void PregnancyStatusIssuedBeforeItsWindow_IsNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Fhir.Observation("preg", "82810-3", (Fhir.Loinc, Pregnant)), "2026-11-20T09:00:00Z"));

        Assert.Empty(reading.ToCheck);
        Assert.False(reading.Values.ContainsKey("pregnant"));
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("registered")]
    public void IssuedOnly_NotAResult_IsNotNamed(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Pressure("bp", status: status), "2026-11-28T09:00:00Z"));

        Assert.DoesNotContain(reading.ToCheck, c => c.Kind == ChartCheckKind.ResultTakenWhenNotGiven);
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("unknown")]
    [InlineData("amended")]
    public void IssuedOnly_OfAnotherStatusGivingAValue_IsNamed(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), IssuedOnly(Fhir.Observation("i9", "44260-8", 3, status: status), "2026-11-28T09:00:00Z"));

        var check = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(ChartCheckKind.ResultTakenWhenNotGiven, check.Kind);
        Assert.Equal(3, check.Value);
    }

    [Fact]
    public void WithBothEffectiveAndIssued_IsReadExactlyAsBefore()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            WithIssued(Pressure("bp", 150, 95, effective: "2026-11-28T08:00:00Z"), "2026-11-28T09:00:00Z", keepEffective: true),
            WithIssued(Fhir.Observation("i9", "44260-8", 2, effective: "2026-11-27T09:00:00Z"), "2026-11-28T09:00:00Z", keepEffective: true),
            WithIssued(Fhir.Observation("preg", "82810-3", (Fhir.Loinc, NotPregnant), effective: "2026-11-27T09:00:00Z"), "2026-11-28T09:00:00Z", keepEffective: true));

        Assert.Equal(150, reading.Values["systolicBp"]);
        Assert.Equal(95, reading.Values["diastolicBp"]);
        Assert.Equal(2, reading.Values["phq9Item9"]);
        Assert.Equal(false, reading.Values["pregnant"]);
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void EffectiveYesterday_IssuedToday_IsNotTodaysBloodPressure_NorNamed()
    {
        // When it was taken is given: it is yesterday's, whatever day it was issued.
        var reading = Fhir.Read(Fhir.Patient(), WithIssued(Pressure("bp", effective: "2026-11-27T20:00:00Z"), "2026-11-28T09:00:00Z", keepEffective: true));

        Assert.False(reading.Values.ContainsKey("systolicBp"));
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void ADiagnosticReportIssuedToday_IsNotReadNorNamed()
    {
        var report = Fhir.Json("""
            {"resourceType": "DiagnosticReport", "id": "dr", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
             "subject": {"reference": "Patient/p1"}, "issued": "2026-11-28T09:00:00Z"}
            """);

        var reading = Fhir.Read(Fhir.Patient(), report);

        Assert.Empty(reading.ToCheck);
        Assert.DoesNotContain(reading.Values.Keys, k => k is "systolicBp" or "diastolicBp");
    }
}
