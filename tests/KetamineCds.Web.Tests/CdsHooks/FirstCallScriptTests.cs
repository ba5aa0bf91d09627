using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA9 G7: docs/cds-hooks.md "First call from your own EHR client": a key made with openssl, its JWKS and the tokens
/// made by samples/cds-hooks/client-jwt.py are what the app accepts from a configured client (the demo EHR off).
/// </summary>
public sealed class FirstCallScriptTests : IDisposable
{
    private const string Issuer = "https://ehr.example.org";
    private const string Kid = "ehr-key-1";

    private readonly string _folder = Directory.CreateTempSubdirectory("ketaminecds-first-call-").FullName;

    [Fact]
    public async Task ClientJwtScript_KeyAndTokens_AreAcceptedOnceEach()
    {
        var root = TestRepository.Root();
        var script = Path.Combine(root, "samples", "cds-hooks", "client-jwt.py");
        var key = Path.Combine(_folder, "ehr-es384.pem");
        var jwks = Path.Combine(_folder, "ehr-jwks.json");
        Run("openssl", "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", key);
        await File.WriteAllTextAsync(jwks, Run("python3", script, "jwks", key, Kid));
        using var factory = new KetamineCdsFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["CdsHooks:DemoClient"] = "false",
                ["CdsHooks:Clients:0:Issuer"] = Issuer,
                ["CdsHooks:Clients:0:JwksPath"] = jwks,
            },
        };
        var client = factory.CreateRawClient();
        string Token(string path) => Run("python3", script, "token", key, Kid, Issuer, "http://localhost" + path).Trim();

        var discoveryToken = Token("/cds-services");
        using var discovery = await SendAsync(client, HttpMethod.Get, "/cds-services", discoveryToken);
        using var replay = await SendAsync(client, HttpMethod.Get, "/cds-services", discoveryToken);
        const string service = "/cds-services/ketamine-screening-patient-view";
        var body = await File.ReadAllTextAsync(Path.Combine(root, "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json"));
        using var patientView = await SendAsync(client, HttpMethod.Post, service, Token(service), body);
        using var wrongAudience = await SendAsync(client, HttpMethod.Post, service, Token("/cds-services"), body);

        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("jti was used before", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, patientView.StatusCode);
        var cards = JsonNode.Parse(await patientView.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Contains(cards, c => c!["indicator"]!.GetValue<string>() == "critical" && c["detail"]!.GetValue<string>().Contains("Rule VAS-001", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
        return output;
    }
}
