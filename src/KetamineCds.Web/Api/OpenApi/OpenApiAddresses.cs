namespace KetamineCds.Web.Api.OpenApi;

/// <summary>
/// Where the OpenAPI document is, and what every other address under <c>/openapi</c> answers. The document is public: it
/// holds no clinical data and integrators read it before they have an account. <c>GET /openapi</c> redirects to it; any
/// other path or method there is a 404 problem naming it, for anyone (QA132: <c>/openapi</c> answered 401 with the HTML
/// error page, as the fallback sign-in policy challenged a path no endpoint served). <c>HEAD</c> answers as <c>GET</c>
/// does, on the document, the redirect and the 404.
/// </summary>
public static class OpenApiAddresses
{
    /// <summary>The document, the only one the app serves (docs/web.md).</summary>
    public const string DocumentPath = "/openapi/v1.json";

    public static IEndpointRouteBuilder MapKetamineCdsOpenApi(this IEndpointRouteBuilder app)
    {
        // A literal route, not /openapi/{documentName}.json: another document name falls to the 404 problem below, not to
        // the generator's plain-text "No OpenAPI document with the name ...".
        // HEAD answers as GET does (a link checker's or a proxy's probe): it answered 401 with the HTML error page, as no
        // endpoint took it and the sign-in policy challenged it. The last method metadata is the one routing reads.
        app.MapOpenApi(DocumentPath).AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapMethods("/openapi", [HttpMethods.Get, HttpMethods.Head], () => Results.Redirect(DocumentPath)).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/openapi/{**rest}", ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"], () => Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No such OpenAPI document.",
            detail: $"The API is described by one document: GET {DocumentPath} (public, no sign-in needed).")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
