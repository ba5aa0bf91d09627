using System.Globalization;
using KetamineCds.Web.Api;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// The refusal of a body sent to a route that reads none (helper 241): <c>POST /api/v1/audit/checkpoints</c> signed a
/// checkpoint whatever it was sent, so <c>{"sequence": 2}</c> or <c>{"note": "..."}</c> was accepted as if it had meant
/// something, as an unknown query name was before it was refused (<see cref="QueryNames"/>). A body, of any length and any
/// Content-Type, is a 400 validation problem under <c>"$"</c> (the key the screening API gives the body as a whole) that
/// says what was sent and to send none; nothing is done or recorded. An empty body (<c>Content-Length: 0</c>) is no body.
/// </summary>
public static class NoRequestBody
{
    /// <summary>The key of the problem's error: the body as a whole, as the screening API names it.</summary>
    public const string Key = "$";

    /// <summary>The title of the 400 for a body sent to a route that reads none (ClinicalText <c>Problem.RequestBodyRefused</c>).</summary>
    public const string Title = "The request was refused: this route reads no request body.";

    /// <summary>What the OpenAPI document adds to such a route's 400.</summary>
    public const string OpenApiDescription = "A body of any length (Content-Length above 0, or chunked) is refused under \"$\": this route reads none.";

    /// <summary>Whether the request carries a body: a Content-Length above 0, or none with a Transfer-Encoding (chunked).</summary>
    public static bool IsSent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
    }

    /// <summary>
    /// The field message for the request's body, naming its length and Content-Type ("... this request sent 24 bytes as
    /// application/json ..."), or null when it sends none.
    /// </summary>
    public static string? Message(HttpRequest request)
    {
        if (!IsSent(request))
        {
            return null;
        }

        var text = ClinicalText.Shared;
        var sent = request.ContentLength is { } length
            ? length == 1 ? text.Message("Validation.RequestBody.OneByte") : text.Message("Validation.RequestBody.Bytes", length.ToString(CultureInfo.InvariantCulture))
            : text.Message("Validation.RequestBody.Chunked");
        var type = JsonRequestBody.Sent(request.ContentType) is { } contentType
            ? text.Message("Validation.RequestBody.As", contentType)
            : text.Message("Validation.RequestBody.NoContentType");
        return text.Message("Validation.RequestBody.NotRead", sent, type);
    }

    /// <summary>
    /// The 400 of a request to a route that reads no body and no query parameter but <paramref name="names"/>: each query
    /// name it does not read under its own key (<see cref="QueryNames.RefuseUnknown"/>) and a body under <see cref="Key"/>,
    /// in one problem; null when it sends neither.
    /// </summary>
    public static IResult? Refuse(HttpRequest request, IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(names);
        if (Message(request) is not { } body)
        {
            return QueryNames.RefuseUnknown(request.Query, names);
        }

        var errors = QueryNames.Unknown(request.Query, names, names.Count == 0 ? "Validation.UnknownQueryParameter.NoneRead" : "Validation.UnknownQueryParameter");
        errors[Key] = [body];
        return Results.ValidationProblem(errors, title: Title);
    }
}
