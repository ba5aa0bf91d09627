using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// A page session ends after 15 minutes without a request (<see cref="Hardening.IdleTimeout"/>): every request that
/// carries a live page session restarts those 15 minutes (<see cref="CheckSlidingExpiration"/>; the cookie handler's own
/// default renews only once half of them have passed, which ended a session 7.5 to 15 minutes after the last click, QA11
/// F11). A renewal is one UPDATE of the session's row, on top of the lookup every request already makes; static files
/// are served before authentication and renew nothing. A clinician can spend longer than 15 minutes typing one history.
/// So that what they typed is not lost to the idle timeout:
/// <list type="bullet">
/// <item>every page tells its script when this session will end (<see cref="EndsAt"/>, on the page's body);</item>
/// <item>the script (<c>wwwroot/js/session.js</c>) calls <c>GET /Account/KeepAlive</c> while the clinician is typing in
/// a form, which renews the idle timeout at once; typing is activity, even though it sends no request of its own. It
/// calls it at most every 30 seconds, and never later than 30 seconds after a keystroke, so that the session ends at
/// most 30 seconds later than 15 minutes after the last keystroke (QA11 F10);</item>
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
    /// The cookie handler's sliding-expiration check: every request renews the session at once (the idle end becomes
    /// 15 minutes from now), except the keep-alive's <c>?check=true</c>; and it remembers when this request leaves the
    /// session ending (the idle end or the absolute end, whichever is sooner).
    /// </summary>
    public static Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        // ?check=true asks whether the session is still live without renewing it (the page's own end has passed).
        context.ShouldRenew = !(http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase) && IsCheck(http.Request));

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
                // A small problem for the script that asks (it reads only the status), never the error page's HTML
                // (QA141 F7): a body of its own keeps the status code pages from re-executing /Error.
                return Results.Problem(title: "No session", detail: "There is no session, or it has ended: sign in again.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var secondsLeft = (long)Math.Max(0, (endsAt - clock.GetUtcNow()).TotalSeconds);
            return Results.Json(new { endsAt = endsAt.ToString("O", CultureInfo.InvariantCulture), secondsLeft });
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
