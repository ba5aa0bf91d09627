using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// <c>&lt;print-block kind="Line"&gt;…&lt;/print-block&gt;</c> on the one-page rationale (Print.cshtml): renders its
/// content as it is, no element of its own (the layout is print.css's), and adds the text it prints to the page's
/// <see cref="PrintedPage"/>, so that the note gets the room the blocks above it leave. Blocks are not nested: an outer
/// one would count an inner one's text again.
/// </summary>
[HtmlTargetElement("print-block")]
public sealed class PrintBlockTagHelper : TagHelper
{
    /// <summary>What the block is on paper: its type size, width and fixed room.</summary>
    public PrintBlock Kind { get; set; } = PrintBlock.Line;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var content = await output.GetChildContentAsync();
        PrintedPage.For(ViewContext.HttpContext).Add(Kind, PrintedPage.TextOf(content.GetContent()));
        output.Content.SetHtmlContent(content);
    }
}
