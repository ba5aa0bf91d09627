using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// Rate limits: sign-in attempts per client address (slows password guessing on top of account lockout), and API
/// calls per signed-in user or, failing that, per address. Limits come from configuration (<c>RateLimiting:*</c>)
/// so that a load test can raise them; the defaults suit a clinic.
/// </summary>
public static class RateLimits
{
    /// <summary>Policy name for sign-in endpoints and the sign-in page's post.</summary>
    public const string SignIn = "sign-in";

    /// <summary>
    /// The <c>type</c> of the API's 429 problem: RFC 6585's definition of 429, as the other problems name the RFC 9110
    /// section of their status (the framework knows no type for 429; QA12 G6).
    /// </summary>
    public const string TooManyRequestsType = "https://tools.ietf.org/html/rfc6585#section-4";

    /// <summary>
    /// The <see cref="HttpContext.Items"/> key of the seconds a refused request's caller should wait (its Retry-After), for
    /// the 429 page (Pages/Error.cshtml).
    /// </summary>
    public const string RetryAfterItem = "ketaminecds.retry-after-seconds";

    /// <summary>
    /// The 429 problem's detail: which limit (the sign-in limit counts attempts per client address, shared by everyone
    /// behind it), and how long to wait, from the limiter's Retry-After (QA141 F6).
    /// </summary>
    public static string Detail(ClinicalText text, bool signIn, int? seconds)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Message(signIn ? "Problem.RateLimited.SignIn.Detail" : "Problem.RateLimited.Detail", Wait(text, seconds));
    }

    /// <summary>"Try again in 12 seconds." (from the limiter's Retry-After), or "Wait a moment and try again." without one.</summary>
    public static string Wait(ClinicalText text, int? seconds)
    {
        ArgumentNullException.ThrowIfNull(text);
        return seconds switch
        {
            null => text.Message("Problem.RateLimited.WaitAMoment"),
            1 => text.Message("Problem.RateLimited.WaitOneSecond"),
            _ => text.Message("Problem.RateLimited.WaitSeconds", seconds.Value),
        };
    }

    /// <summary>Whether the request is one of the sign-in limiter's (a sign-in, refresh or password change attempt).</summary>
    public static bool IsSignIn(HttpContext context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == SignIn;

    public static IServiceCollection AddKetamineCdsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimiting:SignInPerMinute", 10);
        var apiPerMinute = configuration.GetValue("RateLimiting:ApiPerMinute", 600);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = static async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                int? seconds = null;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                    http.Response.Headers.RetryAfter = seconds.Value.ToString(CultureInfo.InvariantCulture);
                    http.Items[RetryAfterItem] = seconds.Value;
                }

                // A page (the sign-in form) gets the app's own page for 429, in its language and layout (the status
                // code pages re-execute /Error, which says how long to wait and gives the sign-in form back); an API
                // caller gets a problem.
                if (!Hardening.IsApi(http))
                {
                    http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    return;
                }

                // The detail says how long to wait (QA141 F6), in the request's language: a text with a value in it is not
                // one the problem localizer matches, so it is written here in the request's words.
                var text = http.RequestServices.GetRequiredService<ClinicalText>();
                await Results.Problem(
                        title: "Too many requests",
                        detail: Detail(text, IsSignIn(http), seconds),
                        statusCode: StatusCodes.Status429TooManyRequests,
                        type: TooManyRequestsType)
                    .ExecuteAsync(http);
            };

            // Only attempts count: loading the sign-in page (GET) is not limited.
            options.AddPolicy(SignIn, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("sign-in-page")
                : RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signInPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));

            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("pages");
                }

                var who = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "ip:" + ClientAddress(context);
                return RateLimitPartition.GetTokenBucketLimiter(who, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = apiPerMinute,
                    TokensPerPeriod = Math.Max(1, apiPerMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
