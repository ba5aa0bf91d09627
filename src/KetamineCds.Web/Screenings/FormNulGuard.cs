using System.Text;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The screening form's post with a NUL in it (<c>%00</c>, pasted into the note or the correction's reason) is not read
/// by the framework at all: its form reader refuses the whole body, so the page answered a blank 400 and the typed
/// form was lost (QA8 F6). On that one page the NUL is read as another control character (U+0001), which
/// <see cref="FreeText"/> refuses with a message on its field, as any other control character: the form comes back
/// with what was typed and nothing is stored. Other pages and the API are not touched.
/// </summary>
public static class FormNulGuard
{
    /// <summary>The largest form body looked at; a larger one is left to the framework's own limits.</summary>
    private const int MaxBody = 1024 * 1024;

    public static IApplicationBuilder UseScreeningFormNulGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.Path.Equals("/Screenings/New", StringComparison.OrdinalIgnoreCase)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is > 0 and <= MaxBody)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var read = body.Contains("%00", StringComparison.Ordinal)
                ? Encoding.Latin1.GetBytes(body.Replace("%00", "%01", StringComparison.Ordinal)) // same length
                : buffer.ToArray();
            request.Body = new MemoryStream(read, writable: false);
        }

        await next(context);
    });
}
