using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>The audit navigation of a page that shows one entry of the decision log (Replay, the single-entry pages).</summary>
public static class AuditNavigation
{
    /// <summary>
    /// The page has one audit navigation with its six sections in order, and only "Decision log" is marked, as the section
    /// (<c>aria-current="true"</c>), in <paramref name="language"/> ("en" or "zh").
    /// </summary>
    public static void AssertMarksTheDecisionLog(string html, string language)
    {
        ArgumentNullException.ThrowIfNull(html);
        var nav = Assert.Single(Regex.Matches(html.ReplaceLineEndings(" "), "<nav class=\"audit-nav\"[^>]*>(.*?)</nav>")).Groups[1].Value;
        var links = Regex.Matches(nav, "<a href=\"([^\"]+)\"(?: aria-current=\"([a-z]+)\")?>([^<]+)</a>");
        Assert.Equal(["/Audit", "/Audit/Access", "/Audit/Verify", "/Audit/Checkpoints", "/Audit/Impact", "/Rules/Diff"], links.Select(l => l.Groups[1].Value));
        var marked = Assert.Single(links, l => l.Groups[2].Success);
        Assert.Equal(("/Audit", "true"), (marked.Groups[1].Value, marked.Groups[2].Value));
        Assert.Equal(language == "en" ? "Decision log" : "决策日志", marked.Groups[3].Value);
    }
}
