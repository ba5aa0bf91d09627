using System.Net;
using KetamineCds.Web.Audit;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Audit;

/// <summary>
/// QA318 F10: every export downloaded as <c>decision-log.csv</c>, <c>decision-log.jsonl</c> or <c>access-log.csv</c>,
/// whatever and whenever it was; each is now named with the UTC time it was made, to the second, in characters any file
/// system takes. The page's exports and the API's alike, by the app's clock.
/// </summary>
public sealed class ExportFileNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 30, 5, TimeSpan.Zero);

    [Fact]
    public void Of_AClinicTime_IsNamedInUtcToTheSecondWithNoColon()
    {
        var name = ExportFileName.Of(ExportFileName.DecisionLog, new DateTimeOffset(2026, 12, 7, 16, 15, 30, 999, TimeSpan.FromHours(8)), "csv");

        Assert.Equal("decision-log-2026-12-07T081530Z.csv", name);
        Assert.Matches("^[A-Za-z0-9-]+\\.[a-z]+$", name);
        Assert.Empty(name.Intersect(Path.GetInvalidFileNameChars().Concat(":*?\"<>|\\/")));
    }

    [Theory]
    [InlineData("/Audit?handler=Csv", false, "decision-log-2026-11-23T003005Z.csv")]
    [InlineData("/Audit?handler=JsonLines", false, "decision-log-2026-11-23T003005Z.jsonl")]
    [InlineData("/Audit/Access?handler=Csv", false, "access-log-2026-11-23T003005Z.csv")]
    [InlineData("/api/v1/audit/export.csv", true, "decision-log-2026-11-23T003005Z.csv")]
    [InlineData("/api/v1/audit/export.jsonl", true, "decision-log-2026-11-23T003005Z.jsonl")]
    [InlineData("/api/v1/audit/access.csv", true, "access-log-2026-11-23T003005Z.csv")]
    public async Task Export_PageOrApi_DownloadsAsItsKindAndTheUtcTimeItWasMade(string path, bool api, string expected)
    {
        var clock = new FakeTimeProvider(Now);
        using var factory = new Infrastructure.ClockFactory(clock);
        await factory.RecordScreeningThroughApiAsync("MRN-EXPORT-NAME");
        var client = api ? await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor) : await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal(expected, disposition?.FileName?.Trim('"'));
    }
}
