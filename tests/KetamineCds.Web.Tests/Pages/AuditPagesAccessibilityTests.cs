using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The auditor's pages as a screen-reader user meets them (the WCAG 2.2 AA audit's F3-F6, F10, F11), on the rendered HTML:
/// the outcome of Verify and of the Checkpoints page's actions in the title and in an element audit.js focuses, Verify's
/// result under a heading of its own with a caption of its own, an entry's page titled with its number, the lossless
/// export's explanation shown and tied to its link, and the lists' "#" column named. The behaviour in a browser (the focus,
/// the live region) is in IntegrationTests' AuditKeyboardBrowserTests. Each test has its own app, database and folder.
/// </summary>
public sealed class AuditPagesAccessibilityTests : IDisposable
{
    private readonly KetamineCdsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(null, "Verify the log", "The log verifies", "Result: The log verifies", "Hash chains checked (in ")]
    [InlineData("zh-CN", "校验日志", "日志校验通过", "结果：日志校验通过", "已校验的哈希链（用时 ")]
    public async Task VerifyPage_Run_TheOutcomeIsInTheTitleAndInAFocusableHeading_AndTheTableHasItsOwnCaption(string? language, string page, string outcome, string heading, string caption)
    {
        await RecordScreeningsAsync(1);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var before = await GetAsync(client, "/Audit/Verify", language);
        var html = await GetAsync(client, "/Audit/Verify?run=true", language);

        // Not run: the page's name alone, and nothing for audit.js to focus.
        Assert.Contains($"<title>{page} - KetamineCds</title>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("data-audit-outcome", before, StringComparison.Ordinal);
        // Run: the outcome first in the title (it was the same title before and after), and the result under a heading
        // that says it, the element focused when the page comes back (F3, F4).
        Assert.Contains($"<title>{outcome} - {page} - KetamineCds</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<h2 id=\"verify-result\" tabindex=\"-1\" data-audit-outcome>{heading}</h2>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "data-audit-outcome"));
        // The table's caption says what it holds, the time in brackets; the scroll box is named the same, as every table's is.
        var captioned = Regex.Match(html, "<caption>([^<]*)</caption>");
        Assert.StartsWith(caption, captioned.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"{captioned.Groups[1].Value}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified in", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"verify-result\"", StringComparison.Ordinal) < html.IndexOf("<caption>", StringComparison.Ordinal), "the heading stands before the table");
    }

    [Fact]
    public async Task VerifyPage_CheckpointNoLongerHolds_TitleAndHeadingSayTheLogDoesNotVerify()
    {
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var checkpoint = SignedCheckpoint.TryParse(await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync(), out _)!;
        await File.WriteAllTextAsync(Path.Combine(_factory.CheckpointDirectory, checkpoint.FileName), (checkpoint with { HeadHash = new string('a', 64) }).ToJson());
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Audit/Verify?run=true", null);

        Assert.Contains("<title>The log does not verify - Verify the log - KetamineCds</title>", html, StringComparison.Ordinal);
        Assert.Contains(">Result: The log does not verify</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The log verifies", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPage_FromTheCheckpoint_SaysOnlyTheEntriesAfterItVerify()
    {
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        await RecordScreeningsAsync(1);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Audit/Verify?run=true&from=checkpoint", null);

        // The shorter check re-hashed only the entries after the checkpoint: never "The log verifies".
        Assert.Contains("<title>The entries after entry 2 verify - Verify the log - KetamineCds</title>", html, StringComparison.Ordinal);
        Assert.Contains(">Result: The entries after entry 2 verify</h2>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Impact analysis", "No verdict would change", "Result: ", "No screening examined")]
    [InlineData("zh-CN", "影响分析", "没有结论会改变", "结果：", "未分析任何筛查")]
    public async Task ImpactPage_Run_TheOutcomeIsInTheTitleAndInAFocusableHeading(string? language, string page, string noChange, string result, string noneExamined)
    {
        // Helper 304: Verify's and the Checkpoints page's outcome was focused and titled (helper 301), the analysis's was
        // neither: the page came back with the same title and the focus nowhere.
        await RecordScreeningsAsync(1);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var before = await GetAsync(client, "/Audit/Impact", language);
        var html = await GetAsync(client, "/Audit/Impact?run=true", language);
        var empty = await GetAsync(client, "/Audit/Impact?run=true&from=2001-01-01&to=2001-01-31", language);

        Assert.Contains($"<title>{page} - KetamineCds</title>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("data-audit-outcome", before, StringComparison.Ordinal);
        // The current rule set against the verdicts it logged: none changes, said first in the title and in the heading
        // that audit.js focuses, before the counts.
        Assert.Contains($"<title>{noChange} - {page} - KetamineCds</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<h2 id=\"impact-result\" tabindex=\"-1\" data-audit-outcome>{result}{noChange}</h2>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "data-audit-outcome"));
        Assert.True(html.IndexOf("id=\"impact-result\"", StringComparison.Ordinal) < html.IndexOf("<p role=\"status\">", StringComparison.Ordinal), "the heading stands before the counts");
        // A period with nothing recorded: said so, never "no verdict would change".
        Assert.Contains($"<title>{noneExamined} - {page} - KetamineCds</title>", empty, StringComparison.Ordinal);
        Assert.Contains($"data-audit-outcome>{result}{noneExamined}</h2>", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpactPage_VerdictsWouldChange_TheTitleAndTheFocusedHeadingSayHowMany()
    {
        // Logged "eligible" under 1.0.0 (which read the unanswered safety questions as no): the current rule set changes it.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var said = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var history = LoggedDirectly.RequiredAnswers("MRN-IMPACT-TITLE-" + i);
            var assessment = KetamineCds.Domain.Rules.ScreeningEngine.Evaluate(history, KetamineCds.Domain.Rules.RuleSetCatalog.V1_0_0);
            await LoggedDirectly.RecordAsync(_factory, history, new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-impact-title-" + i, assessment);
            said.Add(await GetAsync(client, "/Audit/Impact?run=true", null));
        }

        Assert.Contains("<strong>1 would change verdict</strong>", said[0], StringComparison.Ordinal);
        Assert.Contains("<title>1 verdict would change - Impact analysis - KetamineCds</title>", said[0], StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"impact-result\" tabindex=\"-1\" data-audit-outcome>Result: 1 verdict would change</h2>", said[0], StringComparison.Ordinal);
        Assert.Contains("<title>2 verdicts would change - Impact analysis - KetamineCds</title>", said[1], StringComparison.Ordinal);
        Assert.Contains(">Result: 2 verdicts would change</h2>", said[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "<title>Checkpoint written - Signed checkpoints - KetamineCds</title>")]
    [InlineData("zh-CN", "<title>已写入检查点 - 签名检查点 - KetamineCds</title>")]
    public async Task CheckpointsPage_WriteOne_TheTitleSaysItWasWritten_AndItsMessageIsWhatIsFocused(string? language, string title)
    {
        await RecordScreeningsAsync(1);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var plain = await GetAsync(client, "/Audit/Checkpoints", language);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");

        var post = await client.PostAsync("/Audit/Checkpoints?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var html = await GetAsync(client, post.Headers.Location!.OriginalString, language);

        Assert.DoesNotContain("data-audit-outcome", plain, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Matches("<p role=\"status\" class=\"audit-ok\" id=\"checkpoint-message\" tabindex=\"-1\" data-audit-outcome>[^<]*(Checkpoint written at entry 1|已在条目 1 处写入检查点)", html);
        Assert.Single(Regex.Matches(html, "data-audit-outcome"));
    }

    [Fact]
    public async Task CheckpointsPage_UploadACopy_TheTitleSaysHowManyFail_AndTheCopysStatusIsWhatIsFocused()
    {
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var good = await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync();
        var altered = good.Replace("\"sequence\": 2", "\"sequence\": 1", StringComparison.Ordinal);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var both = await UploadAsync(client, ("kept-good.json", good), ("kept-altered.json", altered));
        var goodOnly = await UploadAsync(client, ("kept-good.json", good));
        var none = await UploadAsync(client);

        Assert.Contains("<title>Copy checked: 1 of 2 checkpoints fail - Signed checkpoints - KetamineCds</title>", both, StringComparison.Ordinal);
        Assert.Matches("<p role=\"status\" id=\"uploaded-status\" class=\"audit-error\" tabindex=\"-1\" data-audit-outcome>", both);
        Assert.Contains("<title>Copy checked: no checkpoint fails - Signed checkpoints - KetamineCds</title>", goodOnly, StringComparison.Ordinal);
        // Nothing chosen: the copy was not checked, and the message asking for files is what is focused.
        Assert.Contains("<title>The copy was not checked - Signed checkpoints - KetamineCds</title>", none, StringComparison.Ordinal);
        Assert.Matches("<p role=\"alert\" class=\"audit-error\" id=\"upload-error\" tabindex=\"-1\" data-audit-outcome>Choose one or more checkpoint files", none);
    }

    [Theory]
    [InlineData(null, "Screening #1", "Replay of screening #1", "Override #2")]
    [InlineData("zh-CN", "筛查 #1", "筛查 #1 的重放", "偏离建议的决定 #2")]
    public async Task EntryPages_AreTitledWithTheEntrysNumber_AsTheirHeadingIs(string? language, string screening, string replay, string overrideTitle)
    {
        // F6 (2.4.2): every logged screening was titled "Logged screening", every replay "Replay".
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-ENTRY-TITLE");
        await _factory.RecordOverrideThroughPageAsync(id);
        Guid overrideId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            overrideId = await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().DecisionLogEntries
                .Where(e => e.EntryType == DecisionLogEntryTypes.Override).Select(e => e.Id).SingleAsync();
        }

        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        Assert.Contains($"<title>{screening} - KetamineCds</title>", await GetAsync(client, $"/Audit/Screening/{id}", language), StringComparison.Ordinal);
        Assert.Contains($"<title>{replay} - KetamineCds</title>", await GetAsync(client, $"/Audit/Replay/{id}", language), StringComparison.Ordinal);
        Assert.Contains($"<title>{overrideTitle} - KetamineCds</title>", await GetAsync(client, $"/Audit/Override/{overrideId}", language), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Entry number", "Event number", "The JSON Lines export holds every entry, overrides included, with its inputs, assessment and hashes, to re-verify offline.")]
    [InlineData("zh-CN", "条目编号", "事件编号", "JSON Lines 导出包含每条记录（包括偏离建议的决定）连同其输入、评估结果和哈希值，可离线重新核验。")]
    public async Task AuditLists_TheNumberColumnIsNamed_AndTheLosslessExportIsExplainedOnThePage(string? language, string entryNumber, string eventNumber, string hint)
    {
        await RecordScreeningsAsync(1);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var list = await GetAsync(client, "/Audit", language);
        var access = await GetAsync(client, "/Audit/Access", language);

        // F11: "#" alone named the column; it is shown, and the name is read.
        Assert.Contains($"<th scope=\"col\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">{entryNumber}</span></th>", list, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"col\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">{eventNumber}</span></th>", access, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">#</th>", list + access, StringComparison.Ordinal);
        // F10: the export's explanation was only in a title (hover): shown under the links, and tied to its link.
        var link = Regex.Match(list, "<a [^>]*handler=JsonLines[^>]*>");
        Assert.Contains("aria-describedby=\"export-jsonl-hint\"", link.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("title=", link.Value, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"hint audit-hint\" id=\"export-jsonl-hint\">{hint}</p>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_RefusedFilter_HasNoExportLinks_NorTheirHint()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit?overall=bogus");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("export-jsonl-hint", html, StringComparison.Ordinal);
        // F5: the summary's link goes to the drop-down itself, not to the message beside it.
        Assert.Contains("<a href=\"#filter-overall\">", html, StringComparison.Ordinal);
        Assert.Contains("<select class=\"input\" id=\"filter-overall\"", html, StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(HttpClient client, string path, string? language)
    {
        using var response = await CultureSelectionTests.GetAsync(client, path, language);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> UploadAsync(HttpClient client, params (string Name, string Content)[] files)
    {
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "copies", name);
        }

        using var response = await client.PostAsync("/Audit/Checkpoints?handler=Upload", form);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task RecordScreeningsAsync(int count)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        for (var i = 0; i < count; i++)
        {
            await _factory.RecordScreeningThroughApiAsync("MRN-A11Y" + i, api);
        }
    }
}
