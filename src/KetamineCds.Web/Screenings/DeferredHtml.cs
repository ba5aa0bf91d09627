using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// HTML whose content is chosen when it is written, not where it stands in the page: Razor buffers a page's output and
/// writes it once the page has run, so a block above can depend on what the page counted below it (QA299: the print's
/// findings that act on the patient now, in words only where the rest of the page leaves room). Never inside a tag helper's
/// content, which is written at once.
/// </summary>
public sealed class DeferredHtml(Func<IHtmlContent> content) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => content().WriteTo(writer, encoder);
}
