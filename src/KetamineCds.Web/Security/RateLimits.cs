using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

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
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                // A page (the sign-in form) gets the app's own page for 429, in its language and layout (the status
                // code pages re-execute /Error); an API caller gets a problem.
                if (!Hardening.IsApi(http))
                {
                    http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    return;
                }

                await Results.Problem(
                        title: "Too many requests",
                        detail: "Too many requests from this account or address. Wait a moment and try again.",
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
