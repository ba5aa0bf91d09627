using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// A database outage in the log: one line for each request it turned away, the exception's stack once (benchmarks/run.sh
/// found a stack per screening in flight when PostgreSQL stopped), and never a stack in a response.
/// </summary>
public sealed class DatabaseOutageLogTests
{
    [Fact]
    public async Task Outage_ScreeningsRefusedWhileTheDecisionLogIsDown_LogOneWarningLineEachAndTheStackOnce()
    {
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DecisionLogUnavailableException("The decision log could not record the entry; nothing was stored.", new SocketException((int)SocketError.ConnectionRefused)));
        var logs = new CapturingLoggerProvider();
        using var factory = new LoggingFactory(logs) { DecisionLogOverride = log.Object };
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var before = logs.Records.Count;

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        var refusals = logs.Records.Skip(before).Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.All(refusals, r => Assert.Equal("KetamineCds.Web.Security.DatabaseOutageLog", r.Category)); // the category operators alert on
        Assert.All(refusals, r => Assert.Equal(
            "A screening was not recorded, and no result was shown: the database could not be reached (SocketException: Connection refused); nothing was stored.",
            r.Message));
        Assert.NotNull(refusals[0].Exception);
        Assert.All(refusals.Skip(1), r => Assert.Null(r.Exception));
        Assert.All(bodies, body => Assert.DoesNotContain("   at ", body, StringComparison.Ordinal));
        Assert.All(bodies, body => Assert.DoesNotContain("Exception", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusal_ScreeningTheDatabaseRefused_Answers409AndLogsAnErrorWithItsCauseEveryTimeNotAnOutage()
    {
        // A broken constraint is no outage: it was answered 503 ("try again shortly") and logged as "could not be reached".
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DecisionLogUnavailableException(
                "The decision log could not record the entry; nothing was stored.", new Npgsql.PostgresException("value too long for type character varying(64)", "ERROR", "ERROR", "22001")));
        var logs = new CapturingLoggerProvider();
        using var factory = new LoggingFactory(logs) { DecisionLogOverride = log.Object };
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var before = logs.Records.Count;

        for (var i = 0; i < 2; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd());
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.False(response.Headers.Contains("Retry-After"));
            var body = await response.Content.ReadAsStringAsync();
            using (var json = System.Text.Json.JsonDocument.Parse(body))
            {
                Assert.Equal(DatabaseUnavailableHandler.RefusedDetail, json.RootElement.GetProperty("detail").GetString());
            }

            Assert.DoesNotContain("unavailable", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("value too long", body, StringComparison.Ordinal);
        }

        var refusals = logs.Records.Skip(before).Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(LogLevel.Error, r.Level));
        Assert.All(refusals, r => Assert.Equal("KetamineCds.Web.Security.DatabaseOutageLog", r.Category));
        Assert.All(refusals, r => Assert.StartsWith("A screening was not recorded, and no result was shown: the database refused it (", r.Message, StringComparison.Ordinal));
        Assert.All(refusals, r => Assert.Contains("value too long", r.Message, StringComparison.Ordinal));
        Assert.All(refusals, r => Assert.DoesNotContain("could not be reached", r.Message, StringComparison.Ordinal));
        Assert.All(refusals, r => Assert.NotNull(r.Exception));
    }

