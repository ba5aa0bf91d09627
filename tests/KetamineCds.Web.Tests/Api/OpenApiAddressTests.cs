using System.Net;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is public at <c>/openapi/v1.json</c>. <c>GET /openapi</c> leads to it, and any other address under
/// <c>/openapi</c> is a 404 in the API's problem style that names it, for anyone: it answered 401 with the HTML error page
/// "Something went wrong" (QA132). <c>HEAD</c> answers as <c>GET</c> does (it answered 401 with that page too).
/// </summary>
public sealed class OpenApiAddressTests(OpenApiAddressTests.App app) : IClassFixture<OpenApiAddressTests.App>
{
    [Theory]
    [InlineData("/openapi")]
    [InlineData("/openapi/")]
    public async Task GetOpenapi_Anonymously_RedirectsToTheDocument(string path)
    {
        var client = app.Factory.CreateRawClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/openapi/v1.json", response.Headers.Location?.OriginalString);
        using var document = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("3.1.1", JsonNode.Parse(await document.Content.ReadAsStringAsync())!["openapi"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/openapi")]
    [InlineData("/openapi/")]
    public async Task HeadOpenapi_Anonymously_RedirectsToTheDocumentAsGetDoes(string path)
    {
        // It answered 401 with the HTML error page: HEAD matched no endpoint, and the sign-in policy challenged it.
        var client = app.Factory.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, path);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/openapi/v1.json", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task HeadTheDocument_Anonymously_Is200AsGetIs()
    {
        var client = app.Factory.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/openapi/v1.json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HeadAnotherAddressUnderOpenapi_Is404AsGetIs()
    {
        var client = app.Factory.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/openapi/v2.json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/openapi/v2.json", false)]
    [InlineData("GET", "/openapi/v1.yaml", false)]
    [InlineData("GET", "/openapi/swagger/index.html", false)]
    [InlineData("POST", "/openapi", false)]
    [InlineData("POST", "/openapi/v1.json", false)]
    [InlineData("GET", "/openapi/v2.json", true)]
    public async Task AnotherAddressUnderOpenapi_Is404ProblemNamingTheDocument(string method, string path, bool signedIn)
    {
        var client = signedIn ? await app.ClientAsync() : app.Factory.CreateRawClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Contains("GET /openapi/v1.json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public sealed class App : IDisposable
    {
        private HttpClient? _client;

        public KetamineCdsFactory Factory { get; } = new();

        public async Task<HttpClient> ClientAsync() => _client ??= await Factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        public void Dispose()
        {
            _client?.Dispose();
            Factory.Dispose();
        }
    }
}
