using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The rule ids the print writes (Print.cshtml), each one word on paper (<see cref="Html"/>). A row of its pathways table
/// keeps up to <see cref="OnOneLine"/> on one line beside the pathway's name; more wrap between ids in half the width
/// (print.css, <c>p-rules--wrap</c>), so that the name keeps its line (QA8 F14: fifteen ids on one unbreakable line squeezed
/// it to a character a line in Chinese), and the page's estimate counts the row so (<see cref="PrintBlock.RowWrapped"/>).
/// </summary>
public static class PrintedRuleIds
{
    /// <summary>The most rule ids a row prints on one line.</summary>
    public const int OnOneLine = 6;

    /// <summary>Whether a row of <paramref name="count"/> rule ids wraps them.</summary>
    public static bool Wrap(int count) => count > OnOneLine;

    /// <summary>The class of the row's rule-ids cell: <c>p-rules--wrap</c> where they wrap, else none (Razor then leaves the attribute out).</summary>
    public static string? CssClass(int count) => Wrap(count) ? "p-rules--wrap" : null;

    /// <summary>The block the row is counted as on the page.</summary>
    public static PrintBlock Row(int count) => Wrap(count) ? PrintBlock.RowWrapped : PrintBlock.Row;

    /// <summary>
    /// The rule ids as the print writes them, each in a <c>p-rule</c> span so that it is one word on paper ("REC-001" never
    /// breaks at its hyphen: a narrow column broke it into "REC-" / "001"), between them <paramref name="separator"/> (the
    /// language's list separator); ids and separator HTML-encoded.
    /// </summary>
    public static HtmlString Html(IEnumerable<string> ids, string separator)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(separator);
        return new(string.Join(HtmlEncoder.Default.Encode(separator), ids.Select(id => $"<span class=\"p-rule\">{HtmlEncoder.Default.Encode(id)}</span>")));
    }
}
