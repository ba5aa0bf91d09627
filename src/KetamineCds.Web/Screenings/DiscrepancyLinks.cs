using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A rule text with each discrepancy id it cites ("discrepancy D7", "差异 D7") linked to that discrepancy on the Rules
/// page (<c>#D7</c>, QA148 F5); the rest of the text is encoded as it is.
/// </summary>
public static partial class DiscrepancyLinks
{
    public static IHtmlContent In(string text, string page = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match id in DiscrepancyId().Matches(text))
        {
            html.Append(text[at..id.Index]);
            html.AppendHtml($"<a href=\"{page}#{id.Value}\">").Append(id.Value).AppendHtml("</a>");
            at = id.Index + id.Length;
        }

        html.Append(text[at..]);
        return html;
    }

    // D1 to D9 standing alone: not part of a longer id or word ("CD1", "D10"); Chinese text around it is allowed.
    [GeneratedRegex(@"(?<![A-Za-z0-9-])D[1-9](?![0-9A-Za-z-])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DiscrepancyId();
}
