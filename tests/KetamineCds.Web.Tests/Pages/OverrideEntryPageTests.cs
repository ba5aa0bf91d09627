using System.Net;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// An override entry's own audit page (/Audit/Override/{id}): Verify, the screening's page and the access log link an
/// override there (it was a 404 from Verify), it shows who, when, the role, the decision, the reason, what it overrides
/// and its place in the chain, records its view, and says first, in red, when the entry fails verification; English and
/// Chinese. Each test has an app and a database of its own (the log is altered behind the app's back).
/// </summary>
public sealed class OverrideEntryPageTests
{
    [Fact]
    public async Task Verify_OverrideContentAltered_LinksToTheOverridesOwnPage_WhichSaysItFailsVerification_InEnglishAndChinese()
    {
        using var app = new KetamineCdsFactory();
        var screening = await app.RecordScreeningThroughApiAsync("MRN-OVERRIDE-PAGE-1");
        await app.RecordOverrideThroughPageAsync(screening);
        var overrideId = await OverrideIdAsync(app);
        await app.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"InputJson\" = replace(\"InputJson\", 'Reviewed', 'Not reviewed') WHERE \"EntryType\" = 'override';");
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var verify = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Verify?run=true"));
        Assert.Contains($"href=\"/Audit/Override/{overrideId}\"", verify, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Audit/Screening/{overrideId}\"", verify, StringComparison.Ordinal);

