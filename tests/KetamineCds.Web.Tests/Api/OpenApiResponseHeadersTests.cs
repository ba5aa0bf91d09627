using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// The served OpenAPI document declares what every API call may answer beyond its own statuses (QA12 G6): the rate
/// limiter's 429 problem with Retry-After, Retry-After on every 503, X-Correlation-Id on every response, and Location on a
/// screening's 201.
/// </summary>
public sealed class OpenApiResponseHeadersTests : IClassFixture<KetamineCdsFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly KetamineCdsFactory _factory;

    public OpenApiResponseHeadersTests(KetamineCdsFactory factory) => _factory = factory;

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    /// <summary>A response's header, its reference followed to the document's components.</summary>
    private static JsonNode? Header(JsonNode document, JsonNode response, string name)
    {
        var header = response["headers"]?[name];
        return header?["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["headers"]![reference["#/components/headers/".Length..]]
            : header;
    }

    [Fact]
    public async Task EveryApiOperation_Declares429AsAProblemWithRetryAfter()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

        Assert.Contains(operations, o => o.Path == "/api/auth/login");
        Assert.Contains(operations, o => o.Path == "/api/v1/screenings" && o.Method == "post");
        foreach (var (path, method, operation) in operations)
        {
            var limited = operation["responses"]?["429"];
            Assert.True(limited is not null, $"{method.ToUpperInvariant()} {path} does not declare 429");
            Assert.Equal("#/components/schemas/ProblemDetails", limited["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
            Assert.Equal("integer", Header(document, limited, "Retry-After")?["schema"]?["type"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Every503_DeclaresRetryAfter()
    {
        // Every 503 the API answers is "the database could not be reached" and carries Retry-After
        // (DatabaseUnavailableHandler.MarkUnavailable); the screening routes' 503s did not declare it (nor send it).
        var document = await DocumentAsync();
        var unavailable = Operations(document)
            .Where(o => o.Operation["responses"]?["503"] is not null)
            .Select(o => (o.Path, o.Method, Response: o.Operation["responses"]!["503"]!))
            .ToList();

        Assert.Contains(unavailable, o => o.Path == "/api/v1/screenings" && o.Method == "post");
        Assert.Contains(unavailable, o => o.Path == "/api/v1/screenings/{id}/corrections" && o.Method == "post");
        foreach (var (path, method, response) in unavailable)
        {
            Assert.True(Header(document, response, "Retry-After") is not null, $"{method.ToUpperInvariant()} {path} 503 does not declare Retry-After");
        }
    }

    [Theory]
    [InlineData("post", "/api/auth/login", true)]
    [InlineData("post", "/api/auth/refresh", true)]
    [InlineData("post", "/api/auth/password", true)]
    [InlineData("post", "/api/v1/screenings", false)]
    [InlineData("get", "/api/v1/ruleset", false)]
    public async Task The429_NamesTheSignInLimitOnlyWhereItApplies(string method, string path, bool signIn)
    {
        var document = await DocumentAsync();

        var description = document["paths"]![path]![method]!["responses"]!["429"]!["description"]!.GetValue<string>();

        Assert.Contains("RateLimiting:ApiPerMinute", description, StringComparison.Ordinal);
        Assert.Equal(signIn, description.Contains("RateLimiting:SignInPerMinute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryResponse_DeclaresXCorrelationId()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                var header = Header(document, response!, "X-Correlation-Id");
                Assert.True(header is not null, $"{method.ToUpperInvariant()} {path} {status} does not declare X-Correlation-Id");
                Assert.True(header["required"]?.GetValue<bool>());
                Assert.Equal("string", header["schema"]?["type"]?.GetValue<string>());
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/screenings")]
    [InlineData("/api/v1/screenings/{id}/corrections")]
    public async Task ScreeningCreated_DeclaresLocation(string path)
    {
        var document = await DocumentAsync();

        var location = Header(document, document["paths"]![path]!["post"]!["responses"]!["201"]!, "Location");

        Assert.NotNull(location);
        Assert.True(location["required"]?.GetValue<bool>());
        Assert.Contains("/api/v1/screenings/{id}", location["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
