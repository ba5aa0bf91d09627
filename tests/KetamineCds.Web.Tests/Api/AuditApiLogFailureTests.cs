using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;
using Moq;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// The auditor's API (/api/v1/audit/...) tells a database that refused the request from one that could not be reached,
/// as the audit pages do (<see cref="Pages.AuditLogFailureTests"/>): a refusal (a permission taken away, a table missing
/// after a bad migration) is a 409 problem without Retry-After that says it is no outage; an outage a 503 problem with
/// Retry-After. Until this change every failure was a 503 "try again shortly", a refusal included.
/// </summary>
public sealed class AuditApiLogFailureTests
{
    /// <summary>Every audit route that writes its access event first: the method and the path.</summary>
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/v1/audit/verify" },
        { "POST", "/api/v1/audit/checkpoints" },
        { "GET", "/api/v1/audit/checkpoints" },
        { "GET", "/api/v1/audit/export.csv" },
        { "GET", "/api/v1/audit/export.jsonl" },
        { "GET", "/api/v1/audit/access.csv" },
        { "GET", "/api/v1/audit/screenings/1/replay" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AuditRoute_TheDatabaseRefused_Answers409ProblemWithoutRetryAfterSayingItIsNoOutage(string method, string path)
    {
        using var response = await SendWhileTheAccessLogFailsAsync(method, path, Refusal());

        await AssertRefusedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AuditRoute_TheDatabaseCouldNotBeReached_Answers503ProblemWithRetryAfter(string method, string path)
    {
        using var response = await SendWhileTheAccessLogFailsAsync(method, path, Outage());

        await AssertUnavailableAsync(response);
    }

    [Theory]
    [InlineData("/api/v1/audit/export.csv", true)]
    [InlineData("/api/v1/audit/export.jsonl", true)]
    [InlineData("/api/v1/audit/export.csv", false)]
    [InlineData("/api/v1/audit/export.jsonl", false)]
    public async Task Export_TheFirstReadFails_TellsARefusalFromAnOutage(string path, bool refused)
    {
        // The export's access event is recorded; then its first read of the log fails, with the server's own exception
        // (a DbException, not wrapped) as a lazy read throws it.
        var failure = refused
            ? (Exception)new Npgsql.PostgresException("permission denied for table DecisionLogEntries", "ERROR", "ERROR", "42501")
            : new DecisionLogUnavailableException("The decision log could not be read.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        var audit = new Mock<IDecisionLogAudit>();
        audit.Setup(a => a.ExportAsync(It.IsAny<AuditFilter>(), It.IsAny<CancellationToken>())).Returns(Throwing<AuditListItem>(failure));
        audit.Setup(a => a.EntriesAsync(It.IsAny<AuditFilter>(), It.IsAny<CancellationToken>())).Returns(Throwing<DecisionLogEntry>(failure));
        using var factory = new KetamineCdsFactory { DecisionLogAuditOverride = audit.Object };
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync(path);

        if (refused)
        {
            await AssertRefusedAsync(response);
        }
        else
        {
            await AssertUnavailableAsync(response);
        }
    }

    [Fact]
    public async Task Replay_TheDatabaseRefusedTheRead_Answers409NoOutage()
    {
        var audit = new Mock<IDecisionLogAudit>();
        audit.Setup(a => a.ReplayAtSequenceAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ThrowsAsync(Refusal());
        using var factory = new KetamineCdsFactory { DecisionLogAuditOverride = audit.Object };
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync("/api/v1/audit/screenings/1/replay");

        await AssertRefusedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task OpenApiDocument_EveryAuditRoute_Declares409ForARefusalAnd503WithRetryAfterForAnOutage(string method, string path)
    {
        using var factory = new KetamineCdsFactory();
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var template = path.Replace("/1/", "/{sequence}/", StringComparison.Ordinal);

        var responses = document.RootElement.GetProperty("paths").GetProperty(template).GetProperty(method.ToLowerInvariant()).GetProperty("responses");

        Assert.Contains("the database refused the request", responses.GetProperty("409").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("application/problem+json", responses.GetProperty("409").GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.True(responses.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _), $"{method} {template}: 503 without Retry-After");
    }

    private static DecisionLogUnavailableException Refusal() => new(
        "The access log could not record the event.", new Npgsql.PostgresException("permission denied for table AccessEvents", "ERROR", "ERROR", "42501"));

    private static DecisionLogUnavailableException Outage() => new(
        "The access log could not record the event.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {body}");
        Assert.False(response.Headers.Contains("Retry-After"), "a refusal invites no retry");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The database refused the request", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            "The database refused the request, so the log could not be read or written and no result is given. "
            + "This is not an outage, and trying again will not help; the cause is in KetamineCds's log for the administrator.",
            problem.RootElement.GetProperty("detail").GetString());
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("5", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("The decision log is unavailable", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("The database could not be reached; try again shortly.", problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("not an outage", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// The route called while every access event an auditor's call records (verify, checkpoint, export, replay) fails with
    /// <paramref name="failure"/>; signing in is recorded as usual. One screening is logged first, so that the replay has
    /// an entry to replay before it records its event.
    /// </summary>
    private static async Task<HttpResponseMessage> SendWhileTheAccessLogFailsAsync(string method, string path, DecisionLogUnavailableException failure)
    {
        var access = new Mock<IAccessAudit>();
        access.Setup(a => a.RecordAsync(It.IsAny<AccessEvent>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        access.Setup(a => a.RecordAsync(
                It.Is<AccessEvent>(e => e.Kind == AccessEventKind.Verify || e.Kind == AccessEventKind.Checkpoint || e.Kind == AccessEventKind.Export || e.Kind == AccessEventKind.Replay),
                It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);
        using var factory = new KetamineCdsFactory { AccessAuditOverride = access.Object };
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using (var created = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-AUDIT-API-FAILURE")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await auditor.SendAsync(request);
        // The body is read before the app is disposed.
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async IAsyncEnumerable<T> Throwing<T>(Exception failure)
    {
        await Task.Yield();
        if (failure is not null)
        {
            throw failure;
        }

        yield break;
    }
}