    [Theory]
    [InlineData(false, false, NotRecordedBecause.Unreachable, "An override of screening X was not recorded: the database could not be reached")]
    [InlineData(true, false, NotRecordedBecause.OutcomeUnknown, "An override of screening X could not be confirmed as recorded: the connection to the database failed during the commit")]
    [InlineData(false, true, NotRecordedBecause.RefusedByDatabase, "An override of screening X was not recorded: the database refused it")]
    [InlineData(true, true, NotRecordedBecause.RefusedByDatabase, "An override of screening X was not recorded: the database refused it")]
    public void NotRecorded_ChoosesFromTheFailureAndLogsTheCallersWords(bool outcomeUnknown, bool answered, NotRecordedBecause expected, string line)
    {
        // A refusal the server sent in answer to the commit (a deferred constraint) rolled it back: known not stored.
        var logs = new CapturingLoggerProvider();
        var outage = new DatabaseOutageLog(TimeProvider.System, logs.CreateLogger<DatabaseOutageLog>());
        Exception cause = answered ? new Npgsql.PostgresException("violates foreign key constraint", "ERROR", "ERROR", "23503") : new TimeoutException("The operation has timed out.");

        var because = outage.NotRecorded("An override of screening X", new DecisionLogUnavailableException("x", cause) { OutcomeUnknown = outcomeUnknown });

        Assert.Equal(expected, because);
        Assert.StartsWith(line, Assert.Single(logs.Records).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_AfterAQuietMinute_IsANewOutageAndLogsTheStackAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var logs = new CapturingLoggerProvider();
        var outage = new DatabaseOutageLog(time, logs.CreateLogger<DatabaseOutageLog>());
        var refused = new TimeoutException("The operation has timed out.");

        outage.Refused("GET /Screenings answered 503", refused);
        time.Advance(TimeSpan.FromSeconds(50));
        outage.Unconfirmed("A screening could not be confirmed as recorded", refused);
        time.Advance(TimeSpan.FromSeconds(50)); // 100 s after the first, 50 s after the last: the same outage
        outage.Refused("GET /Screenings answered 503", refused);
        time.Advance(DatabaseOutageLog.QuietBetweenOutages);
        outage.Refused("GET /Screenings answered 503", refused);

        Assert.Equal([true, false, false, true], logs.Records.Select(r => r.Exception is not null));
        Assert.Equal(
            "A screening could not be confirmed as recorded: the connection to the database failed during the commit (TimeoutException: The operation has timed out.); it may have been stored.",
            logs.Records[1].Message);
    }

    [Fact]
    public async Task ReadinessProbe_DatabaseDownForSeveralProbes_LogsOneWarningWhenItStartsAndOneWhenItEnds()
    {
        // QA302 F7, helper 305: each /health/ready during an outage logged an Error line of the health-check service, so a
        // load balancer probing every few seconds wrote one line a probe. The SQLite file moved away: CanConnect says no.
        var logs = new CapturingLoggerProvider();
        using var factory = new LoggingFactory(logs);
        var client = factory.CreateRawClient();
        using (var up = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        var before = logs.Records.Count;
        var away = factory.DatabasePath + ".away";
        File.Move(factory.DatabasePath, away);
        try
        {
            for (var i = 0; i < 4; i++)
            {
                using var down = await client.GetAsync("/health/ready");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
                Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            File.Move(away, factory.DatabasePath);
        }

        for (var i = 0; i < 2; i++)
        {
            using var back = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        var lines = logs.Records.Skip(before).Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Equal([LogLevel.Warning, LogLevel.Warning], lines.Select(r => r.Level));
        Assert.All(lines, r => Assert.Equal("KetamineCds.Web.Security.DatabaseOutageLog", r.Category)); // the outage's one category
        Assert.Equal(
            "GET /health/ready answered 503: the database could not be reached (no connection could be opened). The readiness probe answers 503 until it is reached again; the probes in between are not logged.",
            lines[0].Message);
        Assert.StartsWith("GET /health/ready answered 200: the database is reached again, ", lines[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Records, r => r.Category.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal) && r.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Readiness_FailingThenPassingThenFailingAgain_LogsEachStartWithItsStackAndEachEndWithHowLongItLasted()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var logs = new CapturingLoggerProvider();
        var outage = new DatabaseOutageLog(time, logs.CreateLogger<DatabaseOutageLog>());
        var refused = new SocketException((int)SocketError.ConnectionRefused);

        outage.ReadinessPassed(); // up from the start: nothing to say
        outage.ReadinessFailed(DatabaseOutageLog.Reason(refused), refused);
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            outage.ReadinessFailed(DatabaseOutageLog.Reason(refused), refused);
        }

        time.Advance(TimeSpan.FromSeconds(10));
        outage.ReadinessPassed();
        outage.ReadinessPassed();
        outage.ReadinessFailed("no connection could be opened", exception: null);

        Assert.Equal(
            [
                "GET /health/ready answered 503: the database could not be reached (SocketException: Connection refused). The readiness probe answers 503 until it is reached again; the probes in between are not logged.",
                "GET /health/ready answered 200: the database is reached again, 60 s after the readiness probe first found it down.",
                "GET /health/ready answered 503: the database could not be reached (no connection could be opened). The readiness probe answers 503 until it is reached again; the probes in between are not logged.",
            ],
            logs.Records.Select(r => r.Message));
        Assert.All(logs.Records, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.Same(refused, logs.Records[0].Exception); // the first failure is not hidden
        Assert.Null(logs.Records[1].Exception);
    }

    /// <summary>The app as the other tests start it, with every log record also kept by <paramref name="logs"/>.</summary>
    private sealed class LoggingFactory(CapturingLoggerProvider logs) : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}
