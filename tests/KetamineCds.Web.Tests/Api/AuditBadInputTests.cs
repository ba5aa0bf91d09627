using System.Net;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// Helper 229's bad-input walk of the audit API and pages: a query name the verification does not read is refused by
/// name, as the exports refuse one; a replay's sequence that is not a number is answered in the request's language; and
/// the impact analysis's access-log detail ends where its words end, with no "; " left dangling when no period was given.
/// </summary>
public sealed class AuditBadInputTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Fact]
    public async Task Verify_QueryNameItDoesNotRead_Is400NamingIt_AndVerifiesNothing()
    {
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var before = await VerificationsAsync();

        using var response = await auditor.GetAsync("/api/v1/audit/verify?form=checkpoint");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(["form"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("Unknown query parameter 'form'; this route reads from, mode.", problem["errors"]!["form"]![0]!.GetValue<string>());
        Assert.Equal(before, await VerificationsAsync());
    }

    [Theory]
    [InlineData("en", "The sequence is not valid.", "The sequence is the entry's place in the decision log: a whole number from 1.")]
    [InlineData("zh-Hans", "序号无效。", "序号是条目在决策日志中的位置：从 1 开始的整数。")]
    public async Task Replay_SequenceNotAWholeNumber_Is400InTheRequestsLanguage(string language, string title, string message)
    {
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/screenings/abc/replay");
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await auditor.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(message, problem["errors"]!["sequence"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("&from=2026-01-01&to=2026-01-31", "; from=2026-01-01; to=2026-01-31")]
    public async Task ImpactAnalysis_AccessDetail_HasItsFilterOnlyWhenOneWasGiven(string query, string filter)
    {
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var run = await auditor.GetAsync("/Audit/Impact?run=true" + query);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        var detail = await db.AccessEvents.AsNoTracking().Where(e => e.Kind == "impact-analysis").OrderByDescending(e => e.Sequence).Select(e => e.Detail).FirstAsync();
        Assert.Equal($"rule set {RuleSetCatalog.Current.Version} against the logged verdicts{filter}", detail);
    }

    private async Task<int> VerificationsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync(e => e.Kind == "verify");
    }
}
