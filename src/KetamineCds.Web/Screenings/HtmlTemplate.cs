using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A translated sentence with markup in its placeholders ("Re-screened on {0} as {1}." with a link for {1}): the
/// sentence's own words are encoded, the arguments are inserted as the HTML they already are. The word order stays the
/// translation's, never the English one with a link glued on.
/// </summary>
public static partial class HtmlTemplate
{
    public static IHtmlContent Format(string template, params IHtmlContent[] arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(arguments);
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(template))
        {
            html.Append(template[at..placeholder.Index]);
            var index = int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture);
            html.AppendHtml(index < arguments.Length ? arguments[index] : new HtmlString(HtmlEncoder.Default.Encode(placeholder.Value)));
            at = placeholder.Index + placeholder.Length;
        }

        html.Append(template[at..]);
        return html;
    }

    /// <summary>Plain text as an argument (encoded when written).</summary>
    public static IHtmlContent Text(string text) => new HtmlContentBuilder().Append(text);

    [GeneratedRegex(@"\{(\d+)\}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Placeholder();
}
