using System.Globalization;
using System.Text.Encodings.Web;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Forms;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// A request that fails because the database cannot be reached (checking the session on every request, for example,
/// while PostgreSQL restarts) answers 503 with a short explanation and <c>Retry-After</c>, never a 500: the API as
/// problem details, a page as a short page of its own in the reader's language (it cannot use the layout, which may need
/// the database too). Nothing was stored by such a request. A post of a form that keeps its answers in the browser tab
/// when it is sent (drafts.js: the screening form, <see cref="KeptDrafts"/>) gets a page that says so and links back to
/// it (QA96 F3); a post of any other form (an override, a sign-in, an account form) a page that says what was sent was
/// neither saved nor kept, and promises no form. The page for the kept form also tells drafts.js that nothing was stored,
/// and why (<see cref="DatabaseUnavailableReason"/>), so that the form the answers come back to says so rather than "may
/// or may not have been recorded" (helper 298). Each refusal is logged as one warning line, and the exception once per
/// outage (<see cref="DatabaseOutageLog"/>), so that an operator sees from the log that users were turned away (QA96 F7).
/// <para>
/// A database that answered and refused the statement (a broken constraint, a value it would not take, a permission:
/// <see cref="DatabaseFailures.IsRefusedByDatabase"/>) is no outage, and is not called one: the answer is
/// <see cref="RefusedStatus"/> (409, no <c>Retry-After</c>, for sending it again unchanged will not help) saying that
/// nothing was stored, with the same care for what was typed (<see cref="DatabaseRefusedReason"/>), and the cause is
/// logged as an error with its stack. Never a 500 or a stack trace. Which failures are which is
/// <see cref="DatabaseFailures"/>'s one list, for both providers.
/// </para>
/// </summary>
public sealed class DatabaseUnavailableHandler : IExceptionHandler
{
    /// <summary>The message both forms of the answer carry.</summary>
    public const string Detail = "The database could not be reached, so nothing was done and nothing was stored; try again shortly.";

    /// <summary>The status of a request the database answered and refused: not 503 (no outage), not 500 (no crash).</summary>
    public const int RefusedStatus = StatusCodes.Status409Conflict;

    /// <summary>The Retry-After, in seconds, of an answer that the database could not be reached (503).</summary>
    public const string RetryAfterSeconds = "5";

    /// <summary>
    /// Marks <paramref name="response"/> as "the database could not be reached": 503 with <see cref="RetryAfterSeconds"/>,
    /// the one way every page, API route and CDS Hooks answer tells a client when to try again.
    /// </summary>
    public static void MarkUnavailable(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds;
    }

    /// <summary>The title of the answer to a request the database refused.</summary>
    public const string RefusedTitle = "KetamineCds could not save this";

