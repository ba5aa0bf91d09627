using Microsoft.AspNetCore.Http.Features;

namespace KetamineCds.Web.Security;

/// <summary>
/// A page form's post whose body is larger than the server accepts (<see cref="Hardening.MaxRequestBodyBytes"/>: a 5 MB
/// clinician's note, its maxlength removed) is answered 413 before anything reads it, and the error page says so
/// (QA, helper 263 F5). Left to the framework, the anti-forgery check read the form first, the body limit (or the form
/// reader's value limit) failed that read, and the check's failure answered the site-wide 400 "the form may have expired
/// or been sent twice": the wrong cause, and the clinician sent the same note again. The size is the request's declared
/// Content-Length, what Kestrel itself holds against its limit (a browser always declares it for a form); the API and the
/// CDS Hooks service answer their own 413s.
/// </summary>
public static class FormTooLarge
{
    public static IApplicationBuilder UseFormTooLarge(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // Not when the error page is re-executed for this 413 (the same request, its body still too large): it reads no form.
        if (HttpMethods.IsPost(request.Method) && !Hardening.IsApi(context) && request.HasFormContentType
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && request.ContentLength is { } length && length > Limit(context))
        {
            // No body: the error page is re-executed for the status (UseStatusCodePagesWithReExecute), and says it.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });

    /// <summary>The server's limit for this request: the host's own (Kestrel's, set to the app's), or the app's where the host sets none.</summary>
    private static long Limit(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? Hardening.MaxRequestBodyBytes;
}
