using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// Helper 235 (QA): every response the served OpenAPI document lists says what it means on its route, never the bare
/// reason phrase of its status ("Bad Request" for the audit routes' 400s, "Not Found", "Conflict", "Payload Too Large"):
/// an integrator reads there what input a 400 refuses, what a 404 did not find, who a 403 turns away.
/// </summary>
public sealed class OpenApiResponseDescriptionTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Fact]
    public async Task Document_EveryResponse_IsDescribedForItsRoute_NotByItsReasonPhrase()
    {
        var document = await DocumentAsync();

        var generic = Responses(document)
            .Where(r => string.Equals(r.Description, ReasonPhrases.GetReasonPhrase(int.Parse(r.Status, System.Globalization.CultureInfo.InvariantCulture)), StringComparison.OrdinalIgnoreCase)
                || string.IsNullOrWhiteSpace(r.Description))
            .Select(r => $"{r.Method} {r.Path} {r.Status}: {r.Description}")
            .ToList();

        Assert.True(generic.Count == 0, "Described by the reason phrase alone:\n" + string.Join("\n", generic));
    }

    [Theory]
    [InlineData("get", "/api/v1/audit/verify", "400", "from or mode")]
    [InlineData("get", "/api/v1/audit/export.csv", "400", "yyyy-mm-dd")]
    [InlineData("get", "/api/v1/audit/access.csv", "400", "kind not one of the access event kinds")]
    [InlineData("get", "/api/v1/audit/screenings/{sequence}/replay", "400", "not a whole number from 1")]
    [InlineData("get", "/api/v1/ruleset", "400", "not three whole numbers separated by dots")]
    [InlineData("get", "/api/v1/screenings/{id}", "404", "No screening in the decision log has this id")]
    [InlineData("post", "/api/v1/screenings", "413", "64 KB")]
    [InlineData("post", "/api/auth/password", "403", "AccountLockedNow")]
    [InlineData("get", "/api/v1/audit/verify", "403", "not an Auditor")]
    [InlineData("post", "/api/v1/screenings", "403", "not a Psychiatrist")]
    [InlineData("get", "/api/v1/ruleset", "403", "password-change-required")]
    [InlineData("get", "/api/v1/screenings/{id}", "403", "not a Psychiatrist, ClinicStaff or Auditor")]
    [InlineData("post", "/api/v1/screenings/{id}/corrections", "403", "not a Psychiatrist")]
    public async Task Document_Response_SaysWhatItRefuses(string method, string path, string status, string expected)
    {
        var document = await DocumentAsync();

        var description = document["paths"]![path]![method]!["responses"]![status]!["description"]!.GetValue<string>();

        Assert.Contains(expected, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_Logout_ListsNo403_ItNeverAnswersOne()
    {
        var document = await DocumentAsync();

        Assert.Null(document["paths"]!["/api/auth/logout"]!["post"]!["responses"]!["403"]);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    private static IEnumerable<(string Method, string Path, string Status, string? Description)> Responses(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["responses"] is not JsonObject responses)
                {
                    continue;
                }

                foreach (var (status, response) in responses)
                {
                    yield return (method.ToUpperInvariant(), path, status, response?["description"]?.GetValue<string>());
                }
            }
        }
    }
}
