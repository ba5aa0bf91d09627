using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The contract lets an API request leave out a field that has a default (the jurisdiction: "us"). The input as
/// submitted then holds null where the evaluated history holds the default. That is the same answer, read as the
/// contract reads it: the auditor's pages must not call it a disagreement, which would say the log may have been
/// altered (QA96 F1).
/// </summary>
public sealed class AuditStoredInputsTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public AuditStoredInputsTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(null)]
    [InlineData("us")]
    [InlineData("eu")]
    public async Task ApiScreening_JurisdictionLeftOutOrGiven_EntryAndReplayShowNoDisagreement(string? jurisdiction)
    {
        var request = SampleRequests.Trd("MRN-F1-" + (jurisdiction ?? "none").ToUpperInvariant());
        if (jurisdiction is not null)
        {
            request["jurisdiction"] = jurisdiction;
        }

        Guid id;
        var psychiatrist = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using (var created = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", request))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            id = body.RootElement.GetProperty("id").GetGuid();
        }

        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var entry = await auditor.GetAsync($"/Audit/Screening/{id}");
        var entryHtml = await entry.Content.ReadAsStringAsync();
        using var replay = await auditor.GetAsync($"/Audit/Replay/{id}");
        var replayHtml = WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        Assert.Contains("MRN-F1-", entryHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"inputs-disagree\"", entryHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.DoesNotContain("id=\"inputs-disagree\"", replayHtml, StringComparison.Ordinal);
        Assert.Contains("Reproduced exactly", replayHtml, StringComparison.Ordinal);
    }
}
