using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Signed checkpoints through the API and the auditor's Checkpoints page (issue 13), and the data-protection keys at
/// rest. Each test has its own app, database and checkpoint folder.
/// </summary>
public sealed partial class CheckpointPageTests : IDisposable
{
    private readonly KetamineCdsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateCheckpoint_Auditor_WritesASignedFileThatVerifyCountsAndThePublishedKeyChecks()
    {
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var response = await auditor.PostAsync("/api/v1/audit/checkpoints", null);
        var verify = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        var pem = await auditor.GetStringAsync("/api/v1/audit/checkpoints/key");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var checkpoint = SignedCheckpoint.TryParse(await response.Content.ReadAsStringAsync(), out _)!;
        Assert.Equal(2, checkpoint.Sequence);
        Assert.True(File.Exists(Path.Combine(_factory.CheckpointDirectory, checkpoint.FileName)));
        using var key = CheckpointPublicKey.FromPem(pem);
        Assert.True(key.Verifies(checkpoint));
        Assert.Equal(key.KeyId, checkpoint.KeyId);
        Assert.True(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verify.GetProperty("checked").GetInt64());
        Assert.Equal(1, verify.GetProperty("checkpoints").GetProperty("holding").GetInt32());
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("failedCheckpoint").ValueKind);
    }

    [Fact]
    public async Task Verify_FromCheckpoint_ReadsOnlyTheEntriesAfterIt()
    {
        await RecordScreeningsAsync(3);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        await RecordScreeningsAsync(2);

        var verify = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify?from=checkpoint");

        Assert.True(verify.GetProperty("intact").GetBoolean());
        Assert.Equal("from-checkpoint", verify.GetProperty("mode").GetString());
        Assert.Equal(3, verify.GetProperty("startedAfter").GetInt64());
        Assert.Equal(2, verify.GetProperty("checked").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/audit/verify?from=yesterday")).StatusCode);
    }

    [Theory]
    [InlineData("mode=bogus", "mode", "en-GB", "The log was not verified: from or mode names no way to verify it.")]
    [InlineData("from=yesterday", "from", "zh-CN", "日志未被验证：from 或 mode 所给的值不是可用的验证方式。")]
    public async Task VerifyApi_UnknownFromOrMode_Is400WithATitleThatSaysWhat(string query, string field, string language, string title)
    {
        // helper-224's QA walk: the 400's title was the generic "One or more validation errors occurred.".
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/verify?" + query);
        request.Headers.TryAddWithoutValidation("Accept-Language", language);

        using var response = await auditor.SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Verify_CheckpointFileAltered_AnswersNotIntactAndNamesTheCheckpoint()
    {
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var checkpoint = SignedCheckpoint.TryParse(await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync(), out _)!;
        await File.WriteAllTextAsync(Path.Combine(_factory.CheckpointDirectory, checkpoint.FileName), (checkpoint with { Sequence = 1 }).ToJson());

        var verify = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        Assert.False(verify.GetProperty("intact").GetBoolean());
        var failed = verify.GetProperty("failedCheckpoint");
        Assert.Equal(1, failed.GetProperty("sequence").GetInt64());
        Assert.Equal("bad-signature", failed.GetProperty("status").GetString());
        Assert.Contains("signature does not verify", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointsPage_WriteOne_RedirectsAndListsItAsHolding()
    {
        await RecordScreeningsAsync(1);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");

        var post = await client.PostAsync("/Audit/Checkpoints?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var html = await client.GetStringAsync(post.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("Checkpoint written at entry 1", html, StringComparison.Ordinal);
        Assert.Contains("signed entry still has the hash it signed.", html, StringComparison.Ordinal);
        Assert.Contains("Entry 1 has the signed hash.", html, StringComparison.Ordinal);
        Assert.Contains("checkpoint folder", html, StringComparison.Ordinal);

        // In Chinese, the reason and where the file was found are Chinese too.
        using var chinese = await Localization.CultureSelectionTests.GetAsync(client, "/Audit/Checkpoints", "zh-CN");
        var zh = WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());
        Assert.Contains("条目 1 的哈希与签名时一致。", zh, StringComparison.Ordinal);
        Assert.Contains("检查点文件夹", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("has the signed hash", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointsPage_Download_HoldsEveryCheckpointThePublicKeyAndHowToCheckThem()
    {
        await RecordScreeningsAsync(1);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        await RecordScreeningsAsync(1);
        (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var response = await client.GetAsync("/Audit/Checkpoints?handler=Download");

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("checkpoint-public-key.pem", names);
        Assert.Contains("README.txt", names);
        Assert.Equal(2, names.Count(n => n.StartsWith("checkpoints/checkpoint-decisions-", StringComparison.Ordinal)));
        using var reader = new StreamReader(zip.GetEntry("README.txt")!.Open());
        Assert.Contains("openssl dgst -sha256 -verify", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Listed the checkpoints (audit workspace)", "Listed the checkpoints (API)")]
    [InlineData("zh-CN", "列出了检查点（审计工作区）", "列出了检查点（API）")]
    public async Task CheckpointsPage_View_IsRecordedAsTheApisListIs_AndTheAccessLogSaysSoInWords(string language, string page, string api)
    {
        // QA318: the API's list of the checkpoints was an access event, a view of the page was not.
        await RecordScreeningsAsync(1);
        var auditorApi = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        (await auditorApi.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var (viewed, listed) = ("checkpoints-" + Guid.NewGuid().ToString("N"), "checkpoints-" + Guid.NewGuid().ToString("N"));

        using (var view = new HttpRequestMessage(HttpMethod.Get, "/Audit/Checkpoints"))
        {
            view.Headers.Add("X-Correlation-Id", viewed);
            using var response = await client.SendAsync(view);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/checkpoints"))
        {
            list.Headers.Add("X-Correlation-Id", listed);
            (await auditorApi.SendAsync(list)).EnsureSuccessStatusCode();
        }

        var pageEvent = Assert.Single(await AccessEventsAsync(viewed));
        var apiEvent = Assert.Single(await AccessEventsAsync(listed));
        Assert.Equal((KetamineCdsFactory.Auditor, "Auditor", "checkpoint", "decision-log", "list checkpoints (audit workspace)"), (pageEvent.UserEmail, pageEvent.Role, pageEvent.Kind, pageEvent.Subject, pageEvent.Detail));
        Assert.Equal(("checkpoint", "decision-log", "list checkpoints"), (apiEvent.Kind, apiEvent.Subject, apiEvent.Detail));

        using var access = await Localization.CultureSelectionTests.GetAsync(client, "/Audit/Access?kind=checkpoint", language);
        var html = WebUtility.HtmlDecode(await access.Content.ReadAsStringAsync());
        Assert.Contains($"<td class=\"access-detail\">{page} <code class=\"recorded-text\" lang=\"en\">list checkpoints (audit workspace)</code></td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"access-detail\">{api} <code class=\"recorded-text\" lang=\"en\">list checkpoints</code></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointsPage_DownloadReadme_NamesTheExportAsItDownloads()
    {
        // QA318: the README told the reader to run the script on decision-log.jsonl, and the export downloads as
        // decision-log-<UTC time>.jsonl (ExportFileName): the command named no file the reader has.
        await RecordScreeningsAsync(1);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var export = await client.GetAsync("/Audit?handler=JsonLines");
        var downloaded = export.Content.Headers.ContentDisposition!.FileName!.Trim('"');

        using var zip = new ZipArchive(await client.GetStreamAsync("/Audit/Checkpoints?handler=Download"));
        using var reader = new StreamReader(zip.GetEntry("README.txt")!.Open());
        var readme = await reader.ReadToEndAsync();

        var command = ReadmeVerifyCommand().Match(readme);
        Assert.True(command.Success, readme);
        var placeholder = command.Groups["file"].Value;
        Assert.Equal("decision-log-<time>.jsonl", placeholder);
        var split = placeholder.Split("<time>");
        Assert.Matches("^" + Regex.Escape(split[0]) + "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{6}Z" + Regex.Escape(split[1]) + "$", downloaded);
        Assert.Contains("(e.g. decision-log-2026-12-07T081530Z.jsonl)", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("decision-log.jsonl", readme, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"python3 scripts/verify-decision-log\.py (?<file>\S+) --complete --head SEQUENCE:HEADHASH")]
    private static partial Regex ReadmeVerifyCommand();

    [Fact]
    public async Task CheckpointsPage_UploadKeptCopy_ChecksEachFileAndSaysWhichNoLongerHolds()
    {
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var good = await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync();
        var altered = good.Replace("\"sequence\": 2", "\"sequence\": 1", StringComparison.Ordinal);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(good)), "copies", "kept-good.json" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(altered)), "copies", "kept-altered.json" },
        };
        var response = await client.PostAsync("/Audit/Checkpoints?handler=Upload", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 of 2 checkpoints in the copy no longer hold or cannot be trusted.", html, StringComparison.Ordinal);
        var uploaded = html[html.IndexOf("The uploaded copy", StringComparison.Ordinal)..html.IndexOf("Checkpoints on record", StringComparison.Ordinal)];
        Assert.Matches(RowWith("kept-good.json", "Holds"), uploaded);
        Assert.Matches(RowWith("kept-altered.json", "Signature does not verify"), uploaded);
    }

    [Theory]
    [InlineData("/Audit/Checkpoints?handler=Zip", "Unknown export 'Zip'; this page's exports are Download, Newest, Key. Nothing was exported or listed.")] // it listed the checkpoints, 200
    [InlineData("/Audit/Checkpoints?HANDLER=Csv", "Unknown export 'Csv'; this page's exports are Download, Newest, Key. Nothing was exported or listed.")]
    [InlineData("/Audit/Checkpoints?verdict=fails", "Unknown filter 'verdict'; this page has no filters: it lists every checkpoint that fails and the newest ones, and its download holds them all. Nothing was listed.")]
    [InlineData("/Audit/Checkpoints?from=2026-01-01&handler=", "Unknown filter 'from'; this page has no filters: it lists every checkpoint that fails and the newest ones, and its download holds them all. Nothing was listed.")]
    public async Task CheckpointsPage_UnknownQueryNameOrExport_Is400NamingIt_NothingListedOrRecorded(string path, string message)
    {
        // As the decision log, access log, impact and verify pages refuse them (QA158 F11; DatePeriodInput).
        await RecordScreeningsAsync(1);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var written = SignedCheckpoint.TryParse(await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync(), out _)!;
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var eventsBefore = await CountAccessEventsAsync();

        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<li>{message}</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(written.FileName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("No checkpoints yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.Equal(eventsBefore, await CountAccessEventsAsync());
    }

    [Theory]
    [InlineData("/Audit/Checkpoints?handler=Download&handler=Key", "handler", "Query parameter 'handler' is given more than once; give it once.")] // it downloaded the zip
    [InlineData("/Audit/Checkpoints?handler=Download&from=2026-01-01", "from", "Unknown filter 'from'; this page has no filters")] // it downloaded every checkpoint
    [InlineData("/Audit/Checkpoints?handler=Key&keyId=abc", "keyId", "Unknown filter 'keyId'; this page has no filters")]
    public async Task CheckpointsPageDownload_UnknownQueryNameOrTwoHandlers_Is400ProblemNamingIt_NothingExportedOrRecorded(string path, string field, string message)
    {
        // As the other audit pages' exports refuse them (AuditPageExport_UnknownFilter_Is400NamingIt_AndExportsNothing).
        await RecordScreeningsAsync(1);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var eventsBefore = await CountAccessEventsAsync();

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.StartsWith(message, ProblemAssert.RefusedOneField(response, body, field), StringComparison.Ordinal);
        Assert.Equal(eventsBefore, await CountAccessEventsAsync());
    }

    [Fact]
    public async Task CheckpointsPage_UnknownQueryNameOrExportInChinese_IsNamedInChinese()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var export = await Localization.CultureSelectionTests.GetAsync(client, "/Audit/Checkpoints?handler=Zip", "zh-CN");
        using var filter = await Localization.CultureSelectionTests.GetAsync(client, "/Audit/Checkpoints?verdict=fails", "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("<li>未知的导出方式“Zip”；本页可用的导出方式为：Download, Newest, Key。未导出也未列出任何内容。</li>", WebUtility.HtmlDecode(await export.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("<li>未知的筛选条件“verdict”；本页没有筛选条件：它列出每个不成立的检查点和最新的检查点，下载包含全部检查点。未列出任何内容。</li>", WebUtility.HtmlDecode(await filter.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit/Checkpoints")]
    [InlineData("/Audit/Checkpoints?handler=")] // an empty handler is the page itself, as on the other audit pages
    public async Task CheckpointsPage_ItsOwnNames_StillList(string path)
    {
        await RecordScreeningsAsync(1);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var written = SignedCheckpoint.TryParse(await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync(), out _)!;
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync(path);
        using var key = await client.GetAsync("/Audit/Checkpoints?handler=key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(written.FileName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/x-pem-file", key.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CheckpointsPage_PostToAnUnknownHandler_Is400AndListsNothing()
    {
        await RecordScreeningsAsync(1);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var written = SignedCheckpoint.TryParse(await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync(), out _)!;
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");
        var eventsBefore = await CountAccessEventsAsync();

        using var response = await client.PostAsync("/Audit/Checkpoints?handler=Write", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(written.FileName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("No checkpoints yet.", html, StringComparison.Ordinal);
        Assert.Equal(eventsBefore, await CountAccessEventsAsync());
    }

    [Fact]
    public async Task CheckpointsPage_UploadWithoutFiles_AsksForThem()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");

        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var html = await (await client.PostAsync("/Audit/Checkpoints?handler=Upload", form)).Content.ReadAsStringAsync();

        Assert.Contains("Choose one or more checkpoint files", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPage_CheckpointNoLongerHolds_SaysWhichAndWhy()
    {
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var checkpoint = SignedCheckpoint.TryParse(await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync(), out _)!;
        await File.WriteAllTextAsync(Path.Combine(_factory.CheckpointDirectory, checkpoint.FileName), (checkpoint with { HeadHash = new string('a', 64) }).ToJson());
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Verify?run=true"));

        Assert.Contains("The chain's own hashes are intact, but the log is not verified: a signed checkpoint does not match it.", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Checkpoint file</dt><dd><code>{checkpoint.FileName}</code>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>What it signed</dt><dd>entry 2", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Why</dt><dd>The signature does not verify", html, StringComparison.Ordinal);
        using var chinese = await Localization.CultureSelectionTests.GetAsync(client, "/Audit/Verify?run=true", "zh-CN");
        Assert.Contains("签名验证失败：文件在签名后被更改。", WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewDatabase_CheckpointOfTheDatabaseBeforeItInItsFolder_ChainShownIntactCheckpointNamedAndARecoveryPath()
    {
        // The database before: two screenings and a checkpoint of them, signed with the same (Development) key.
        string earlierFile;
        Guid earlierHead;
        using (var earlier = new KetamineCdsFactory())
        {
            var earlierPsychiatrist = await earlier.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
            (await earlierPsychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-EARLIER-1"))).EnsureSuccessStatusCode();
            (await earlierPsychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-EARLIER-2"))).EnsureSuccessStatusCode();
            var written = await (await earlier.CreateApiClientAsync(KetamineCdsFactory.Auditor)).PostAsync("/api/v1/audit/checkpoints", null);
            var checkpoint = SignedCheckpoint.TryParse(await written.Content.ReadAsStringAsync(), out _)!;
            (earlierFile, earlierHead) = (checkpoint.FileName, checkpoint.HeadEntryId!.Value);
            Directory.CreateDirectory(_factory.CheckpointDirectory);
            File.Copy(Path.Combine(earlier.CheckpointDirectory, earlierFile), Path.Combine(_factory.CheckpointDirectory, earlierFile));
        }

        // This app's database is new: one screening, and the earlier database's checkpoint left in its folder.
        await RecordScreeningsAsync(1);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var verify = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Verify?run=true"));
        using var refused = await auditor.PostAsync("/api/v1/audit/checkpoints", null);
        var checkpointsPage = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Checkpoints"));
        using var chinese = await Localization.CultureSelectionTests.GetAsync(client, "/Audit/Verify?run=true", "zh-CN");
        var zh = WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());

        Assert.False(verify.GetProperty("intact").GetBoolean());
        Assert.True(verify.GetProperty("chainIntact").GetBoolean());
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("firstBrokenId").ValueKind);
        var failed = verify.GetProperty("failedCheckpoint");
        Assert.Equal("other-log", failed.GetProperty("status").GetString());
        Assert.Equal(earlierFile, failed.GetProperty("file").GetString());
        Assert.Equal(earlierHead, failed.GetProperty("entryId").GetGuid());
        Assert.Matches("^[0-9a-f]{64}$", failed.GetProperty("headHash").GetString()!);
        Assert.Contains("Signed for another log", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);

        Assert.Matches("<th scope=\"row\">Decisions \\(screenings, EHR answers and overrides\\)</th>\\s*<td>1</td>\\s*<td>yes</td>", html);
        Assert.Contains("The chain's own hashes are intact, but the log is not verified: a signed checkpoint does not match it.", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Checkpoint file</dt><dd><code>{earlierFile}</code>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>What it signed</dt><dd>entry 2, <code>{earlierHead}</code>", html, StringComparison.Ordinal);
        Assert.Contains("Does not match this log: signed for another log", html, StringComparison.Ordinal);
        Assert.Contains("Checkpoints of another log: what to do", html, StringComparison.Ordinal);
        Assert.Contains($"out of the checkpoint folder <code>{_factory.CheckpointDirectory}</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Audit/Screening/{earlierHead}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("为另一份日志签名", zh, StringComparison.Ordinal);
        Assert.Contains("属于另一份日志的检查点：如何处理", zh, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains(earlierFile, problem, StringComparison.Ordinal);
        Assert.Contains("set-aside", problem, StringComparison.Ordinal);
        Assert.Matches($"<tr class=\"audit-error\">(?:(?!</tr>).)*Does not match this log(?:(?!</tr>).)*{Regex.Escape(earlierFile)}", checkpointsPage.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Contains("Checkpoints of another log: what to do", checkpointsPage, StringComparison.Ordinal);

        // The administrator sets the earlier database's checkpoint aside on the host: the log verifies and can be signed.
        var aside = Directory.CreateDirectory(Path.Combine(_factory.CheckpointDirectory, "set-aside-2026-12-01"));
        File.Move(Path.Combine(_factory.CheckpointDirectory, earlierFile), Path.Combine(aside.FullName, earlierFile));

        var after = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        var afterHtml = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Verify?run=true"));
        using var written2 = await auditor.PostAsync("/api/v1/audit/checkpoints", null);

        Assert.True(after.GetProperty("intact").GetBoolean());
        Assert.Equal("set-aside-2026-12-01", after.GetProperty("setAside")[0].GetProperty("name").GetString());
        Assert.Equal(1, after.GetProperty("setAside")[0].GetProperty("files").GetInt32());
        Assert.Contains("1 checkpoint file was set aside by an administrator in set-aside-2026-12-01", afterHtml, StringComparison.Ordinal); // QA141 F7: "1 checkpoint files were"
        Assert.DoesNotContain("1 checkpoint files", afterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, written2.StatusCode);
    }

    [Fact]
    public async Task DataProtectionKeys_Development_AreStoredEncryptedWithTheCertificate()
    {
        await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var scope = _factory.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Audit:CheckpointKeyPath", "Audit:CheckpointKeyPath")]
    [InlineData("DataProtection:CertificatePath", "DataProtection:CertificatePath")]
    public void Startup_OutsideDevelopmentConfiguredFileMissing_StopsNamingTheSetting(string setting, string named)
    {
        using var factory = new KetamineCdsFactory { EnvironmentName = "Production" }
            .WithWebHostBuilder(b => b.UseSetting(setting, Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N"))));

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_CheckpointFolderCannotBeCreated_StopsNamingTheSettingAndThePath()
    {
        // QA96 F4: before, the app started ("Signed checkpoints on") and failed at every interval. A regular file as the
        // parent makes the folder impossible to create even for root, who may write everywhere else.
        var file = Path.Combine(Path.GetTempPath(), "ketaminecds-not-a-folder-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "");
        try
        {
            var folder = Path.Combine(file, "checkpoints");
            using var factory = new KetamineCdsFactory().WithWebHostBuilder(b => b.UseSetting("Audit:CheckpointDirectory", folder));

            var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

            Assert.Contains($"Audit:CheckpointDirectory is '{folder}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be created", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Startup_CheckpointFolderMissingUnderAWritableParent_IsCreatedAtStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ketaminecds-new-checkpoints-" + Guid.NewGuid().ToString("N"), "checkpoints");
        try
        {
            using var factory = new KetamineCdsFactory().WithWebHostBuilder(b => b.UseSetting("Audit:CheckpointDirectory", folder));

            using var client = factory.CreateClient();

            Assert.True(Directory.Exists(folder));
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task CheckpointsPage_ManyCheckpoints_ListsEveryFailingOneAndTheNewestFifty()
    {
        await RecordScreeningsAsync(1);
        var checkpoints = _factory.Services.GetRequiredService<DecisionLogCheckpoints>();
        for (var i = 0; i < 55; i++)
        {
            Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        }

        var oldest = Directory.GetFiles(_factory.CheckpointDirectory, "*.json").Order(StringComparer.Ordinal).First();
        var altered = SignedCheckpoint.TryParse(await File.ReadAllTextAsync(oldest), out _)! with { HeadHash = new string('b', 64) };
        await File.WriteAllTextAsync(oldest, altered.ToJson());
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Checkpoints"));

        Assert.Contains("1 of 55 checkpoints no longer hold or cannot be trusted", html, StringComparison.Ordinal);
        Assert.Contains("the newest 50 of 55", html, StringComparison.Ordinal);
        Assert.Equal(51, Regex.Count(html, "<tr class="));
        Assert.Contains(Path.GetFileName(oldest), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointsPage_MoreThan200Checkpoints_BothOwnDownloadsComeBackThroughTheCheck()
    {
        // QA284 F1: with more than 200 checkpoints on record, uploading the page's own zip was refused whole ("That copy
        // holds more than 200 checkpoints").
        await RecordScreeningsAsync(1);
        var checkpoints = _factory.Services.GetRequiredService<DecisionLogCheckpoints>();
        for (var i = 0; i < 205; i++)
        {
            Assert.NotNull((await checkpoints.CreateAsync()).Checkpoint);
        }

        var files = Directory.GetFiles(_factory.CheckpointDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var all = await client.GetByteArrayAsync("/Audit/Checkpoints?handler=Download");
        var newest = await client.GetByteArrayAsync("/Audit/Checkpoints?handler=Newest");

        var checkedAll = await UploadAsync(client, ("kept.zip", all));
        Assert.DoesNotContain("more than 200", checkedAll, StringComparison.Ordinal);
        Assert.Contains("All 200 checkpoints in the copy: their signed entries still have the hashes they signed.", checkedAll, StringComparison.Ordinal);
        Assert.Contains("The copy holds 205 files: the newest 200 were checked, and the 5 older ones were not.", checkedAll, StringComparison.Ordinal);
        Assert.Contains("scripts/verify-decision-log.py --head SEQUENCE:HASH", checkedAll, StringComparison.Ordinal);
        var uploadedTable = checkedAll[checkedAll.IndexOf("The uploaded copy", StringComparison.Ordinal)..checkedAll.IndexOf("Checkpoints on record", StringComparison.Ordinal)];
        Assert.Contains(files[^1]!, uploadedTable, StringComparison.Ordinal);
        Assert.Contains(files[5]!, uploadedTable, StringComparison.Ordinal);
        Assert.DoesNotContain(files[4]!, uploadedTable, StringComparison.Ordinal);

        // The newest-200 download: within the upload limit (a checkpoint is about 0.6 KB zipped), checked whole.
        using (var zip = new ZipArchive(new MemoryStream(newest)))
        {
            Assert.Equal(files.TakeLast(200).Select(f => "checkpoints/" + f), zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("checkpoints/", StringComparison.Ordinal)));
            Assert.NotNull(zip.GetEntry("checkpoint-public-key.pem"));
        }

        Assert.True(newest.Length < KetamineCds.Web.Security.Hardening.MaxRequestBodyBytes / 4, $"{newest.Length} bytes");
        var checkedNewest = await UploadAsync(client, ("kept-newest.zip", newest));
        Assert.Contains("All 200 checkpoints in the copy: their signed entries still have the hashes they signed.", checkedNewest, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"uploaded-older\"", checkedNewest, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Checkpoints"));
        Assert.Contains("href=\"/Audit/Checkpoints?handler=Newest\"", page, StringComparison.Ordinal);
        Assert.Contains("The check below takes an upload of at most 1024 KB and checks the newest 200 checkpoints in it.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "The copy was NOT checked: the upload was too large", "at most 1024 KB in one upload")]
    [InlineData("zh-CN", "副本未被检查：上传内容过大", "单次上传最多 1024 KB")]
    public async Task CheckpointsPage_UploadOverTheRequestLimit_Is413NamingTheLimit_WithTheWayBack_NothingRecorded(string language, string title, string limit)
    {
        // QA284 F1: the generic "Too much data" page, no limit named and no way back.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        // The form's token comes from a view of the page, which is recorded; the refused upload adds nothing.
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");
        var before = await CountAccessEventsAsync();

        using var response = await PostUploadAsync(client, token, ("kept.zip", new byte[KetamineCds.Web.Security.Hardening.MaxRequestBodyBytes + 1]));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(limit, html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Audit/Checkpoints\" id=\"back-to-checkpoints\">", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAccessEventsAsync());
    }

    [Theory]
    [InlineData("en-GB", "1 file in the copy is not a checkpoint of this app's decision log: it was not checked.", "no longer hold")]
    [InlineData("zh-CN", "副本中有 1 个文件不是本应用决策日志的检查点：未对其进行检查。", "不再成立")]
    public async Task CheckpointsPage_UploadAFileThatIsNotACheckpoint_IsCountedApart_NotAsACheckpointThatFails(string language, string notACheckpoint, string fails)
    {
        // QA284 F5: any JSON read "1 of 1 checkpoints in the copy no longer hold or cannot be trusted".
        await RecordScreeningsAsync(1);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var good = await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        var alone = Status(await UploadAsync(client, ("notes.json", Encoding.UTF8.GetBytes("{\"hello\": 1}"))));
        var beside = Status(await UploadAsync(client, ("notes.json", Encoding.UTF8.GetBytes("{}")), ("kept.json", Encoding.UTF8.GetBytes(good))));

        Assert.Contains(notACheckpoint, alone, StringComparison.Ordinal);
        Assert.DoesNotContain(fails, alone, StringComparison.Ordinal);
        Assert.Contains("class=\"audit-note\"", alone, StringComparison.Ordinal);
        Assert.Contains(notACheckpoint, beside, StringComparison.Ordinal);
        Assert.DoesNotContain(fails, beside, StringComparison.Ordinal);
        Assert.Contains(language == "en-GB" ? "The checkpoint in the copy: its signed entry still has the hash it signed." : "副本中的检查点", beside, StringComparison.Ordinal);
        // After the summary's last sentence as a sentence: one space in English, none in Chinese (no line break between).
        Assert.Contains((language == "en-GB" ? "for the entries before it. " : "以检查其之前的条目。") + notACheckpoint, beside, StringComparison.Ordinal);

        static string Status(string html)
        {
            var start = html.IndexOf("id=\"uploaded-status\"", StringComparison.Ordinal);
            return html[html.LastIndexOf("<p", start, StringComparison.Ordinal)..html.IndexOf("</p>", start, StringComparison.Ordinal)];
        }
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task CheckpointsPage_UploadedFilesThatFail_EachSaysWhyInThePagesLanguage(string language)
    {
        // Helper 291: on the Chinese page a file that is not a checkpoint said why in English ("unknown format '' (expected
        // ketaminecds-checkpoint/1)"). Every way a kept copy can fail, each in the page's language: in English the words the
        // API gives, in Chinese from PageText.
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var good = JsonNode.Parse(await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync())!.AsObject();
        var head = SignedCheckpoint.TryParse(good.ToJsonString(), out _)!;
        var signing = _factory.Services.GetRequiredService<CheckpointKeys>().Signing!;
        using var otherKey = CheckpointSigningKey.LoadOrCreate(Path.Combine(_factory.CheckpointDirectory, "other-key.pem"));
        var zh = language == "zh-CN";
        var files = new (string Name, string Content, string Reason)[]
        {
            ("broken.json", "{ not json", zh ? "不是可读取的检查点：内容不是 JSON 格式的检查点。" : "Not a readable checkpoint: not a JSON checkpoint."),
            ("notes.json", "{\"hello\": 1}", zh ? "不是可读取的检查点：未注明格式（应为 ketaminecds-checkpoint/1）。" : "Not a readable checkpoint: no format named (expected ketaminecds-checkpoint/1)."),
            ("format.json", With("format", "ketaminecds-checkpoint/9"), zh ? "不是可读取的检查点：未知格式“ketaminecds-checkpoint/9”（应为 ketaminecds-checkpoint/1）。" : "Not a readable checkpoint: unknown format 'ketaminecds-checkpoint/9' (expected ketaminecds-checkpoint/1)."),
            ("no-algorithm.json", With("algorithm", null), zh ? "不是可读取的检查点：未注明签名算法（应为 ECDSA-P256-SHA256）。" : "Not a readable checkpoint: no algorithm named (expected ECDSA-P256-SHA256)."),
            ("algorithm.json", With("algorithm", "RSA-SHA1"), zh ? "不是可读取的检查点：未知签名算法“RSA-SHA1”（应为 ECDSA-P256-SHA256）。" : "Not a readable checkpoint: unknown algorithm 'RSA-SHA1' (expected ECDSA-P256-SHA256)."),
            ("no-chain.json", With("chain", null), zh ? "不是可读取的检查点：未注明所属的哈希链。" : "Not a readable checkpoint: no chain named."),
            ("chain-word.json", With("chain", "Decisions!"), zh ? "不是可读取的检查点：哈希链名称不是一个简单的单词。" : "Not a readable checkpoint: the chain name is not a plain word."),
            ("access-chain.json", With("chain", "access"), zh ? "不是可读取的检查点：属于“access”哈希链的检查点，而非决策日志的检查点。" : "Not a readable checkpoint: a checkpoint of the 'access' chain, not of the decision log."),
            ("negative.json", With("sequence", -1), zh ? "不是可读取的检查点：条目序号为负数。" : "Not a readable checkpoint: negative sequence."),
            ("head-hash.json", With("headHash", "XYZ"), zh ? "不是可读取的检查点：链头哈希值不是 64 位小写十六进制数字。" : "Not a readable checkpoint: the head hash is not 64 lower-case hex digits."),
            ("key-id.json", With("keyId", "abc"), zh ? "不是可读取的检查点：密钥 ID 不是 64 位小写十六进制数字。" : "Not a readable checkpoint: the key id is not 64 lower-case hex digits."),
            ("time.json", With("createdAt", "yesterday"), zh ? "不是可读取的检查点：时间不符合 yyyy-MM-ddTHH:mm:ss.ffffffZ 格式。" : "Not a readable checkpoint: the time is not yyyy-MM-ddTHH:mm:ss.ffffffZ."),
            ("signature.json", With("signature", "!!"), zh ? "不是可读取的检查点：签名不是 Base64 编码。" : "Not a readable checkpoint: the signature is not base64."),
            ("forged.json", With("sequence", 1), zh ? "签名验证失败：文件在签名后被更改。" : "The signature does not verify: the file was changed after it was signed."),
            ("other-key.json", otherKey.Sign("decisions", 2, head.HeadHash, head.HeadEntryId, head.CreatedAt).ToJson(), zh
                ? $"由密钥 {otherKey.KeyId[..16]}… 签名，该密钥既不是本应用的检查点密钥，也不是受信任的旧密钥。"
                : $"Signed by key {otherKey.KeyId[..16]}…, which is neither the app's checkpoint key nor a trusted earlier one."),
            ("past-the-end.json", signing.Sign("decisions", 9, head.HeadHash, null, head.CreatedAt).ToJson(), zh
                ? "日志止于条目 2，早于此检查点所签名的条目 9：末尾的条目已被删除，或恢复了较早的备份。"
                : "The log ends at entry 2, before entry 9 that this checkpoint signed: entries were removed from the end, or an older backup was restored."),
            ("other-head.json", signing.Sign("decisions", 2, new string('c', 64), head.HeadEntryId, head.CreatedAt).ToJson(), zh
                ? "条目 2 不是此检查点所签名的条目：该条目及之前的日志已被改写，或恢复了较早的备份并在其后继续写入。"
                : "Entry 2 is not the entry this checkpoint signed: the log up to it was rewritten, or an older backup was restored and written on since."),
            ("kept.json", good.ToJsonString(), zh ? "条目 2 的哈希与签名时一致。" : "Entry 2 has the signed hash."),
        };
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        var html = await UploadAsync(client, [.. files.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Content)))]);

        var uploaded = html[html.IndexOf("id=\"uploaded-status\"", StringComparison.Ordinal)..html.IndexOf(zh ? "已记录的检查点" : "Checkpoints on record", StringComparison.Ordinal)];
        var wrong = files.Where(f => !RowWith(f.Name, f.Reason).IsMatch(uploaded)).Select(f => $"{f.Name}: \"{f.Reason}\"").ToList();
        Assert.True(wrong.Count == 0, "not said: " + string.Join("; ", wrong) + "\n" + uploaded);
        if (zh)
        {
            Assert.DoesNotContain("Not a readable checkpoint", uploaded, StringComparison.Ordinal);
            Assert.DoesNotContain("expected", uploaded, StringComparison.Ordinal);
        }

        string With(string name, JsonNode? value)
        {
            var copy = good.DeepClone().AsObject();
            copy[name] = value;
            return copy.ToJsonString();
        }
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task CheckpointsPage_FileNotReadAsText_SaysWhyNotThatItIsNotJson(string language)
    {
        // Helper 298: a file over the 16 KB limit, a .zip that is not a zip and a binary file were each "not a JSON
        // checkpoint", and an auditor went looking for a JSON problem. Each says what is true; text that is not JSON still
        // says that. A checkpoint saved with a byte-order mark is a checkpoint. Answered 200, nothing written.
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var good = await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync();
        var oversized = "{\"format\": \"" + new string('x', 20_000 - 14) + "\"}";
        Assert.Equal(20_000, Encoding.UTF8.GetByteCount(oversized));
        await File.WriteAllTextAsync(Path.Combine(_factory.CheckpointDirectory, "huge.json"), oversized);
        var onDisk = Directory.GetFiles(_factory.CheckpointDirectory).Order(StringComparer.Ordinal).ToList();
        var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("checkpoints/big.json").Open();
            entry.Write(Encoding.UTF8.GetBytes(new string(' ', 17_000)));
        }

        var zh = language == "zh-CN";
        var reading = zh ? "不是可读取的检查点：" : "Not a readable checkpoint: ";
        var files = new (string Name, byte[] Content, string Reason)[]
        {
            ("big.json", Encoding.UTF8.GetBytes(oversized), reading + (zh ? "该文件为 20,000 字节，超过检查点文件的上限（最多 16,384 字节，即 16 KB）。" : "the file is 20,000 bytes, larger than a checkpoint file can be (at most 16,384 bytes, 16 KB).")),
            ("kept.zip", Encoding.UTF8.GetBytes("these are my notes, not a zip"), reading + (zh ? "文件名以 .zip 结尾，但不是 zip 文件。" : "named .zip, but not a zip file.")),
            ("photo.json", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], reading + (zh ? "无法作为文本读取（检查点是 UTF-8 编码的 JSON 文件）。" : "not readable as text (a checkpoint is a UTF-8 JSON file).")),
            ("latin1.json", Encoding.Latin1.GetBytes("{\"format\": \"caf\u00e9\"}"), reading + (zh ? "无法作为文本读取（检查点是 UTF-8 编码的 JSON 文件）。" : "not readable as text (a checkpoint is a UTF-8 JSON file).")),
            ("checkpoints/big.json", zipped.ToArray(), reading + (zh ? "该文件为 17,000 字节，超过检查点文件的上限（最多 16,384 字节，即 16 KB）。" : "the file is 17,000 bytes, larger than a checkpoint file can be (at most 16,384 bytes, 16 KB).")),
            ("broken.json", Encoding.UTF8.GetBytes("{ not json"), reading + (zh ? "内容不是 JSON 格式的检查点。" : "not a JSON checkpoint.")),
            ("bom.json", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(good)], zh ? "条目 2 的哈希与签名时一致。" : "Entry 2 has the signed hash."),
        };
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        var html = await UploadAsync(client, [.. files.Select(f => (f.Name == "checkpoints/big.json" ? "copy.zip" : f.Name, f.Content))]);

        var onRecord = zh ? "已记录的检查点" : "Checkpoints on record";
        var uploaded = html[html.IndexOf("id=\"uploaded-status\"", StringComparison.Ordinal)..html.IndexOf(onRecord, StringComparison.Ordinal)];
        var wrong = files.Where(f => !RowWith(f.Name, f.Reason).IsMatch(uploaded)).Select(f => $"{f.Name}: \"{f.Reason}\"").ToList();
        Assert.True(wrong.Count == 0, "not said: " + string.Join("; ", wrong) + "\n" + uploaded);
        Assert.Single(Regex.Matches(uploaded, zh ? "内容不是 JSON 格式的检查点" : "not a JSON checkpoint"));
        // The app's own folder alike: a file there over the limit says so, with its size.
        Assert.Matches(RowWith("huge.json", reading + (zh ? "该文件为 20,000 字节，超过" : "the file is 20,000 bytes, larger than")), html[html.IndexOf(onRecord, StringComparison.Ordinal)..]);
        Assert.Equal(onDisk, Directory.GetFiles(_factory.CheckpointDirectory).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task CheckpointsPage_AZipNotNamedZip_IsReadAsTheZipItIs(string language)
    {
        // Helper 304: the download saved under another name (a browser or a mail client renamed it: "kept-copy",
        // "kept.bin") was "not readable as text". A zip is known by its first bytes (a local file header, PK\x03\x04, or an
        // empty archive's end record, PK\x05\x06), whatever its name, and read as a .zip is; one that cannot be opened
        // says so, never "not text". A .zip that is not a zip still says that.
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var good = await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync();
        var checkpoint = SignedCheckpoint.TryParse(good, out _)!;
        var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("checkpoints/" + checkpoint.FileName).Open();
            entry.Write(Encoding.UTF8.GetBytes(good));
        }

        var empty = new MemoryStream();
        using (new ZipArchive(empty, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        Assert.Equal("PK\x03\x04", Encoding.Latin1.GetString(zipped.ToArray()[..4]));
        Assert.Equal("PK\x05\x06", Encoding.Latin1.GetString(empty.ToArray()[..4]));
        var zh = language == "zh-CN";
        var reading = zh ? "不是可读取的检查点：" : "Not a readable checkpoint: ";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        var html = await UploadAsync(
            client,
            ("kept-copy", zipped.ToArray()),
            ("kept.bin", empty.ToArray()),
            ("cut-short.dat", zipped.ToArray()[..60]),
            ("notes.zip", Encoding.UTF8.GetBytes("these are my notes, not a zip")));

        var uploaded = html[html.IndexOf("id=\"uploaded-status\"", StringComparison.Ordinal)..html.IndexOf(zh ? "已记录的检查点" : "Checkpoints on record", StringComparison.Ordinal)];
        // The checkpoint in the renamed zip was unpacked and checked, named with the zip it came from.
        Assert.Matches(RowWith(checkpoint.FileName, zh ? "条目 2 的哈希与签名时一致。" : "Entry 2 has the signed hash."), uploaded);
        Assert.Contains(zh ? "上传的 kept-copy" : "uploaded kept-copy", uploaded, StringComparison.Ordinal);
        Assert.Matches(RowWith("cut-short.dat", reading + (zh ? "是 zip 文件，但无法打开（该 zip 文件已损坏）。" : "a zip file, but it could not be opened (the zip is damaged).")), uploaded);
        Assert.Matches(RowWith("notes.zip", reading + (zh ? "文件名以 .zip 结尾，但不是 zip 文件。" : "named .zip, but not a zip file.")), uploaded);
        // The empty zip holds nothing to list, as an empty .zip does.
        Assert.DoesNotContain("kept.bin", uploaded, StringComparison.Ordinal);
        Assert.DoesNotContain(zh ? "无法作为文本读取" : "not readable as text", uploaded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task CheckpointsPage_AZipInsideTheUploadedZip_IsNamedAndNotOpened(string language)
    {
        // Session 65: kept downloads zipped together ("kept-2026.zip" holding a month's download) were read as holding
        // nothing: the inner zip was skipped without a word. It is named, with what to do; it is not opened (one level of
        // zips is read). A checkpoint beside it is still checked.
        await RecordScreeningsAsync(2);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var good = await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync();
        var checkpoint = SignedCheckpoint.TryParse(good, out _)!;
        var inner = new MemoryStream();
        using (var zip = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("checkpoints/" + checkpoint.FileName).Open();
            entry.Write(Encoding.UTF8.GetBytes(good));
        }

        var outer = new MemoryStream();
        using (var zip = new ZipArchive(outer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("2026-11/ketaminecds-checkpoints-20261130.zip").Open())
            {
                entry.Write(inner.ToArray());
            }

            using (var entry = zip.CreateEntry(checkpoint.FileName).Open())
            {
                entry.Write(Encoding.UTF8.GetBytes(good));
            }

            using (var entry = zip.CreateEntry("README.txt").Open())
            {
                entry.Write("kept copies"u8);
            }
        }

        var zh = language == "zh-CN";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        var html = await UploadAsync(client, ("kept-2026.zip", outer.ToArray()));

        var uploaded = html[html.IndexOf("id=\"uploaded-status\"", StringComparison.Ordinal)..html.IndexOf(zh ? "已记录的检查点" : "Checkpoints on record", StringComparison.Ordinal)];
        Assert.Matches(RowWith("2026-11/ketaminecds-checkpoints-20261130.zip", (zh ? "不是可读取的检查点：上传的 zip 文件中的 zip 文件，不会被打开（请先解压外层 zip 文件，再单独上传此文件）。" : "Not a readable checkpoint: a zip inside the uploaded zip, which is not opened (unzip the outer zip and upload this one by itself).")), uploaded);
        Assert.Matches(RowWith(checkpoint.FileName, zh ? "条目 2 的哈希与签名时一致。" : "Entry 2 has the signed hash."), uploaded);
        Assert.DoesNotContain("README.txt", uploaded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "The checkpoint copy folder '{0}' (Audit:ExternalCheckpointCopies) does not exist or cannot be reached.")]
    [InlineData("zh-CN", "检查点副本文件夹“{0}”（Audit:ExternalCheckpointCopies）不存在或无法访问。")]
    public async Task CheckpointsAndVerifyPages_ConfiguredCopyFolderMissing_SayItInThePagesLanguage(string language, string message)
    {
        // Helper 291: the folder problems above the tables were English on the Chinese pages; the API keeps the English.
        var missing = Path.Combine(Path.GetTempPath(), "ketaminecds-missing-copies-" + Guid.NewGuid().ToString("N"));
        using var app = new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Audit:ExternalCheckpointCopies:0"] = missing } };
        var client = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        var said = $"<p role=\"alert\" class=\"audit-error\">{string.Format(System.Globalization.CultureInfo.InvariantCulture, message, missing)}</p>";

        Assert.Contains(said, WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Checkpoints")), StringComparison.Ordinal);
        Assert.Contains(said, WebUtility.HtmlDecode(await client.GetStringAsync("/Audit/Verify?run=true")), StringComparison.Ordinal);
        var api = await app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var warnings = JsonNode.Parse(await api.GetStringAsync("/api/v1/audit/checkpoints"))!["warnings"]!.AsArray().Select(w => w!.GetValue<string>());
        Assert.Equal([$"The checkpoint copy folder '{missing}' (Audit:ExternalCheckpointCopies) does not exist or cannot be reached."], warnings);
    }

    [Fact]
    public async Task Checkpoints_OutsideDevelopmentWithoutAKey_AreOffAndSaySo()
    {
        using var factory = new KetamineCdsFactory { EnvironmentName = "Production" };
        var checkpoints = factory.Services.GetRequiredService<DecisionLogCheckpoints>();
        Directory.CreateDirectory(factory.CheckpointDirectory);
        await File.WriteAllTextAsync(Path.Combine(factory.CheckpointDirectory, "left-behind.json"), "{}");

        var verification = await checkpoints.VerifyAsync(VerificationMode.Full);

        Assert.False(checkpoints.Enabled);
        Assert.Null(checkpoints.PublicKeyPem);
        Assert.Contains("Audit:CheckpointKeyPath", checkpoints.DisabledReason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CheckpointsDisabledException>(() => checkpoints.CreateAsync());
        Assert.False(verification.CheckpointsEnabled);
        Assert.Equal(CheckpointVerdict.Malformed, Assert.Single(verification.Checkpoints).Verdict);
    }

    private static Regex RowWith(string file, string status) =>
        new($"<tr[^>]*>(?:(?!</tr>).)*{Regex.Escape(status)}(?:(?!</tr>).)*{Regex.Escape(file)}", RegexOptions.Singleline);

    private static async Task<string> UploadAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        using var response = await PostUploadAsync(client, files);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, params (string Name, byte[] Content)[] files) =>
        await PostUploadAsync(client, await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints"), files);

    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, string token, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "copies", name);
        }

        return await client.PostAsync("/Audit/Checkpoints?handler=Upload", form);
    }

    private async Task<List<KetamineCds.Infrastructure.DecisionLog.AccessLogEntry>> AccessEventsAsync(string correlationId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.AsNoTracking()
            .Where(e => e.CorrelationId == correlationId).ToListAsync();
    }

    private async Task<int> CountAccessEventsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync();
    }

    private async Task RecordScreeningsAsync(int count)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        for (var i = 0; i < count; i++)
        {
            await _factory.RecordScreeningThroughApiAsync("MRN-CP" + i, api);
        }
    }
}
