using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>A form control's opening tag in a page's HTML, and its attributes, for tests of how a control is labelled and described.</summary>
public static class ControlTags
{
    /// <summary>The opening tag of the input, select or text area with this id, or fails when there is none.</summary>
    public static string OpeningTag(string html, string id)
    {
        var match = Regex.Match(html, "<(input|select|textarea)\\b[^>]*\\bid=\"" + Regex.Escape(id) + "\"[^>]*>");
        Assert.True(match.Success, $"no control with the id {id}");
        return match.Value;
    }

    /// <summary>
    /// The class of the field (the <c>div</c> that opens with the control's label) of the control <paramref name="id"/>:
    /// <c>field field--error</c> while it has an error (the red bar beside it, as on the screening form), <c>field</c> otherwise.
    /// </summary>
    public static string FieldClass(string html, string id)
    {
        var match = Regex.Match(html, "<div class=\"([^\"]*)\">\\s*<label for=\"" + Regex.Escape(id) + "\">");
        Assert.True(match.Success, $"no field holds the control #{id}");
        return match.Groups[1].Value.Trim();
    }

    /// <summary>The value of an attribute of a tag, or null when the tag does not carry it.</summary>
    public static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\s" + Regex.Escape(name) + "=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }
}
