using System.Text.Json.Nodes;

namespace KetamineCds.ApiClient.Tests;

/// <summary>
/// The committed snapshot (openapi/v1.json), from which the client in Generated/ was made, is the document the app
/// serves. When the API's shape changes this fails until scripts/generate-client.sh has been run and its output committed.
/// </summary>
public sealed class OpenApiSnapshotTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ServedDocument_ComparedWithCommittedSnapshot_IsTheSame()
    {
        using var http = factory.CreateClient();
        var served = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi", "v1.json")))!.AsObject();

        // The server address is where the document was fetched from (a port on the machine that ran the script).
        served.Remove("servers");
        snapshot.Remove("servers");

        Assert.True(JsonNode.DeepEquals(served, snapshot),
            "The served /openapi/v1.json differs from tests/KetamineCds.ApiClient.Tests/openapi/v1.json. "
            + "Run KETAMINECDS_OPENAPI_PORT=<a free port> bash scripts/generate-client.sh (the default port, 25081, is shared by every "
            + "worktree on the machine) and commit the snapshot and the regenerated client. A new field, an API change, and a new rule-set "
            + "version (the audit exports' ruleSet filter lists the released versions) each change the document.");
    }

    [Fact]
    public async Task ServedDocument_ScreeningRequest_ComesFromTheFieldCatalogue()
    {
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var request = document["components"]!["schemas"]!["ScreeningRequest"]!;

        Assert.False(request["additionalProperties"]!.GetValue<bool>());
        var properties = request["properties"]!.AsObject();
        Assert.Equal(KetamineCds.Domain.Screening.Fields.All.Select(f => f.Name), properties.Select(p => p.Key));
        Assert.Equal(
            KetamineCds.Domain.Screening.Fields.All.Where(f => f.Required).Select(f => f.Name).Order(StringComparer.Ordinal),
            request["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("^[A-Za-z0-9._-]{1,64}$", properties["patientReference"]!["pattern"]!.GetValue<string>());
        Assert.Equal(120, properties["ageYears"]!["maximum"]!.GetValue<int>());
        Assert.Equal("#/components/schemas/PsychosisStatus", properties["psychosis"]!["$ref"]!.GetValue<string>());
        Assert.Contains("history-untreated", document["components"]!["schemas"]!["PsychosisStatus"]!["enum"]!.AsArray().Select(n => n?.GetValue<string>()));
        // The server refuses a repeated substance and an empty list (QA12 G10), and the document says so.
        Assert.True(properties["substancesUsed"]!["uniqueItems"]!.GetValue<bool>());
        Assert.Equal(1, properties["substancesUsed"]!["minItems"]!.GetValue<int>());
        Assert.Equal("1.1", document["info"]!["version"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ScreeningRequest", document["components"]!["schemas"]!["ScreeningResponse"]!["properties"]!["input"]!["$ref"]!.GetValue<string>());
        Assert.Equal(
            ["eligible", "eligible-with-cautions", "incomplete", "not-eligible-now", "not-indicated"],
            document["components"]!["schemas"]!["Verdict"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task ServedDocument_ChoiceFields_ShareOneComponentBetweenTheRequestAndTheCorrection()
    {
        // Each schema with its own inline copy of a choice's values made Kiota generate every enumeration twice
        // (ScreeningRequest_psychosis and CorrectionRequest_psychosis): both reference one component instead.
        using var http = factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        var choices = KetamineCds.Domain.Screening.Fields.All
            .Where(f => f.Type is KetamineCds.Domain.Screening.FieldType.Choice or KetamineCds.Domain.Screening.FieldType.ChoiceList)
            .ToArray();
        Assert.NotEmpty(choices);
        foreach (var field in choices)
        {
            var inRequest = ValuesReference(schemas["ScreeningRequest"]!["properties"]![field.Name]!);
            var inCorrection = ValuesReference(schemas["CorrectionRequest"]!["properties"]![field.Name]!);
            Assert.True(inRequest is not null, $"ScreeningRequest.{field.Name} does not reference a component for its values.");
            Assert.Equal(inRequest, inCorrection);
            var values = schemas[inRequest["#/components/schemas/".Length..]]!;
            Assert.Equal(field.Choices, values["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal("string", values["type"]!.GetValue<string>());
        }

        // The reference itself, the one beside null of a field that may be not recorded, or a list's items'.
        static string? ValuesReference(JsonNode property) =>
            property["$ref"]?.GetValue<string>()
            ?? property["oneOf"]?.AsArray().Select(s => s!["$ref"]?.GetValue<string>()).SingleOrDefault(r => r is not null)
            ?? property["items"]?["$ref"]?.GetValue<string>();
    }
}
