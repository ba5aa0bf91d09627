using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// CDS Hooks feedback on a card whose entry was altered in the database (the only way to get one): the EHR is answered
/// as the API answers an entry that cannot be read (409 naming it, with the reference), nothing is recorded, and the
/// refused attempt is in the access log in the client's name (its iss, role CdsHooksClient: feedback names no user), as
/// every other refused opening is. Before (helper 325), nothing said who had tried.
/// </summary>
public sealed class FeedbackUnreadableEntryTests : IDisposable
{
    private const string PatientView = "/cds-services/ketamine-screening-patient-view";
    private const string Issuer = "https://ehr.feedback-unreadable.test";

    private readonly TestCdsClient _client = new(Issuer, "feedback-unreadable-key");
    private readonly KetamineCdsFactory _factory;

    public FeedbackUnreadableEntryTests() => _factory = new KetamineCdsFactory { Settings = _client.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _client.Dispose();
    }

    [Fact]
    public async Task Feedback_TheCardsEntryAltered_Is409NamingItRecordsNothingAndTheRefusalInTheClientsName()
    {
        var call = File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json"));
        using var answered = await _client.PostAsync(_factory, PatientView, call);
        var answer = await answered.Content.ReadAsStringAsync();
        Assert.True(answered.StatusCode == HttpStatusCode.OK, answer);
        var card = JsonNode.Parse(answer)!["cards"]!.AsArray()[0]!["uuid"]!.GetValue<string>();
        Guid entryId;
        long sequence;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>();
            var entry = await db.DecisionLogEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
            (entryId, sequence) = (entry.Id, entry.Sequence);
        }

        await _factory.ExecuteSqlAsync($"DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-ALTERED' WHERE \"Sequence\" = {sequence};");
        var now = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var feedback = $$$"""{"feedback":[{"card":"{{{card}}}","outcome":"overridden","outcomeTimestamp":"{{{now}}}","overrideReason":{"reason":{"code":"specialist-advice-obtained"},"userComment":"Vascular surgeon cleared."}}]}""";
        var reference = "refused-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView + "/feedback") { Content = new StringContent(feedback, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _client.Token(PatientView + "/feedback"));
        request.Headers.Add("X-Correlation-Id", reference);

        using var response = await _factory.CreateRawClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Conflict, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(text))
        {
            Assert.Equal("This log entry cannot be read", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal((entryId, sequence, reference), (problem.RootElement.GetProperty("entryId").GetGuid(), problem.RootElement.GetProperty("sequence").GetInt64(), problem.RootElement.GetProperty("reference").GetString()));
        }

        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>();
            Assert.False(await db.DecisionLogEntries.AnyAsync(e => e.EntryType == DecisionLogEntryTypes.Override));
            var refused = Assert.Single(await db.AccessEvents.AsNoTracking().Where(e => e.CorrelationId == reference).ToListAsync());
            Assert.Equal(
                (Issuer, "CdsHooksClient", "view-screening", entryId.ToString(), $"cds-hooks feedback; refused as unreadable: entry {sequence}"),
                (refused.UserEmail, refused.Role, refused.Kind, refused.Subject, refused.Detail));
        }

        // The access log's page says it in words, in either language, and names the client's role.
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        foreach (var (language, words, role) in new[]
        {
            ("en", "Feedback from the EHR (CDS Hooks); refused: entry {0} cannot be read; the log may have been altered", "EHR client"),
            ("zh-CN", "来自电子病历系统的反馈（CDS Hooks）；已拒绝：无法读取第 {0} 条，日志可能已被篡改", null),
        })
        {
            using var page = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Access?subject={entryId}", language);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains(string.Format(CultureInfo.InvariantCulture, words, sequence), html, StringComparison.Ordinal);
            if (role is not null)
            {
                Assert.Contains(role, html, StringComparison.Ordinal);
            }
        }
    }
}
