using System.Net;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>
/// A field's message on a form written with <c>asp-validation-for</c> (account, administration, second factor), read as a
/// screen reader reads it: the whole text of the message, its visually hidden "Error: " included, tags dropped.
/// </summary>
public static class FieldMessages
{
    /// <summary>The text of the one message of <paramref name="field"/> (its <c>data-valmsg-for</c>), or fails when there is none.</summary>
    public static string Of(string html, string field)
    {
        var match = Regex.Match(html, "<span\\b[^>]*\\bdata-valmsg-for=\"" + Regex.Escape(field) + "\"[^>]*>((?:<span\\b[^>]*>[^<]*</span>)?[^<]*)</span>");
        Assert.True(match.Success, $"no message for the field {field}");
        return WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]*>", string.Empty));
    }
}
