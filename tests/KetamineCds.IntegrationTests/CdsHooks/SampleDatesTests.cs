using KetamineCds.Samples.CdsHooks;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>The samples' dates move with the day they are sent on, so that the chart reads as written.</summary>
public sealed class SampleDatesTests
{
    private const string Chart = """{"birthDate":"1974-03-02","effectiveDateTime":"2026-11-28T08:40:00-05:00","onsetDateTime":"2026-07-01","id":"2026-11-28x","note":"on 2026-11-28 at noon","year":"2026"}""";

    [Fact]
    public void MovedTo_ThreeDaysLater_MovesEveryFullDateAndNothingElse()
    {
        var moved = SampleDates.MovedTo(Chart, SampleDates.AsOf.AddDays(3));

        Assert.Equal("""{"birthDate":"1974-03-05","effectiveDateTime":"2026-12-01T08:40:00-05:00","onsetDateTime":"2026-07-04","id":"2026-11-28x","note":"on 2026-11-28 at noon","year":"2026"}""", moved);
    }

    [Fact]
    public void MovedTo_TheDayTheSamplesWereWrittenFor_LeavesThemAsWritten() =>
        Assert.Same(Chart, SampleDates.MovedTo(Chart, SampleDates.AsOf));

    [Fact]
    public void Sample_SentToday_HasItsBloodPressureDatedToday()
    {
        var sample = CdsHooksApp.Sample("patient-view-mdd-with-aneurysm").ToJsonString();

        Assert.Contains($"\"effectiveDateTime\":\"{DateTime.UtcNow:yyyy-MM-dd}T08:40:00-05:00\"", sample, StringComparison.Ordinal);
    }
}
