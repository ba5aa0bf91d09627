using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// The audit API's entries in the served OpenAPI document tell the truth: each call below answers a status the
/// document lists for its operation, with a content type the document gives for that status, and the export's
/// parameters are documented as the endpoint reads them.
/// </summary>
public sealed class AuditApiDocumentTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    /// <summary>The contract's verdict strings (shared/api/screening-v1.md, field <c>overall</c>).</summary>
    private static readonly string[] ContractVerdicts = ["eligible", "eligible-with-cautions", "incomplete", "not-eligible-now", "not-indicated"];

    public AuditApiDocumentTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("GET", "/api/v1/audit/verify", "/api/v1/audit/verify", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/audit/verify?mode=sideways", "/api/v1/audit/verify", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/audit/verify?from=yesterday", "/api/v1/audit/verify", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints", HttpStatusCode.Created)]
    [InlineData("GET", "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/audit/checkpoints/key", "/api/v1/audit/checkpoints/key", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/audit/export.csv?from=2026-01-01&to=2026-12-31&ruleSet=1.2.0", "/api/v1/audit/export.csv", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/audit/export.csv?from=someday", "/api/v1/audit/export.csv", HttpStatusCode.BadRequest)]
    public async Task AuditCall_AnswersAStatusAndContentTypeTheDocumentLists(string method, string url, string path, HttpStatusCode expected)
    {
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(expected, response.StatusCode);
        await AssertDocumentedAsync(method, path, response);
    }

    [Fact]
    public async Task CreateCheckpoint_LogDoesNotVerify_Answers409AsDocumented()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using (var created = await psychiatrist.PostAsync("/api/v1/screenings", JsonContent(SampleRequests.Trd("MRN-CHECKPOINT-409"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await factory.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-OTHER' WHERE \"Sequence\" = 1;");

        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var response = await auditor.PostAsync("/api/v1/audit/checkpoints", null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(body.RootElement.GetProperty("verification").GetProperty("intact").GetBoolean());
        // QA109 F7: the embedded verification is GET /api/v1/audit/verify's shape: its mode a string, never "mode": 0.
        Assert.Equal("full", body.RootElement.GetProperty("verification").GetProperty("mode").GetString());
        Assert.Equal("content-changed", body.RootElement.GetProperty("verification").GetProperty("findings")[0].GetProperty("kind").GetString());
        Assert.Empty(Directory.Exists(factory.CheckpointDirectory) ? Directory.GetFiles(factory.CheckpointDirectory, "*.json") : []);
        await AssertDocumentedAsync("POST", "/api/v1/audit/checkpoints", response, factory);
    }

    [Fact]
    public async Task CreateCheckpointDocument_409_DescribesTheVerificationItCarries()
    {
        // QA109 F7: the 409 was declared a bare problem while its body carried the verification that refused it.
        using var http = _factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;

        var conflict = document["paths"]!["/api/v1/audit/checkpoints"]!["post"]!["responses"]!["409"]!;
        var schema = conflict["content"]!["application/problem+json"]!["schema"]!;
        var parts = schema["allOf"]!.AsArray();
        Assert.Contains(parts, p => p!["$ref"]?.GetValue<string>() == "#/components/schemas/ProblemDetails");
        Assert.Contains(parts, p => p!["properties"]?["verification"]?["$ref"]?.GetValue<string>() == "#/components/schemas/VerifyResponse");
        Assert.Contains("GET /api/v1/audit/verify", conflict["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportDocument_VerdictAndRuleSetFilters_ListTheValuesTheEndpointAccepts()
    {
        // QA109 F6: both were plain strings, while the endpoint refuses any other verdict and (now) any unreleased rule set.
        using var http = _factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;

        foreach (var path in new[] { "/api/v1/audit/export.csv", "/api/v1/audit/export.jsonl" })
        {
            var parameters = document["paths"]![path]!["get"]!["parameters"]!.AsArray();
            JsonNode Schema(string name) => parameters.Single(p => p!["name"]!.GetValue<string>() == name)!["schema"]!;
            Assert.Equal(ContractVerdicts.Order(StringComparer.Ordinal), Schema("overall")["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.Equal(
                KetamineCds.Domain.Rules.RuleSetCatalog.All.Select(r => r.Version),
                Schema("ruleSet")["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task ExportDocument_Parameters_AreSpelledAsTheEndpointReadsThem()
    {
        using var http = _factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var parameters = document["paths"]!["/api/v1/audit/export.csv"]!["get"]!["parameters"]!.AsArray();
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        Assert.Equal(["from", "to", "clinician", "patient", "patientReference", "overall", "ruleSet"], parameters.Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(parameters.Where(p => p!["name"]!.GetValue<string>() is "from" or "to"), p => Assert.Equal("date", p!["schema"]!["format"]!.GetValue<string>()));

        // A bad value under each documented name is named back under that name: the endpoint reads what the document says.
        foreach (var (name, bad) in new[] { ("from", "2026-13-01"), ("to", "never"), ("overall", "maybe"), ("ruleSet", "1.6") })
        {
            using var response = await auditor.GetAsync($"/api/v1/audit/export.csv?{name}={bad}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(name, out _), $"no error under '{name}'");
        }
    }

    [Fact]
    public async Task ReplayDocument_ReplayedOverall_IsTheVerdictsStringEnumerationOrNull()
    {
        var http = _factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;

        var replayed = schemas["ReplayResponse"]!["properties"]!["replayedOverall"]!;
        var choices = replayed["oneOf"]!.AsArray();
        Assert.Equal(2, choices.Count);
        Assert.Contains(choices, c => c!["type"]?.GetValue<string>() == "null");
        Assert.Contains(choices, c => c!["$ref"]?.GetValue<string>() == "#/components/schemas/Verdict");
        Assert.Equal(
            KetamineCds.Domain.Screening.WireNames.All<KetamineCds.Domain.Screening.Verdict>(),
            schemas["Verdict"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList());
        Assert.Equal(ContractVerdicts, schemas["Verdict"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task ReplayDocument_EntryType_IsAStringEnumerationOfTheTwoKindsReplayed()
    {
        // helper-165 leftover: entryType was described as any string, while it is only ever one of two values (issue 11's
        // OpenAPI document tells the truth: string enumerations with their values).
        var http = _factory.CreateClient();
        var schemas = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;

        Assert.Equal("#/components/schemas/ReplayEntryType", schemas["ReplayResponse"]!["properties"]!["entryType"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["screening", "hook-answer"], schemas["ReplayEntryType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    private async Task AssertDocumentedAsync(string method, string path, HttpResponseMessage response, KetamineCdsFactory? factory = null)
    {
        using var http = (factory ?? _factory).CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var responses = document["paths"]![path]![method.ToLowerInvariant()]!["responses"]!.AsObject();
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(responses.ContainsKey(status), $"{method} {path} answered {status}; the document lists {string.Join(", ", responses.Select(r => r.Key))}");
        var content = responses[status]!["content"]?.AsObject();
        Assert.NotNull(content);
        Assert.Contains(response.Content.Headers.ContentType!.MediaType!, content.Select(c => c.Key));
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