        using var page = await auditor.GetAsync($"/Audit/Override/{overrideId}");
        var english = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("id=\"entry-fails-verification\"", english, StringComparison.Ordinal);
        Assert.Contains("This entry fails verification: the log may have been altered here.", english, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"content-changed\"", english, StringComparison.Ordinal);
        Assert.Contains("Entry 2: its content no longer matches its hash (changed after it was recorded).", english, StringComparison.Ordinal);
        // Nothing of an entry that no longer gives its hash is shown: not the altered words either.
        Assert.DoesNotContain("Not reviewed", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Override/{overrideId}", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("此条目未通过校验：日志可能在此处被篡改。", chinese, StringComparison.Ordinal);
        Assert.Contains("条目 2：其内容与其哈希值不再相符（记录后被修改）。", chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Viewed this entry")]
    [InlineData("zh-CN", "查看了此条目")]
    public async Task OverridePage_AccessHistory_SaysWhatHappenedToThisEntryInWords_NoRecordedCode(string language, string viewed)
    {
        // QA284 F6: viewing an override read "Viewed screenings view-screening": a list's plural and the log's code.
        using var app = new KetamineCdsFactory();
        var screening = await app.RecordScreeningThroughApiAsync("MRN-OVERRIDE-PAGE-H");
        await app.RecordOverrideThroughPageAsync(screening);
        var overrideId = await OverrideIdAsync(app);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        (await auditor.GetAsync($"/Audit/Override/{overrideId}")).Dispose();

        using var page = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Override/{overrideId}", language);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var history = html[html.IndexOf("<table", html.IndexOf(language == "zh-CN" ? "访问记录" : "Access history", StringComparison.Ordinal), StringComparison.Ordinal)..];
        history = history[..history.IndexOf("</table>", StringComparison.Ordinal)];

        Assert.Contains($"<td data-kind=\"view-screening\">{viewed}</td>", history, StringComparison.Ordinal);
        Assert.DoesNotContain(">view-screening<", history, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "zh-CN" ? "查看了筛查记录" : "Viewed screenings", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverridePage_ChangedAndRehashed_ShowsTheEntryAndSaysTheNextEntrysLinkNoLongerJoins()
    {
        using var app = new KetamineCdsFactory();
        var screening = await app.RecordScreeningThroughApiAsync("MRN-OVERRIDE-PAGE-2");
        await app.RecordOverrideThroughPageAsync(screening);
        await app.RecordScreeningThroughApiAsync("MRN-OVERRIDE-PAGE-2");
        var overrideId = await OverrideIdAsync(app);
        string hash;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            var entry = await db.DecisionLogEntries.AsNoTracking().SingleAsync(e => e.Id == overrideId);
            entry.InputJson = entry.InputJson.Replace("Reviewed", "Not reviewed", StringComparison.Ordinal);
            hash = ChainHash.Compute(entry);
        }

        await app.ExecuteSqlAsync($"DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"InputJson\" = replace(\"InputJson\", 'Reviewed', 'Not reviewed'), \"Hash\" = '{hash}' WHERE \"EntryType\" = 'override';");
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var page = await auditor.GetAsync($"/Audit/Override/{overrideId}");
        var english = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Override #2", english, StringComparison.Ordinal);
        Assert.Contains("Not reviewed with the patient.", english, StringComparison.Ordinal);
        Assert.Contains("id=\"entry-fails-verification\"", english, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"link-broken\"", english, StringComparison.Ordinal);
        Assert.Contains("Entry 3: its link to entry 2 no longer joins", english, StringComparison.Ordinal);
        Assert.Contains($"<dt>This entry's hash</dt><dd><code>{hash}</code></dd>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverridePage_Intact_ShowsWhoWhenRoleDecisionReasonWhatItOverridesAndItsPlaceInTheChain_AndIsRecorded()
    {
        using var app = new KetamineCdsFactory();
        var screening = await app.RecordScreeningThroughApiAsync("MRN-OVERRIDE-PAGE-3");
        await app.RecordOverrideThroughPageAsync(screening);
        var overrideId = await OverrideIdAsync(app);
        string screeningHash, overrideHash;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            screeningHash = await db.DecisionLogEntries.Where(e => e.Id == screening).Select(e => e.Hash).SingleAsync();
            overrideHash = await db.DecisionLogEntries.Where(e => e.Id == overrideId).Select(e => e.Hash).SingleAsync();
        }

        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        // The screening's audit page links its override to the override's own page.
        var screeningPage = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{screening}"));
        Assert.Contains($"href=\"/Audit/Override/{overrideId}\"", screeningPage, StringComparison.Ordinal);

        using var page = await auditor.GetAsync($"/Audit/Override/{overrideId}");
        var english = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Override #2", english, StringComparison.Ordinal);
        Assert.DoesNotContain("entry-fails-verification", english, StringComparison.Ordinal);
        Assert.Contains($"<dt>Recorded by</dt><dd>{KetamineCdsFactory.Psychiatrist}</dd>", english, StringComparison.Ordinal);
        Assert.Contains("<dt>Role</dt><dd>Psychiatrist</dd>", english, StringComparison.Ordinal);
        Assert.Contains("<dt>Decision</dt><dd>Proceed <code>proceed</code></dd>", english, StringComparison.Ordinal);
        Assert.Contains("<dt>Reason</dt><dd>Benefit outweighs risk after review <code>benefit-outweighs-risk-after-review</code></dd>", english, StringComparison.Ordinal);
        Assert.Contains($"<dt>Explanation</dt><dd>{KetamineCdsFactory.OverrideExplanation}</dd>", english, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Audit/Screening/{screening}\">Screening #1</a>", english, StringComparison.Ordinal);
        Assert.Contains("<dt>Sequence</dt><dd>2</dd>", english, StringComparison.Ordinal);
        Assert.Contains($"<dt>This entry's hash</dt><dd><code>{overrideHash}</code></dd>", english, StringComparison.Ordinal);
        Assert.Contains($"<dt>Previous hash</dt><dd><code>{screeningHash}</code></dd>", english, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Override/{overrideId}", "zh-CN");
        var chinese = WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync());
        Assert.Contains("偏离建议的决定 #2", chinese, StringComparison.Ordinal);
        Assert.Contains("在哈希链中的位置", chinese, StringComparison.Ordinal);
        Assert.Contains("经评估后获益大于风险", chinese, StringComparison.Ordinal);

        // Each view is recorded, and the access log links the override to its page.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            Assert.Equal(2, await db.AccessEvents.CountAsync(e => e.Subject == overrideId.ToString() && e.Detail == "audit workspace; override"));
        }

        var access = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Access?subject={overrideId}"));
        Assert.Contains($"<a href=\"/Audit/Override/{overrideId}\">", access, StringComparison.Ordinal);
        Assert.Contains("(override)", access, StringComparison.Ordinal);

        // A link kept from before (Verify sent every entry to the screening page) reaches it too (the client does not follow redirects).
        using var old = await auditor.GetAsync($"/Audit/Screening/{overrideId}");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal($"/Audit/Override/{overrideId}", old.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EntryPages_IdOfAnotherType_GoesToThatTypesOwnPage_AnUnknownIdIs404_AndOnlyTheOwnPageRecordsAView()
    {
        using var app = new KetamineCdsFactory();
        var screening = await app.RecordScreeningThroughApiAsync("MRN-ENTRY-PAGES");
        var hookAnswer = (await app.Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(new HookAnswerSubmission(
            "MRN-ENTRY-PAGES", ["failedAdequateTrials"], new Actor("Practitioner/1", "Practitioner/1", "EhrUser"), "corr-entry-pages",
            new HookOrigin("https://ehr.example", "Practitioner/1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}")))).Id;
        await app.RecordOverrideThroughPageAsync(screening);
        var overrideId = await OverrideIdAsync(app);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        (string Page, Guid Id)[] entries = [("/Audit/Screening", screening), ("/Audit/HookAnswer", hookAnswer), ("/Audit/Override", overrideId)];

        foreach (var (page, _) in entries)
        {
            foreach (var (ownPage, id) in entries)
            {
                // The client does not follow redirects.
                using var response = await auditor.GetAsync($"{page}/{id}");
                if (page == ownPage)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}/{id}: {response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}/{id}: {response.StatusCode}");
                    Assert.Equal($"{ownPage}/{id}", response.Headers.Location?.OriginalString);
                }
            }

            using var unknown = await auditor.GetAsync($"{page}/{Guid.NewGuid()}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // One view of each entry, by its own page, each in the shape the access log has always had.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        var views = (await db.AccessEvents.Where(e => e.Kind == "view-screening").Select(e => new { e.Subject, e.Detail }).ToListAsync())
            .Where(v => v.Detail?.StartsWith("audit workspace", StringComparison.Ordinal) == true)
            .Select(v => (v.Subject, v.Detail))
            .ToList();
        Assert.Equal(
            new (string?, string?)[] { (screening.ToString(), "audit workspace"), (hookAnswer.ToString(), "audit workspace; hook answer"), (overrideId.ToString(), "audit workspace; override") }.Order(),
            views.Order());
    }

    [Fact]
    public async Task Replay_OfAnOverride_GoesToTheOverridesOwnPage_NeverTheNoSuchEntry404()
    {
        // helper-224's QA walk: /Audit/Replay/{override id} answered 404 "No entry with the id ... is in the decision log ...
        // the entry may have been removed from the log behind the application's back", for an entry the log holds: an
        // override ran no rules, so there is nothing to replay, and the other entry pages send an id of another type to
        // that type's own page. An unknown id is still the 404.
        using var app = new KetamineCdsFactory();
        await app.RecordOverrideThroughPageAsync(await app.RecordScreeningThroughApiAsync("MRN-REPLAY-OVERRIDE"));
        var overrideId = await OverrideIdAsync(app);
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        // The client does not follow redirects.
        using var replay = await auditor.GetAsync($"/Audit/Replay/{overrideId}");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal($"/Audit/Override/{overrideId}", replay.Headers.Location?.OriginalString);

        using var unknown = await auditor.GetAsync($"/Audit/Replay/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("is in the decision log", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task EntryPages_HaveTheAuditNavigation_WithTheDecisionLogMarkedAsTheSectionTheyAreIn(string language)
    {
        // The screening, EHR answer and override pages had no audit navigation (the lists and the replay have it): the
        // auditor left them only by "Back to the decision log". Each is a page of an entry of the decision log: that link is
        // marked as its section ("true"), none as the page itself; an entry that cannot be read has it too.
        using var app = new KetamineCdsFactory();
        var screening = await app.RecordScreeningThroughApiAsync("MRN-ENTRY-NAV");
        var hookAnswer = (await app.Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(new HookAnswerSubmission(
            "MRN-ENTRY-NAV", ["failedAdequateTrials"], new Actor("Practitioner/1", "Practitioner/1", "EhrUser"), "corr-entry-nav",
            new HookOrigin("https://ehr.example", "Practitioner/1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}")))).Id;
        await app.RecordOverrideThroughPageAsync(screening);
        var overrideId = await OverrideIdAsync(app);
        var unreadable = await app.RecordScreeningThroughApiAsync("MRN-ENTRY-NAV-ALTERED");
        await app.ExecuteSqlAsync("DROP TRIGGER \"DecisionLogEntries_no_update\"; UPDATE \"DecisionLogEntries\" SET \"HistoryJson\" = '{not json' WHERE \"PatientReference\" = 'MRN-ENTRY-NAV-ALTERED';");
        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        foreach (var path in new[] { $"/Audit/Screening/{screening}", $"/Audit/HookAnswer/{hookAnswer}", $"/Audit/Override/{overrideId}", $"/Audit/Screening/{unreadable}" })
        {
            using var response = await CultureSelectionTests.GetAsync(auditor, path, language);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            // The altered entry is shown as one that cannot be read (409), the others as they are.
            Assert.Equal(path.EndsWith(unreadable.ToString(), StringComparison.Ordinal) ? HttpStatusCode.Conflict : HttpStatusCode.OK, response.StatusCode);

            AuditNavigation.AssertMarksTheDecisionLog(html, language);
        }
    }

    private static async Task<Guid> OverrideIdAsync(KetamineCdsFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        return await db.DecisionLogEntries.Where(e => e.EntryType == DecisionLogEntryTypes.Override).Select(e => e.Id).SingleAsync();
    }
}
