using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// QA272 F3, the API's side. screening-v1.md: "A field marked *when ...* is required in that case and must be absent or
/// null otherwise only where noted", and no field is so noted. An answer to a question the form does not ask of the
/// history is therefore accepted and stored as sent (the safety net without suicidality, a mood stabilizer's level for
/// MDD; for MDD on lithium the contract even requires the level). Refused, as before, is only what the catalogue
/// declares a contradiction (EmptyWhen, YesRuledOutWhen): a therapeutic level of no mood stabilizer at all.
/// </summary>
public sealed class NotAskedAnswersApiTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public NotAskedAnswersApiTests(KetamineCdsFactory factory) => _factory = factory;

    public static TheoryData<string, string> AcceptedAsTheContractSays() => new()
    {
        { "MRN-NOT-ASKED-API-1", """{"safetyPlanInPlace": true, "lethalMeansCounselled": true, "followUpArranged": true}""" },
        { "MRN-NOT-ASKED-API-2", """{"moodStabilizerOptimized": true}""" },
        { "MRN-NOT-ASKED-API-3", """{"moodStabilizer": "lithium", "moodStabilizerOptimized": true}""" },
        { "MRN-NOT-ASKED-API-4", """{"phq9Total": 10, "phq9Item9": 0, "suicideRiskAssessedAfterItem9": true}""" },
    };

    [Theory]
    [MemberData(nameof(AcceptedAsTheContractSays))]
    public async Task Create_MddWithNoSuicidality_AnAnswerTheFormDoesNotAsk_IsAcceptedAndStoredAsSent(string reference, string answers)
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd(reference);
        foreach (var (name, value) in JsonNode.Parse(answers)!.AsObject())
        {
            request = request.With(name, value!.DeepClone());
        }

        var response = await client.PostAsJsonAsync("/api/v1/screenings", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var input = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["input"]!;
        foreach (var (name, value) in JsonNode.Parse(answers)!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(value, input[name]), name);
        }
    }

    [Fact]
    public async Task Create_ATherapeuticLevelOfNoMoodStabilizer_IsStill400OnTheLevel()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd("MRN-NOT-ASKED-API-5").With("moodStabilizer", "none").With("moodStabilizerOptimized", true);

        var response = await client.PostAsJsonAsync("/api/v1/screenings", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["moodStabilizerOptimized"], errors.EnumerateObject().Select(e => e.Name));
    }
}
