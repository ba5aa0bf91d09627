using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace KetamineCds.Web.Security;

/// <summary>
/// A page form's post whose body is larger than the server accepts (<see cref="Hardening.MaxRequestBodyBytes"/>: a 5 MB
/// clinician's note, its maxlength removed) is answered 413 before anything reads it, and the error page says so
/// (QA, helper 263 F5). Left to the framework, the anti-forgery check read the form first, the body limit (or the form
/// reader's value limit) failed that read, and the check's failure answered the site-wide 400 "the form may have expired
/// or been sent twice": the wrong cause, and the clinician sent the same note again. A body that declares its size
/// (Content-Length, as a browser always does for a form) is judged by it, unread. A body sent without it (chunked, as a
/// proxy may re-send a form) is read here, at most one byte past the limit: over it, the same 413, the rest unread; within
/// it, the form goes on as if it had declared its length (the pages, the anti-forgery check and <c>FormNulGuard</c> read
/// it as any other). Before, a chunked form over the limit got the expired-form 400 (session 56). The API and the CDS
/// Hooks service answer their own 413s.
/// </summary>
public static class FormTooLarge
{
    public static IApplicationBuilder UseFormTooLarge(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // Not when the error page is re-executed for this 413 (the same request, its body still too large): it reads no form.
        if (HttpMethods.IsPost(request.Method) && !Hardening.IsApi(context) && request.HasFormContentType
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && (request.ContentLength is { } length ? length > Limit(context) : !await BufferedWithinLimitAsync(context)))
        {
            // No body: the error page is re-executed for the status (UseStatusCodePagesWithReExecute), and says it.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });

    /// <summary>
    /// Reads a body sent without a Content-Length, at most one byte past the limit. Within it, the request's body becomes
    /// what was read, with its length declared; over it (by this count, or by the host's own limit, which Kestrel holds
    /// against the bytes as they come), false, and the rest is left unread.
    /// </summary>
    private static async Task<bool> BufferedWithinLimitAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = Limit(context);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return false;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }

        request.Body = new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length, writable: false);
        request.Headers.Remove(HeaderNames.TransferEncoding);
        request.ContentLength = buffer.Length;
        return true;
    }

    /// <summary>The server's limit for this request: the host's own (Kestrel's, set to the app's), or the app's where the host sets none.</summary>
    private static long Limit(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? Hardening.MaxRequestBodyBytes;
}
