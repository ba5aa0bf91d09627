using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA318: after an entry's verdict was forged in the database (its <c>Overall</c> and the <c>overall</c> of its assessment,
/// the hash left as recorded) and a full verification found it, the pages that read the log without re-hashing it read as
/// an all-clear. F1: the impact analysis counted and listed the forged verdict as the one logged ("Verdict before"); F2:
/// the check from the newest checkpoint said "The entries after entry N verify" (API <c>intact</c> true), and the
/// Checkpoints page and API "holds", none of them naming the failed full verification the Audit list shows in red. Each
/// now shows the Audit list's line (<c>#last-verification</c>, <c>Pages/Shared/_LastVerification</c>) and each API answer
/// carries <c>lastFullVerification</c>; the impact analysis leaves the entry the verification named out, counted and named.
/// After a full verification that passed, none of them says anything of it.
/// </summary>
public sealed partial class FailedFullVerificationElsewhereTests
{
    private const int Forged = 2;

    [Fact]
    public async Task AfterAFailedFullVerification_ImpactLeavesTheForgedEntryOutAndNamesIt_AndShowsTheLine()
    {
        var (factory, ids) = await TamperedAndVerifiedAsync(failing: true);
        using (factory)
        {
            var html = await PageAsync(factory, "/Audit/Impact?run=true");

            var line = Line(html);
            Assert.Contains("role=\"alert\"", line, StringComparison.Ordinal);
            Assert.Matches("did NOT verify the decision log: 3 entries checked, 1 finding\\. The first is at entry 2\\.", line);
            Assert.Contains("names only the first entry it found broken (entry 2)", line, StringComparison.Ordinal);
            Assert.Contains("entries after it may be altered too", line, StringComparison.Ordinal);
            // Left out, counted and named; never listed with its forged "before" verdict, never counted in the matrix.
            var named = Block(html, "impact-known-broken");
            Assert.Contains("1 screening left out: the decision log's last verification found it altered", named, StringComparison.Ordinal);
            Assert.Contains($"Entry {Forged} ({ids[Forged - 1]})", named, StringComparison.Ordinal);
            Assert.Contains("<title>No verdict would change; 1 screening left out - Impact analysis", html, StringComparison.Ordinal);
            Assert.Contains("2 screenings examined", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Screenings whose verdict would change", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BeforeTheFullVerificationFoundIt_ImpactCountsTheForgedVerdict_WhichIsWhyTheLineIsNeeded()
    {
        // The arrangement forges a verdict that the analysis would report: the test above fails for what it says, not for
        // want of a change to see.
        using var factory = new KetamineCdsFactory();
        await ArrangeAsync(factory);

        var html = await PageAsync(factory, "/Audit/Impact?run=true");

        Assert.Contains("1 verdict would change", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"impact-known-broken\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"last-verification\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAFailedFullVerification_TheCheckFromTheCheckpointSaysOnlyTheEntriesAfterItWereChecked_AndShowsTheLine()
    {
        var (factory, _) = await TamperedAndVerifiedAsync(failing: true);
        using (factory)
        {
            var html = await PageAsync(factory, "/Audit/Verify?run=true&from=checkpoint");

            Assert.Contains("<title>Only the entries after entry 3 were checked, and they verify; the last full verification found entry 2 broken - Verify the log", html, StringComparison.Ordinal);
            Assert.DoesNotContain("The entries after entry 3 verify", html, StringComparison.Ordinal);
            var line = Line(html);
            Assert.Contains("role=\"alert\"", line, StringComparison.Ordinal);
            Assert.Contains("The first is at entry 2.", line, StringComparison.Ordinal);
            Assert.Contains("cannot clear what the last full verification found", line, StringComparison.Ordinal);
            Assert.Contains("href=\"/Audit/Verify?run=true\"", line, StringComparison.Ordinal);

            // A full verification is its own answer: no line beside it.
            var full = await PageAsync(factory, "/Audit/Verify?run=true");
            Assert.Contains("<title>The log does not verify", full, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"last-verification\"", full, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AfterAFailedFullVerification_TheCheckpointsPageShowsTheLine_AfterAnUploadToo()
    {
        var (factory, _) = await TamperedAndVerifiedAsync(failing: true);
        using (factory)
        {
            var html = await PageAsync(factory, "/Audit/Checkpoints");

            var line = Line(html);
            Assert.Contains("role=\"alert\"", line, StringComparison.Ordinal);
            Assert.Contains("The first is at entry 2.", line, StringComparison.Ordinal);
            Assert.Contains("vouches only for the entry it signed", line, StringComparison.Ordinal);
            // The checkpoint itself still holds: the page says so, and no longer alone.
            Assert.Contains("The checkpoint's signed entry still has the hash it signed.", html, StringComparison.Ordinal);

            var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
            var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(token), "__RequestVerificationToken");
            var file = Directory.GetFiles(factory.CheckpointDirectory, "*.json").Single();
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "copies", Path.GetFileName(file));
            using var uploaded = await client.PostAsync("/Audit/Checkpoints?handler=Upload", form);
            var afterUpload = WebUtility.HtmlDecode(await uploaded.Content.ReadAsStringAsync());
            Assert.Contains("<title>Copy checked: no checkpoint fails", afterUpload, StringComparison.Ordinal);
            Assert.Contains("The first is at entry 2.", Line(afterUpload), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AfterAFailedFullVerification_TheVerifyAndCheckpointsApisCarryItWithAnAlert()
    {
        var (factory, _) = await TamperedAndVerifiedAsync(failing: true);
        using (factory)
        {
            var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

            var verify = await JsonAsync(api, "/api/v1/audit/verify?mode=from-checkpoint");
            var list = await JsonAsync(api, "/api/v1/audit/checkpoints");

            // The check itself is what it is: the entries after the checkpoint verify.
            Assert.True(verify["intact"]!.GetValue<bool>());
            Assert.Equal(3, verify["startedAfter"]!.GetValue<long>());
            foreach (var status in new[] { verify["lastFullVerification"]!, list["lastFullVerification"]! })
            {
                Assert.Equal("problems-found", status["result"]!.GetValue<string>());
                Assert.True(status["alert"]!.GetValue<bool>());
                Assert.Equal(Forged, status["firstBrokenSequence"]!.GetValue<long>());
                Assert.Equal("auditor@demo.local", status["by"]!.GetValue<string>());
            }

            Assert.True(list["items"]!.AsArray().All(i => i!["holds"]!.GetValue<bool>()));
        }
    }

    [Fact]
    public async Task AfterAPassingFullVerification_NoPageShowsTheLine_TheApisSayNoProblemsFound_AndImpactLeavesNothingOut()
    {
        var (factory, _) = await TamperedAndVerifiedAsync(failing: false);
        using (factory)
        {
            var impact = await PageAsync(factory, "/Audit/Impact?run=true");
            var verify = await PageAsync(factory, "/Audit/Verify?run=true&from=checkpoint");
            var checkpoints = await PageAsync(factory, "/Audit/Checkpoints");
            var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
            var verifyApi = await JsonAsync(api, "/api/v1/audit/verify?from=checkpoint");
            var listApi = await JsonAsync(api, "/api/v1/audit/checkpoints");

            foreach (var html in new[] { impact, verify, checkpoints })
            {
                Assert.DoesNotContain("id=\"last-verification\"", html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("id=\"impact-known-broken\"", impact, StringComparison.Ordinal);
            Assert.Contains("3 screenings examined", impact, StringComparison.Ordinal);
            Assert.Contains("<title>The entries after entry 3 verify - Verify the log", verify, StringComparison.Ordinal);
            foreach (var status in new[] { verifyApi["lastFullVerification"]!, listApi["lastFullVerification"]! })
            {
                Assert.Equal("no-problems-found", status["result"]!.GetValue<string>());
                Assert.False(status["alert"]!.GetValue<bool>());
            }
        }
    }

    [Fact]
    public async Task AfterAFailedFullVerification_InChinese_TheLinesAndTheOutcomeAreInChinese()
    {
        var (factory, _) = await TamperedAndVerifiedAsync(failing: true);
        using (factory)
        {
            var impact = await PageAsync(factory, "/Audit/Impact?run=true", "zh-CN");
            var verify = await PageAsync(factory, "/Audit/Verify?run=true&from=checkpoint", "zh-CN");

            Assert.Contains("已排除 1 次筛查", Block(impact, "impact-known-broken"), StringComparison.Ordinal);
            Assert.Contains("校验的记录只指出它发现的第一个损坏的条目（条目 2）", Line(impact), StringComparison.Ordinal);
            Assert.Contains("仅检查了条目 3 之后的条目，它们校验通过；上次完整校验发现条目 2 已损坏", verify, StringComparison.Ordinal);
            Assert.Contains("不能消除上次完整校验发现的问题", Line(verify), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Three screenings and a checkpoint at entry 3, then entry <see cref="Forged"/>'s verdict forged as QA318 did (the trigger
    /// dropped, its Overall and its assessment's overall changed, the hash left): the analysis would count the forgery.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> ArrangeAsync(KetamineCdsFactory factory)
    {
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add(await factory.RecordScreeningThroughApiAsync($"MRN-QA318-{i}", psychiatrist));
        }

        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using (var created = await auditor.PostAsync("/api/v1/audit/checkpoints", null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await factory.ExecuteSqlAsync(
            "DROP TRIGGER \"DecisionLogEntries_no_update\"; "
            + "UPDATE \"DecisionLogEntries\" SET "
            + "\"AssessmentJson\" = replace(\"AssessmentJson\", '\"overall\":\"' || \"Overall\" || '\"', '\"overall\":\"' || (CASE WHEN \"Overall\" = 'eligible' THEN 'not-eligible-now' ELSE 'eligible' END) || '\"'), "
            + "\"Overall\" = CASE WHEN \"Overall\" = 'eligible' THEN 'not-eligible-now' ELSE 'eligible' END "
            + $"WHERE \"Sequence\" = {Forged};");
        return ids;
    }

    /// <summary>
    /// <see cref="ArrangeAsync"/>, then a full verification on the Verify page: after the forgery (it fails, naming entry
    /// <see cref="Forged"/>), or, with <paramref name="failing"/> false, in a log left as recorded (it passes).
    /// </summary>
    private static async Task<(KetamineCdsFactory Factory, IReadOnlyList<Guid> Ids)> TamperedAndVerifiedAsync(bool failing)
    {
        var factory = new KetamineCdsFactory();
        IReadOnlyList<Guid> ids;
        if (failing)
        {
            ids = await ArrangeAsync(factory);
        }
        else
        {
            var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
            var recorded = new List<Guid>();
            for (var i = 1; i <= 3; i++)
            {
                recorded.Add(await factory.RecordScreeningThroughApiAsync($"MRN-QA318-{i}", psychiatrist));
            }

            ids = recorded;
            var auditorApi = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
            using var created = await auditorApi.PostAsync("/api/v1/audit/checkpoints", null);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var full = await PageAsync(factory, "/Audit/Verify?run=true");
        Assert.Contains(failing ? "<title>The log does not verify" : "<title>The log verifies", full, StringComparison.Ordinal);
        return (factory, ids);
    }

    private static async Task<string> PageAsync(KetamineCdsFactory factory, string path, string? language = null)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The page's line about the last verification, as its HTML on one line; fails when the page has none.</summary>
    private static string Line(string html) => Block(html, "last-verification");

    private static string Block(string html, string id)
    {
        var match = Regex.Match(html, $"<div[^>]*id=\"{id}\".*?</div>", RegexOptions.Singleline);
        Assert.True(match.Success, $"the page has no #{id}");
        return WhiteSpace().Replace(match.Value, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
