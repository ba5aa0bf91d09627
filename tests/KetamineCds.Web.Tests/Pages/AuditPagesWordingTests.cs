using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 241's walk of the audit pages as an auditor, in English and Chinese: an override an EHR recorded through CDS
/// Hooks feedback showed its role as the identifier "CdsHooksClient", and its view in the access history as the recorded
/// "audit workspace; override" alone, untranslated (a screening's and an EHR answer's view each read in words); and in
/// Chinese the Checkpoints and Impact pages set a space between sentences ("哈希。 此处", "“校验日志” 以检查").
/// </summary>
public sealed class AuditPagesWordingTests : IDisposable
{
    private const string PatientView = "/cds-services/ketamine-screening-patient-view";

    private readonly TestCdsClient _client = new("https://ehr.audit-wording.test", "audit-wording-key");

    private readonly KetamineCdsFactory _factory;

    public AuditPagesWordingTests() => _factory = new KetamineCdsFactory { Settings = _client.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _client.Dispose();
    }

    /// <summary>
    /// On an intact log the verify table's "First broken entry" cells were empty, which reads as a value left out: each
    /// says "none" (无), for the decisions' chain and for the access events alike.
    /// </summary>
    [Fact]
    public async Task VerifyPage_IntactLog_FirstBrokenEntrySaysNone_InEnglishAndChinese()
    {
        await _factory.RecordScreeningThroughApiAsync("MRN-VERIFY-NONE", await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist));
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(english, @"<td>\s*none\s*</td>"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(chinese, @"<td>\s*无\s*</td>"));
    }

    [Fact]
    public async Task OverridePage_FromEhrFeedback_NamesTheRoleAndItsViewInWords_InEnglishAndChinese()
    {
        var call = File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json"));
        using var answered = await _client.PostAsync(_factory, PatientView, call);
        var answer = await answered.Content.ReadAsStringAsync();
        Assert.True(answered.StatusCode == HttpStatusCode.OK, answer);
        var card = JsonNode.Parse(answer)!["cards"]![0]!["uuid"]!.GetValue<string>();
        var now = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var feedback = await _client.PostAsync(_factory, PatientView + "/feedback",
            "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"" + now + "\",\"overrideReason\":{\"reason\":{\"code\":\"specialist-advice-obtained\"}}}]}");
        Assert.True(feedback.StatusCode == HttpStatusCode.OK, await feedback.Content.ReadAsStringAsync());
        Guid overrideId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            overrideId = await db.DecisionLogEntries.Where(e => e.EntryType == DecisionLogEntryTypes.Override).Select(e => e.Id).SingleAsync();
        }

        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        _ = await auditor.GetStringAsync($"/Audit/Override/{overrideId}");
        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Override/{overrideId}"));
        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Override/{overrideId}", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());

        Assert.Contains("<dt>Role</dt><dd>EHR client</dd>", english, StringComparison.Ordinal);
        Assert.Contains("<dd>电子病历客户端</dd>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain(">CdsHooksClient<", english + chinese, StringComparison.Ordinal);
        // The earlier view in the access history: in words, with the recorded text beside it.
        Assert.Contains("<td>Audit workspace, override <code class=\"recorded-text\" lang=\"en\">audit workspace; override</code></td>", english, StringComparison.Ordinal);
        Assert.Contains("<td>审计工作区，偏离建议的决定 <code class=\"recorded-text\" lang=\"en\">audit workspace; override</code></td>", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointsAndImpactPages_InChinese_SetSentencesClose_AndInEnglishSpaceThem()
    {
        await _factory.RecordScreeningThroughApiAsync("MRN-H241-WORDING");
        var auditorApi = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using (var created = await auditorApi.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var zhCheckpoints = await CultureSelectionTests.GetAsync(auditor, "/Audit/Checkpoints", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zhCheckpoints.Content.ReadAsStringAsync());
        using var zhImpact = await CultureSelectionTests.GetAsync(auditor, "/Audit/Impact", "zh-CN");
        var chineseImpact = WebUtility.HtmlDecode(await zhImpact.Content.ReadAsStringAsync());
        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Checkpoints"));
        var englishImpact = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Impact"));

        Assert.Contains("仍具有签名时的哈希。此处只比较", chinese, StringComparison.Ordinal);
        Assert.Contains("发现不了。<a href=\"/Audit/Verify\" id=\"checkpoint-scope-verify\">运行“校验日志”</a>以检查其之前的条目。", chinese, StringComparison.Ordinal);
        Assert.Contains(" signed. This compares each signed entry only", english, StringComparison.Ordinal);
        Assert.Contains("is not found here. <a href=\"/Audit/Verify\" id=\"checkpoint-scope-verify\">Run Verify the log</a> for the entries before it.", english, StringComparison.Ordinal);
        Assert.Contains("由哪些规则导致。不分析电子病历应答", chineseImpact, StringComparison.Ordinal);
        Assert.Contains("重新运行的筛查结论。<a href=\"/Rules/Diff\">", chineseImpact, StringComparison.Ordinal);
        Assert.Contains("through which rules. EHR answers (CDS Hooks) are not examined: an answer holds no screening's verdict to run again. <a href=\"/Rules/Diff\">", englishImpact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointsPage_UploadedZip_NamesWhereEachFileCameFromInTheReadersLanguage()
    {
        await _factory.RecordScreeningThroughApiAsync("MRN-H241-UPLOAD");
        var auditorApi = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        (await auditorApi.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var zip = await client.GetByteArrayAsync("/Audit/Checkpoints?handler=Download");
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");

        async Task<string> UploadAsync(string language)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(zip), "copies", "kept.zip" },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Audit/Checkpoints?handler=Upload") { Content = form };
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("<span class=\"audit-note\">uploaded kept.zip</span>", await UploadAsync("en"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"audit-note\">上传的 kept.zip</span>", await UploadAsync("zh-CN"), StringComparison.Ordinal);
    }
}
