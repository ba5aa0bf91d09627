using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KetamineCds.Testing;

namespace KetamineCds.ApiClient.Tests;

/// <summary>
/// What the API answers is what its OpenAPI document says, checked by a JSON Schema 2020-12 validator (the dialect of
/// OpenAPI 3.1): the screenings the app returns, not-recorded answers (null) included, validate against the document's
/// own schemas, and so do requests that the contract allows.
/// </summary>
public sealed class OpenApiConformanceTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task CreatedAndListedScreenings_WithAnswersNotRecorded_ValidateAgainstTheDocumentsResponseSchema()
    {
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var response = SchemaFor(document, "ScreeningResponse");
        var request = SchemaFor(document, "ScreeningRequest");
        await SignInAsync(http, AppFactory.Psychiatrist);
        var reference = "OAS-" + Guid.NewGuid().ToString("N")[..8];

        // Only the required answers: every other field, choices included, is null in the stored input.
        var body = CompleteScreeningBodies.RequiredAnswers(reference);
        body["moodStabilizer"] = null;
        body["hepaticImpairment"] = null;
        AssertValid(request, body, "the request");
        using var created = await http.PostAsJsonAsync("/api/v1/screenings", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var createdBody = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Null(createdBody["input"]!["moodStabilizer"]);

        AssertValid(response, createdBody, "the created screening");
        AssertValid(response, JsonNode.Parse(await http.GetStringAsync($"/api/v1/screenings/{createdBody["id"]}"))!, "the screening read back");
        var list = JsonNode.Parse(await http.GetStringAsync($"/api/v1/screenings?patientReference={reference}"))!;
        var item = Assert.Single(list is JsonArray array ? array : list["items"]!.AsArray());
        AssertValid(response, item!, "the listed screening");
    }

    [Fact]
    public async Task CorrectedScreening_WithItsLaterEntries_ValidatesAgainstTheDocumentWhichListsTheKinds()
    {
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var response = SchemaFor(document, "ScreeningResponse");
        await SignInAsync(http, AppFactory.Psychiatrist);
        var reference = "OAS-L-" + Guid.NewGuid().ToString("N")[..8];
        var body = CompleteScreeningBodies.RequiredAnswers(reference);
        using var created = await http.PostAsJsonAsync("/api/v1/screenings", body);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        body["correctionReason"] = "Age was mistyped.";
        body["ageYears"] = body["ageYears"]!.GetValue<int>() + 1; // a correction changes an answer (one that changes none is refused, QA157 F3)
        using var corrected = await http.PostAsJsonAsync($"/api/v1/screenings/{id}/corrections", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, corrected.StatusCode);

        var earlier = JsonNode.Parse(await http.GetStringAsync($"/api/v1/screenings/{id}"))!;
        var list = JsonNode.Parse(await http.GetStringAsync($"/api/v1/screenings?patientReference={reference}"))!;

        Assert.Equal("correction", earlier["laterEntries"]![0]!["kind"]!.GetValue<string>());
        AssertValid(response, earlier, "the corrected screening");
        Assert.All(list["items"]!.AsArray(), item => AssertValid(response, item!, "a listed screening"));
        var kinds = document["components"]!["schemas"]!["LaterScreeningKind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["re-screen", "correction"], kinds);
    }

    [Fact]
    public async Task OverriddenScreening_WithItsOverrides_ValidatesAgainstTheDocumentWhichListsTheDecisionsAndReasons()
    {
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var response = SchemaFor(document, "ScreeningResponse");
        await SignInAsync(http, AppFactory.Psychiatrist);
        var reference = "OAS-O-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await http.PostAsJsonAsync("/api/v1/screenings", CompleteScreeningBodies.RequiredAnswers(reference));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        await factory.RecordOverrideAsync(id, KetamineCds.Infrastructure.DecisionLog.OverrideDecision.DoNotProceed, "Patient declined.");

        var overridden = JsonNode.Parse(await http.GetStringAsync($"/api/v1/screenings/{id}"))!;
        var list = JsonNode.Parse(await http.GetStringAsync($"/api/v1/screenings?patientReference={reference}"))!;

        Assert.Equal("do-not-proceed", overridden["overrides"]![0]!["decision"]!.GetValue<string>());
        AssertValid(response, overridden, "the overridden screening");
        Assert.All(list["items"]!.AsArray(), item => AssertValid(response, item!, "a listed screening"));
        var item = document["components"]!["schemas"]!["ScreeningOverride"]!;
        Assert.Equal(["proceed", "do-not-proceed"], document["components"]!["schemas"]!["OverrideDecision"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("patient-preference", document["components"]!["schemas"]!["OverrideReason"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["id", "decision", "reason", "explanation", "recordedBy", "recordedAt"], item["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task AuditRoutes_AnswerWhatTheDocumentSays()
    {
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        await SignInAsync(http, AppFactory.Auditor);

        using var verify = await http.GetAsync("/api/v1/audit/verify");
        Assert.Equal(System.Net.HttpStatusCode.OK, verify.StatusCode);
        AssertValid(SchemaFor(document, "VerifyResponse"), JsonNode.Parse(await verify.Content.ReadAsStringAsync())!, "the verification");
        using var badVerify = await http.GetAsync("/api/v1/audit/verify?from=yesterday");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badVerify.StatusCode);
        using var badExport = await http.GetAsync("/api/v1/audit/export.csv?from=2026-13-01");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badExport.StatusCode);
        using var created = await http.PostAsync("/api/v1/audit/checkpoints", null);
        if (created.StatusCode == System.Net.HttpStatusCode.Created)
        {
            AssertValid(SchemaFor(document, "SignedCheckpointDocument"), JsonNode.Parse(await created.Content.ReadAsStringAsync())!, "the created checkpoint");
        }

        using var listed = await http.GetAsync("/api/v1/audit/checkpoints");
        Assert.Equal(System.Net.HttpStatusCode.OK, listed.StatusCode);
        AssertValid(SchemaFor(document, "CheckpointListResponse"), JsonNode.Parse(await listed.Content.ReadAsStringAsync())!, "the checkpoint list");

        var paths = document["paths"]!;
        Assert.NotNull(paths["/api/v1/audit/verify"]!["get"]!["responses"]!["400"]);
        Assert.NotNull(paths["/api/v1/audit/export.csv"]!["get"]!["responses"]!["400"]);
        Assert.NotNull(paths["/api/v1/audit/export.csv"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.NotNull(paths["/api/v1/audit/checkpoints/key"]!["get"]!["responses"]!["200"]!["content"]!["application/x-pem-file"]);
        // Whatever the configuration (checkpoints on: 201; off: 409), the status answered is one the document lists.
        Assert.NotNull(paths["/api/v1/audit/checkpoints"]!["post"]!["responses"]![((int)created.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.NotNull(paths["/api/v1/audit/checkpoints"]!["post"]!["responses"]!["201"]);
        Assert.NotNull(paths["/api/v1/audit/checkpoints"]!["post"]!["responses"]!["409"]);
    }

    [Fact]
    public async Task TheDocument_NullableEnumerations_ListNullAmongTheirValues()
    {
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var nullableWithoutNull = new List<string>();
        Walk(document["components"]!, "components");

        // Under JSON Schema 2020-12 an enum without null refuses null whatever the type says.
        Assert.Empty(nullableWithoutNull);
        // A choice that may be not recorded lists null beside its values' component (whose enum has no null).
        Assert.Contains(
            document["components"]!["schemas"]!["ScreeningRequest"]!["properties"]!["moodStabilizer"]!["oneOf"]!.AsArray(),
            s => s?["type"]?.GetValue<string>() == "null");

        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject obj)
            {
                if (obj["enum"] is JsonArray values && obj["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null") && !values.Contains(null))
                {
                    nullableWithoutNull.Add(path);
                }

                foreach (var (key, child) in obj)
                {
                    Walk(child, path + "/" + key);
                }
            }
            else if (node is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    Walk(items[i], path + "/" + i);
                }
            }
        }
    }

    /// <summary>A JSON Schema for one component: the document's schemas as <c>$defs</c>, its references pointed there.</summary>
    [Fact]
    public async Task TheDocument_EveryReferenceNamesASchemaItDefines()
    {
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var components = document["components"]!.AsObject();
        var references = new List<string>();
        CollectReferences(document, references);

        Assert.Contains("#/components/schemas/CheckpointListResponse", references);
        Assert.Contains("#/components/headers/X-Correlation-Id", references);
        // A schema or a response header (X-Correlation-Id, Location, Retry-After), each defined once in the components.
        var dangling = references.Distinct()
            .Where(r => r.Split('/') is not ["#", "components", "schemas" or "headers", var name] || components[r.Split('/')[2]]?[name] is null)
            .ToList();
        Assert.True(dangling.Count == 0, "The document refers to components it does not define: " + string.Join(", ", dangling));
    }

    private static void CollectReferences(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target))
                    {
                        references.Add(target);
                    }
                    else
                    {
                        CollectReferences(value, references);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    CollectReferences(item, references);
                }

                break;
        }
    }

    private static JsonSchema SchemaFor(JsonNode document, string component)
    {
        var defs = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        // A fresh $id each time: the validator keeps every schema it has read by its id, and two tests read the same component.
        var text = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://ketaminecds.test/{{component}}/{{Guid.NewGuid():N}}","$defs":{{defs}},"$ref":"#/$defs/{{component}}"}""";
        return JsonSchema.FromText(text);
    }

    private static void AssertValid(JsonSchema schema, JsonNode instance, string what)
    {
        var result = schema.Evaluate(JsonDocument.Parse(instance.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{what} does not match the OpenAPI document: " + string.Join("; ",
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    private static async Task SignInAsync(HttpClient http, string email)
    {
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = AppFactory.Password });
        login.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
