using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 337: the print page had no skip link (every other page has one, _Layout), so a keyboard user tabbed through the
/// toolbar (back, three papers, Print) to reach the rationale; and its pathways table had no caption, so a screen reader's
/// list of tables named it "table". The skip link is the layout's, screen-only (never printed: print.css), first in the
/// page, before the toolbar, and leads to main, which takes the focus; the table's caption is the heading's words,
/// visually hidden (the heading names it on screen and on paper; the sheet keeps its one page).
/// </summary>
public sealed class PrintSkipLinkAndCaptionTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private async Task<string> PrintAsync(string language)
    {
        var id = await factory.RecordScreeningThroughApiAsync(PrintOverrideTests.Eligible("MRN-PRINT-SKIP-" + language));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("en", "Skip to main content")]
    [InlineData("zh-CN", "跳到主要内容")]
    public async Task Print_SkipLink_IsFirst_ScreenOnly_AndPassesTheToolbarToMain(string language, string text)
    {
        var html = await PrintAsync(language);

        var link = html.IndexOf($"<a class=\"skip-link screen-only\" href=\"#main\">{text}</a>", StringComparison.Ordinal);
        var toolbar = html.IndexOf("<div class=\"screen-only toolbar\">", StringComparison.Ordinal);
        var main = html.IndexOf("<main id=\"main\" tabindex=\"-1\">", StringComparison.Ordinal);
        Assert.True(link > 0, "the print page has the skip link");
        Assert.True(link < toolbar && toolbar < main, "skip link, then the toolbar, then main: the link passes over the toolbar");
        Assert.Equal(link, html.IndexOf("<a ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Pathways")]
    [InlineData("zh-CN", "治疗路径")]
    public async Task Print_PathwaysTable_HasACaptionInTheHeadingsWords(string language, string name)
    {
        var html = await PrintAsync(language);

        Assert.Matches($"<h2>{Regex.Escape(name)}</h2>\\s*<table class=\"p-table\">\\s*<caption class=\"visually-hidden\">{Regex.Escape(name)}</caption>", html);
    }
}
