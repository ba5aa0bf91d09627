using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Tests.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA10a A5, A6 and A8: a page's title says what it is and that it came back with problems; the Chinese pages word the
/// rule set changes and an impact analysis's access-log line in Chinese, and mark the English they quote (a rule set's
/// policy, a recorded detail, a reference's title) as English; landmarks have names of their own.
/// </summary>
public sealed class PageTitleAndLanguageTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public PageTitleAndLanguageTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("en", "<title>Re-screen - KetamineCds</title>")]
    [InlineData("zh-CN", "<title>重新筛查 - KetamineCds</title>")]
    public async Task Rescreen_IsTitledRescreen(string language, string title)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-TITLE-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await GetAsync(client, $"/Screenings/New?from={body.RootElement.GetProperty("id").GetGuid()}", language);

        Assert.Contains(title, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "<title>New screening - KetamineCds</title>", "<title>Error: New screening - KetamineCds</title>")]
    [InlineData("zh-CN", "<title>新建筛查 - KetamineCds</title>", "<title>错误：新建筛查 - KetamineCds</title>")]
    public async Task NewScreening_RefusedWithErrors_TitleSaysError(string language, string plain, string refused)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        Assert.Contains(plain, await GetAsync(client, "/Screenings/New", language), StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["Input.PatientReference"] = "MRN-TITLE-2",
            ["Input.AgeYears"] = "abc",
            ["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Screenings/New") { Content = new FormUrlEncodedContent(form) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains(refused, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "/Audit", "?overall=bogus", "Decision log", "Error: Decision log")]
    [InlineData("zh-CN", "/Audit", "?from=2026-02-01&to=2026-01-01", "决策日志", "错误：决策日志")]
    [InlineData("en", "/Audit/Access", "?kind=bogus", "Access log", "Error: Access log")]
    [InlineData("zh-CN", "/Audit/Access", "?kind=bogus", "访问日志", "错误：访问日志")]
    [InlineData("en", "/Audit/Impact", "?run=true&version=9.9.9", "Impact analysis", "Error: Impact analysis")]
    [InlineData("zh-CN", "/Audit/Impact", "?run=true&from=2026-02-01&to=2026-01-01", "影响分析", "错误：影响分析")]
    [InlineData("en", "/Audit/Verify", "?run=true&from=everything", "Verify the log", "Error: Verify the log")]
    [InlineData("zh-CN", "/Audit/Verify", "?run=true&from=2026-13-45", "校验日志", "错误：校验日志")]
    public async Task AuditFilter_Refused_TitleSaysError_LikeTheForms(string language, string path, string query, string plain, string refused)
    {
        // The filters' error summary is the page's problem to fix, as a form's is: the title says so first (WCAG 2.4.2). A
        // date that does not bind is also in the model state; these problems are the page's own (an unknown verdict or
        // kind, from after to, a rule set or starting point it does not know), which only the filter's check finds.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        Assert.Contains($"<title>{plain} - KetamineCds</title>", await GetAsync(client, path, language), StringComparison.Ordinal);

        using var response = await CultureSelectionTests.GetAsync(client, path + query, language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{refused} - KetamineCds</title>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Find screenings", "Screenings of MRN-TITLE-LIST", "Error: Find screenings")]
    [InlineData("zh-CN", "查找筛查", "MRN-TITLE-LIST 的筛查记录", "错误：查找筛查")]
    public async Task FindScreenings_OnePatientsList_IsTitledWithThePatient_TheSearchAloneAsBefore_ARefusedReferenceSaysError(string language, string search, string list, string refusedTitle)
    {
        // WCAG 2.4.2: the list of one patient's screenings is a page of its own (in the history, a tab, a bookmark): its title
        // names whose list it is, not "Find screenings" as the empty search does.
        await _factory.RecordScreeningThroughApiAsync("MRN-TITLE-LIST");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        Assert.Contains($"<title>{search} - KetamineCds</title>", await GetAsync(client, "/Screenings", language), StringComparison.Ordinal);

        var html = await GetAsync(client, "/Screenings?patientReference=MRN-TITLE-LIST", language);

        Assert.Contains($"<title>{list} - KetamineCds</title>", html, StringComparison.Ordinal);
        // A reference the search refuses lists nothing: the page stays the search, and its title says first that it came back
        // with a problem to fix, as every form and filter that refuses its input does (WCAG 2.4.2; the leftover: no "Error: ").
        var refused = await GetAsync(client, "/Screenings?patientReference=" + Uri.EscapeDataString("MRN <x>"), language);
        Assert.Contains("id=\"patientReference-error\"", refused, StringComparison.Ordinal);
        Assert.Contains($"<title>{refusedTitle} - KetamineCds</title>", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_Failed_TitleSaysError()
    {
        var client = _factory.CreateRawClient();
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = KetamineCdsFactory.Staff,
            ["Input.Password"] = "not the password",
            ["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login"),
        };
        Assert.Contains("<title>Sign in - KetamineCds</title>", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));

        Assert.Contains("<title>Error: Sign in - KetamineCds</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleSetChanges_InChinese_QuotesThePolicyInEnglishWithItsMeaning_AndWordsKindAndSeverity()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Rules/Diff?from=1.0.0&to=1.1.0", "zh-CN");

        // The policy is part of the rule set's digest: its words are quoted as they are, marked English, and explained.
        Assert.Contains("<q lang=\"en\" class=\"recorded-text\">" + DecisionPolicy.V1Text + "</q>", html, StringComparison.Ordinal);
        Assert.Contains("<q lang=\"en\" class=\"recorded-text\">" + DecisionPolicy.V1_1Text + "</q>", html, StringComparison.Ordinal);
        Assert.Contains("含义：</strong> 禁忌证阻断每一条有适应证的路径；否则，已触发的完整性规则使该路径不完整", html, StringComparison.Ordinal);
        // The whole cell, as the page wrote it before the quote became a partial: the quote, then its meaning, nothing between.
        Assert.Matches(
            new Regex("<td class=\"diff-after\"><q lang=\"en\" class=\"recorded-text\">" + Regex.Escape(DecisionPolicy.V1_1Text)
                + "</q><span class=\"policy-meaning\"><strong>含义：</strong> 禁忌证阻断[^<]+</span></td>"),
            html);
        Assert.Contains("注意事项，严重程度：中", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(caution|requirement|contraindication), (high|moderate|low)"), html);
    }

    [Fact]
    public async Task RuleSetChanges_InEnglish_ShowThePolicyAndKindAsBefore()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await GetAsync(client, "/Rules/Diff?from=1.0.0&to=1.1.0", "en");

        Assert.Contains("<td class=\"diff-after\">" + DecisionPolicy.V1_1Text + "</td>", html, StringComparison.Ordinal);
        Assert.Contains("caution, moderate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<q lang=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpactAnalysis_InTheAccessLogInChinese_IsWordedInChinese_WithTheRecordedEnglishMarked()
    {
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using (var run = await auditor.GetAsync("/Audit/Impact?run=true"))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var html = await GetAsync(auditor, "/Audit/Access?kind=impact-analysis", "zh-CN");

        var current = RuleSetCatalog.Current.Version;
        Assert.Contains($"规则集 {current} 与日志中记录的结论比较", html, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"recorded-text\" lang=\"en\">rule set {current} against the logged verdicts</code>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Principles_ShowNoInternalReferenceKey_AndMarkTheEnglishReferencesEnglish(string language)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = await GetAsync(client, "/Principles", language);

        Assert.DoesNotContain("problem_id", html, StringComparison.Ordinal);
        foreach (var source in Domain.Principles.Citations.AllSources)
        {
            Assert.Contains($"<dt>{source.Key}</dt><dd lang=\"en\">", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task RuleSetChangesAndManageUser_NoTwoLandmarksHaveTheSameName(string language)
    {
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var admin = await _factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await SignedInStaffIdAsync();

        foreach (var html in new[] { await GetAsync(auditor, "/Rules/Diff?from=1.0.0&to=1.1.0", language), await GetAsync(admin, $"/Admin/Users/Edit/{id}", language) })
        {
            // Sections named by their heading, regions by their aria-label.
            var names = Regex.Matches(html, "<section [^>]*aria-labelledby=\"([^\"]+)\"").Select(m => HeadingText(html, m.Groups[1].Value))
                .Concat(Regex.Matches(html, "role=\"region\" aria-label=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
                .ToList();
            Assert.NotEmpty(names);
            Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
        }
    }

    [Fact]
    public async Task ManageUser_TheSignInEventsRegionIsNamedApartFromItsSection()
    {
        var admin = await _factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await SignedInStaffIdAsync();

        var html = await GetAsync(admin, $"/Admin/Users/Edit/{id}", "en");

        Assert.Contains("role=\"region\" aria-label=\"Recent sign-in events (table)\"", html, StringComparison.Ordinal);
    }

    /// <summary>Signs the clinic staff account in (a sign-in event for the Manage user page to list) and returns its id.</summary>
    private async Task<string> SignedInStaffIdAsync()
    {
        await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(KetamineCdsFactory.Staff))!.Id;
    }

    private static string HeadingText(string html, string id) =>
        Regex.Replace(Regex.Match(html, $"<h[1-6] id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</h[1-6]>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "").Trim();

    private static async Task<string> GetAsync(HttpClient client, string path, string language)
    {
        using var response = await CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
