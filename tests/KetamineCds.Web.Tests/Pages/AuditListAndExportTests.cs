using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA14a P3, P4, P7: the auditor's list views are recorded in the access log, the audit date filter reads exactly
/// yyyy-mm-dd, the CSV has a row for every override and the correction reason, and the lossless JSON Lines export holds
/// every entry with its hashes, re-verifiable offline with scripts/verify-decision-log.py.
/// </summary>
public sealed class AuditListAndExportTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public AuditListAndExportTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task AuditList_ByPatientByClinicianAndUnfiltered_EachPageViewIsRecordedOnceWithItsFilter()
    {
        var patient = "MRN-P4-" + Guid.NewGuid().ToString("N")[..8];
        await _factory.RecordScreeningThroughApiAsync(patient);
        await _factory.RecordScreeningThroughApiAsync(patient);
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/Audit?patient={patient}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/Audit?clinician={KetamineCdsFactory.Psychiatrist}&from=2000-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit")).StatusCode);
        // A filter that is not valid lists nothing, and records nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync($"/Audit?patient={patient}&overall=maybe")).StatusCode);

        var events = (await api.GetStringAsync("/api/v1/audit/access.csv?kind=view-screening&who=" + KetamineCdsFactory.Auditor))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var byPatient = Assert.Single(events, e => e.Contains($",patient:{patient},", StringComparison.Ordinal));
        Assert.Contains($"audit list; patient={patient}", byPatient, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Contains($",decision-log,\"audit list; from=2000-01-01; clinician={KetamineCdsFactory.Psychiatrist}\"", StringComparison.Ordinal)
            || e.Contains($",decision-log,audit list; from=2000-01-01; clinician={KetamineCdsFactory.Psychiatrist},", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains(",decision-log,audit list,", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Contains("overall=maybe", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-29T23:00")]
    [InlineData("11/30/2026")]
    [InlineData("Nov 30 2026")]
    [InlineData("2026-11-29 23:00")]
    [InlineData("20261129")]
    public async Task AuditDateFilter_NotExactlyYyyyMmDd_IsAFieldMessageOnThePageTheCsvAndTheJsonLines(string date)
    {
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var q = Uri.EscapeDataString(date);

        foreach (var (client, url) in new[]
        {
            (auditor, $"/Audit?from={q}"), (auditor, $"/Audit?handler=Csv&to={q}"), (auditor, $"/Audit?handler=JsonLines&from={q}"),
            (api, $"/api/v1/audit/export.csv?from={q}"), (api, $"/api/v1/audit/export.jsonl?to={q}"), (auditor, $"/Audit/Impact?run=true&from={q}"),
            (auditor, $"/Audit/Access?from={q}"),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            Assert.Contains("could not be read as a date: write it as yyyy-mm-dd", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/audit/export.csv?from=2026-11-29&to=2026-11-30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit?from=2026-11-29")).StatusCode);
    }

    [Fact]
    public async Task CsvExport_OverrideAndCorrection_OverrideHasARowOfItsOwnAndTheCorrectionItsReason()
    {
        var patient = "MRN-P3-" + Guid.NewGuid().ToString("N")[..8];
        var (screening, overrideId, correction) = await OverrideAndCorrectAsync(patient);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var lines = (await api.GetStringAsync($"/api/v1/audit/export.csv?patient={patient}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["correctedBy", "correctionReason", "overrideOf", "overrideDecision", "overrideReason", "overrideExplanation", "issuer"], header[15..]);
        Assert.Equal(4, lines.Length);
        var overrideRow = Cells(lines.Single(l => l.StartsWith(overrideId.ToString(), StringComparison.Ordinal)));
        Assert.Equal(
            ("override", KetamineCdsFactory.Psychiatrist, patient, screening.ToString(), "do-not-proceed", "patient-preference", "'=HYPERLINK(\"x\") declined, today"),
            (overrideRow[12], overrideRow[3], overrideRow[5], overrideRow[17], overrideRow[18], overrideRow[19], overrideRow[20]));
        var correctionRow = Cells(lines.Single(l => l.StartsWith(correction.ToString(), StringComparison.Ordinal)));
        Assert.Equal((screening.ToString(), "Trials were 4, not 3 (pharmacy record)."), (correctionRow[10], correctionRow[16]));
        // The sequence numbers of the patient's entries run without a gap: the override is no longer a missing number.
        var sequences = lines.Skip(1).Select(l => long.Parse(Cells(l)[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(sequences[0] + 2, sequences[^1]);
    }

    [Fact]
    public async Task AuditList_Override_IsARowOfItsOwnMarkedAndLinkedWithWhoWhatItOverridesAndThePatient_InEnglishAndChinese()
    {
        var patient = "MRN-OL-" + Guid.NewGuid().ToString("N")[..8];
        var (screening, overrideId, correction) = await OverrideAndCorrectAsync(patient);
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit?patient={patient}"));

        // Every entry of the patient, newest first, each opening its own page: the override between the screening and its correction.
        Assert.Equal([correction, overrideId, screening], ListedIds(html));
        var row = Assert.Single(Rows(html), r => r.Contains($"href=\"/Audit/Override/{overrideId}\">Open", StringComparison.Ordinal));
        var csv = (await api.GetStringAsync($"/api/v1/audit/export.csv?patient={patient}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sequence = Cells(csv.Single(l => l.StartsWith(screening.ToString(), StringComparison.Ordinal)))[1];
        Assert.Contains("<span class=\"audit-note\">(override)</span>", row, StringComparison.Ordinal);
        Assert.Contains($"Overrides <a href=\"/Audit/Screening/{screening}\">Screening #{sequence}</a>: <strong>Do not proceed</strong> <code class=\"audit-code\">do-not-proceed</code>; reason: Patient preference", row, StringComparison.Ordinal);
        Assert.Contains($"<td>{KetamineCdsFactory.Psychiatrist}</td>", row, StringComparison.Ordinal);
        Assert.Contains($">{patient}</span></td>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"overrides-not-listed\"", html, StringComparison.Ordinal);
        // The list holds what the CSV export of the same filter holds, in its order.
        Assert.Equal(csv.Skip(1).Select(l => Guid.Parse(Cells(l)[0])), ListedIds(html));

        // A verdict or rule-set filter no override can match (as in the exports): the page says so.
        var overall = Cells(csv.Single(l => l.StartsWith(screening.ToString(), StringComparison.Ordinal)))[6];
        var ruleSet = Cells(csv.Single(l => l.StartsWith(screening.ToString(), StringComparison.Ordinal)))[7];
        foreach (var filter in new[] { $"overall={overall}", $"ruleSet={ruleSet}" })
        {
            var filtered = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit?patient={patient}&{filter}"));
            Assert.Contains(screening, ListedIds(filtered));
            Assert.DoesNotContain(overrideId, ListedIds(filtered));
            Assert.Contains("id=\"overrides-not-listed\">Overrides are not listed under a verdict or rule-set filter: an override has neither of its own.", filtered, StringComparison.Ordinal);
        }

        using var zh = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit?patient={patient}", "zh-CN");
        var chinese = Assert.Single(Rows(WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync())), r => r.Contains($"href=\"/Audit/Override/{overrideId}\"", StringComparison.Ordinal));
        Assert.Contains("<span class=\"audit-note\">（偏离建议的决定）</span>", chinese, StringComparison.Ordinal);
        Assert.Contains($"针对<a href=\"/Audit/Screening/{screening}\">筛查 #{sequence}</a>：<strong>不继续治疗</strong> <code class=\"audit-code\">do-not-proceed</code>；理由：患者意愿", chinese, StringComparison.Ordinal);
        using var zhFiltered = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit?patient={patient}&overall={overall}", "zh-CN");
        Assert.Contains("按结论或规则集版本筛选时，不列出偏离建议的决定", await zhFiltered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Not applicable: an override has no rule set of its own")]
    [InlineData("zh-CN", "不适用：偏离建议的决定本身没有规则集")]
    public async Task AuditList_Override_ItsRuleSetCellSaysNotApplicable_NotBlank(string language, string notApplicable)
    {
        // An auditor reading down the rule-set column met a blank cell on each override's row.
        var patient = "MRN-RS-" + Guid.NewGuid().ToString("N")[..8];
        var (screening, overrideId, _) = await OverrideAndCorrectAsync(patient);
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var csv = (await api.GetStringAsync($"/api/v1/audit/export.csv?patient={patient}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ruleSet = Cells(csv.Single(l => l.StartsWith(screening.ToString(), StringComparison.Ordinal)))[7];

        using var response = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit?patient={patient}", language);
        var rows = Rows(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        static string RuleSetCell(string row) => Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)[5].Groups[1].Value.Trim();

        var overrideCell = RuleSetCell(Assert.Single(rows, r => r.Contains($"href=\"/Audit/Override/{overrideId}\"", StringComparison.Ordinal)));
        // A dash to the eye, the words to a screen reader (and on hover): never an empty cell.
        Assert.Equal(
            $"<span class=\"audit-note\" aria-hidden=\"true\" title=\"{notApplicable}\">—</span><span class=\"visually-hidden\">{notApplicable}</span>",
            overrideCell);
        // A screening's cell is still its rule-set version.
        Assert.Equal(ruleSet, RuleSetCell(Assert.Single(rows, r => Regex.IsMatch(r, $"href=\"/Audit/Screening/{screening}\">[^<]+<span class=\"visually-hidden\">"))));
    }

    [Fact]
    public async Task JsonLinesExport_WholeLogAndOnePatient_EveryEntryWithItsHashesReverifiesOfflineAndATamperedOneDoesNot()
    {
        var patient = "MRN-JL-" + Guid.NewGuid().ToString("N")[..8];
        var (screening, overrideId, correction) = await OverrideAndCorrectAsync(patient);
        await _factory.RecordScreeningThroughApiAsync("MRN-JL-OTHER");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var page = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var whole = await api.GetAsync("/api/v1/audit/export.jsonl");
        using var onePatient = await page.GetAsync($"/Audit?handler=JsonLines&patient={patient}");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("application/x-ndjson", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", whole.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", onePatient.Headers.CacheControl?.ToString());
        var all = (await whole.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var mine = (await onePatient.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var entries = all.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        var ovr = entries.Single(e => e.GetProperty("id").GetGuid() == overrideId);
        Assert.Equal(("override", screening), (ovr.GetProperty("type").GetString(), ovr.GetProperty("relatesToId").GetGuid()));
        Assert.Contains("patient-preference", ovr.GetProperty("inputJson").GetString(), StringComparison.Ordinal);
        var corr = entries.Single(e => e.GetProperty("id").GetGuid() == correction);
        Assert.Equal("Trials were 4, not 3 (pharmacy record).", corr.GetProperty("correctionReason").GetString());
        Assert.Contains("failedAdequateTrials", corr.GetProperty("inputJson").GetString(), StringComparison.Ordinal);
        Assert.NotNull(corr.GetProperty("assessmentJson").GetString());
        Assert.Equal([screening, overrideId, correction], mine.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetGuid()));

        var (wholeExit, wholeOut) = await VerifyOfflineAsync(all, "--complete");
        Assert.True(wholeExit == 0, wholeOut);
        Assert.Contains($"{entries.Count} entries checked, {entries.Count - 1} links between consecutive entries checked: all hold", wholeOut, StringComparison.Ordinal);
        var (mineExit, mineOut) = await VerifyOfflineAsync(mine);
        Assert.True(mineExit == 0, mineOut);
        var head = entries[^1];
        Assert.Equal(0, (await VerifyOfflineAsync(all, "--complete", "--head", $"{head.GetProperty("sequence").GetInt64()}:{head.GetProperty("hash").GetString()}")).Exit);

        // One stored input changed (systolic BP, say), the file is caught; one entry left out of a complete export too.
        var tampered = all.Select(l => l.Contains(correction.ToString(), StringComparison.Ordinal) ? l.Replace("failedAdequateTrials\\\":4", "failedAdequateTrials\\\":5", StringComparison.Ordinal) : l).ToArray();
        Assert.NotEqual(all, tampered);
        var (tamperedExit, tamperedOut) = await VerifyOfflineAsync(tampered);
        Assert.Equal(1, tamperedExit);
        Assert.Contains($"({correction}): content does not match its hash", tamperedOut, StringComparison.Ordinal);
        var (gapExit, gapOut) = await VerifyOfflineAsync([.. all.Where((_, i) => i != 1)], "--complete");
        Assert.Equal(1, gapExit);
        Assert.Contains("entries 2-2 missing (1 is followed by 3)", gapOut, StringComparison.Ordinal);

        var events = await api.GetStringAsync("/api/v1/audit/access.csv?kind=export&who=" + KetamineCdsFactory.Auditor);
        Assert.Contains(",decision-log,jsonl,", events, StringComparison.Ordinal);
        Assert.Contains($",decision-log,jsonl; patient={patient},", events, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist)]
    [InlineData(KetamineCdsFactory.Staff)]
    [InlineData(KetamineCdsFactory.Admin)]
    public async Task JsonLinesExport_NotAnAuditor_IsRefused(string email)
    {
        var api = await _factory.CreateApiClientAsync(email);
        var page = await _factory.CreatePageClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit/export.jsonl")).StatusCode);
        using var viaPage = await page.GetAsync("/Audit?handler=JsonLines");
        Assert.NotEqual(HttpStatusCode.OK, viaPage.StatusCode);
        Assert.DoesNotContain("previousHash", await viaPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_EveryCsvStartsWithTheUtf8ByteOrderMark_SoASpreadsheetReadsChineseWords_AndTheJsonLinesHasNone()
    {
        // QA109 F5: without the mark, a spreadsheet opening the file reads it in the ANSI code page and garbles these words.
        var patient = "MRN-QA109-F5-" + Guid.NewGuid().ToString("N")[..8];
        var screening = await _factory.RecordScreeningThroughApiAsync(patient);
        await _factory.Services.GetRequiredService<IDecisionLog>().RecordOverrideAsync(new OverrideSubmission(
            screening, OverrideDecision.DoNotProceed, OverrideReason.Other, "患者拒绝；家属意见不同", new Actor("qa109", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "qa109-f5"));
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        byte[] bom = [0xEF, 0xBB, 0xBF];

        foreach (var (client, url, header) in new[]
        {
            (api, $"/api/v1/audit/export.csv?patient={patient}", "id,sequence,"),
            (auditor, $"/Audit?handler=Csv&patient={patient}", "id,sequence,"),
            (api, $"/api/v1/audit/access.csv?subject=patient:{patient}", "id,sequence,"),
            (auditor, $"/Audit/Access?handler=Csv&subject=patient:{patient}", "id,sequence,"),
        })
        {
            var bytes = await client.GetByteArrayAsync(url);
            Assert.True(bytes.AsSpan().StartsWith(bom), $"{url} starts with {Convert.ToHexString(bytes.AsSpan(0, Math.Min(3, bytes.Length)))}, not EF BB BF");
            var text = new System.Text.UTF8Encoding(false, true).GetString(bytes, bom.Length, bytes.Length - bom.Length);
            Assert.StartsWith(header, text, StringComparison.Ordinal);
            Assert.DoesNotContain('\uFEFF', text);
        }

        Assert.Contains("患者拒绝；家属意见不同", System.Text.Encoding.UTF8.GetString(await api.GetByteArrayAsync($"/api/v1/audit/export.csv?patient={patient}")), StringComparison.Ordinal);
        var lines = await api.GetByteArrayAsync($"/api/v1/audit/export.jsonl?patient={patient}");
        Assert.Equal((byte)'{', lines[0]);
    }

    [Fact]
    public async Task JsonLinesExport_ChineseNoteAndCorrectionReason_AreReadableCharactersAndTheFileStillReverifiesOffline()
    {
        // QA119 F7: the export wrote every Chinese character as \uXXXX; the hash is over the stored text, so the verifier
        // (scripts/verify-decision-log.py) reads the characters and still verifies every entry.
        var patient = "MRN-JLZH-" + Guid.NewGuid().ToString("N")[..8];
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(patient).With("clinicianNote", "患者由伴侣陪同就诊，已讨论安全计划。"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var screening = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var corrected = await api.PostAsJsonAsync($"/api/v1/screenings/{screening}/corrections",
            SampleRequests.Trd(patient).With("failedAdequateTrials", 4).With("correctionReason", "药房记录显示试验为 4 次，不是 3 次。"));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var text = System.Text.Encoding.UTF8.GetString(await auditor.GetByteArrayAsync($"/api/v1/audit/export.jsonl?patient={patient}"));

        // The reason is stored as text: the file holds its characters. The note is inside the input's stored JSON text,
        // which the app writes with its characters escaped: the export keeps that text exactly as hashed.
        Assert.Contains("\"correctionReason\":\"药房记录显示试验为 4 次，不是 3 次。\"", text, StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using (var input = JsonDocument.Parse(JsonDocument.Parse(lines[0]).RootElement.GetProperty("inputJson").GetString()!))
        {
            Assert.Equal("患者由伴侣陪同就诊，已讨论安全计划。", input.RootElement.GetProperty("clinicianNote").GetString());
        }

        var (exit, output) = await VerifyOfflineAsync(lines);
        Assert.True(exit == 0, output);
        Assert.Contains("2 entries checked", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLinesExport_EntryDeletedOrTwoSwapped_TheOfflineVerifierNamesTheGapTheCountAndTheMoveAsTheAppDoes()
    {
        // helper-147 (after QA141 F1, F2): the offline verifier knew neither 'moved' nor the count before a checkpoint: a
        // swap was two content edits, and --head said nothing of an entry deleted before the entry it names.
        for (var i = 0; i < 4; i++)
        {
            await _factory.RecordScreeningThroughApiAsync("MRN-OFFLINE-" + Guid.NewGuid().ToString("N")[..8]);
        }

        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var lines = System.Text.Encoding.UTF8.GetString(await auditor.GetByteArrayAsync("/api/v1/audit/export.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = JsonDocument.Parse(lines[^1]).RootElement;
        var head = $"{last.GetProperty("sequence").GetInt64()}:{last.GetProperty("hash").GetString()}";
        var (intact, intactOutput) = await VerifyOfflineAsync(lines, "--complete", "--head", head);
        Assert.True(intact == 0, intactOutput);

        // Entry k deleted: the gap, and the count before the checkpoint's entry that --head names.
        var k = lines.Length - 1;
        var (exit, output) = await VerifyOfflineAsync([.. lines.Where((_, i) => i != k - 1)], "--complete", "--head", head);
        Assert.True(exit == 1, output);
        Assert.Contains($"FAIL: [missing] entries {k}-{k} missing ({k - 1} is followed by {k + 1})", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL: [count-before-checkpoint] the checkpoint named by --head vouches for entries 1-{lines.Length}, but the export holds {lines.Length - 1} entries numbered up to it, the lowest 1: an entry there was deleted, inserted or moved", output, StringComparison.Ordinal);
        // A filtered export leaves entries out by design: nothing to count, and it says so.
        (exit, output) = await VerifyOfflineAsync([.. lines.Where((_, i) => i != k - 1)], "--head", head);
        Assert.True(exit == 0, output);
        Assert.Contains("note: the entries before the one --head names are not counted: without --complete", output, StringComparison.Ordinal);

        // Entries k-1 and k swapped: each is moved, its content unchanged; the count holds.
        string At(string line, long sequence) => Regex.Replace(line, "\"sequence\":[0-9]+", $"\"sequence\":{sequence}", RegexOptions.None, TimeSpan.FromSeconds(1));
        string IdOf(string line) => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!;
        var swapped = lines.ToArray();
        swapped[k - 2] = At(lines[k - 1], k - 1);
        swapped[k - 1] = At(lines[k - 2], k);
        (exit, output) = await VerifyOfflineAsync(swapped, "--complete", "--head", head);
        Assert.True(exit == 1, output);
        Assert.Contains($"FAIL: [moved] entry {k - 1} ({IdOf(lines[k - 1])}): stored at {k - 1}, belongs at {k}: its hash holds there", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL: [moved] entry {k} ({IdOf(lines[k - 2])}): stored at {k}, belongs at {k - 1}: its hash holds there", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL: [link-broken] entry {k - 1} does not join entry {k - 2}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[content-changed]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[count-before-checkpoint]", output, StringComparison.Ordinal);

        // One edited as well as moved holds nowhere: changed, never only moved.
        swapped[k - 1] = swapped[k - 1].Replace("\"patientReference\":\"MRN-", "\"patientReference\":\"MRN-X", StringComparison.Ordinal);
        (exit, output) = await VerifyOfflineAsync(swapped, "--complete");
        Assert.True(exit == 1, output);
        Assert.Contains($"FAIL: [content-changed] entry {k} ({IdOf(lines[k - 2])})", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL: [moved] entry {k - 1} (", output, StringComparison.Ordinal);
    }

    /// <summary>A screening, an override of it (with words a spreadsheet would run), and a correction with its reason.</summary>
    private async Task<(Guid Screening, Guid Override, Guid Correction)> OverrideAndCorrectAsync(string patient)
    {
        var screening = await _factory.RecordScreeningThroughApiAsync(patient);
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        var logged = await log.RecordOverrideAsync(new OverrideSubmission(
            screening, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "=HYPERLINK(\"x\") declined, today",
            new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-p3"));
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var corrected = await api.PostAsJsonAsync($"/api/v1/screenings/{screening}/corrections",
            SampleRequests.Trd(patient).With("failedAdequateTrials", 4).With("correctionReason", "Trials were 4, not 3 (pharmacy record)."));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        return (screening, logged.Id, (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>The list's rows (the table's body), in its order.</summary>
    private static List<string> Rows(string html) =>
        [.. html.Split("<tr", StringSplitOptions.None).Where(r => r.Contains("<td", StringComparison.Ordinal))];

    /// <summary>The id of each listed entry, in the list's order, by its own "Open" link (in any language).</summary>
    private static List<Guid> ListedIds(string html) =>
        [.. Rows(html).Select(r => Guid.Parse(Regex.Match(r, "href=\"/Audit/[A-Za-z]+/([0-9a-f-]{36})\">[^<]+<span class=\"visually-hidden\">").Groups[1].Value))];

    /// <summary>Runs scripts/verify-decision-log.py over the lines, as an auditor would offline.</summary>
    private static async Task<(int Exit, string Output)> VerifyOfflineAsync(string[] lines, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ketaminecds-export-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var script = Path.Combine(RepositoryRoot(), "scripts", "verify-decision-log.py");
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(file);
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output + error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetamineCds.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (KetamineCds.sln) was not found.");
    }

    /// <summary>One CSV line's cells (RFC 4180 quotes).</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
