using System.Text.RegularExpressions;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// On a 390 px phone a wide table scrolls inside its own box, never the page. The box must be reachable and named
/// (tabindex="0", role="region", an aria-label), and the table keeps display:table, so every table of the pages sits
/// directly in one. The printed rationale's table is sized for paper by css/print.css and is left out.
/// </summary>
public sealed partial class WideTableMarkupTests
{
    [Fact]
    public void EveryPageTable_IsInAFocusableLabelledScrollRegion()
    {
        var pages = Path.GetFullPath(Path.Combine(TranslationResources.Folder, "..", "..", "Pages"));
        var problems = new List<string>();
        var tables = 0;
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var all = TablePattern().Matches(text).Count(m => !m.Value.Contains("p-table", StringComparison.Ordinal));
            var wrapped = WrappedTablePattern().Count(text);
            tables += all;
            if (all != wrapped)
            {
                problems.Add($"{Path.GetRelativePath(pages, file)}: {all - wrapped} of {all} tables are not directly in <div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"...\">");
            }
        }

        Assert.True(tables >= 16, $"Only {tables} tables found under {pages}.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Stylesheets_NeverTakeATableOutOfDisplayTable()
    {
        var css = Path.GetFullPath(Path.Combine(TranslationResources.Folder, "..", "..", "wwwroot", "css"));
        foreach (var file in Directory.EnumerateFiles(css, "*.css"))
        {
            Assert.DoesNotMatch(TableAsBlockPattern(), File.ReadAllText(file));
        }
    }

    [GeneratedRegex(@"<table\b[^>]*>")]
    private static partial Regex TablePattern();

    [GeneratedRegex(@"<div class=""table-scroll"" tabindex=""0"" role=""region"" aria-label=""[^""\n][^\n]*?"">\s*<table\b")]
    private static partial Regex WrappedTablePattern();

    /// <summary>A rule whose selector ends in a table (table, .table, .audit-table, .data-table) and sets display:block.</summary>
    [GeneratedRegex(@"(?:^|[\s,}>])(?:table|\.table|\.[a-z-]+-table)\s*\{[^}]*display:\s*block", RegexOptions.Multiline)]
    private static partial Regex TableAsBlockPattern();
}
