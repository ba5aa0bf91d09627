using System.Net;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using Moq;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// An audit page that cannot read the log says why, as the screening forms do: "unavailable" (503, try again shortly) when
/// the database could not be reached, "the database refused" (409, no outage, trying again will not help) when it answered
/// and refused. Until this change every failure was called "unavailable" with a 503, a refusal (a permission taken away, a
/// table missing after a bad migration) included. The 503 says when to try again (Retry-After), as the API's does; the 409
/// does not.
/// </summary>
public sealed class AuditLogFailureTests
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "/Audit", "The database refused the request, so the decision log cannot be listed.", "The decision log is unavailable; try again shortly." },
        { "/Audit/Impact?run=true", "The database refused the request, so the analysis could not be run.", "The decision log is unavailable; try again shortly." },
        { "/Audit/Verify?run=true", "The database refused the request, so the log could not be verified.", "The decision log is unavailable; try again shortly." },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AuditPage_TheDatabaseRefused_SaysItRefusedWith409AndNotUnavailable(string path, string refused, string unavailable)
    {
        var (status, retryAfter, html) = await GetWhileTheLogFailsAsync(path, new DecisionLogUnavailableException(
            "The decision log could not be read.", new Npgsql.PostgresException("permission denied for table DecisionLogEntries", "ERROR", "ERROR", "42501")));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Null(retryAfter);
        Assert.Contains(refused + " This is not an outage, and trying again will not help; the cause is in KetamineCds's log for the administrator.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(unavailable, html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AuditPage_TheDatabaseCouldNotBeReached_SaysUnavailableWith503(string path, string refused, string unavailable)
    {
        var (status, retryAfter, html) = await GetWhileTheLogFailsAsync(path, new DecisionLogUnavailableException(
            "The decision log could not be read.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("5", retryAfter);
        Assert.Contains(unavailable, html, StringComparison.Ordinal);
        Assert.DoesNotContain(refused, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_TheDatabaseRefused_SaysItInChinese()
    {
        var (status, _, html) = await GetWhileTheLogFailsAsync("/Audit", new DecisionLogUnavailableException(
            "The decision log could not be read.", new Npgsql.PostgresException("permission denied", "ERROR", "ERROR", "42501")), "zh-CN");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("数据库拒绝了此请求，因此无法列出决策日志。这并非服务中断，再试一次无济于事；原因已记录在 KetamineCds 的日志中，供管理员查看。", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "The analysis could not be completed - Impact analysis")]
    [InlineData("zh-CN", "分析未能完成 - 影响分析")]
    public async Task ImpactPage_TheLogFailed_TheTitleSaysTheAnalysisWasNotCompleted_AndTheAlertIsWhatIsFocused(string? language, string title)
    {
        // Helper 304: as Verify's failure is (helper 301), the outcome first in the title, the alert focused by audit.js.
        var (_, _, html) = await GetWhileTheLogFailsAsync("/Audit/Impact?run=true", new DecisionLogUnavailableException(
            "The decision log could not be read.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)), language);

        Assert.Contains($"<title>{title} - KetamineCds</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p role=\"alert\" class=\"audit-error\" tabindex=\"-1\" data-audit-outcome>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-audit-outcome"));
    }

    /// <summary>The page, as an auditor sees it while every read of the decision log fails with <paramref name="failure"/>.</summary>
    private static async Task<(HttpStatusCode Status, string? RetryAfter, string Html)> GetWhileTheLogFailsAsync(string path, DecisionLogUnavailableException failure, string? language = null)
    {
        var audit = new Mock<IDecisionLogAudit>();
        audit.Setup(a => a.SearchAsync(It.IsAny<AuditFilter>(), It.IsAny<AuditCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        audit.Setup(a => a.AnalyzeImpactAsync(It.IsAny<DateTimeOffset?>(), It.IsAny<DateTimeOffset?>(), It.IsAny<RuleSet>(), It.IsAny<RuleSet?>(), It.IsAny<IReadOnlySet<long>?>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        audit.Setup(a => a.VerifyAccessLogAsync(It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        using var factory = new KetamineCdsFactory { DecisionLogAuditOverride = audit.Object };
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await auditor.SendAsync(request);
        return (response.StatusCode, response.Headers.RetryAfter?.ToString(), WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
