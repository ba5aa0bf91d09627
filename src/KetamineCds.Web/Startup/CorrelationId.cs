namespace KetamineCds.Web.Startup;

/// <summary>
/// A correlation id per request: the caller's <c>X-Correlation-Id</c> when it is a sane token, otherwise a new one.
/// It is echoed in the response and recorded with every screening and access event.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    private const string ItemKey = "KetamineCds.CorrelationId";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var supplied = context.Request.Headers[HeaderName].ToString();
        var id = IsSane(supplied) ? supplied : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        await next(context);
    });

    /// <summary>The request's correlation id.</summary>
    public static string GetCorrelationId(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : context.TraceIdentifier;

    // A header goes into logs and the decision log: accept only a short token of safe characters.
    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
