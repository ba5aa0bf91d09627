using System.Net;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KetamineCds.Web.Security;

/// <summary>
/// Security hardening that does not depend on any one page: no demo password outside Development, secure cookies,
/// data-protection keys shared through the database and encrypted with a certificate, HTTPS and HSTS outside Development, request size limits,
/// rate limits, security headers, and error pages without stack traces.
/// </summary>
public static class Hardening
{
    /// <summary>The detail of a 400 for a JSON body the endpoint could not read (ClinicalText: <c>Problem.UnreadableBody</c>).</summary>
    public const string UnreadableBodyDetail = "The request body could not be read: send one JSON object with the fields and types this endpoint documents (/openapi/v1.json).";

    /// <summary>Page sessions end after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Largest request body the server accepts at all (the API sets a smaller limit of its own).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddKetamineCdsHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        DemoAccounts.RefuseDemoPasswordOutsideDevelopment(builder.Environment, builder.Configuration);
        DemoAccounts.RefuseDemoBootstrapAdminOutsideDevelopment(builder.Environment, builder.Configuration);

        if (!builder.Environment.IsDevelopment())
        {
            RequireAllowedHosts(builder.Configuration);

            // Every cookie is Secure outside Development: the sign-in cookie and Identity's other cookies, the
            // anti-forgery cookie, the TempData cookie, and (the cookie policy) anything else the app ever appends.
            services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
        }

