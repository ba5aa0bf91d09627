using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// GET /api/v1/audit/screenings/{sequence}/replay: the Replay page's answer for integrators and auditors' scripts, for the
/// auditor only, recorded in the access log; a bad sequence is a field-level 400, an entry that is not a screening a 404.
/// </summary>
public sealed class AuditReplayApiTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public AuditReplayApiTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Replay_LoggedScreening_ReproducedWithTheRecordedRuleSetAndRecordedInTheAccessLog()
    {
        var (id, sequence) = await ScreenAsync(_factory, "MRN-REPLAY-API-1");
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync($"/api/v1/audit/screenings/{sequence}/replay");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sequence, body.GetProperty("sequence").GetInt64());
        Assert.Equal(id, body.GetProperty("screeningId").GetGuid());
        Assert.Equal("reproduced", body.GetProperty("outcome").GetString());
        Assert.Equal("screening", body.GetProperty("entryType").GetString());
        Assert.True(body.GetProperty("reproduced").GetBoolean());
        Assert.True(body.GetProperty("assessmentMatches").GetBoolean());
        Assert.True(body.GetProperty("inputsAgree").GetBoolean());
        Assert.Empty(body.GetProperty("inputFieldsDisagreeing").EnumerateArray());
        Assert.Equal(RuleSetCatalog.Current.Version, body.GetProperty("ruleSet").GetProperty("version").GetString());
        Assert.Equal(RuleSetCatalog.Current.Digest, body.GetProperty("ruleSet").GetProperty("digest").GetString());
        Assert.True(body.GetProperty("ruleSetFound").GetBoolean());
        Assert.True(body.GetProperty("digestMatches").GetBoolean());
        Assert.Empty(body.GetProperty("differences").EnumerateArray());
        Assert.Equal(0, body.GetProperty("differenceCount").GetInt64());

        // The verdict recomputed, as the contract spells a screening's overall (the document's Verdict enumeration).
        var logged = await _factory.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id);
        Assert.Equal(KetamineCds.Domain.Screening.WireNames.Of(logged!.Assessment.Overall), body.GetProperty("replayedOverall").GetString());

        var events = await auditor.GetStringAsync("/api/v1/audit/access.csv?kind=replay&who=" + KetamineCdsFactory.Auditor);
        Assert.Contains($",replay,{id},api; reproduced,", events, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    [InlineData("%20")]
    public async Task Replay_SequenceNotAWholeNumberFromOne_400WithAFieldMessage(string sequence)
    {
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync($"/api/v1/audit/screenings/{sequence}/replay");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("whole number from 1", body.GetProperty("errors").GetProperty("sequence")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NoSuchEntryOrAnOverride_404()
    {
        var (screening, sequence) = await ScreenAsync(_factory, "MRN-REPLAY-API-2");
        await _factory.Services.GetRequiredService<IDecisionLog>().RecordOverrideAsync(new OverrideSubmission(
            screening, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "declined",
            new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-replay-api"));
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var none = await auditor.GetAsync("/api/v1/audit/screenings/987654321/replay");
        // The override is the entry right after its screening (the tests of this class run one at a time).
        using var ofOverride = await auditor.GetAsync($"/api/v1/audit/screenings/{sequence + 1}/replay");

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, ofOverride.StatusCode);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist)]
    [InlineData(KetamineCdsFactory.Staff)]
    [InlineData(KetamineCdsFactory.Admin)]
    public async Task Replay_NotAnAuditor_IsRefused(string email)
    {
        var (_, sequence) = await ScreenAsync(_factory, "MRN-REPLAY-API-3");
        var client = await _factory.CreateApiClientAsync(email);

        using var response = await client.GetAsync($"/api/v1/audit/screenings/{sequence}/replay");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("reproduced", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_InputAsSubmittedRewrittenAndRehashed_SaysTheStoredInputsDisagreeAndWhichField()
    {
        using var factory = new KetamineCdsFactory();
        var (_, sequence) = await ScreenAsync(factory, "MRN-REPLAY-API-4");
        await StoredInputsDisagreeTests.RewriteLastInputAndRehashAsync(factory, json => json.Replace("\"systolicBp\":128", "\"systolicBp\":198", StringComparison.Ordinal));
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var body = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit/screenings/{sequence}/replay");

        Assert.Equal("inputs-disagree", body.GetProperty("outcome").GetString());
        Assert.False(body.GetProperty("reproduced").GetBoolean());
        Assert.True(body.GetProperty("assessmentMatches").GetBoolean());
        Assert.False(body.GetProperty("inputsAgree").GetBoolean());
        Assert.Equal(["systolicBp"], body.GetProperty("inputFieldsDisagreeing").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Replay_LoggedAssessmentRewrittenAndRehashed_DidNotReproduceAndNamesTheDifference()
    {
        using var factory = new KetamineCdsFactory();
        var (_, sequence) = await ScreenAsync(factory, "MRN-REPLAY-API-5");
        string? logged = null;
        await StoredInputsDisagreeTests.RewriteLastAndRehashAsync(factory, e =>
        {
            var assessment = System.Text.Json.Nodes.JsonNode.Parse(e.AssessmentJson!)!.AsObject();
            logged = assessment["overall"]!.GetValue<string>();
            assessment["overall"] = "not-eligible-now";
            e.AssessmentJson = assessment.ToJsonString();
        });
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var body = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit/screenings/{sequence}/replay");

        Assert.Equal("did-not-reproduce", body.GetProperty("outcome").GetString());
        Assert.False(body.GetProperty("assessmentMatches").GetBoolean());
        Assert.True(body.GetProperty("inputsAgree").GetBoolean());
        var difference = Assert.Single(body.GetProperty("differences").EnumerateArray());
        Assert.Equal("/overall", difference.GetProperty("path").GetString());
        Assert.Equal("\"not-eligible-now\"", difference.GetProperty("logged").GetString());
        Assert.Equal($"\"{logged}\"", difference.GetProperty("replayed").GetString());
        Assert.Equal(1, body.GetProperty("differenceCount").GetInt64());
    }

    private static async Task<(Guid Id, long Sequence)> ScreenAsync(KetamineCdsFactory factory, string patient)
    {
        var id = await factory.RecordScreeningThroughApiAsync(patient);
        var screening = await factory.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id);
        return (id, screening!.Sequence);
    }
}
