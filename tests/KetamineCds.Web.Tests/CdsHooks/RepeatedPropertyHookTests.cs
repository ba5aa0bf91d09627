using System.Net;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA180 F1: a CDS Hooks call or feedback that gives one property twice in one JSON object is refused with a 400 naming
/// the property, and nothing is recorded. Before, a FHIR resource with a property given twice (a Condition's
/// <c>verificationStatus</c> confirmed and refuted) was a 500 with the stack trace (the log's copy of the chart could not
/// be built), and a repeated <c>context.patientId</c> or feedback <c>outcome</c> was answered and recorded with whichever
/// value the reader happened to take, though the EHR had sent two answers.
/// </summary>
public sealed class RepeatedPropertyHookTests : IDisposable
{
    private const string PatientView = "/cds-services/ketamine-screening-patient-view";
    private const string Issuer = "https://ehr.repeated-property.test";
    private const string Kid = "repeated-property-key";

    private readonly TestCdsClient _client = new(Issuer, Kid);
    private readonly KetamineCdsFactory _factory;

    public RepeatedPropertyHookTests() => _factory = new KetamineCdsFactory { Settings = _client.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _client.Dispose();
    }

    [Theory]
    [InlineData("condition-verification-status", "prefetch.chart.entry[1].resource.entry[1].resource.verificationStatus")]
    [InlineData("context-patient-id", "context.patientId")]
    public async Task PatientView_PropertyGivenTwiceInOneObject_Answers400NamingItAndRecordsNothing(string kind, string path)
    {
        var call = Sample().ToJsonString();
        var body = kind switch
        {
            // The aneurysm's Condition says confirmed after saying refuted.
            "condition-verification-status" => Insert(call, "\"id\":\"cond-aaa\"",
                "\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"refuted\"}]},"),
            _ => Insert(call, "\"patientId\":\"ex-mdd-aaa\"", "\"patientId\":\"another-patient\","),
        };
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await _client.PostAsync(_factory, PatientView, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal("The request could not be read; nothing was recorded.", problem["title"]!.GetValue<string>());
        Assert.StartsWith(path + " is given more than once", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    [Fact]
    public async Task Feedback_OutcomeGivenTwice_Answers400NamingItAndRecordsNoOverride()
    {
        using var answered = await _client.PostAsync(_factory, PatientView, Sample().ToJsonString());
        var answer = await answered.Content.ReadAsStringAsync();
        Assert.True(answered.StatusCode == HttpStatusCode.OK, answer);
        var card = JsonNode.Parse(answer)!["cards"]!.AsArray().First(c => c!["indicator"]!.GetValue<string>() == "critical")!["uuid"]!.GetValue<string>();
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = card,
                ["outcome"] = "overridden",
                ["outcomeTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            }),
        }.ToJsonString();
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await _client.PostAsync(_factory, PatientView + "/feedback", Insert(feedback, "\"outcome\":\"overridden\"", "\"outcome\":\"accepted\","));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.StartsWith("feedback[0].outcome is given more than once", JsonNode.Parse(text)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    private static JsonNode Sample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json")))!;

    /// <summary>The JSON text with <paramref name="insert"/> written just before the one place <paramref name="at"/> is.</summary>
    private static string Insert(string json, string at, string insert)
    {
        var index = json.IndexOf(at, StringComparison.Ordinal);
        Assert.True(index > 0 && json.IndexOf(at, index + 1, StringComparison.Ordinal) < 0, $"{at} must occur once in the sample");
        return json.Insert(index, insert);
    }

}
