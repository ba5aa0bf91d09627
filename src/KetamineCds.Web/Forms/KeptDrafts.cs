using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KetamineCds.Web.Forms;

/// <summary>
/// The forms whose answers <c>wwwroot/js/drafts.js</c> keeps in the browser tab when they are sent, until a page says
/// they were recorded (QA96 F3), declared once. Such a form carries <c>data-keep-draft</c>, rendered from
/// <see cref="Owner"/>, so only at these paths; and the outage page (<see cref="Security.DatabaseUnavailableHandler"/>)
/// says the answers are kept, and links back to the form, only for a post to one of them. Every other form (an
/// override, a sign-in, a password, an account) keeps nothing, and the outage page must not say otherwise.
/// </summary>
public static class KeptDrafts
{
    /// <summary>
    /// How long drafts.js keeps the answers: a draft older than this is dropped unread. The pages say it in whole hours
    /// ("within 2 hours", <see cref="KeptDraftOutcomes.KeptUntilSignIn"/>), and drafts.js reads it from its script tag
    /// (<see cref="Script"/>): one number for both.
    /// </summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The tag that loads drafts.js, with what it must agree on with the pages, from here: the outcomes it marks a kept
    /// draft with and whose notices and notes it shows (<see cref="KeptDraftOutcomes.Sent"/>,
    /// <see cref="KeptDraftOutcomes.Refused"/>: <c>data-outcome-sent</c>, <c>data-outcome-refused</c>), and the
    /// <see cref="Lifetime"/> in milliseconds (<c>data-lifetime-ms</c>). The layout and the outage page, which has none, both
    /// write it so (<see cref="Security.DatabaseUnavailableHandler"/>); the path (under the app's path base) carries the
    /// file's version, as <c>asp-append-version</c> writes it.
    /// </summary>
    public static HtmlString Script(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = $"{context.Request.PathBase}/js/drafts.js";
        var src = context.RequestServices?.GetService<IFileVersionProvider>()?.AddFileVersionToPath(context.Request.PathBase, path) ?? path;
        var html = HtmlEncoder.Default;
        return new($"<script src=\"{html.Encode(src)}\" data-outcome-sent=\"{html.Encode(KeptDraftOutcomes.Sent)}\" data-outcome-refused=\"{html.Encode(KeptDraftOutcomes.Refused)}\" "
            + $"data-lifetime-ms=\"{((long)Lifetime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}\"></script>");
    }

    /// <summary>The intake form: a new screening, a re-screen (<c>?from=</c>) and a correction (<c>?corrects=</c>) alike.</summary>
    public static IReadOnlyList<PathString> FormPaths { get; } = [new PathString("/Screenings/New")];

    /// <summary>
    /// Whether a request's path is one of <see cref="FormPaths"/>, as routing reads it (any letter case, with or without a
    /// trailing slash). A form without an action is sent to its own page's path, so this is also where it was sent.
    /// </summary>
    public static bool AtFormPath(PathString path) =>
        FormPaths.Any(form => path.StartsWithSegments(form, StringComparison.OrdinalIgnoreCase, out var rest) && (!rest.HasValue || rest.Value == "/"));

    /// <summary>
    /// The value of the form's <c>data-keep-draft</c> (whose answers they are: drafts.js gives a draft back to the same user
    /// only): the signed-in user's name at a path of <see cref="FormPaths"/>; null elsewhere, and Razor then leaves the
    /// attribute out.
    /// </summary>
    public static string? Owner(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AtFormPath(context.Request.Path) ? context.User.Identity?.Name ?? "" : null;
    }
}
