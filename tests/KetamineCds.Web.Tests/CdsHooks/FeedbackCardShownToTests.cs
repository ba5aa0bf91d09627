using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// CDS Hooks feedback names no user, so an override an EHR reported was shown on the audit views in the EHR's name alone
/// (its iss). The card it overrides was shown in answer to one hook call, whose <c>context.userId</c> the overridden entry's
/// origin keeps: the audit views say the override came through that EHR for the card shown to that user, never that the
/// user made it (feedback does not say who acted). The stored override and the CSV export are unchanged.
/// </summary>
public sealed class FeedbackCardShownToTests : IDisposable
{
    private const string PatientView = "/cds-services/ketamine-screening-patient-view";
    private const string Issuer = "https://ehr.card-shown-to.test";
    private const string Kid = "card-shown-to-key";
    private const string User = "Practitioner/demo-psychiatrist";
    private const string Said = $"via EHR {Issuer}, card shown to {User} (feedback does not say who acted on it)";

    private readonly TestCdsClient _client = new(Issuer, Kid);
    private readonly KetamineCdsFactory _factory;

    public FeedbackCardShownToTests() => _factory = new KetamineCdsFactory { Settings = _client.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _client.Dispose();
    }

    [Fact]
    public async Task Feedback_Override_AuditViewsNameTheUserTheCardWasShownTo_NotAsWhoActed()
    {
        var call = File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json"));
        Assert.Contains($"\"userId\": \"{User}\"", call, StringComparison.Ordinal);
        using var answered = await _client.PostAsync(_factory, PatientView, call);
        var answer = await answered.Content.ReadAsStringAsync();
        Assert.True(answered.StatusCode == HttpStatusCode.OK, answer);
        var card = JsonNode.Parse(answer)!["cards"]!.AsArray()[0]!["uuid"]!.GetValue<string>();
        var now = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var feedback = $$$"""{"feedback":[{"card":"{{{card}}}","outcome":"overridden","outcomeTimestamp":"{{{now}}}","overrideReason":{"reason":{"code":"specialist-advice-obtained"},"userComment":"Vascular surgeon cleared."}}]}""";
        using (var response = await _client.PostAsync(_factory, PatientView + "/feedback", feedback))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        Guid overrideId, overriddenId;
        string entryType, reference;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>();
            var entry = await db.DecisionLogEntries.AsNoTracking().SingleAsync(e => e.EntryType == DecisionLogEntryTypes.Override && e.ActorEmail == Issuer);
            // The override is stored in the EHR's name, as before: feedback names no user.
            Assert.Equal(DecisionLogAudit.EhrFeedbackUserPrefix + Issuer, entry.ActorUserId);
            Assert.DoesNotContain(User, entry.InputJson, StringComparison.Ordinal);
            (overrideId, overriddenId, reference) = (entry.Id, entry.RelatesToId!.Value, entry.PatientReference);
            entryType = (await db.DecisionLogEntries.AsNoTracking().SingleAsync(e => e.Id == overriddenId)).EntryType;
        }

        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        // The override's own page.
        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Override/{overrideId}"));
        var facts = page[page.IndexOf("id=\"override-facts\"", StringComparison.Ordinal)..];
        facts = facts[..facts.IndexOf("</dl>", StringComparison.Ordinal)];
        Assert.Contains(Said, facts, StringComparison.Ordinal);

        // The overridden entry's page, its overrides table.
        var entryPage = WebUtility.HtmlDecode(await auditor.GetStringAsync($"{AuditEntryPagesOf(entryType)}/{overriddenId}"));
        var overrides = entryPage[entryPage.IndexOf("Clinician overrides, oldest first", StringComparison.Ordinal)..];
        overrides = overrides[..overrides.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains(Said, overrides, StringComparison.Ordinal);

        // The list's row of the override.
        var list = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit?patient={reference}"));
        var row = Assert.Single(list.Split("<tr", StringSplitOptions.None), r => r.Contains(overrideId.ToString(), StringComparison.Ordinal));
        Assert.Contains(Said, row, StringComparison.Ordinal);
        Assert.DoesNotContain("the EHR names no user", row, StringComparison.Ordinal);

        // In Chinese too.
        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Override/{overrideId}", "zh-CN");
        Assert.Contains($"经由电子病历 {Issuer}，卡片显示给 {User}（反馈未说明由谁操作）", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The export is the record: its row names the EHR, not the user.
        var csv = await auditor.GetStringAsync($"/Audit?handler=Csv&patient={reference}");
        var csvRow = Assert.Single(csv.Split('\n'), l => l.StartsWith(overrideId.ToString(), StringComparison.Ordinal));
        Assert.EndsWith("," + Issuer, csvRow.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.DoesNotContain(User, csvRow, StringComparison.Ordinal);
    }

    private static string AuditEntryPagesOf(string entryType) => entryType == DecisionLogEntryTypes.HookAnswer ? "/Audit/HookAnswer" : "/Audit/Screening";
}
