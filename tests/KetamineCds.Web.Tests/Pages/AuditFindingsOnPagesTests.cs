using System.Net;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// What the auditor sees of a log altered behind the app's back, where the earlier QA found nothing: a checkpoint file
/// recorded as written but deleted from the folder (P8), and an altered entry's own page (P10); English and Chinese.
/// </summary>
public sealed class AuditFindingsOnPagesTests
{
    [Fact]
    public async Task Verify_CheckpointFileRecordedAsWrittenDeleted_ApiAndPageNameTheFileAndTheHead()
    {
        using var app = new KetamineCdsFactory();
        var (ids, api) = await CheckpointAfterScreeningsAsync(app, 2);

        var file = Assert.Single(Directory.GetFiles(app.CheckpointDirectory, "*.json"));
        var hash = await HashOfAsync(app, 2);
        File.Delete(file);

        using var verify = await api.GetAsync("/api/v1/audit/verify");
        var result = JsonNode.Parse(await verify.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.True(result["chainIntact"]!.GetValue<bool>());
        Assert.Null(result["firstBrokenId"]);
        Assert.Equal(1, result["findingCount"]!.GetValue<long>());
        var finding = Assert.Single(result["findings"]!.AsArray())!;
        Assert.Equal("checkpoint-file-missing", finding["kind"]!.GetValue<string>());
        Assert.Equal(Path.GetFileName(file), finding["file"]!.GetValue<string>());
        Assert.Equal(2, finding["sequence"]!.GetValue<long>());
        Assert.Equal(ids[1], finding["entryId"]!.GetValue<Guid>());
        Assert.Equal(hash, finding["hash"]!.GetValue<string>());

        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Contains("id=\"checkpoint-files-missing\"", english, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"checkpoint-file-missing\"", english, StringComparison.Ordinal);
        Assert.Contains($"Checkpoint file {Path.GetFileName(file)} is missing from the checkpoint folder: the access log records that it was written, vouching for entry 2 with hash {hash}.", english, StringComparison.Ordinal);
        // Never the reassuring colour: the checkpoints that hold are a note beside a log that is not verified.
        Assert.DoesNotContain("class=\"audit-ok\" id=\"checkpoints-hold\"", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains($"检查点文件 {Path.GetFileName(file)} 已不在检查点文件夹中", chinese, StringComparison.Ordinal);
        Assert.Contains("日志未通过校验：访问日志记录为已写入的检查点文件已不在检查点文件夹", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoints_CheckpointFileRecordedAsWrittenDeleted_ListsItMissingWithTheHeadItVouchedFor_InEnglishAndChinese()
    {
        using var app = new KetamineCdsFactory();
        var (ids, api) = await CheckpointAfterScreeningsAsync(app, 2);

        var file = Path.GetFileName(Assert.Single(Directory.GetFiles(app.CheckpointDirectory, "*.json")));
        var hash = await HashOfAsync(app, 2);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        Assert.DoesNotContain("checkpoint-files-missing", await auditor.GetStringAsync("/Audit/Checkpoints"), StringComparison.Ordinal);
        File.Delete(Path.Combine(app.CheckpointDirectory, file));

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Checkpoints"));
        Assert.Contains("id=\"checkpoint-files-missing\"", english, StringComparison.Ordinal);
        var row = Assert.Single(english.Split("<tr", StringSplitOptions.None), r => r.Contains("data-kind=\"checkpoint-file-missing\"", StringComparison.Ordinal));
        Assert.Contains("class=\"audit-error checkpoint-missing\"", row, StringComparison.Ordinal);
        Assert.Contains("Missing from the checkpoint folder", row, StringComparison.Ordinal);
        Assert.Contains($"<code>{file}</code>", row, StringComparison.Ordinal);
        Assert.Contains($"entry 2, <code>{ids[1]}</code>, hash <code>{hash}</code>", row, StringComparison.Ordinal);
        // The head's entry is said once: no "Entry" column repeating the number beside "The head it vouched for".
        static string Panel(string page)
        {
            var start = page.IndexOf("id=\"checkpoint-files-missing\"", StringComparison.Ordinal);
            return page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        }

        Assert.DoesNotContain("<th scope=\"col\">Entry</th>", Panel(english), StringComparison.Ordinal);
        Assert.DoesNotContain("<td>2</td>", row, StringComparison.Ordinal);
        Assert.Contains("Checkpoint files that the access log records as written are missing from the checkpoint folder", english, StringComparison.Ordinal);
        // The folder holds none now, but one was written: never "no checkpoints yet".
        Assert.DoesNotContain("No checkpoints yet.", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Checkpoints", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("已不在检查点文件夹中", chinese, StringComparison.Ordinal);
        Assert.Contains("访问日志记录为已写入的检查点文件已不在检查点文件夹", chinese, StringComparison.Ordinal);
        Assert.Contains($"<code>{file}</code>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">条目</th>", Panel(chinese), StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">其担保的链头</th>", Panel(chinese), StringComparison.Ordinal);
        // The head's parts are separated as Chinese separates them, not with ASCII commas.
        Assert.Contains($"条目 2，<code>{ids[1]}</code>，哈希 <code>{hash}</code>", Panel(chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryPage_ContentChanged_SaysItFailsVerificationAndHow_InEnglishAndChinese()
    {
        using var app = new KetamineCdsFactory();
        var ids = await RecordScreeningsAsync(app, 2);
        await app.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 1;");
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var altered = await auditor.GetAsync($"/Audit/Screening/{ids[0]}");
        var english = WebUtility.HtmlDecode(await altered.Content.ReadAsStringAsync());
        Assert.Contains("id=\"entry-fails-verification\"", english, StringComparison.Ordinal);
        Assert.Contains("This entry fails verification: the log may have been altered here.", english, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"content-changed\"", english, StringComparison.Ordinal);
        Assert.Contains("Entry 1: its content no longer matches its hash (changed after it was recorded).", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/Audit/Verify\"", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{ids[0]}", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("此条目未通过校验：日志可能在此处被篡改。", chinese, StringComparison.Ordinal);
        Assert.Contains("条目 1：其内容与其哈希值不再相符（记录后被修改）。", chinese, StringComparison.Ordinal);

        var intact = await auditor.GetStringAsync($"/Audit/Screening/{ids[1]}");
        Assert.DoesNotContain("entry-fails-verification", intact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryPage_ChangedAndRehashed_ShowsTheEntryButSaysTheNextEntrysLinkNoLongerJoins()
    {
        // The content still gives its (new) hash, so the page shows the entry as it shows any; only the next entry's link
        // tells, and the page said nothing of it.
        using var app = new KetamineCdsFactory();
        var ids = await RecordScreeningsAsync(app, 3);
        string hash;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            var entry = await db.DecisionLogEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2);
            entry.PatientReference = "MRN-777";
            hash = ChainHash.Compute(entry);
        }

        await app.ExecuteSqlAsync($"DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777', \"Hash\" = '{hash}' WHERE \"Sequence\" = 2;");
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var changed = await auditor.GetAsync($"/Audit/Screening/{ids[1]}");
        var english = WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Screening #2", english, StringComparison.Ordinal);
        Assert.Contains("id=\"entry-fails-verification\"", english, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"link-broken\"", english, StringComparison.Ordinal);
        Assert.Contains("Entry 3: its link to entry 2 no longer joins (entry 2 was changed and re-hashed, or entry 3 was moved or inserted).", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{ids[1]}", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("条目 3：其与条目 2 的链接不再衔接", chinese, StringComparison.Ordinal);

        Assert.DoesNotContain("entry-fails-verification", await auditor.GetStringAsync($"/Audit/Screening/{ids[0]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryPage_OverrideAltered_ItsScreeningsPageSaysTheOverrideFailsVerification()
    {
        using var app = new KetamineCdsFactory();
        var ids = await RecordScreeningsAsync(app, 1);
        await app.RecordOverrideThroughPageAsync(ids[0]);

        await app.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"InputJson\" = replace(\"InputJson\", 'Reviewed', 'Not reviewed') WHERE \"EntryType\" = 'override';");
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await (await auditor.GetAsync($"/Audit/Screening/{ids[0]}")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"entry-fails-verification\"", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"content-changed\"", html, StringComparison.Ordinal);
        Assert.Contains("Entry 2: its content no longer matches its hash", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoints_EntryBeforeTheCheckpointEdited_NeverSaysInTheOkStyleThatItVouchesForTheEntriesBeforeIt()
    {
        // QA109 F1: the page compares the signed entry only; it said in the reassuring colour that the checkpoint holds and
        // "vouches for every entry before it" while Verify failed on an entry before it.
        using var app = new KetamineCdsFactory();
        var (_, api) = await CheckpointAfterScreeningsAsync(app, 3);

        await app.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-777' WHERE \"Sequence\" = 1;");
        var verify = JsonNode.Parse(await api.GetStringAsync("/api/v1/audit/verify"))!;
        Assert.False(verify["intact"]!.GetValue<bool>());
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Checkpoints"));

        Assert.DoesNotContain("class=\"audit-ok\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("vouches for every entry before it", english, StringComparison.Ordinal);
        Assert.Contains("<p role=\"status\" id=\"checkpoints-status\" class=\"audit-note\">", english, StringComparison.Ordinal);
        Assert.Contains("This compares each signed entry only, not the entries before it: an entry edited, deleted or moved before a checkpoint is not found here.", english, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Audit/Verify\" id=\"checkpoint-scope-verify\">Run Verify the log</a> for the entries before it.", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Checkpoints", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("此处只比较每个检查点所签名的条目，不检查其之前的条目", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"audit-ok\"", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_EntryNextToADeletedOne_PageAndApiSayItFailsVerificationBesideReproducedExactly()
    {
        // QA109 F2: entry 3 is untouched but entry 2 before it was deleted: its audit page said red "fails verification",
        // while Replay said green "Reproduced exactly" and the API reproduced:true with no word of verification.
        using var app = new KetamineCdsFactory();
        var ids = await RecordScreeningsAsync(app, 4);
        await DeleteEntryAsync(app, 2);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Replay/{ids[2]}"));
        Assert.Contains("id=\"entry-fails-verification\"", english, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"missing\"", english, StringComparison.Ordinal);
        Assert.Contains("<p role=\"status\" id=\"replay-reproduced\" class=\"audit-note\">Reproduced exactly", english, StringComparison.Ordinal);
        Assert.Contains("That is the decision recomputed from the entry as stored; it does not make the entry verify (above).", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Replay/{ids[2]}", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("此条目未通过校验", chinese, StringComparison.Ordinal);
        Assert.Contains("这是根据所存条目重新计算出的决策", chinese, StringComparison.Ordinal);

        var intact = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Replay/{ids[3]}"));
        Assert.DoesNotContain("entry-fails-verification", intact, StringComparison.Ordinal);
        Assert.Contains("<p role=\"status\" id=\"replay-reproduced\" class=\"audit-ok\">Reproduced exactly", intact, StringComparison.Ordinal);

        var api = await app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var replay = JsonNode.Parse(await api.GetStringAsync("/api/v1/audit/screenings/3/replay"))!;
        Assert.True(replay["reproduced"]!.GetValue<bool>());
        Assert.False(replay["entryVerifies"]!.GetValue<bool>());
        var finding = Assert.Single(replay["verificationFindings"]!.AsArray(), f => f!["kind"]!.GetValue<string>() == "missing")!;
        Assert.Equal(3, finding["sequence"]!.GetValue<long>());
        Assert.Equal(2, finding["from"]!.GetValue<long>());
        var intactReplay = JsonNode.Parse(await api.GetStringAsync("/api/v1/audit/screenings/4/replay"))!;
        Assert.True(intactReplay["entryVerifies"]!.GetValue<bool>());
        Assert.Empty(intactReplay["verificationFindings"]!.AsArray());
    }

    [Theory]
    [InlineData("/Audit/Screening/")]
    [InlineData("/Audit/Override/")]
    [InlineData("/Audit/Replay/")]
    public async Task EntryPage_DeletedEntrysId_SaysNoEntryWithThisIdIsInTheLogAndPointsToVerify(string page)
    {
        // QA109 F8: an id kept from an earlier export, its entry deleted, got "Page not found ... Check the link".
        using var app = new KetamineCdsFactory();
        var ids = await RecordScreeningsAsync(app, 3);
        await DeleteEntryAsync(app, 2);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync(page + ids[1]);
        var english = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>No such entry in the decision log</h1>", english, StringComparison.Ordinal);
        Assert.Contains($"No entry with the id {ids[1]} is in the decision log.", english, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Audit/Verify\">Run Verify the log</a> to see whether entries are missing from the log, and which.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Check the link", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, page + ids[1], "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains($"决策日志中没有 ID 为 {ids[1]} 的条目。", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFromCheckpoint_EntryBeforeTheCheckpointDeleted_ApiAndPageAreNotIntactAndSaySo()
    {
        // QA141 F1: "intact, checked 0" and every row green, with entry 2 deleted before the checkpoint.
        using var app = new KetamineCdsFactory();
        var (_, api) = await CheckpointAfterScreeningsAsync(app, 3);
        await DeleteEntryAsync(app, 2);

        var verify = JsonNode.Parse(await api.GetStringAsync("/api/v1/audit/verify?from=checkpoint"))!;
        Assert.Equal("from-checkpoint", verify["mode"]!.GetValue<string>());
        Assert.False(verify["intact"]!.GetValue<bool>());
        Assert.False(verify["chainIntact"]!.GetValue<bool>());
        var finding = verify["findings"]!.AsArray()[0]!;
        Assert.Equal("count-before-checkpoint", finding["kind"]!.GetValue<string>());
        Assert.Equal(1, finding["from"]!.GetValue<long>());
        Assert.Equal(3, finding["to"]!.GetValue<long>());

        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true&from=checkpoint"));
        Assert.Contains("data-kind=\"count-before-checkpoint\"", english, StringComparison.Ordinal);
        Assert.Contains("vouches for entries 1 to 3, but the log no longer holds exactly those: an entry there was deleted, inserted or moved.", english, StringComparison.Ordinal);
        // The decisions row fails, and no checkpoint line reads as reassurance (the access log's own row may be intact).
        Assert.Equal("audit-error", System.Text.RegularExpressions.Regex.Match(english, "<tr class=\"([^\"]+)\">\\s*<th scope=\"row\">Decisions").Groups[1].Value);
        Assert.DoesNotContain("class=\"audit-ok\" id=\"checkpoints-hold\"", english, StringComparison.Ordinal);
        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true&from=checkpoint", "zh-CN");
        Assert.Contains("其中有条目被删除、插入或移动", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFromCheckpoint_Intact_NeverThePlainOkColour_AndSaysWhichEntriesWereNotRehashed()
    {
        using var app = new KetamineCdsFactory();
        var (_, api) = await CheckpointAfterScreeningsAsync(app, 3);
        await RecordScreeningsAsync(app, 1);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true&from=checkpoint"));

        Assert.Contains("<p class=\"audit-note\" id=\"verify-not-rehashed\">Entries 1 to 3 were not re-hashed: checkpoint 3 vouches for their stored hashes, and they were counted", english, StringComparison.Ordinal);
        Assert.Contains("<td>yes, after entry 3</td>", english, StringComparison.Ordinal);
        Assert.Equal("audit-note", System.Text.RegularExpressions.Regex.Match(english, "<tr class=\"([^\"]+)\">\\s*<th scope=\"row\">Decisions").Groups[1].Value);
        Assert.DoesNotContain("class=\"audit-ok\" id=\"checkpoints-hold\"", english, StringComparison.Ordinal);
        Assert.Contains("or two older entries swapped, still carry the hashes the checkpoint signed", english, StringComparison.Ordinal);
        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true&from=checkpoint", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("条目 1 至 3 未重新计算哈希", chinese, StringComparison.Ordinal);
        Assert.Contains("是（第 3 条之后）", chinese, StringComparison.Ordinal);

        // The full check re-hashed all of them: the ok colour there.
        var full = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Contains("class=\"audit-ok\" id=\"checkpoints-hold\"", full, StringComparison.Ordinal);
        Assert.DoesNotContain("verify-not-rehashed", full, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run=true")]
    [InlineData("run=true&from=checkpoint")]
    public async Task Verify_EntryDeletedBeforeTheCheckpoint_TheCheckpointIsNotCountedAsHolding_PageAndApi(string query)
    {
        // helper-147 (after QA141 F1): both checks printed "1 of 1 checkpoints checked hold" beside the red finding that
        // the entries the checkpoint vouches for are no longer the ones it signed.
        using var app = new KetamineCdsFactory();
        var (_, api) = await CheckpointAfterScreeningsAsync(app, 3);
        var file = Path.GetFileName(Assert.Single(Directory.GetFiles(app.CheckpointDirectory, "*.json")));
        await DeleteEntryAsync(app, 2);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?" + query));

        Assert.Contains("class=\"audit-error\" data-kind=\"" + (query.Contains("checkpoint", StringComparison.Ordinal) ? "count-before-checkpoint" : "missing") + "\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("1 of 1 checkpoint checked holds.", english, StringComparison.Ordinal);
        Assert.Contains("0 of 1 checkpoint checked holds.", english, StringComparison.Ordinal);
        Assert.Contains($"Checkpoint {file} still finds the hash it signed at entry 3, but the entries up to it no longer verify (the findings above), so it is not counted as holding.", english, StringComparison.Ordinal);
        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?" + query, "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("已核对的 1 个检查点中有 0 个成立。", chinese, StringComparison.Ordinal);
        Assert.Contains($"检查点 {file} 在第 3 条仍找到其签名的哈希，但截至该条的各条目已不再通过校验", chinese, StringComparison.Ordinal);

        // The API's summary agrees with its findings.
        var verify = JsonNode.Parse(await api.GetStringAsync(query == "run=true" ? "/api/v1/audit/verify" : "/api/v1/audit/verify?from=checkpoint"))!;
        Assert.False(verify["intact"]!.GetValue<bool>());
        Assert.Equal(1, verify["checkpoints"]!["checked"]!.GetValue<int>());
        Assert.Equal(0, verify["checkpoints"]!["holding"]!.GetValue<int>());
    }

    [Fact]
    public async Task Verify_EntryEditedAfterTheCheckpoint_TheCheckpointStillHolds()
    {
        // Only a finding up to a checkpoint's entry takes it out of the count: one after it leaves it holding.
        using var app = new KetamineCdsFactory();
        var (_, api) = await CheckpointAfterScreeningsAsync(app, 2);
        await RecordScreeningsAsync(app, 2);
        await app.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"PatientReference\" = 'MRN-EDITED' WHERE \"Sequence\" = 3;");
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));

        Assert.Contains("data-kind=\"content-changed\"", english, StringComparison.Ordinal);
        Assert.Contains("1 of 1 checkpoint checked holds.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("so it is not counted as holding", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EntryDeleted_TheLinkAfterTheGapSaysWhoseIdItIs_AndReplayOfTheMissingPlaceSaysTheLogHasAGap()
    {
        // QA141 F4: "Entry 2 is missing: 1 is followed by 3." then a bare id, entry 3's; replay of 2 said "does not exist".
        using var app = new KetamineCdsFactory();
        var ids = await RecordScreeningsAsync(app, 4);
        await DeleteEntryAsync(app, 2);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Contains($"Entry 2 is missing: 1 is followed by 3. <a href=\"/Audit/Screening/{ids[2]}\">entry 3 (after the gap): <code>{ids[2]}</code></a>", english, StringComparison.Ordinal);
        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true", "zh-CN");
        Assert.Contains("条目 3（缺口之后）", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var api = await app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var gap = await api.GetAsync("/api/v1/audit/screenings/2/replay");
        Assert.Equal(HttpStatusCode.NotFound, gap.StatusCode);
        var problem = JsonNode.Parse(await gap.Content.ReadAsStringAsync())!;
        Assert.Equal("The decision log has a gap at this sequence.", problem["title"]!.GetValue<string>());
        Assert.Contains("entry 2 was deleted or moved", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/api/v1/audit/verify", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // Past the end of the log is no gap.
        using var past = await api.GetAsync("/api/v1/audit/screenings/99/replay");
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.DoesNotContain("gap", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LocalCheckpointsOnly_SaysWhatTheCheckCoveredAndShowsTheNewestCheckpointAndEntry_ApiAndPage()
    {
        // QA255 tamper 4: the log's tail, the newest checkpoint and the access log's tail cut together left "intact: true"
        // and an all-green page that claimed more than the local checkpoints can vouch for.
        using var app = new KetamineCdsFactory();
        var (ids, api) = await CheckpointAfterScreeningsAsync(app, 2);
        var file = Path.GetFileName(Assert.Single(Directory.GetFiles(app.CheckpointDirectory, "*.json")));
        var later = await RecordScreeningsAsync(app, 1);

        using var verify = await api.GetAsync("/api/v1/audit/verify");
        var result = JsonNode.Parse(await verify.Content.ReadAsStringAsync())!;
        Assert.True(result["intact"]!.GetValue<bool>());
        var coverage = result["coverage"]!;
        Assert.Equal(0, coverage["externalCopiesChecked"]!.GetValue<int>());
        Assert.Equal(KetamineCds.Web.Audit.VerifyResponse.LocalOnlyLimits, coverage["limits"]!.GetValue<string>());
        Assert.Equal(2, coverage["newestCheckpoint"]!["sequence"]!.GetValue<long>());
        Assert.Equal(ids[1], coverage["newestCheckpoint"]!["entryId"]!.GetValue<Guid>());
        Assert.Equal(file, coverage["newestCheckpoint"]!["file"]!.GetValue<string>());
        Assert.NotNull(coverage["newestCheckpoint"]!["createdAt"]);
        Assert.Equal(3, coverage["newestEntry"]!["sequence"]!.GetValue<long>());
        Assert.Equal(later[0], coverage["newestEntry"]!["id"]!.GetValue<Guid>());
        Assert.NotNull(coverage["newestEntry"]!["recordedAt"]);

        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Contains("id=\"verify-coverage\"", english, StringComparison.Ordinal);
        Assert.Contains("Only the checkpoints in the app's own folder were checked; no copy kept elsewhere was.", english, StringComparison.Ordinal);
        Assert.Contains("that is caught only against a copy kept elsewhere", english, StringComparison.Ordinal);
        Assert.Matches($"id=\"verify-newest-checkpoint\">\\s*entry 2, <code>{ids[1]}</code>, signed \\d{{4}}-", english);
        Assert.Matches($"id=\"verify-newest-entry\">\\s*entry 3, <code>{later[0]}</code>, recorded \\d{{4}}-", english);

        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("仅校验了应用自身文件夹中的检查点", chinese, StringComparison.Ordinal);
        Assert.Contains("所依据的最新检查点", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointFromACopyKeptElsewhere_IsCountedAndNamed()
    {
        var copies = Directory.CreateTempSubdirectory("ketaminecds-copies-").FullName;
        try
        {
            using var app = new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Audit:ExternalCheckpointCopies:0"] = copies } };
            var (_, api) = await CheckpointAfterScreeningsAsync(app, 2);
            var file = Assert.Single(Directory.GetFiles(app.CheckpointDirectory, "*.json"));
            File.Copy(file, Path.Combine(copies, Path.GetFileName(file)));

            var result = JsonNode.Parse(await api.GetStringAsync("/api/v1/audit/verify"))!;
            Assert.Equal(1, result["coverage"]!["externalCopiesChecked"]!.GetValue<int>());
            Assert.Equal(KetamineCds.Web.Audit.VerifyResponse.ExternalLimits, result["coverage"]!["limits"]!.GetValue<string>());

            var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
            var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
            Assert.Contains("1 checkpoint checked came from a copy kept elsewhere.", english, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copies, recursive: true);
        }
    }

    private static async Task<List<Guid>> RecordScreeningsAsync(KetamineCdsFactory app, int count)
    {
        var psychiatrist = await app.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await app.RecordScreeningThroughApiAsync("MRN-FINDING-" + i, psychiatrist));
        }

        return ids;
    }

    [Fact]
    public async Task Verify_CheckpointCount_NoneWrittenIsSaidInWords_OneInTheSingular_EnglishAndChinese()
    {
        // helper-224's QA walk: a fresh installation's first check printed "0 of 0 checkpoints checked hold.", and one
        // checkpoint "1 of 1 checkpoints checked hold.".
        using var app = new KetamineCdsFactory();
        await RecordScreeningsAsync(app, 1);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var none = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Contains("No checkpoint has been written yet, so none was checked.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 0", none, StringComparison.Ordinal);
        using (var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true", "zh-CN"))
        {
            Assert.Contains("尚未写入任何检查点，因此没有核对检查点。", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var api = await app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using (var first = await api.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var one = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Contains("1 of 1 checkpoint checked holds.", one, StringComparison.Ordinal);
        using (var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true", "zh-CN"))
        {
            Assert.Contains("已核对的 1 个检查点中有 1 个成立。", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var second = await api.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        Assert.Contains("2 of 2 checkpoints checked hold.", WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TheDecisionsChainIsNamedWithTheEhrAnswersItHolds_EnglishAndChinese()
    {
        // helper-224's QA walk: the row read "Decisions (screenings and overrides)" and counted the EHR answers too (25
        // entries checked, 20 of them EHR answers), while the decision log itself lists screenings, EHR answers and overrides.
        using var app = new KetamineCdsFactory();
        await RecordScreeningsAsync(app, 1);
        await app.Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(new HookAnswerSubmission(
            "MRN-FINDING-HOOK", ["failedAdequateTrials"], new Actor("Practitioner/1", "Practitioner/1", "EhrUser"), "corr-verify-label",
            new HookOrigin("https://ehr.example", "Practitioner/1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}")));
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var english = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Matches("<th scope=\"row\">Decisions \\(screenings, EHR answers and overrides\\)</th>\\s*<td>2</td>", english);
        using var zh = await CultureSelectionTests.GetAsync(auditor, "/Audit/Verify?run=true", "zh-CN");
        Assert.Contains("<th scope=\"row\">决策（筛查、电子病历应答和偏离建议的决定）</th>", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="count"/> screenings recorded, then a checkpoint written through the API (201) after the last: the
    /// set-up of the checkpoint tests. Returns the screenings' ids and the auditor's API client that wrote it.
    /// </summary>
    private static async Task<(List<Guid> Ids, HttpClient Api)> CheckpointAfterScreeningsAsync(KetamineCdsFactory app, int count)
    {
        var ids = await RecordScreeningsAsync(app, count);
        var api = await app.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var created = await api.PostAsync("/api/v1/audit/checkpoints", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (ids, api);
    }

    private static async Task<string> HashOfAsync(KetamineCdsFactory app, long sequence)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        return await db.DecisionLogEntries.Where(e => e.Sequence == sequence).Select(e => e.Hash).SingleAsync();
    }

    /// <summary>Deletes the entry at <paramref name="sequence"/> behind the app's back (dropping the trigger that refuses it).</summary>
    private static async Task DeleteEntryAsync(KetamineCdsFactory app, long sequence) =>
        await app.ExecuteSqlAsync($"DROP TRIGGER \"DecisionLogEntries_no_delete\"; DELETE FROM \"DecisionLogEntries\" WHERE \"Sequence\" = {sequence};");
}
