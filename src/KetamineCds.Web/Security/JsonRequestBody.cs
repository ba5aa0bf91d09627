using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace KetamineCds.Web.Security;

/// <summary>
/// One rule for every endpoint that reads a JSON body (QA141 F5): the screening API's posts and corrections, sign-in,
/// refresh and the password change, and the CDS Hooks services and their feedback. The body must be sent as
/// <c>application/json</c>, the media type RFC 8259 registers and CDS Hooks 2.0 uses; parameters may follow it
/// (<c>charset=utf-8</c>), and the body is read as UTF-8 whatever they say (RFC 8259 section 11 defines no charset). Any
/// other Content-Type, a <c>+json</c> one such as <c>application/fhir+json</c> included, or none at all, is a 415
/// <c>application/problem+json</c> whose detail says what to send and names what was sent, in the request's language, and
/// nothing of the body is read or recorded. Before, a body sent with no Content-Type was read and recorded, a screening
/// sent as text/plain got a 415 with a title alone, a sign-in sent as a form a 400, and the CDS Hooks services read any.
/// The check comes after the caller's credentials (401 and 403 first, as on every API path); GET, HEAD and the pages'
/// form posts are not touched.
/// </summary>
public static class JsonRequestBody
{
    /// <summary>The one media type a JSON body is accepted as.</summary>
    public const string MediaType = "application/json";

    /// <summary>What the OpenAPI document says a 415 means, on every operation that reads a JSON body.</summary>
    public const string OpenApiDescription =
        "The body was not sent with Content-Type: application/json (charset=utf-8 may follow it), or was sent without a Content-Type: "
        + "nothing was read or recorded. The problem's detail says what to send and names the Content-Type that was sent.";

    /// <summary>RFC 9110's section on 415 Unsupported Media Type, as the other problems name theirs.</summary>
    private const string ProblemType = "https://tools.ietf.org/html/rfc9110#section-15.5.16";

    /// <summary>The most of a Content-Type that is not a media type the detail repeats.</summary>
    private const int MaxRepeated = 100;

    /// <summary>Whether the request says its body is <c>application/json</c> (any letter case, with or without parameters).</summary>
    public static bool IsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The endpoint answers 415 unless its body is sent as <c>application/json</c> (<see cref="Refusal"/>), before its
    /// handler reads anything; and the OpenAPI document lists the 415. For an endpoint that binds its body itself the
    /// framework answers a body that is not JSON before the filter runs, and <see cref="Hardening"/> gives that bare 415
    /// this same problem.
    /// </summary>
    public static RouteHandlerBuilder RequireJsonBody(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter(async (context, next) => IsJson(context.HttpContext.Request) ? await next(context) : Refusal(context.HttpContext))
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The 415 answer, as problem details.</summary>
    public static IResult Refusal(HttpContext context) => Results.Problem(Problem(context));

    /// <summary>
    /// The 415 problem in the request's language: "Send the body as JSON, with the header Content-Type: application/json
    /// ...; this request's Content-Type was text/plain. Nothing was read or recorded." (or "had no Content-Type").
    /// </summary>
    public static ProblemDetails Problem(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.RequestServices.GetRequiredService<ClinicalText>();
        var sent = Sent(context.Request.ContentType);
        return new ProblemDetails
        {
            Type = ProblemType,
            Title = text.Message("Problem.UnsupportedMediaType"),
            Status = StatusCodes.Status415UnsupportedMediaType,
            Detail = sent is null
                ? text.Message("Problem.UnsupportedMediaType.NoContentType")
                : text.Message("Problem.UnsupportedMediaType.Detail", sent),
        };
    }

    /// <summary>
    /// What the request said it sent: its media type without parameters (a boundary, a charset), or, when the header is
    /// not a media type, the header as sent, cut to <see cref="MaxRepeated"/> characters; null when there is none.
    /// </summary>
    internal static string? Sent(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        if (MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.HasValue)
        {
            return type.MediaType.Value;
        }

        var raw = contentType.Trim();
        return raw.Length <= MaxRepeated ? raw : raw[..MaxRepeated] + "…";
    }
}
