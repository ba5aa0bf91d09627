using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA14a P1 beyond replay: an entry whose input as submitted was rewritten (and its hash recomputed, so the chain still
/// verifies) is never counted by the impact analysis, and the clinician's result page shows the answers its verdict was
/// decided on and says that the stored answers disagree.
/// </summary>
public sealed class StoredInputsDisagreeTests
{
    [Fact]
    public async Task ResultPage_InputAsSubmittedRewrittenAndRehashed_ShowsTheAnswersDecidedOnAndSaysTheyDisagree()
    {
        using var factory = new KetamineCdsFactory();
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-DISAGREE-1").With("jurisdiction", "eu"));
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var before = WebUtility.HtmlDecode(await page.GetStringAsync($"/Screenings/{id}"));
        Assert.DoesNotContain("id=\"inputs-disagree\"", before, StringComparison.Ordinal);
        Assert.Contains("EU (SmPC)", before, StringComparison.Ordinal);

        // The shown input now says the jurisdiction was not recorded; the verdict was decided under the EU label.
        await RewriteLastInputAndRehashAsync(factory, json => json.Replace(",\"jurisdiction\":\"eu\"", "", StringComparison.Ordinal));

        using var response = await page.GetAsync($"/Screenings/{id}");
        var after = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"inputs-disagree\"", after, StringComparison.Ordinal);
        Assert.Contains("EU (SmPC)", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded: US (FDA label) applied", after, StringComparison.Ordinal);
        var print = WebUtility.HtmlDecode(await page.GetStringAsync($"/Screenings/{id}/Print"));
        Assert.Contains("id=\"inputs-disagree\"", print, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded: US (FDA label) applied", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_ScreeningWithoutAJurisdiction_SaysNotRecordedDefaultAppliedAndNoDisagreement()
    {
        // The input as submitted holds "jurisdiction": null; the history the default. They agree (it was read as a
        // disagreement, which would have flagged every such screening and left it out of the impact analysis).
        using var factory = new KetamineCdsFactory();
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-DISAGREE-2"));
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/Screenings/{id}"));
        var replay = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Replay/{id}"));

        Assert.DoesNotContain("id=\"inputs-disagree\"", html, StringComparison.Ordinal);
        Assert.Contains("Not recorded: US (FDA label) applied", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"inputs-disagree\"", replay, StringComparison.Ordinal);
        Assert.Contains("Reproduced exactly", replay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpactPage_OneEntrysInputRewrittenAndRehashed_ListsItAsNotAnalysedAndCountsOnlyTheOthers()
    {
        using var factory = new KetamineCdsFactory();
        await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-DISAGREE-A"));
        var altered = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-DISAGREE-B"));
        await RewriteLastInputAndRehashAsync(factory, json => json.Replace("\"systolicBp\":128", "\"systolicBp\":198", StringComparison.Ordinal));
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Impact?run=true"));
        using var inChinese = await Localization.CultureSelectionTests.GetAsync(auditor, "/Audit/Impact?run=true", "zh-CN");
        var zh = WebUtility.HtmlDecode(await inChinese.Content.ReadAsStringAsync());

        Assert.Contains("id=\"impact-inputs-disagree\"", html, StringComparison.Ordinal);
        Assert.Contains("Stored inputs disagree: not analysed. In 1 screening of the period", html, StringComparison.Ordinal);
        Assert.Contains($"/Audit/Replay/{altered}", html, StringComparison.Ordinal);
        Assert.Contains("1 screening examined", html, StringComparison.Ordinal);
        Assert.Contains("存储的输入不一致：未分析。", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_StoredInputsDisagree_OffersNeitherRescreenNorCorrectionAndSaysWhy()
    {
        // A re-screen or a correction starts from the input as submitted, which may be the rewritten copy: its answers
        // would come back as a new entry whose two copies agree, and nothing would show they had been doubted.
        using var factory = new KetamineCdsFactory();
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-DISAGREE-3"));
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var before = await page.GetStringAsync($"/Screenings/{id}");
        Assert.Contains($"href=\"/Screenings/New?from={id}\"", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/New?corrects={id}\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rescreen-withheld\"", before, StringComparison.Ordinal);

        await RewriteLastInputAndRehashAsync(factory, json => json.Replace("\"systolicBp\":128", "\"systolicBp\":118", StringComparison.Ordinal));

        var after = WebUtility.HtmlDecode(await page.GetStringAsync($"/Screenings/{id}"));
        using var inChinese = await Localization.CultureSelectionTests.GetAsync(page, $"/Screenings/{id}", "zh-CN");
        var zh = WebUtility.HtmlDecode(await inChinese.Content.ReadAsStringAsync());
        Assert.Contains("id=\"inputs-disagree\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/Screenings/New?from=", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/Screenings/New?corrects=", after, StringComparison.Ordinal);
        Assert.Contains("id=\"rescreen-withheld\"", after, StringComparison.Ordinal);
        Assert.Contains("Re-screening or correcting from these answers is not offered", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/Screenings/New?from=", zh, StringComparison.Ordinal);
        Assert.Contains("不提供以这些回答重新筛查或更正", zh, StringComparison.Ordinal);
        // QA137 F4: the override reason's hint, which elsewhere links "Correct an answer", says here that this screening
        // cannot be corrected and that a new screening puts a wrong answer right.
        Assert.Contains("This screening cannot be corrected (see the notice above): put a wrong answer right with a new screening of the patient.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"override-correct-answer\"", after, StringComparison.Ordinal);
        Assert.Contains("此筛查不能更正（见上方提示）", zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from", "en", "Tell the clinic's auditor")]
    [InlineData("corrects", "en", "Tell the clinic's auditor")]
    [InlineData("from", "zh-CN", "请告知诊所的审计员")]
    [InlineData("corrects", "zh-CN", "请告知诊所的审计员")]
    public async Task RescreenOrCorrectionForm_StoredInputsDisagree_Is409WithNoFormAndPointsToTheAuditor(string mode, string language, string auditor)
    {
        using var factory = new KetamineCdsFactory();
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-DISAGREE-4"));
        await RewriteLastInputAndRehashAsync(factory, json => json.Replace("\"systolicBp\":128", "\"systolicBp\":118", StringComparison.Ordinal));
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(page, $"/Screenings/New?{mode}={id}", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("id=\"earlier-inputs-disagree\"", html, StringComparison.Ordinal);
        Assert.Contains(auditor, html, StringComparison.Ordinal);
        Assert.DoesNotContain("screening-form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-DISAGREE-4", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from")]
    [InlineData("corrects")]
    public async Task RescreenOrCorrectionPost_StoredInputsDisagree_Is409AndRecordsNothing(string mode)
    {
        using var factory = new KetamineCdsFactory();
        const string Patient = "MRN-DISAGREE-5";
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(Patient));
        await RewriteLastInputAndRehashAsync(factory, json => json.Replace("\"systolicBp\":128", "\"systolicBp\":118", StringComparison.Ordinal));
        var page = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm(Patient);
        form[mode] = id.ToString();
        form["correctionReason"] = "Trials were 3, not 1.";
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(page, "/Screenings/New");

        using var post = await page.PostAsync($"/Screenings/New?{mode}={id}", new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("id=\"earlier-inputs-disagree\"", html, StringComparison.Ordinal);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings?patientReference={Patient}"));
        Assert.Equal(1, list.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task CorrectionApi_StoredInputsDisagree_Is409ProblemSayingWhyAndRecordsNothing()
    {
        // The page refused; the API recorded the correction, its answers taken from the body as if the entry were sound.
        using var factory = new KetamineCdsFactory();
        const string Patient = "MRN-DISAGREE-6";
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(Patient));
        await RewriteLastInputAndRehashAsync(factory, json => json.Replace("\"systolicBp\":128", "\"systolicBp\":118", StringComparison.Ordinal));
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        foreach (var (language, title, auditor) in new[]
        {
            ("en", "The screening to correct holds stored answers that disagree", "Ask the clinic's auditor to verify the log"),
            ("zh-CN", "要更正的筛查存储的回答不一致", "请诊所的审计员校验日志"),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/screenings/{id}/corrections")
            {
                Content = JsonContent.Create(SampleRequests.Trd(Patient).With("failedAdequateTrials", 4).With("correctionReason", "Trials were 4, not 3.")),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await api.SendAsync(request);

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
            var detail = problem.RootElement.GetProperty("detail").GetString();
            Assert.Contains(id.ToString(), detail, StringComparison.Ordinal);
            Assert.Contains(auditor, detail, StringComparison.Ordinal);
            Assert.Equal(id, problem.RootElement.GetProperty("entryId").GetGuid());
        }

        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings?patientReference={Patient}"));
        var only = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetGuid());
    }

    /// <summary>What someone who can write the database does: rewrites the last entry's input and recomputes its hash.</summary>
    internal static Task RewriteLastInputAndRehashAsync(KetamineCdsFactory factory, Func<string, string> change) =>
        RewriteLastAndRehashAsync(factory, entry =>
        {
            var changed = change(entry.InputJson);
            Assert.NotEqual(entry.InputJson, changed);
            entry.InputJson = changed;
        });

    /// <summary>What someone who can write the database does: changes the last entry and recomputes its hash and the chain head.</summary>
    internal static async Task RewriteLastAndRehashAsync(KetamineCdsFactory factory, Action<DecisionLogEntry> change)
    {
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER \"DecisionLogEntries_no_update\"; DROP TRIGGER \"LogChainHeads_forward_only\";";
            await command.ExecuteNonQueryAsync();
        }

        await using var db = factory.Services.GetRequiredService<KetamineCdsContextFactory>().CreateOwnerDbContext();
        var entry = await db.DecisionLogEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        change(entry);
        entry.Hash = ChainHash.Compute(entry);
        var head = await db.LogChainHeads.SingleAsync(h => h.Chain == LogChainHead.Decisions);
        head.LastHash = entry.Hash;
        await db.SaveChangesAsync();
    }
}
