using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.CdsHooks;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA158 F2: a CDS Hooks answer that ran no screening but found a contraindication in the chart keeps the inputs its rules
/// evaluated; the auditor's answer page shows them and links to its replay, which reproduces the contraindications and the
/// verdict, in English and Chinese. (End to end on both databases, with tampering: the integration tests' CdsHooksTests.)
/// </summary>
public sealed class HookAnswerReplayTests
{
    /// <summary>The sample chart with an aortic aneurysm (VAS-001) and without the required trials, answered in process.</summary>
    private static async Task<LoggedHookAnswerEntry> AnswerWithAneurysmAsync(KetamineCdsFactory factory)
    {
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json")))!.AsObject();
        await factory.Services.GetRequiredService<CdsHookAnswering>().AnswerAsync(
            CdsHookServices.Find("ketamine-screening-patient-view")!, new CdsHookCaller("https://ehr.test.example"),
            Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-hook-replay", CancellationToken.None);
        var audit = factory.Services.GetRequiredService<IDecisionLogAudit>();
        var item = Assert.Single((await audit.SearchAsync(new AuditFilter(), null, 10)).Items, i => i.EntryType == DecisionLogEntryTypes.HookAnswer);
        return (await audit.FindHookAnswerAsync(item.Id))!;
    }

    [Fact]
    public async Task HookAnswerAndReplayPages_AnswerThatFoundAContraindication_ShowTheInputsAndReproduceInEnglishAndChinese()
    {
        using var factory = new KetamineCdsFactory();
        var answer = await AnswerWithAneurysmAsync(factory);
        Assert.Equal("VAS-001", Assert.Single(answer.Contraindications).RuleId);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var page = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/HookAnswer/{answer.Id}"));
        var replay = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Replay/{answer.Id}"));
        using var pageZh = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit/HookAnswer/{answer.Id}", "zh-CN");
        using var replayZh = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit/Replay/{answer.Id}", "zh-CN");
        var zh = WebUtility.HtmlDecode(await pageZh.Content.ReadAsStringAsync());
        var replayInChinese = WebUtility.HtmlDecode(await replayZh.Content.ReadAsStringAsync());

        Assert.Contains($"href=\"/Audit/Replay/{answer.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Inputs the rules evaluated", page, StringComparison.Ordinal);
        Assert.Contains("id=\"hook-answer-placeholders\"", page, StringComparison.Ordinal);
        Assert.Contains("<code>failedAdequateTrials</code>", page.Split("id=\"hook-answer-placeholders\"")[1].Split("</ul>")[0], StringComparison.Ordinal);
        Assert.Contains("\"aneurysmalVascularDisease\": true", page, StringComparison.Ordinal);
        Assert.Contains("\"failedAdequateTrials\": null", page, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing can be replayed", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>Replay of EHR answer #{answer.Sequence}</h1>", replay, StringComparison.Ordinal);
        Assert.Contains("id=\"replay-compares\"", replay, StringComparison.Ordinal);
        Assert.Contains("Reproduced exactly: the contraindications found and the verdict are identical to the logged ones.", replay, StringComparison.Ordinal);
        Assert.Contains("规则所评估的输入", zh, StringComparison.Ordinal);
        Assert.Contains("重放会再次评估这些规则。", zh, StringComparison.Ordinal);
        Assert.Contains($"<h1>电子病历应答 #{answer.Sequence} 的重放</h1>", replayInChinese, StringComparison.Ordinal);
        Assert.Contains("完全复现：发现的禁忌证和结论与日志记录完全一致。", replayInChinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayApi_HookAnswerThatFoundAContraindication_ReproducesAndIsRecordedInTheAccessLog()
    {
        using var factory = new KetamineCdsFactory();
        var answer = await AnswerWithAneurysmAsync(factory);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await api.GetAsync($"/api/v1/audit/screenings/{answer.Sequence}/replay");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reproduced", body.GetProperty("outcome").GetString());
        Assert.Equal("hook-answer", body.GetProperty("entryType").GetString());
        Assert.Equal(answer.Id, body.GetProperty("screeningId").GetGuid());
        Assert.Equal("not-eligible-now", body.GetProperty("replayedOverall").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("inputsAgree").ValueKind);
        Assert.Empty(body.GetProperty("differences").EnumerateArray());
        var events = await api.GetStringAsync("/api/v1/audit/access.csv?kind=replay&who=" + KetamineCdsFactory.Auditor);
        Assert.Contains($",replay,{answer.Id},api; reproduced,", events, StringComparison.Ordinal);
    }
}
