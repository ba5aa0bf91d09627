using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace KetamineCds.IntegrationTests.Security;

/// <summary>
/// QA302 F1 and F13: while PostgreSQL is down, a sign-in on the page is logged as the other refused requests are, one
/// warning line of <c>DatabaseOutageLog</c> each and the stack once (docs/operations.md, "Log messages to watch"), never
/// with EF Core's own error records and their stacks beside it (the QA pass counted 263 stack lines for 4 sign-ins);
/// and every line names the path the browser asked for, not the error page it was answered from (<c>GET /Error</c>).
/// The health probes meanwhile answer as docs/operations.md says (QA302 F7), and the readiness probe logs the outage once
/// when it finds the database down and once when it finds it back, not an Error line at every probe (helper 305).
/// </summary>
public sealed partial class DatabaseOutageLogLinesTests
{
    private const string DemoPassword = "Another!Demo-Passw0rd7";

    [Fact]
    public async Task Outage_SignInsAndPagesRefused_LogOneLinePerRequestNamingItsOwnPathAndNoEfCoreErrors()
    {
        // Its own cluster: stopping the shared one would take the other tests down with it.
        await using var cluster = await PostgresCluster.StartAsync();
        var database = await cluster.CreateDatabaseAsync("outage");
        var logs = new Records();
        using var app = new PostgresApp(cluster, database)
        {
            // Production: pages answer through the exception handler and the error page, as at a clinic.
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string>
            {
                ["AllowedHosts"] = "localhost",
                ["https_port"] = "443",
                ["DemoAccounts:Enabled"] = "true",
                ["DemoAccounts:Password"] = DemoPassword,
            },
            Logs = logs,
        };
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") };
        var signedIn = app.CreateClient(options);
        using (var signIn = await SignInAsync(signedIn, await TokenAsync(signedIn)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var stranger = app.CreateClient(options);
        var token = await TokenAsync(stranger);

        await cluster.StopServerAsync();
        var before = logs.All.Count;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var refused = await SignInAsync(stranger, token);
            statuses.Add(refused.StatusCode);
        }

        using (var list = await signedIn.GetAsync("/Screenings?page=2"))
        {
            statuses.Add(list.StatusCode);
        }

        // The probes docs/operations.md gives a monitor: the process answers, the database does not (and says no more),
        // probe after probe.
        using var live = await stranger.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        for (var i = 0; i < 3; i++)
        {
            using var ready = await stranger.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        }

        var written = logs.All.Skip(before).ToList();
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        var efErrors = written.Where(r => r.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && r.Level >= LogLevel.Warning).ToList();
        Assert.True(efErrors.Count == 0, "EF Core logged during the outage: " + string.Join(" | ", efErrors.Select(r => $"{r.Category} {r.Level} {r.Message} {r.Exception}")));
        // Every line is the outage log's: the health-check service's own Error line, one a probe, is off (helper 305).
        Assert.All(written.Where(r => r.Level >= LogLevel.Warning), r => Assert.Equal("KetamineCds.Web.Security.DatabaseOutageLog", r.Category));
        // The readiness probe's line: one Warning for the three probes, when they first found the database down
        // (docs/operations.md, "Monitoring").
        var probe = Assert.Single(written, r => r.Level >= LogLevel.Warning && r.Message.StartsWith("GET /health/ready", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, probe.Level);
        Assert.StartsWith("GET /health/ready answered 503: the database could not be reached (", probe.Message, StringComparison.Ordinal);
        Assert.EndsWith("The readiness probe answers 503 until it is reached again; the probes in between are not logged.", probe.Message, StringComparison.Ordinal);
        var lines = written.Where(r => r.Level >= LogLevel.Warning && r != probe).ToList();
        Assert.Equal(
            [.. Enumerable.Repeat("POST /Account/Login answered 503", 4), "GET /Screenings answered 503"],
            lines.Select(r => r.Message[..r.Message.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(lines, r => Assert.Contains("the database could not be reached (could not connect", r.Message, StringComparison.Ordinal));
        Assert.Single(lines, r => r.Exception is not null);
        Assert.NotNull(lines[0].Exception);

        // Back: the first probe that reaches the database says so, once, and the probes after it nothing.
        await cluster.StartServerAsync();
        var back = logs.All.Count;
        // (A connection the pool kept from before the stop may fail one probe more: still the same outage, not logged.)
        var readyAgain = false;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!readyAgain && DateTime.UtcNow < deadline)
        {
            using var ready = await stranger.GetAsync("/health/ready");
            readyAgain = ready.StatusCode == HttpStatusCode.OK;
            if (!readyAgain)
            {
                await Task.Delay(200);
            }
        }

        Assert.True(readyAgain, "/health/ready did not answer 200 within 30 s of PostgreSQL's start.");
        using (var after = await stranger.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        var end = Assert.Single(logs.All.Skip(back), r => r.Level >= LogLevel.Warning);
        Assert.Equal((LogLevel.Warning, "KetamineCds.Web.Security.DatabaseOutageLog"), (end.Level, end.Category));
        Assert.Matches("^GET /health/ready answered 200: the database is reached again, [0-9]+ s after the readiness probe first found it down\\.$", end.Message);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Account/Login");
        return AntiforgeryToken().Match(html).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string token) =>
        client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "psychiatrist@demo.local",
            ["Input.Password"] = DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed record Record(string Category, LogLevel Level, string Message, Exception? Exception);

    /// <summary>Every record the app logs at Information or above, in the order written.</summary>
    private sealed class Records : ILoggerProvider
    {
        private readonly ConcurrentQueue<Record> _records = new();

        public IReadOnlyList<Record> All => [.. _records];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _records);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Record> records) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    records.Enqueue(new Record(category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
