using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KetamineCds.Samples.CdsHooks;

// Sends the example CDS Hooks calls in samples/cds-hooks/requests to a running KetamineCds (Development), signed with
// the demo EHR's key the app created in App_Data, and prints the cards:
//   dotnet run --project samples/cds-hooks/SendSamples -- http://localhost:5000
// With --language=zh-CN the calls ask for the cards in Simplified Chinese (Accept-Language), as an EHR set to it would.
// An integrator's own client (docs/cds-hooks.md, "First call"): the key file as the second argument, a private JWK or
// an EC P-384 private key in PEM, with --issuer= (the configured CdsHooks:Clients:N:Issuer) and, for a PEM
// key, --kid= (the kid of its JWKS):
//   dotnet run --project samples/cds-hooks/SendSamples -- https://cds.clinic.example ehr-es384.pem --issuer=https://ehr.example.org --kid=ehr-key-1
var language = Option("--language=");
var issuer = Option("--issuer=") ?? "https://demo-ehr.ketaminecds.local";
var kid = Option("--kid=");
args = [.. args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))];
var baseUrl = (args.Length > 0 ? args[0] : "http://localhost:5000").TrimEnd('/');
var root = FindRepositoryRoot();
var keyPath = args.Length > 1 ? args[1] : Path.Combine(root, "src", "KetamineCds.Web", "App_Data", "cds-hooks-demo-client.private.jwk.json");
if (!File.Exists(keyPath))
{
    Console.Error.WriteLine($"No demo EHR key at {keyPath}: start the app once in Development (it creates the key), or pass the key file as the second argument.");
    return 2;
}

var keyText = File.ReadAllText(keyPath);
using var token = keyText.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? ClientToken.FromPem(keyText, kid) : ClientToken.FromJwk(keyText);
using var http = new HttpClient();
if (!string.IsNullOrEmpty(language))
{
    http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
}

using (var discovery = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/cds-services"))
{
    discovery.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Create(issuer, baseUrl + "/cds-services"));
    using var response = await http.SendAsync(discovery);
    Console.WriteLine($"GET /cds-services -> {(int)response.StatusCode}");
    if (!response.IsSuccessStatusCode)
    {
        Console.WriteLine(await response.Content.ReadAsStringAsync());
        return 1;
    }
}

var failed = 0;
foreach (var file in Directory.GetFiles(Path.Combine(root, "samples", "cds-hooks", "requests"), "*.json").Order(StringComparer.Ordinal))
{
    var body = SampleDates.MovedToNow(File.ReadAllText(file));
    using var request = JsonDocument.Parse(body);
    var hook = request.RootElement.GetProperty("hook").GetString();
    var service = hook == "order-sign" ? "ketamine-screening-order-sign" : "ketamine-screening-patient-view";
    // Each call is a new hookInstance, as an EHR would send.
    body = body.Replace(request.RootElement.GetProperty("hookInstance").GetString()!, Guid.NewGuid().ToString(), StringComparison.Ordinal);
    var url = $"{baseUrl}/cds-services/{service}";
    using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Create(issuer, url));
    using var response = await http.SendAsync(message);
    var text = await response.Content.ReadAsStringAsync();
    Console.WriteLine();
    Console.WriteLine($"{Path.GetFileName(file)}: POST /cds-services/{service} -> {(int)response.StatusCode}");
    if (!response.IsSuccessStatusCode)
    {
        Console.WriteLine(text);
        failed++;
        continue;
    }

    using var answer = JsonDocument.Parse(text);
    var cards = answer.RootElement.GetProperty("cards");
    if (cards.GetArrayLength() == 0)
    {
        Console.WriteLine("  (no cards)");
    }

    foreach (var card in cards.EnumerateArray())
    {
        Console.WriteLine($"  [{card.GetProperty("indicator").GetString()}] {card.GetProperty("summary").GetString()}");
        if (card.TryGetProperty("links", out var links))
        {
            foreach (var link in links.EnumerateArray())
            {
                Console.WriteLine($"    {link.GetProperty("label").GetString()}: {link.GetProperty("url").GetString()}");
            }
        }
    }
}

return failed == 0 ? 0 : 1;

string? Option(string prefix) => args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "KetamineCds.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