        // The TempData cookie carries a notice from a post to the page it redirects to, both on this site: SameSite=Strict
        // like the session and anti-forgery cookies (QA114 F7). Only the language cookie is Lax (LanguageEndpoint says why).
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SameSite = SameSiteMode.Strict);

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("KetamineCds")
            .PersistKeysToDbContext<KetamineCdsDbContext>();
        // Keys at rest: encrypted with the configured certificate (Development makes one); see DataProtectionCertificate.
        if (DataProtectionCertificate.Load(builder.Configuration, builder.Environment) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else
        {
            services.AddSingleton(new UnencryptedDataProtectionKeys());
        }

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options =>
        {
            options.ValueCountLimit = 256;
            options.MultipartBodyLengthLimit = MaxRequestBodyBytes;
        });

        if (builder.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            var (proxies, networks) = TrustedProxies(builder.Configuration);
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // Only the configured proxies are believed: a client talking to the app directly cannot choose its
                // own address (and so its own sign-in rate-limit partition) with X-Forwarded-For.
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(proxy);
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(network);
                }

                options.ForwardLimit = 1;
            });
        }

        services.AddKetamineCdsRateLimits(builder.Configuration);
        // A body the minimal API binder could not read (not JSON, or the wrong shape) answers 400 without a word; say what
        // to send instead. The binder's own reason is only logged, so the message is the same for every such body.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails is { Status: StatusCodes.Status400BadRequest, Detail: null } and not HttpValidationProblemDetails
                && context.HttpContext.Request.HasJsonContentType())
            {
                context.ProblemDetails.Detail = UnreadableBodyDetail;
            }
        });
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<UnreadableRequestHandler>();
        services.AddSingleton<DatabaseOutageLog>();
        return builder;
    }

    /// <summary>
    /// The proxies whose forwarded headers are believed: <c>ForwardedHeaders:KnownProxies</c> (addresses) and
    /// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), as arrays or comma-separated lists. Forwarded headers with
    /// no proxy configured would trust nobody and are refused at start-up, as is a value that does not parse.
    /// </summary>
    internal static (IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks) TrustedProxies(IConfiguration configuration)
    {
        var proxies = Values(configuration, "ForwardedHeaders:KnownProxies")
            .Select(v => IPAddress.TryParse(v, out var address) ? address : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{v}' is not an IP address."))
            .ToList();
        var networks = Values(configuration, "ForwardedHeaders:KnownNetworks")
            .Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{v}' is not a CIDR range such as 10.0.0.0/8."))
            .ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            throw new InvalidOperationException("ForwardedHeaders:Enabled is set but neither ForwardedHeaders:KnownProxies nor ForwardedHeaders:KnownNetworks names the reverse proxy; the app will not believe X-Forwarded-For from anybody else.");
        }

        return (proxies, networks);
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).ToList();
        if (section.Value is { } single)
        {
            items.Add(single);
        }

        return items.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// Outside Development, refuses to start when <c>appsettings.json</c> is not in the content root: the content root
    /// is the working directory unless set (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>), so the published app
    /// started from another folder would silently run on the code's defaults, among them no second factor for
    /// administrators (<c>Accounts:SecondFactorRequiredRoles</c>).
    /// </summary>
    public static WebApplicationBuilder RequireAppSettingsOutsideDevelopment(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = builder.Environment.ContentRootPath;
        if (!builder.Environment.IsDevelopment() && !File.Exists(Path.Combine(root, "appsettings.json")))
        {
            throw new InvalidOperationException(
                $"Refusing to start: there is no appsettings.json in the content root '{root}', so the app's settings (among them "
                + "the administrators' second factor) would not be read. Start the app from the folder that holds "
                + "KetamineCds.Web.dll and appsettings.json (systemd: WorkingDirectory=), or pass --contentRoot with that folder.");
        }

        return builder;
    }

    /// <summary>
    /// Outside Development the app answers only the host names it is published under (<c>AllowedHosts</c>, e.g.
    /// <c>clinic.example</c>); host filtering answers 400 to any other <c>Host</c>. A wildcard or empty value is refused
    /// at start-up.
    /// </summary>
    private static void RequireAllowedHosts(ConfigurationManager configuration)
    {
        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            throw new InvalidOperationException("Refusing to start: AllowedHosts must name the host(s) the app is published under outside Development (e.g. AllowedHosts=clinic.example), not '*'.");
        }
    }

    /// <summary>
    /// The JSON endpoints machines call: the API and the CDS Hooks services (an EHR calls them with its own bearer
    /// token and reads JSON). They answer with problem details, never a page, and answer their callers themselves.
    /// </summary>
    internal static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/cds-services");

    /// <summary>The text a request over plain HTTP gets outside Development: a page's as text, the API's as problem details.</summary>
    public const string PlainHttpRefused =
        "KetamineCds serves its pages and its API over HTTPS only. Open the address your clinic published (https://...), or, if you run "
        + "the app, put it behind the TLS proxy with ForwardedHeaders:Enabled, or set https_port (docs/security.md).";

    /// <summary>
    /// The text a page requested over plain HTTP gets: <see cref="PlainHttpRefused"/> in English and in Chinese, since it
    /// is answered before the request's language is known (the language cookie is Secure and never crosses plain HTTP).
    /// </summary>
    public const string PlainHttpRefusedPage = PlainHttpRefused + "\n\n"
        + "KetamineCds 仅通过 HTTPS 提供页面和 API。请打开诊所公布的地址（https://...）；如果您负责运行本应用，请将其置于 TLS 代理之后并启用 "
        + "ForwardedHeaders:Enabled，或设置 https_port（docs/security.md）。";

    private static Task RefusePlainHttpAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(PlainHttpRefusedPage);
    }

    /// <summary>
    /// An API or CDS Hooks call over plain HTTP, outside Development: refused with problem details before anything in
    /// it (a password, a bearer token, a patient's data) is read, and never redirected, so that a client that sent it
    /// in the clear learns to stop rather than to follow.
    /// </summary>
    private static Task RefusePlainHttpApiAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                Title = "HTTPS is required.",
                Status = StatusCodes.Status400BadRequest,
                Detail = PlainHttpRefused,
            },
            options: null,
            contentType: "application/problem+json");
    }

    /// <summary>The default status code handler: problem details where the caller accepts them, else a line of text.</summary>
    private static readonly Func<StatusCodeContext, Task> DefaultStatus = new StatusCodePagesOptions().HandleAsync;

    /// <summary>The title of the 405 problem (<c>Problem.MethodNotAllowed</c>, translated as the other problem texts are).</summary>
    public const string MethodNotAllowedTitle = "The method is not allowed here.";

    /// <summary>
    /// The 405 problem for a path that answers only <paramref name="allowed"/> (the <c>Allow</c> header's value): "/api/v1/ruleset
    /// answers GET, not DELETE.". The one builder for routing's 405 and the CDS Hooks catch-all's.
    /// </summary>
    public static ProblemDetails MethodNotAllowed(HttpContext http, string allowed) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        Title = MethodNotAllowedTitle,
        Status = StatusCodes.Status405MethodNotAllowed,
        Detail = Localization.ClinicalText.Shared.Message("Problem.MethodNotAllowed.Detail", http.Request.Path.ToString(), allowed, http.Request.Method),
    };

    /// <summary>
    /// An API or CDS Hooks error status without a body. A method the path does not answer (405, set by routing with the
    /// path's methods in <c>Allow</c>) is a problem that names them: "/api/v1/ruleset answers GET, not DELETE.", always
    /// <c>application/problem+json</c>, as every API answer is, even to a caller that accepts only HTML (it was the
    /// routing's bare problem with no detail, or plain text). A body that is not JSON (415, set by routing for an endpoint
    /// that declares the JSON it accepts, or by the framework's binder) is <see cref="JsonRequestBody"/>'s problem, the one
    /// every endpoint that reads JSON answers (QA141 F5: it was a title alone, in English). Any other status: the default
    /// (problem details).
    /// </summary>
    private static async Task ApiStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        ProblemDetails problem;
        switch (http.Response.StatusCode)
        {
            case StatusCodes.Status405MethodNotAllowed:
                problem = MethodNotAllowed(http, http.Response.Headers.Allow.ToString());
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                problem = JsonRequestBody.Problem(http);
                break;
            case StatusCodes.Status401Unauthorized:
                problem = Unauthorized(http);
                break;
            case StatusCodes.Status403Forbidden when http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase):
                problem = await ForbiddenAsync(http);
                break;
            case StatusCodes.Status404NotFound when http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase):
                problem = NoSuchRoute(http);
                break;
            default:
                await DefaultStatus(context);
                return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            // A caller that accepts no JSON: the same problem, in the request's language, written directly.
            http.RequestServices.GetRequiredService<Localization.ClinicalText>().Localize(problem);
            await http.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }

    /// <summary>
    /// The 401 problem of the bearer API when the handler wrote no body of its own (helper-224's QA walk: a bare
    /// "Unauthorized", the same for no token and for one expired, revoked or garbled, so a client could not tell what to
    /// do). With no token: how to send one. With a token: that it is not accepted and how to get a new one, and
    /// <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750, section 3.1). Which of expired, revoked or garbled is
    /// not said: the handler does not tell them apart, and a guess would mislead.
    /// </summary>
    private static ProblemDetails Unauthorized(HttpContext http)
    {
        // A bearer token sent (any letter case of the scheme, as the handler reads it); another scheme is no token.
        var header = http.Request.Headers.Authorization.ToString().Trim();
        var sent = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header["Bearer ".Length..].Trim().Length > 0;
        if (sent)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        return new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            Title = Localization.ClinicalText.Shared.Message(sent ? "Problem.Unauthorized.TokenRefused" : "Problem.Unauthorized.NoToken"),
            Status = StatusCodes.Status401Unauthorized,
            Detail = Localization.ClinicalText.Shared.Message(sent ? "Problem.Unauthorized.TokenRefused.Detail" : "Problem.Unauthorized.NoToken.Detail"),
        };
    }

    /// <summary>
    /// The 403 problem of an API route whose policy refused the signed-in user's roles (helper 235's walk: a bare
    /// "Forbidden"): which roles the route is open to, read from the endpoint's policies, and that the refusal is recorded
    /// (<see cref="RefusalAuditing"/>). The account gate's 403 and the password change's write their own bodies.
    /// </summary>
    private static async Task<ProblemDetails> ForbiddenAsync(HttpContext http)
    {
        var provider = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider>();
        var roles = new List<string>();
        foreach (var name in http.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).OfType<string>() ?? [])
        {
            if (await provider.GetPolicyAsync(name) is { } policy)
            {
                roles.AddRange(policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles));
            }
        }

        var text = Localization.ClinicalText.Shared;
        return new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            Title = text.Message("Problem.Forbidden.Role"),
            Status = StatusCodes.Status403Forbidden,
            Detail = roles.Count > 0
                ? text.Message("Problem.Forbidden.Role.Detail", http.Request.Method, http.Request.Path.ToString(), string.Join(", ", roles.Distinct(StringComparer.Ordinal)))
                : text.Message("Problem.Forbidden.Role.DetailNoRoles", http.Request.Method, http.Request.Path.ToString()),
        };
    }

    /// <summary>
    /// The 404 of a path under /api that no route answers (helper 235's walk: a bare "Not Found", as an unknown screening id
    /// once was): names the path and where the routes are listed. A route's own 404 (an unknown id) writes its own body.
    /// </summary>
    private static ProblemDetails NoSuchRoute(HttpContext http) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        Title = Localization.ClinicalText.Shared.Message("Problem.NoSuchRoute"),
        Status = StatusCodes.Status404NotFound,
        Detail = Localization.ClinicalText.Shared.Message("Problem.NoSuchRoute.Detail", http.Request.Path.ToString()),
    };

    /// <summary>
    /// Development's answer to a database that could not be reached or refused the request: <see cref="DatabaseUnavailableHandler"/>'s
    /// 503 (or 409), as outside Development, where <c>UseExceptionHandler</c> calls it. Development has no exception
    /// handler, so such a failure before the endpoint ran (the bearer token's session lookup, a sign-in) reached the
    /// developer exception page, a 500 with the stack, and the kept screening form was not told that nothing was stored
    /// (helper 330's QA walk); the demo clinics run Development. Any other exception, and one after the response has
    /// started, is not caught: it still reaches the developer exception page.
    /// </summary>
    private static async Task AnswerDatabaseFailuresAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted
            && (DatabaseFailures.IsUnreachable(exception) || DatabaseFailures.IsRefusedByDatabase(exception)))
        {
            // As UseExceptionHandler does before it calls the handlers: nothing the failed request set is sent.
            context.Response.Clear();
            var handler = context.RequestServices.GetServices<IExceptionHandler>().OfType<DatabaseUnavailableHandler>().Single();
            if (!await handler.TryHandleAsync(context, exception, context.RequestAborted))
            {
                throw;
            }
        }
    }

    /// <summary>The middleware half; call before routing-dependent middleware.</summary>
    public static WebApplication UseKetamineCdsHardening(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseCookiePolicy();
            // The API answers with problem details, pages with a friendly error page; neither shows a stack trace.
            app.UseWhen(IsApi, api => api.UseExceptionHandler());
            app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseExceptionHandler("/Error"));
            app.UseHsts();
            // The API and the CDS Hooks services over plain HTTP: refused, not redirected (see RefusePlainHttpApiAsync).
            // Behind the TLS proxy with ForwardedHeaders:Enabled the scheme is the proxy's, https.
            app.UseWhen(ctx => !ctx.Request.IsHttps && IsApi(ctx), http => http.Run(RefusePlainHttpApiAsync));
            app.UseHttpsRedirection();

            // Pages need HTTPS here (their cookies are Secure). Where no HTTPS address is known to redirect to (no
            // https_port, no forwarded headers from the proxy), say so plainly rather than failing on the antiforgery
            // cookie with a 500. Health checks stay reachable for the container.
            app.UseWhen(
                ctx => !ctx.Request.IsHttps && !IsApi(ctx) && !ctx.Request.Path.StartsWithSegments("/health"),
                http => http.Run(RefusePlainHttpAsync));
        }
        else
        {
            // Development keeps the developer exception page for bugs, but not for the database: see AnswerDatabaseFailures.
            app.Use(AnswerDatabaseFailuresAsync);
        }

        // Error statuses: problem details for the API, the friendly error page for pages.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(ApiStatusAsync));
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
        return app;
    }
}
