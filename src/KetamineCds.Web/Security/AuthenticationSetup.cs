using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// ASP.NET Core Identity with EF stores: a cookie for pages, Identity's bearer token for the API, both backed by a
/// server-side session (<see cref="ServerSessions"/>). There is no
/// self-registration (MapIdentityApi is deliberately not used: it exposes /register).
/// </summary>
public static class AuthenticationSetup
{
    /// <summary>The default scheme: forwards to the bearer token under /api, to the cookie elsewhere.</summary>
    public const string SelectorScheme = "KetamineCds";

    /// <summary>Shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    public static IServiceCollection AddKetamineCdsAuthentication(this IServiceCollection services)
    {
        services
            .AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // Password policy (OWASP ASVS 4.0.3 V2.1, docs/security.md): at least 12 characters, at most 128, any
                // characters, no composition rules; a password on or built on the common-password list is refused
                // (CommonPasswordValidator). Five failures lock an account for 15 minutes.
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<KetamineCdsDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddUserStore<HashedRecoveryCodeUserStore>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider under the same name: each code works once.
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<AccountNamePasswordValidator>()
            .AddPasswordValidator<ControlCharacterPasswordValidator>()
            .AddClaimsPrincipalFactory<AccountClaimsPrincipalFactory>();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section)
            .Validate(o => o.UnknownRoles.Count == 0, $"Accounts:SecondFactorRequiredRoles must name roles from: {string.Join(", ", Roles.All)}.")
            .ValidateOnStart();
        services.AddScoped<IPasswordHasher<ApplicationUser>, CommonPasswordAtSignInHasher>();

        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(1);
                // ApiTokens writes both tokens to end with their session (an hour, or the absolute end if sooner);
                // this only keeps the scheme's own default from claiming Identity's 14 days.
                options.RefreshTokenExpiration = options.BearerTokenExpiration;
                // The scheme's letter case does not matter (RFC 9110, section 11.1), as /cds-services reads it; the
                // handler's own reading takes "Bearer " only, so "bearer TOKEN" was a 401 (QA180 F3).
                options.Events.OnMessageReceived = context =>
                {
                    var header = context.Request.Headers.Authorization.ToString();
                    if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    {
                        context.Token = header["Bearer ".Length..].Trim();
                    }

                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, options =>
            {
                options.ForwardChallenge = IdentityConstants.BearerScheme;
                options.ForwardForbid = IdentityConstants.BearerScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie for pages, bearer token for the API", options =>
                options.ForwardDefaultSelector = context => context.Request.IsApiRequest() ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme);

        // Sessions live on the server (the database), so that signing out, locking an account or changing its password
        // or roles ends them on every instance, and so that they end absolutely after Sessions:AbsoluteLifetime.
        // Checked at start (QA114 F3): a value that is not a positive time span used to start an app where every sign-in
        // failed with a 500 while /health/ready said Healthy.
        services.AddOptions<SessionLifetimeOptions>()
            .Configure<IConfiguration>(SessionLifetimeOptions.Bind)
            .ValidateOnStart();
        services.AddSingleton<ServerSessions>();
        services.AddSingleton<LastAdministratorGuard>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<ApiTokens>();
        services.AddScoped<ApiTokenRefresh>();
        // Identity's other cookies (the two-factor ones between the password and the code, the external one) are
        // SameSite=Strict like the session cookie; Identity's default is Lax, and every step of a sign-in is on this site
        // (QA114 F7, docs/security.md).
        services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SameSite = SameSiteMode.Strict);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);

        // Decrypting a bearer token costs a key derivation; a client sends the same token on every call.
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<TimeProvider>((options, clock) => options.BearerTokenProtector = new CachedTicketFormat(options.BearerTokenProtector, clock));

        // AddIdentity makes the cookie the default; the API must use the bearer token only (a cookie never authenticates an
        // API call, so there is no cross-site request forgery on the API) and answer 401/403, never a redirect.
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = SelectorScheme;
            options.DefaultAuthenticateScheme = SelectorScheme;
            options.DefaultChallengeScheme = SelectorScheme;
            options.DefaultForbidScheme = SelectorScheme;
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle sign-out: a page session ends after 15 minutes without a request (sliding).
            options.ExpireTimeSpan = Hardening.IdleTimeout;
            options.SlidingExpiration = true;
            // Every request restarts the 15 minutes, not only one past half of them (the handler's default); the page
            // learns when its session ends; the keep-alive's check renews nothing (SessionKeepAlive).
            options.Events.OnCheckSlidingExpiration = SessionKeepAlive.CheckSlidingExpiration;

            // An API caller is never redirected to a sign-in page: it gets the status code.
            options.Events.OnRedirectToLogin = context => StatusOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder().AddKetamineCdsPolicies();
        // Every refusal of a signed-in user (an API 403, a page's access denied) is recorded in the access log first.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalAuditing>();
        return services;
    }

    /// <summary>Requires a policy and authenticates the endpoint with the bearer token only (API endpoints).</summary>
    public static TBuilder RequireApiPolicy<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute(policy) { AuthenticationSchemes = ApiTokenHandler.SchemeName });

    /// <summary>True for requests to the JSON API.</summary>
    public static bool IsApiRequest(this HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static Task StatusOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.IsApiRequest())
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        var location = LocalPart(redirectUri);
        if (status == StatusCodes.Status401Unauthorized)
        {
            var sent = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
            if (context.Request.Cookies.ContainsKey(AuthCookieName))
            {
                // The browser still sent a session cookie: the session ended (idle, expired, or ended by an administrator's
                // change). The sign-in page says so, and, when this request sent something (a post), that it was not saved;
                // a page only asked for (a result reloaded after the idle sign-out, session.js) had nothing to lose.
                location += (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "ended=true";
            }

            if (sent)
            {
                // Refused before anything was read or recorded, with or without a cookie (a browser that dropped it): the
                // sign-in page tells drafts.js, so that the form given back after signing in says nothing was recorded,
                // not that it may have been (helper 254).
                location += (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Pages.Account.LoginModel.UnsavedName + "=true";
            }
        }

        context.Response.Redirect(location);
        return Task.CompletedTask;
    }

    /// <summary>The page session's cookie.</summary>
    public const string AuthCookieName = "KetamineCds.Auth";

    /// <summary>
    /// The path and query of a redirect the cookie handler built from the request's own Host header: the browser
    /// stays on the host it asked for, and a forged <c>Host: evil.example</c> never comes back in a Location header.
    /// </summary>
    internal static string LocalPart(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery
            : redirectUri;
}
