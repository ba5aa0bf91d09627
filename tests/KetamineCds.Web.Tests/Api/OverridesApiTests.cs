using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// QA128 F3: <c>GET /api/v1/screenings/{id}</c> and the patient's list carry the clinicians' decisions against the
/// recommendation (<c>overrides</c>, oldest first, the last in force), as the result page shows them with the verdict:
/// an EHR reading <c>overall: eligible-with-cautions</c> also reads the "do not proceed". A new optional property only:
/// a screening without overrides answers the body it always did, and the rest of the body does not change.
/// </summary>
public sealed class OverridesApiTests : IClassFixture<KetamineCdsFactory>
{
    private const string Declined = "Patient declined ketamine after the risks were explained.";

    private readonly KetamineCdsFactory _factory;

    public OverridesApiTests(KetamineCdsFactory factory) => _factory = factory;

    /// <summary>A screening, then a "proceed" and a later "do not proceed" recorded on its result page.</summary>
    private async Task<(Guid Id, string Before)> OverriddenTwiceAsync(string patient)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", Pages.PrintOverrideTests.Eligible(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await api.GetStringAsync($"/api/v1/screenings/{id}");

        await _factory.RecordOverrideThroughPageAsync(id);
        var page = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var post = await page.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "DoNotProceed",
            ["Override.Reason"] = "PatientPreference",
            ["Override.Explanation"] = Declined,
            ["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(page, $"/Screenings/{id}"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return (id, before);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, null)]
    [InlineData(KetamineCdsFactory.Staff, "zh-CN")]
    public async Task Get_OverriddenScreening_CarriesTheDecisionsOldestFirstBeforeTheVerdict(string reader, string? language)
    {
        var (id, _) = await OverriddenTwiceAsync("MRN-OVR-API-" + reader[..4].ToUpperInvariant());
        var api = await _factory.CreateApiClientAsync(reader);
        if (language is not null)
        {
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{id}"));

        var root = body.RootElement;
        // Before the assessment: a client reading overall has read first that a clinician decided otherwise.
        Assert.Equal(["id", "recordedAt", "recordedBy", "overrides", "ruleSet", "overall"], root.EnumerateObject().Select(p => p.Name).Take(6));
        Assert.StartsWith("eligible", root.GetProperty("overall").GetString(), StringComparison.Ordinal);
        var overrides = root.GetProperty("overrides").EnumerateArray().ToList();
        var logged = (await _factory.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id))!.Overrides;
        Assert.Equal(2, overrides.Count);
        Assert.Equal(logged.Select(o => o.Id), overrides.Select(o => o.GetProperty("id").GetGuid()));
        foreach (var o in overrides)
        {
            Assert.Equal(["id", "decision", "reason", "explanation", "recordedBy", "recordedAt"], o.EnumerateObject().Select(p => p.Name));
            Assert.Equal(KetamineCdsFactory.Psychiatrist, o.GetProperty("recordedBy").GetString());
        }

        // The wire names of the audit exports (overrideDecision, overrideReason), never translated; the last is in force.
        Assert.Equal(["proceed", "do-not-proceed"], overrides.Select(o => o.GetProperty("decision").GetString()));
        Assert.Equal(["benefit-outweighs-risk-after-review", "patient-preference"], overrides.Select(o => o.GetProperty("reason").GetString()));
        Assert.Equal([KetamineCdsFactory.OverrideExplanation, Declined], overrides.Select(o => o.GetProperty("explanation").GetString()));
        Assert.Equal(logged[1].RecordedAt, overrides[1].GetProperty("recordedAt").GetDateTimeOffset());
        Assert.True(overrides[0].GetProperty("recordedAt").GetDateTimeOffset() <= overrides[1].GetProperty("recordedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Get_OverriddenScreening_IsTheBodyItWasBeforeWithOverridesAdded()
    {
        // Backward compatible: the body before any override is the body after, less the new optional property; the
        // assessment and the input (the hashed entry) are unchanged.
        var (id, before) = await OverriddenTwiceAsync("MRN-OVR-API-SAME");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        var after = JsonNode.Parse(await api.GetStringAsync($"/api/v1/screenings/{id}"))!.AsObject();

        Assert.False(JsonNode.Parse(before)!.AsObject().ContainsKey("overrides"));
        Assert.True(after.Remove("overrides"));
        Assert.Equal(JsonNode.Parse(before)!.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task List_EachItem_CarriesTheOverridesItsOwnGetAnswers()
    {
        var (id, _) = await OverriddenTwiceAsync("MRN-OVR-API-LIST");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var other = await api.PostAsJsonAsync("/api/v1/screenings", Pages.PrintOverrideTests.Eligible("MRN-OVR-API-LIST"));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var staff = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        using var list = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/screenings?patientReference=MRN-OVR-API-LIST"));

        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        await ListedItems.AssertEachAsItsOwnGetAsync(staff, items, "overrides");

        var overridden = items.Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal("do-not-proceed", overridden.GetProperty("overrides").EnumerateArray().Last().GetProperty("decision").GetString());
        Assert.False(items.Single(i => i.GetProperty("id").GetGuid() != id).TryGetProperty("overrides", out _));
    }
}
