using System.Globalization;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Api;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Localization;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// The CDS Hooks 2.0 endpoints: discovery, the two services and feedback. Every call must carry a valid client JWT
/// (<see cref="CdsHookAuthentication"/>); a refused token is 401 and nothing is recorded.
/// </summary>
public static class CdsHooksEndpoints
{
    /// <summary>The largest hook request accepted: prefetch bundles of a long chart stay well below it.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddKetamineCdsHooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(CdsHookClients.Load(configuration, environment));
        services.AddSingleton<CdsHookAuthentication>();
        services.AddSingleton<CdsHookAnswering>();
        services.AddHostedService<CdsHookClientsAtStart>();
        return services;
    }

    /// <summary>At start-up, one warning per configured client without a record-number system (QA295 F1; docs/operations.md).</summary>
    private sealed class CdsHookClientsAtStart(CdsHookClients clients, ILogger<CdsHookClients> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            clients.WarnAboutUnmappedClients(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        // Authenticated by the client JWT, not by a user's sign-in.
        app.MapGet("/cds-services", DiscoveryAsync).AllowAnonymous().ExcludeFromDescription();
        var group = app.MapGroup("/cds-services").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/{id}", HookAsync);
        group.MapPost("/{id}/feedback", FeedbackAsync);
        // Any other path or method under /cds-services: a problem an EHR's integrator can read, never the sign-in page.
        // Every method (a fallback, after the routes above, not a list of methods): HEAD, OPTIONS, TRACE or any other
        // method the list left out fell through to the pages' fallback policy and was redirected to /Account/Login
        // (helper 330's QA walk).
        group.MapFallback("/{**rest}", (HttpContext context, string? rest) => OtherRequest(context, rest));
        return app;
    }

    /// <summary>
    /// A path or method under /cds-services that no endpoint answers. A path that exists with another method (<c>GET</c> or
    /// <c>PUT</c> on a service, <c>DELETE /cds-services</c>) is the 405 problem the API answers (<c>Allow</c> and the detail
    /// name the method it answers), as docs/web.md says of every <c>/cds-services</c> path: this catch-all took those too,
    /// and told an integrator who opened a service's URL in a browser that the service did not exist (QA191). Any other
    /// path: 404 naming the endpoints, also a service's path with an empty segment (<c>POST
    /// /cds-services/ketamine-screening-patient-view//</c>), with the method the service answers: that was a 405 saying
    /// "answers POST, not POST" (helper 330).
    /// </summary>
    private static IResult OtherRequest(HttpContext context, string? rest)
    {
        var allowed = (rest ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries) switch
        {
            [] => "GET",
            [var id] when CdsHookServices.Find(id) is not null => "POST",
            [var id, "feedback"] when CdsHookServices.Find(id) is not null => "POST",
            _ => null,
        };
        if (allowed is null || string.Equals(allowed, context.Request.Method, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: Say(context, "Problem.CdsHooks.NoSuchEndpoint"),
                detail: Say(context, "Problem.CdsHooks.NoSuchEndpoint.Detail"));
        }

        context.Response.Headers.Allow = allowed;
        return Results.Problem(Hardening.MethodNotAllowed(context, allowed));
    }

    private static async Task<IResult> DiscoveryAsync(HttpContext context, CdsHookAuthentication authentication)
    {
        var (caller, refusal) = await AuthenticateAsync(context, authentication);
        if (caller is null)
        {
            return refusal!;
        }

        UseClientLanguage(context, caller);
        return Results.Json(CdsHookServices.Discovery(), CdsHooksJson.Options);
    }

    private static async Task<IResult> HookAsync(string id, HttpContext context, CdsHookAuthentication authentication, CdsHookAnswering answering)
    {
        var (service, caller, body, refusal) = await AcceptAsync(id, context, authentication);
        if (refusal is not null)
        {
            return refusal;
        }

        UseClientLanguage(context, caller!);
        try
        {
            var cards = await answering.AnswerAsync(service!, caller!, body!, BaseUrl(context.Request), context.GetCorrelationId(), context.RequestAborted);
            return Results.Json(new { cards }, CdsHooksJson.Options);
        }
        catch (CdsHookRequestException e)
        {
            return BadRequest(context, e.Message);
        }
        catch (CdsHookRefusedException)
        {
            return Refused(context);
        }
        catch (CdsHookCardsNotStoredException e)
        {
            return CardsNotStored(context, e);
        }
        catch (DecisionLogUnavailableException e)
        {
            return NotRecorded(context, e);
        }
    }

    private static async Task<IResult> FeedbackAsync(string id, HttpContext context, CdsHookAuthentication authentication, CdsHookAnswering answering, IAccessAudit access, ILoggerFactory loggers)
    {
        var (service, caller, body, refusal) = await AcceptAsync(id, context, authentication);
        if (refusal is not null)
        {
            return refusal;
        }

        UseClientLanguage(context, caller!);
        try
        {
            var unknown = await answering.FeedbackAsync(service!, caller!, body!, context.GetCorrelationId(), context.RequestAborted);
            return unknown is null
                ? Results.Ok()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Say(context, "Problem.CdsHooks.UnknownCard"), detail: Say(context, "Problem.CdsHooks.UnknownCard.Detail", unknown));
        }
        catch (CdsHookRequestException e)
        {
            return BadRequest(context, e.Message);
        }
        catch (DecisionLogUnavailableException e)
        {
            return FeedbackNotRecorded(context, e);
        }
        catch (CdsHookFeedbackUnreadableException e) when (e.Unreadable is { } unreadable)
        {
            // Nothing recorded: the entry is named as the API names it (409, its sequence, id and the reference), and the
            // refused attempt to act on it is in the access log, in the client's name, as an override posted on the
            // screening's page records its own (QA318).
            var problem = UnreadableEntries.Problem(context, loggers.CreateLogger(typeof(CdsHooksEndpoints)), unreadable);
            await access.RecordRefusedAsync(context, AccessEventKind.ViewScreening, e.DecisionId, CdsHookAnswering.FeedbackDetail, unreadable.Entry, CdsHookAnswering.ClientRole);
            return problem;
        }
    }

    /// <summary>
    /// The token first (401 before anything else is said), then the service (404), then the body: 415 unless it is sent as
    /// application/json (<see cref="JsonRequestBody"/>; nothing read or recorded), 413 when too large. Once the client is
    /// known, every answer is in the cards' language (<see cref="UseClientLanguage"/>).
    /// </summary>
    private static async Task<(CdsHookService? Service, CdsHookCaller? Caller, byte[]? Body, IResult? Refusal)> AcceptAsync(string id, HttpContext context, CdsHookAuthentication authentication)
    {
        var (caller, refusal) = await AuthenticateAsync(context, authentication);
        if (caller is null)
        {
            return (null, null, null, refusal);
        }

        UseClientLanguage(context, caller);
        if (CdsHookServices.Find(id) is not { } service)
        {
            return (null, null, null, Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: Say(context, "Problem.CdsHooks.NoSuchService"),
                detail: Say(context, "Problem.CdsHooks.NoSuchService.Detail", id, string.Join(", ", CdsHookServices.All.Select(s => s.Id)))));
        }

        if (!JsonRequestBody.IsJson(context.Request))
        {
            return (null, null, null, JsonRequestBody.Refusal(context));
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        return body is null
            ? (null, null, null, TooLarge(context))
            : (service, caller, body, null);
    }

    private static async Task<(CdsHookCaller? Caller, IResult? Refusal)> AuthenticateAsync(HttpContext context, CdsHookAuthentication authentication)
    {
        try
        {
            var (caller, reason) = await authentication.AuthenticateAsync(context.Request, context.RequestAborted);
            if (caller is not null)
            {
                context.User = ClientPrincipal(caller);
                return (caller, null);
            }

            // The header stays in English (RFC 6750's error_description is ASCII); the problem is in the request's language.
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason!.English.Replace("\"", "'", StringComparison.Ordinal)}\"";
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Say(context, "Problem.CdsHooks.TokenRefused"), detail: reason.In(Language(context))));
        }
        catch (DecisionLogUnavailableException e)
        {
            return (null, NotRecorded(context, e));
        }
    }

    /// <summary>
    /// The request's user once the client's JWT is accepted: the client (<see cref="CdsHookAnswering.ClientActor"/>), no
    /// user being signed in, so that what the request records in the access log names it as the decision log names the
    /// client's overrides, through the same <see cref="AccessAuditing.RecordAsync"/> as every page's and API's event.
    /// </summary>
    public static System.Security.Claims.ClaimsPrincipal ClientPrincipal(CdsHookCaller caller)
    {
        var actor = CdsHookAnswering.ClientActor(caller);
        return new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, actor.UserId),
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Email, actor.Email),
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, actor.Role),
            ],
            authenticationType: "CdsHooksClient"));
    }

    /// <summary>
    /// The cards' language: the call's own (Accept-Language naming English or Simplified Chinese), else the language
    /// configured for the client, else English. Content-Language says which. Every answer after the token is accepted
    /// follows it, the problems too (404, 413, 415, 400, feedback's 404, 409, 503); before it (a refused token, a path or
    /// method no endpoint answers) the client is not known, and the call's Accept-Language alone decides. Set on the
    /// request (the problem is written in its language, <see cref="Localization.LocalizationSetup"/>) and on the current
    /// flow (the texts made while answering).
    /// </summary>
    private static void UseClientLanguage(HttpContext context, CdsHookCaller caller)
    {
        var requested = context.Features.Get<IRequestCultureFeature>();
        if (caller.Language is not { } language || requested?.Provider is not null)
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture), provider: null));
    }

    /// <summary>The language the answer is written in: the request's (<see cref="UseClientLanguage"/>), which Content-Language names.</summary>
    private static CultureInfo Language(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;

    /// <summary>An app message in the answer's language (<see cref="Language"/>).</summary>
    private static string Say(HttpContext context, string key, params object?[] arguments) =>
        Localization.ClinicalText.Shared.MessageIn(Language(context), key, arguments);

    /// <summary>A 400; <paramref name="reason"/> was written in the answer's language where it was found (<see cref="CdsHookRequestException"/>).</summary>
    private static IResult BadRequest(HttpContext context, string reason) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Say(context, "Problem.CdsHooks.RequestUnreadable"), detail: reason);

    /// <summary>RFC 9110's 413 Content Too Large, so that a client library or gateway classifies it as such, with the limit.</summary>
    private static IResult TooLarge(HttpContext context) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Say(context, "Problem.CdsHooks.TooLarge"),
        detail: Say(context, "Problem.CdsHooks.TooLarge.Detail", MaxBodyBytes / (1024 * 1024)));

    /// <summary>
    /// The decision log failed: 503 with Retry-After when the database could not be reached (try again shortly), 409 when it answered and
    /// refused (<see cref="DatabaseFailures.IsRefusedByDatabase"/>), as the screening API answers, the refusal logged at
    /// Error with its cause (<see cref="DatabaseOutageLog.RefusedByDatabase"/>). No card either way.
    /// </summary>
    private static IResult NotRecorded(HttpContext context, DecisionLogUnavailableException exception)
    {
        if (!DatabaseFailures.IsRefusedByDatabase(exception))
        {
            DatabaseUnavailableHandler.MarkUnavailable(context.Response);
            return Unavailable(context);
        }

        context.RequestServices.GetService<DatabaseOutageLog>()?.RefusedByDatabase($"{context.Request.Method} {context.Request.Path.Value} answered {DatabaseUnavailableHandler.RefusedStatus}", exception);
        return Refused(context);
    }

    /// <summary>
    /// Feedback whose overrides the decision log could not record. Each overridden card is recorded on its own, in the
    /// feedback's order, so those before the failure may be in the log: the answer never says "nothing was recorded". A
    /// feedback sent again records only what the log does not hold yet (an override already recorded for the card, with the
    /// same decision, reason and words, is not recorded twice), so an outage (503, Retry-After) invites it; a refusal (409)
    /// does not, its cause logged at Error.
    /// </summary>
    private static IResult FeedbackNotRecorded(HttpContext context, DecisionLogUnavailableException exception)
    {
        if (!DatabaseFailures.IsRefusedByDatabase(exception))
        {
            DatabaseUnavailableHandler.MarkUnavailable(context.Response);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: Say(context, "Problem.CdsHooks.FeedbackUnavailable"),
                detail: Say(context, "Problem.CdsHooks.FeedbackUnavailable.Detail"));
        }

        context.RequestServices.GetService<DatabaseOutageLog>()?.RefusedByDatabase($"{context.Request.Method} {context.Request.Path.Value} answered {DatabaseUnavailableHandler.RefusedStatus}", exception);
        return Results.Problem(
            statusCode: DatabaseUnavailableHandler.RefusedStatus,
            title: Say(context, "Problem.CdsHooks.FeedbackRefused"),
            detail: Say(context, "Problem.CdsHooks.FeedbackRefused.Detail"));
    }

    private static IResult Unavailable(HttpContext context) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: Say(context, "Problem.CdsHooks.LogUnavailable"),
        detail: Say(context, "Problem.CdsHooks.LogUnavailable.Detail"));

    /// <summary>The database answered and refused: no outage, so no invitation to try again; the cause is logged (Error).</summary>
    private static IResult Refused(HttpContext context) => Results.Problem(
        statusCode: DatabaseUnavailableHandler.RefusedStatus,
        title: Say(context, "Problem.CdsHooks.Refused"),
        detail: Say(context, "Problem.CdsHooks.Refused.Detail"));

    /// <summary>
    /// The answer was recorded in the decision log, and then its cards could not be stored (their own transaction, after
    /// the log's): no card is sent, and the answer says what was recorded (the entry's sequence and id, also as
    /// <c>sequence</c> and <c>entryId</c>), never "nothing was recorded". 409 where the database refused the cards (no
    /// outage: logged at Error), 503 with Retry-After where it could not be reached (a call sent again is recorded as an
    /// entry of its own).
    /// </summary>
    private static IResult CardsNotStored(HttpContext context, CdsHookCardsNotStoredException exception)
    {
        var refused = exception.RefusedByDatabase;
        var status = refused ? DatabaseUnavailableHandler.RefusedStatus : StatusCodes.Status503ServiceUnavailable;
        if (!refused)
        {
            DatabaseUnavailableHandler.MarkUnavailable(context.Response);
        }

        var entry = (exception.IsScreening ? "screening " : "answer ") + $"{exception.Sequence} ({exception.EntryId})";
        context.RequestServices.GetService<DatabaseOutageLog>()?.CardsNotStored($"{context.Request.Method} {context.Request.Path.Value} answered {status}", entry, exception.InnerException!, refused);
        var what = Say(context, exception.IsScreening ? "CdsHooks.Problem.Screening" : "CdsHooks.Problem.Answer");
        return Results.Problem(
            statusCode: status,
            title: Say(context, refused ? "Problem.CdsHooks.CardsRefused" : "Problem.CdsHooks.CardsNotStored"),
            detail: Say(context, refused ? "CdsHooks.Problem.CardsRefused.Detail" : "CdsHooks.Problem.CardsNotStored.Detail", what, exception.Sequence, exception.EntryId),
            extensions: new Dictionary<string, object?> { ["entryId"] = exception.EntryId, ["sequence"] = exception.Sequence });
    }

    /// <summary>The app's own address as the caller sees it (behind forwarded headers), for links on cards.</summary>
    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        // A chart's prefetch may be larger than the server's 1 MB for every other request: this endpoint reads up to its
        // own limit, and one byte more tells it the body was too large (a field message, not the server's exception).
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength.Value : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        // One leading UTF-8 byte-order mark, as Windows tools write it, is not part of the JSON (RFC 8259 section 8.1).
        return JsonBodyText.WithoutByteOrderMark(buffer.ToArray());
    }
}
