using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// A page session ends after 15 minutes without a request (<see cref="Hardening.IdleTimeout"/>), and a clinician can
/// spend longer than that typing one history. So that what they typed is not lost to the idle timeout:
/// <list type="bullet">
/// <item>every page tells its script when this session will end (<see cref="EndsAt"/>, on the page's body);</item>
/// <item>the script (<c>wwwroot/js/session.js</c>) calls <c>GET /Account/KeepAlive</c> while the clinician is typing in
/// a form, which renews the idle timeout at once; typing is activity, even though it sends no request of its own;</item>
/// <item>two minutes before an idle session ends the page offers "Stay signed in", and once it has ended the page says so
/// and keeps what was typed, so that the clinician can sign in again in another tab and then send it.</item>
/// </list>
/// The absolute lifetime is never extended. The keep-alive answers <c>{"endsAt", "secondsLeft"}</c>, with no cache;
/// without a live page session, 401 (it never redirects, so the script can tell). With <c>?check=true</c> it only says
/// whether the session is still live, and renews nothing: the page asks so when its own reckoning of the end has passed,
/// and an idle session must not be kept alive by that question.
/// </summary>
public static class SessionKeepAlive
{
    public const string Path = "/Account/KeepAlive";

    private const string EndsAtItem = "ketaminecds.session-ends-at";

    /// <summary>
    /// The cookie handler's sliding-expiration check: renews the session at once on the keep-alive, and remembers when
    /// this request leaves the session ending (the idle end or the absolute end, whichever is sooner).
    /// </summary>
    public static Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase))
        {
            // ?check=true asks whether the session is still live without renewing it (the page's own end has passed).
            context.ShouldRenew = !IsCheck(http.Request);
        }

        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var idleEnd = context.ShouldRenew ? now + context.Options.ExpireTimeSpan : context.Properties.ExpiresUtc ?? now;
        var lifetime = http.RequestServices.GetRequiredService<IOptions<SessionLifetimeOptions>>().Value.AbsoluteLifetime;
        var absoluteEnd = context.Properties.Items.TryGetValue(DatabaseTicketStore.StartedItem, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started)
                ? started + lifetime
                : idleEnd;
        http.Items[EndsAtItem] = idleEnd < absoluteEnd ? idleEnd : absoluteEnd;
        return Task.CompletedTask;
    }

    private static bool IsCheck(HttpRequest request) => string.Equals(request.Query["check"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>When this request leaves the page session ending, or null when it has none (or no sliding check ran).</summary>
    public static DateTimeOffset? EndsAt(HttpContext context) => context?.Items[EndsAtItem] as DateTimeOffset?;

    public static IEndpointRouteBuilder MapSessionKeepAlive(this IEndpointRouteBuilder app)
    {
        // Anonymous at the door so that an ended session gets a plain 401, not the sign-in page's redirect. SameSite=Strict
        // keeps the session cookie off another site's requests, so a GET is safe; it changes nothing but the idle end.
        app.MapGet(Path, (HttpContext context, TimeProvider clock) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (context.User.Identity?.IsAuthenticated != true || EndsAt(context) is not { } endsAt)
            {
                return Results.Unauthorized();
            }

            var secondsLeft = (long)Math.Max(0, (endsAt - clock.GetUtcNow()).TotalSeconds);
            return Results.Json(new { endsAt = endsAt.ToString("O", CultureInfo.InvariantCulture), secondsLeft });
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