    /// <summary>The message both forms of the answer to a request the database refused carry.</summary>
    public const string RefusedDetail = "The database refused the request, so nothing was stored. This is not an outage, and sending it again unchanged will not help; the cause is in KetamineCds's log for the administrator.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        if (DatabaseFailures.IsRefusedByDatabase(exception))
        {
            await RefusedAsync(httpContext, cancellationToken);
            httpContext.RequestServices?.GetService<DatabaseOutageLog>()?.RefusedByDatabase($"{httpContext.Request.Method} {OriginalPath(httpContext).Value} answered {RefusedStatus}", exception);
            return true;
        }

        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }

        MarkUnavailable(httpContext.Response);
        if (OriginalPath(httpContext).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await httpContext.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is unavailable", Detail = Detail },
                options: null,
                contentType: "application/problem+json",
                cancellationToken);
        }
        else
        {
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            await httpContext.Response.WriteAsync(Page(httpContext), cancellationToken);
        }

        httpContext.RequestServices?.GetService<DatabaseOutageLog>()?.Refused($"{httpContext.Request.Method} {OriginalPath(httpContext).Value} answered 503", exception);
        return true;
    }

    /// <summary>
    /// The path the client asked for. A page's failure reaches this handler with the request already pointed at the error
    /// page (<c>UseExceptionHandler("/Error")</c> sets the path before it calls the handlers), so the log said
    /// <c>GET /Error answered 503</c> for every page and sign-in (QA302 F13), and a screening form sent during an outage
    /// was not known as the form that keeps its answers. The exception handler keeps the original path in
    /// <see cref="IExceptionHandlerPathFeature"/>, a re-executed status page in <see cref="IStatusCodeReExecuteFeature"/>
    /// (which also knows the original query, replaced by <c>?status=N</c>).
    /// </summary>
    public static PathString OriginalPath(HttpContext httpContext) => Original(httpContext).Path;

    private static (PathString Path, string Query) Original(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalPath.Length: > 0 } reExecuted)
        {
            return (new PathString(reExecuted.OriginalPath), reExecuted.OriginalQueryString ?? "");
        }

        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { Length: > 0 } failed ? new PathString(failed) : httpContext.Request.Path;
        return (path, httpContext.Request.QueryString.Value ?? "");
    }

    /// <summary>The address of the form that was sent, to link back to it: the original path and query.</summary>
    private static string FormAddress(HttpContext httpContext)
    {
        var (path, query) = Original(httpContext);
        return $"{httpContext.Request.PathBase}{path}{query}";
    }

    /// <summary>The answer to a request the database refused: problem details for the API, else a short page.</summary>
    private static async Task RefusedAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = RefusedStatus;
        if (OriginalPath(httpContext).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await httpContext.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = RefusedStatus, Title = RefusedTitle, Detail = RefusedDetail },
                options: null,
                contentType: "application/problem+json",
                cancellationToken);
            return;
        }

        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(
            InLanguage(httpContext, (localizer, html) =>
            {
                var form = !HttpMethods.IsPost(httpContext.Request.Method) ? ""
                    : KeptDrafts.AtFormPath(OriginalPath(httpContext))
                    ? $"<p>{html.Encode(localizer["Your answers are kept in this browser tab: open the form again to check them."])}</p>"
                      + $"<p><a href=\"{html.Encode(FormAddress(httpContext))}\">{html.Encode(localizer["Back to the form"])}</a></p>"
                      + KeptDraftNotRecorded(httpContext, html, DatabaseRefusedReason)
                    : $"<p>{html.Encode(localizer["What you sent was not saved, and KetamineCds kept no copy of it."])}</p>";
                // RefusedTitle and RefusedDetail, written out for the page-text check.
                return (localizer["KetamineCds could not save this"],
                    $"<p>{html.Encode(localizer["The database refused the request, so nothing was stored. This is not an outage, and sending it again unchanged will not help; the cause is in KetamineCds's log for the administrator."])}</p>{form}");
            }),
            cancellationToken);
    }

    /// <summary>A short page of its own (no layout: it may need the database), in the request's language.</summary>
    private static string InLanguage(HttpContext httpContext, Func<IStringLocalizer<PageText>, HtmlEncoder, (string Title, string Body)> content)
    {
        var localizer = httpContext.RequestServices?.GetService<IStringLocalizer<PageText>>() ?? SharedText;
        var culture = httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            // The app's encoder, as Razor's pages: Chinese as characters in the UTF-8 page, not as character references.
            var html = httpContext.RequestServices?.GetService<HtmlEncoder>() ?? LocalizationSetup.PageHtmlEncoder;
            var (title, body) = content(localizer, html);
            var encodedTitle = html.Encode(title);
            return $"<!DOCTYPE html><html lang=\"{html.Encode(culture.Name)}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + $"<title>{encodedTitle}</title></head><body><main><h1>{encodedTitle}</h1>{body}</main></body></html>";
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The outage page's answer, in the request's language where the localisation has run.</summary>
    private static string Page(HttpContext httpContext) => InLanguage(httpContext, (localizer, html) =>
    {
        var form = !HttpMethods.IsPost(httpContext.Request.Method) ? ""
            : KeptDrafts.AtFormPath(OriginalPath(httpContext))
            ? $"<p>{html.Encode(localizer["Your answers are kept in this browser tab. Open the form again once KetamineCds is back: they are put back, for you to check and send again."])}</p>"
              + $"<p><a href=\"{html.Encode(FormAddress(httpContext))}\">{html.Encode(localizer["Back to the form"])}</a></p>"
              + KeptDraftNotRecorded(httpContext, html, DatabaseUnavailableReason)
            : $"<p>{html.Encode(localizer["What you sent was not saved, and KetamineCds kept no copy of it: once it is back, go back to the page and send it again."])}</p>";
        return (localizer["KetamineCds is briefly unavailable"], $"<p>{html.Encode(localizer["The database could not be reached, so nothing was done and nothing was stored; try again shortly."])}</p>{form}");
    });

    /// <summary>
    /// The reason the outage page gives drafts.js for a kept screening form's answers (<c>data-draft-refused-because</c>):
    /// the database could not be reached, nothing was stored, and sending it again once it is back is safe. The form then
    /// says so (<c>#draft-restored-database-unavailable</c>), not "may or may not have been recorded" (helper 298).
    /// </summary>
    public const string DatabaseUnavailableReason = "database-unavailable";

    /// <summary>
    /// The reason the page of a request the database refused gives drafts.js (<c>#draft-restored-database-refused</c>):
    /// nothing was stored, and sending it again unchanged will not help.
    /// </summary>
    public const string DatabaseRefusedReason = "database-refused";

    /// <summary>
    /// For a post of a form whose answers drafts.js keeps (<see cref="KeptDrafts"/>): the marker that tells drafts.js this
    /// page answers that send and nothing was recorded, with why (as the sign-in and error pages tell it,
    /// <c>data-draft-refused</c>), and drafts.js itself (<see cref="KeptDrafts.Script"/>), which this page of its own has no
    /// layout to load. A static file: it is served without the database (static files come before authentication), and
    /// the Content-Security-Policy allows it ('self').
    /// </summary>
    private static string KeptDraftNotRecorded(HttpContext httpContext, HtmlEncoder html, string because) =>
        $"<div hidden data-draft-refused=\"\" data-draft-refused-because=\"{html.Encode(because)}\"></div>{KeptDrafts.Script(httpContext)}";

    /// <summary>The page texts where the request has no service provider (the unit tests).</summary>
    private static readonly IStringLocalizer<PageText> SharedText = new StringLocalizer<PageText>(LocalizationSetup.SharedFactory);

    /// <summary>
    /// True when the exception, or one it wraps, says the database could not be reached (or could not take the work
    /// now); false where it answered and refused (<see cref="DatabaseFailures.IsUnreachable"/>, both providers' codes).
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception? exception) => DatabaseFailures.IsUnreachable(exception);
}
