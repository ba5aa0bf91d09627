using System.Globalization;
using System.Text.Json.Nodes;
using KetamineCds.Samples.CdsHooks;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>The samples' dates move with the moment they are sent at, so that the chart reads as written.</summary>
public sealed class SampleDatesTests
{
    private const string Chart = """{"birthDate":"1974-03-02","effectiveDateTime":"2026-11-28T08:40:00-05:00","onsetDateTime":"2026-07-01","id":"2026-11-28x","note":"on 2026-11-28 at noon","year":"2026"}""";

    [Fact]
    public void MovedTo_ThreeDaysLater_MovesEveryFullDateAndNothingElse()
    {
        var moved = SampleDates.MovedTo(Chart, SampleDates.WrittenAt.AddDays(3));

        Assert.Equal("""{"birthDate":"1974-03-05","effectiveDateTime":"2026-12-01T08:40:00-05:00","onsetDateTime":"2026-07-04","id":"2026-11-28x","note":"on 2026-11-28 at noon","year":"2026"}""", moved);
    }

    [Fact]
    public void MovedTo_TheMomentTheSamplesWereWrittenFor_LeavesThemAsWritten() =>
        Assert.Same(Chart, SampleDates.MovedTo(Chart, SampleDates.WrittenAt));

    /// <summary>
    /// QA121: moved to the call's UTC date at its written time of day, the 08:40 (UTC-5) blood pressure lay in the future
    /// before 13:40 UTC, and a reading from the future is not read, so a sample sent in the morning silently lost its
    /// blood pressure. Moved by the time since the samples were written, every reading lies before the call, on the call's
    /// UTC date: in the first 35 minutes of a UTC day, the morning's blood pressure is taken at the day's first moment, not
    /// 35 minutes before the call on the day before (where a clinic on UTC would not read it as today's).
    /// </summary>
    [Theory]
    [InlineData("2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01T00:10:00Z")]
    [InlineData("2026-12-01T00:34:59Z")]
    [InlineData("2026-12-01T00:36:00Z")]
    [InlineData("2026-12-01T04:10:00Z")]
    [InlineData("2026-12-01T13:39:00Z")]
    [InlineData("2026-12-01T13:41:00Z")]
    [InlineData("2026-12-01T23:59:59Z")]
    [InlineData("2027-03-15T09:00:00+08:00")]
    public void MovedTo_AnyTimeOfDay_PutsEveryReadingBeforeTheCallAndTheBloodPressureOnItsUtcDate(string sentAt)
    {
        var now = DateTimeOffset.Parse(sentAt, CultureInfo.InvariantCulture);
        foreach (var name in new[] { "patient-view-mdd-with-aneurysm", "patient-view-bipolar-on-lithium" })
        {
            var moved = JsonNode.Parse(SampleDates.MovedTo(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CdsHooks", "Requests", name + ".json")), now))!;
            var effective = Resources(moved).Select(r => r["effectiveDateTime"]?.GetValue<string>()).OfType<string>().ToArray();
            Assert.All(
                effective.Where(e => !e.Contains('T', StringComparison.Ordinal)),
                day => Assert.True(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) <= DateOnly.FromDateTime(now.UtcDateTime), $"{name}: {day} lies after {sentAt}"));
            var readings = Resources(moved).Where(r => r["effectiveDateTime"]?.GetValue<string>().Contains('T', StringComparison.Ordinal) == true).ToArray();
            Assert.NotEmpty(readings);
            foreach (var reading in readings)
            {
                var at = DateTimeOffset.Parse(reading["effectiveDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                Assert.True(at <= now, $"{name}: {reading["effectiveDateTime"]} lies after the call at {sentAt}");
                Assert.True(now - at <= TimeSpan.FromMinutes(35), $"{name}: {reading["effectiveDateTime"]} is more than 35 minutes before {sentAt}");
                Assert.Equal(now.UtcDateTime.Date, at.UtcDateTime.Date);
            }
        }
    }

    /// <summary>
    /// Sent now, the blood pressure lies 35 minutes before the call, or at the first moment of the call's UTC day when the
    /// call comes in that day's first 35 minutes (the clean-clone CI of 2026-12-02 ran this at 00:22 UTC, and a range of
    /// "35 minutes before" alone failed then).
    /// </summary>
    [Fact]
    public void Sample_SentNow_HasItsBloodPressureTakenBeforeTheCallOnTheSameDay()
    {
        var before = DateTimeOffset.UtcNow;
        var sample = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm");
        var after = DateTimeOffset.UtcNow;

        var bp = Assert.Single(Resources(sample), r => r["code"]?["coding"]?[0]?["code"]?.GetValue<string>() == "85354-9");
        var at = DateTimeOffset.Parse(bp["effectiveDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.InRange(at, TakenFor(before) - TimeSpan.FromSeconds(1), TakenFor(after));
        Assert.True(at <= after, $"{at:O} lies after the call at {after:O}");
    }

    [Theory]
    [InlineData("2026-12-02T00:22:33Z", "2026-12-02T00:00:00Z")]
    [InlineData("2026-12-02T00:35:00Z", "2026-12-02T00:00:00Z")]
    [InlineData("2026-12-02T00:36:00Z", "2026-12-02T00:01:00Z")]
    [InlineData("2026-12-01T23:47:32Z", "2026-12-01T23:12:32Z")]
    public void MovedTo_TheBloodPressure_LiesWhereTheSentNowTestExpectsIt(string sentAt, string takenAt)
    {
        var now = DateTimeOffset.Parse(sentAt, CultureInfo.InvariantCulture);
        var moved = JsonNode.Parse(SampleDates.MovedTo(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CdsHooks", "Requests", "patient-view-mdd-with-aneurysm.json")), now))!;

        var bp = Assert.Single(Resources(moved), r => r["code"]?["coding"]?[0]?["code"]?.GetValue<string>() == "85354-9");
        var at = DateTimeOffset.Parse(bp["effectiveDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse(takenAt, CultureInfo.InvariantCulture), at);
        Assert.Equal(TakenFor(now), at);
    }

    /// <summary>When a call at <paramref name="sentAt"/> finds the morning's blood pressure taken: 35 minutes before, but not before the call's UTC day.</summary>
    private static DateTimeOffset TakenFor(DateTimeOffset sentAt)
    {
        var dayStart = new DateTimeOffset(sentAt.UtcDateTime.Date, TimeSpan.Zero);
        var taken = sentAt - TimeSpan.FromMinutes(35);
        return taken < dayStart ? dayStart : taken;
    }

    /// <summary>Every resource of the request's prefetch, those of a bundle within a bundle (a search result) too.</summary>
    private static IEnumerable<JsonNode> Resources(JsonNode request) =>
        request["prefetch"]!.AsObject().Select(p => p.Value).OfType<JsonNode>().SelectMany(InBundle);

    private static IEnumerable<JsonNode> InBundle(JsonNode bundle) => (bundle["entry"]?.AsArray() ?? []).Select(e => e?["resource"]).OfType<JsonNode>()
        .SelectMany(r => r["resourceType"]?.GetValue<string>() == "Bundle" ? InBundle(r) : [r]);
}
