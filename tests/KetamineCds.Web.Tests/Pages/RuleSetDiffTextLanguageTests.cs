using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA11 F5: on the rule set changes page in Chinese, the changed rules' before and after texts were English, with no
/// note and no <c>lang="en"</c>, although every released rule set's texts have a translation (keyed by the hash of the
/// English). A text with a translation is shown in Chinese; a wording that was never translated would be shown as
/// written, marked <c>lang="en"</c>, under one note that says why.
/// </summary>
public sealed partial class RuleSetDiffTextLanguageTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string Note = "未曾翻译的规则文本（旧版措辞）按规则集原文以英文显示。";

    [Theory]
    [InlineData("1.4.0", "1.5.0")]
    [InlineData("1.16.0", "1.17.0")]
    public async Task Diff_InChinese_ShowsTranslatedTextsInChineseAndMarksTheOthersEnglishUnderOneNote(string from, string to)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(client, $"/Rules/Diff?from={from}&to={to}", "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cells = TextRows().Matches(html).SelectMany(m => new[] { m.Groups["before"].Value, m.Groups["after"].Value }).ToList();
        Assert.NotEmpty(cells);
        // Each summary, detail or condition cell is either Chinese or English marked so: never unmarked English.
        Assert.All(cells, cell => Assert.True(Chinese().IsMatch(cell) || EnglishSpan().IsMatch(cell), cell));
        // The later rule set's texts are translated: they are shown in Chinese, not in English.
        Assert.Contains(TextRows().Matches(html), m => Chinese().IsMatch(m.Groups["after"].Value));
        // Older wording that was never translated would be marked, and the page would say why, once; every released rule
        // set's texts are translated today (TranslationCompletenessTests), so the note is there exactly when a mark is.
        Assert.Equal(cells.Any(cell => EnglishSpan().IsMatch(cell)) ? 1 : 0, Regex.Count(html, Regex.Escape(Note)));
        // Kind and severity are said in the reader's words, not as the contract's values.
        Assert.DoesNotMatch("<th scope=\"row\">(类型|严重程度)</th><td class=\"diff-before\">[a-z-]+</td>", html);
    }

    [Fact]
    public async Task Diff_InChinese_CountsTheChangesWithChinesePunctuation()
    {
        // QA210: the line under the versions read "新增 1 条, 修改 2 条, 删除 0 条; 决策策略或路径映射 未改变。"
        // (English commas and semicolon, a stray space before the verb).
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(client, "/Rules/Diff?from=1.16.0&to=1.17.0", "zh-CN");
        var text = Regex.Replace(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), "<[^>]+>", string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("新增 1 条，修改 2 条，删除 0 条；决策策略或路径映射未改变。", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_InEnglish_CountsTheChangesInOneSentence()
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var text = Regex.Replace(WebUtility.HtmlDecode(await client.GetStringAsync("/Rules/Diff?from=1.16.0&to=1.17.0")), "<[^>]+>", string.Empty);

        Assert.Contains("1 added, 2 changed, 0 removed; the decision policy or pathway map did not change.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_InChinese_BracketsEachHeadingsCountFullWidth()
    {
        // Helper 336: "新增 (1)" carried the English brackets (and their space) into the Chinese headings.
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(client, "/Rules/Diff?from=1.16.0&to=1.17.0", "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h2 id=\"added-title\">新增<span class=\"count\">（1）</span></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"changed-title\">已修改<span class=\"count\">（2）</span></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"removed-title\">删除<span class=\"count\">（0）</span></h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_InEnglish_BracketsEachHeadingsCountAfterASpace()
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Rules/Diff?from=1.16.0&to=1.17.0"));

        Assert.Contains("<h2 id=\"added-title\">Added <span class=\"count\">(1)</span></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"changed-title\">Changed <span class=\"count\">(2)</span></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"removed-title\">Removed <span class=\"count\">(0)</span></h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_InEnglish_HasNoNoteAndNoMarkedText()
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await client.GetStringAsync("/Rules/Diff?from=1.4.0&to=1.5.0");

        Assert.Contains("<td class=\"diff-before\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("untranslated-texts", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<span lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "1.5.0 was released after 1.4.0: choose the earlier release under From. To see what changed from 1.4.0 to 1.5.0, compare them the other way round.")]
    [InlineData("zh-CN", "1.5.0 晚于 1.4.0 发布：请在“起始版本”中选择较早的发布版本。若要查看从 1.4.0 到 1.5.0 的变更，请反过来比较。")]
    public async Task Diff_LaterReleaseUnderFrom_IsRefusedNamingBothAndListsNoRule(string language, string problem)
    {
        // As GET /api/v1/ruleset/diff (session 68): the page answered a reversed pair, listing the later set's new rules
        // as removed under a heading that reads "from 1.5.0 to 1.4.0".
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(client, "/Rules/Diff?from=1.5.0&to=1.4.0", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<div class=\"alert alert--danger\" role=\"alert\"><p>{problem}</p></div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"added-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"removed-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"diff-table", html, StringComparison.Ordinal);
        // The form keeps what was chosen, so that the reader can swap the two.
        Assert.Contains("<option value=\"1.5.0\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hans", true)]
    [InlineData("en", false)]
    public void RuleText_EnglishWithNoTranslation_IsShownAsWrittenAndSaysSoOnlyInChinese(string language, bool untranslated)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            var rule = RuleSetCatalog.Current.Rules[0];
            const string neverTranslated = "A wording no rule set has ever had.";

            Assert.Equal((neverTranslated, untranslated), ClinicalText.Shared.RuleText(rule.Id, RulePart.Summary, neverTranslated));
            var (text, current) = ClinicalText.Shared.RuleText(rule.Id, RulePart.Summary, rule.Summary);
            Assert.False(current);
            Assert.Equal(untranslated, text != rule.Summary); // the current wording is translated
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>A summary, detail or condition row of a changed rule (摘要、详情、条件).</summary>
    [GeneratedRegex("<tr><th scope=\"row\">(?:摘要|详情|条件)</th><td class=\"diff-before\">(?<before>(?:(?!</td>).)*)</td><td class=\"diff-after\">(?<after>(?:(?!</td>).)*)</td></tr>", RegexOptions.Singleline)]
    private static partial Regex TextRows();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex("^<span lang=\"en\">(?:(?!</span>).)+</span>$", RegexOptions.Singleline)]
    private static partial Regex EnglishSpan();
}
