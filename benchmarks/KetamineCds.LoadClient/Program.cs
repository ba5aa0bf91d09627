using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

// usage: KetamineCds.LoadClient URL CONNECTIONS SECONDS BODIES_FILE [TOKEN]
//        KetamineCds.LoadClient --make-cds-hooks-key FOLDER   (writes bench-ehr.private.jwk.json and bench-ehr.jwks.json)
// With CDS_HOOKS_KEY (a private JWK file) and CDS_HOOKS_ISSUER set, every request carries a new CDS Hooks client JWT
// (aud = URL, a fresh jti), as an EHR sends it.
// Each connection sends one request at a time until the deadline, then finishes the request it has in flight:
// every response is read and counted; a 503 saying the screening "could not be confirmed as saved" (the database
// went away during its commit) is counted apart, as "503-unconfirmed"; an answer that carries a stack trace is counted
// in stack_traces_in_bodies. Prints one line: RESULT {json} in the same shape as benchmarks/load/screening.lua.
if (args is ["--make-cds-hooks-key", var folder])
{
    using var generated = KetamineCds.Samples.CdsHooks.ClientToken.Generate("bench-ehr-1");
    File.WriteAllText(Path.Combine(folder, "bench-ehr.private.jwk.json"), generated.PrivateJwk());
    File.WriteAllText(Path.Combine(folder, "bench-ehr.jwks.json"), generated.PublicJwks());
    return 0;
}

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: KetamineCds.LoadClient URL CONNECTIONS SECONDS BODIES_FILE [TOKEN]");
    return 2;
}

var url = new Uri(args[0]);
var connections = int.Parse(args[1], CultureInfo.InvariantCulture);
var seconds = double.Parse(args[2], CultureInfo.InvariantCulture);
var bodies = File.ReadAllLines(args[3]).Where(l => l.Length > 0).ToArray();
var token = args.Length > 4 ? args[4] : null;
var hookKey = Environment.GetEnvironmentVariable("CDS_HOOKS_KEY");
var hookIssuer = Environment.GetEnvironmentVariable("CDS_HOOKS_ISSUER");
using var hookToken = string.IsNullOrEmpty(hookKey) ? null : KetamineCds.Samples.CdsHooks.ClientToken.FromJwk(File.ReadAllText(hookKey));

// An EHR signs its client JWTs on its own machine. Signing ES384 costs about 0.5 ms of CPU per token, so signing here
// during the run would take that from the app under test on the same cores: the tokens (each with its own jti, valid
// for 5 minutes) are signed before the clock starts, enough for 1,000 calls a second (CDS_HOOKS_TOKENS to change it).
// Should they run out, the rest are signed during the run, and the result says how many.
var signedAhead = new System.Collections.Concurrent.ConcurrentQueue<string>();
var signedDuringRun = 0L;
if (hookToken is not null)
{
    // The app sees the scheme its TLS proxy forwards (this client sends X-Forwarded-Proto: https), and checks aud against it.
    var audience = new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = url.Port }.Uri.GetLeftPart(UriPartial.Path);
    var count = int.TryParse(Environment.GetEnvironmentVariable("CDS_HOOKS_TOKENS"), CultureInfo.InvariantCulture, out var n) ? n : (int)Math.Ceiling(seconds * 1000);
    Parallel.For(0, count, _ => signedAhead.Enqueue(hookToken.Create(hookIssuer!, audience)));
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
// Outside Development the app serves its API over HTTPS only; the benchmark stands in for the TLS proxy in front of it.
client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
if (!string.IsNullOrEmpty(token))
{
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}

var next = 0;
var clock = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(seconds);
var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
{
    var latencies = new List<double>(4096);
    var statuses = new Dictionary<string, long>();
    var errors = 0L;
    var traces = 0L;
    while (clock.Elapsed < deadline)
    {
        var body = bodies[(Interlocked.Increment(ref next) & int.MaxValue) % bodies.Length];
        var started = clock.Elapsed;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (hookToken is not null)
            {
                if (!signedAhead.TryDequeue(out var signed))
                {
                    Interlocked.Increment(ref signedDuringRun);
                    signed = hookToken.Create(hookIssuer!, url.GetLeftPart(UriPartial.Path));
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signed);
            }

            using var response = await client.SendAsync(request);
            var answer = await response.Content.ReadAsByteArrayAsync();
            var key = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (key == "503" && answer.AsSpan().IndexOf("could not be confirmed as saved"u8) >= 0)
            {
                // The database went away during this request's commit: its entry may or may not be stored.
                key = "503-unconfirmed";
            }

            if (!statuses.ContainsKey(key) && key is "400" or "401" or "500")
            {
                // The first answer of an unexpected status, so that a misconfigured run says why.
                Console.Error.WriteLine($"first {key}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 400)))}");
            }

            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            if (answer.AsSpan().IndexOf("   at "u8) >= 0 || answer.AsSpan().IndexOf("Exception: "u8) >= 0)
            {
                // No answer may ever carry a stack trace (an exception's text and its "   at ..." frames).
                traces++;
            }
        }
        catch (HttpRequestException)
        {
            errors++;
        }
        catch (TaskCanceledException)
        {
            errors++;
        }

        latencies.Add((clock.Elapsed - started).TotalMilliseconds);
    }

    return (latencies, statuses, errors, traces);
})).ToArray();

var results = await Task.WhenAll(workers);
var elapsed = clock.Elapsed.TotalSeconds;
var all = results.SelectMany(r => r.latencies).Order().ToArray();
var totals = results.SelectMany(r => r.statuses).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p / 100 * all.Length) - 1)];
var statusJson = string.Join(", ", totals.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"\"{kv.Key}\": {kv.Value}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT {{\"requests\": {all.Length}, \"seconds\": {elapsed:F3}, \"rps\": {all.Length / elapsed:F1}, \"p50_ms\": {Percentile(50):F2}, \"p90_ms\": {Percentile(90):F2}, \"p99_ms\": {Percentile(99):F2}, \"max_ms\": {(all.Length == 0 ? 0 : all[^1]):F2}, \"socket_errors\": {results.Sum(r => r.errors)}, \"stack_traces_in_bodies\": {results.Sum(r => r.traces)}, \"statuses\": {{{statusJson}}}{(hookToken is null ? "" : $", \"tokens_signed_during_run\": {signedDuringRun}")}}}"));
return 0;
