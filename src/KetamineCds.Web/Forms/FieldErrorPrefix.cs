using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Forms;

/// <summary>
/// The visually hidden "Error: " (错误：) that starts a field's message, so that a screen reader reading the message, or
/// reading the field's description, hears that it is a problem and not a hint. The one source of that markup: the
/// intake form writes it (_FieldHintAndError) and so do the forms written with <c>asp-validation-for</c>
/// (<see cref="FieldErrorTagHelper"/>).
/// </summary>
public static class FieldErrorPrefix
{
    /// <summary><c>&lt;span class="visually-hidden"&gt;Error: &lt;/span&gt;</c> in the page's language.</summary>
    public static IHtmlContent Html(IStringLocalizer<PageText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new HtmlContentBuilder().AppendHtml("<span class=\"visually-hidden\">").Append(text["Error:"].Value + " ").AppendHtml("</span>");
    }
}
