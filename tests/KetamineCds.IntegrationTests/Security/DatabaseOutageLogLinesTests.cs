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
/// The health probes meanwhile answer as docs/operations.md says (QA302 F7).
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

        // The probes docs/operations.md gives a monitor: the process answers, the database does not (and says no more).
        using var live = await stranger.GetAsync("/health/live");
        using var ready = await stranger.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());

        var written = logs.All.Skip(before).ToList();
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        var efErrors = written.Where(r => r.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && r.Level >= LogLevel.Warning).ToList();
        Assert.True(efErrors.Count == 0, "EF Core logged during the outage: " + string.Join(" | ", efErrors.Select(r => $"{r.Category} {r.Level} {r.Message} {r.Exception}")));
        // The readiness probe's own line, one per probe and no stack (docs/operations.md, "Monitoring").
        const string HealthChecks = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";
        var probe = Assert.Single(written, r => r.Category == HealthChecks && r.Level >= LogLevel.Warning);
        Assert.Null(probe.Exception);
        Assert.Contains("The database does not answer.", probe.Message, StringComparison.Ordinal);
        var lines = written.Where(r => r.Level >= LogLevel.Warning && r.Category != HealthChecks).ToList();
        Assert.All(lines, r => Assert.Equal("KetamineCds.Web.Security.DatabaseOutageLog", r.Category));
        Assert.Equal(
            [.. Enumerable.Repeat("POST /Account/Login answered 503", 4), "GET /Screenings answered 503"],
            lines.Select(r => r.Message[..r.Message.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(lines, r => Assert.Contains("the database could not be reached (could not connect", r.Message, StringComparison.Ordinal));
        Assert.Single(lines, r => r.Exception is not null);
        Assert.NotNull(lines[0].Exception);
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
