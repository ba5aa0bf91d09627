using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The auditor's impact analysis and replay on a log that holds more than screenings, and when something goes wrong:
/// a clear message on the page, never a stack trace (the app runs in Development here, where an unhandled exception
/// would show the developer exception page).
/// </summary>
public sealed class AuditAnalysisTests : IClassFixture<KetamineCdsFactory>
{
    private static readonly string[] Leaks = ["Exception", " at KetamineCds.", " at System.", "StackTrace", "stack trace"];

    private readonly KetamineCdsFactory _factory;

    public AuditAnalysisTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0")]
    [InlineData("/Audit/Impact?run=true")]
    public async Task ImpactPage_LogHoldsAHookAnswer_AnalysesTheScreeningsAndSkipsIt(string path)
    {
        var psychiatrist = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using (var created = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-IMPACT-HOOK")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        await log.RecordHookAnswerAsync(new HookAnswerSubmission(
            "MRN-IMPACT-HOOK", ["failedAdequateTrials"], new Actor("Practitioner/1", "Practitioner/1", "EhrUser"), "corr-impact-hook",
            new HookOrigin("https://ehr.example", "Practitioner/1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}")));
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("would change verdict", html, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonException", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "No screening was recorded in this period, so there is nothing to examine.", "EHR answers (CDS Hooks) are not examined")]
    [InlineData("zh-CN", "该时段内没有记录任何筛查，因此没有可分析的内容。", "不分析电子病历应答（CDS Hooks）")]
    public async Task ImpactPage_PeriodWithoutScreenings_SaysSoInWords_NeverZeroExaminedAtZeroPerSecond(string language, string nothing, string hookAnswers)
    {
        // helper-224's QA walk: an empty period read "0 screenings examined … (0 per second); 0 would change verdict." and the
        // page never said that EHR answers are left out of the analysis.
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await Localization.CultureSelectionTests.GetAsync(auditor, "/Audit/Impact?run=true&from=2001-01-01&to=2001-01-31", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(nothing, html, StringComparison.Ordinal);
        Assert.Contains(hookAnswers, html, StringComparison.Ordinal);
        Assert.DoesNotContain("per second", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0 would change verdict", html, StringComparison.Ordinal);
        Assert.DoesNotContain("impact-corrections", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpactPage_AnEntryCannotBeRead_SaysWhichEntryWithoutAStackTrace()
    {
        var id = Guid.NewGuid();
        var audit = new Mock<IDecisionLogAudit>();
        audit.Setup(a => a.AnalyzeImpactAsync(It.IsAny<DateTimeOffset?>(), It.IsAny<DateTimeOffset?>(), It.IsAny<RuleSet>(), It.IsAny<RuleSet?>(), It.IsAny<IReadOnlySet<long>?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DecisionLogEntryUnreadableException(id, 42, new JsonException("missing required properties")));
        using var factory = new KetamineCdsFactory { DecisionLogAuditOverride = audit.Object };
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"Entry 42 ({id}) of the decision log could not be read as a screening", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" class=\"audit-filter\"", html, StringComparison.Ordinal);
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/Audit/Impact?run=true")]
    [InlineData("/Audit/Replay/0193a0c4-1e5b-7000-8000-000000000001")]
    public async Task AnalysisPages_UnexpectedFailure_SayItFailedWithAReferenceAndNoStackTrace(string path)
    {
        var audit = new Mock<IDecisionLogAudit>();
        audit.Setup(a => a.AnalyzeImpactAsync(It.IsAny<DateTimeOffset?>(), It.IsAny<DateTimeOffset?>(), It.IsAny<RuleSet>(), It.IsAny<RuleSet?>(), It.IsAny<IReadOnlySet<long>?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("something unforeseen"));
        audit.Setup(a => a.ReplayAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("something unforeseen"));
        using var factory = new KetamineCdsFactory { DecisionLogAuditOverride = audit.Object };
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("could not be completed", html, StringComparison.Ordinal);
        Assert.Matches("reference [0-9A-Za-z:._-]+", html);
        Assert.DoesNotContain("something unforeseen", html, StringComparison.Ordinal);
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, html, StringComparison.Ordinal));
    }
}
