using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// Starts an API session and writes its tokens as the response, in the shape of Identity's bearer handler
/// (<c>{"tokenType","accessToken","expiresIn","refreshToken"}</c>, protected with the bearer scheme's own protectors, so
/// that the bearer handler reads them). It writes them itself because the bearer handler always gives the access token
/// <see cref="BearerTokenOptions.BearerTokenExpiration"/> and says so in <c>expiresIn</c>, even when the session's
/// absolute end (<see cref="SessionLifetimeOptions.AbsoluteLifetime"/>) comes sooner. Here both tokens end when their
/// session ends, and <c>expiresIn</c> says how many whole seconds remain until then.
/// </summary>
public sealed class ApiTokens(
    ServerSessions sessions,
    IOptionsMonitor<BearerTokenOptions> bearer,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock)
{
    /// <summary>
    /// Starts the session and writes the tokens; false (nothing written) when <paramref name="familyId"/> was ended
    /// meanwhile (a reuse of one of its refresh tokens racing this refresh).
    /// </summary>
    /// <param name="context">The request to answer.</param>
    /// <param name="user">The principal the tokens carry; it gains the session's claim.</param>
    /// <param name="properties">The sign-in's properties, if any.</param>
    /// <param name="signedInAt">When the user signed in with a password, for a refresh; null for a sign-in now.</param>
    /// <param name="familyId">The token family a refresh continues; null for a sign-in.</param>
    public async Task<bool> IssueAsync(
        HttpContext context, ClaimsPrincipal user, AuthenticationProperties? properties, DateTimeOffset? signedInAt, string? familyId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An API session needs the user's id.");
        var stamp = user.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        var session = await sessions.StartApiAsync(userId, stamp, signedInAt, options.BearerTokenExpiration, familyId, context.RequestAborted);
        if (session is null)
        {
            return false;
        }

        user.Identities.First().AddClaim(new Claim(ApiTokenHandler.SessionClaim, session.Id));
        var now = clock.GetUtcNow();
        // A ticket keeps its end in whole seconds; round down, so that neither token nor expiresIn outlives the session.
        var expires = new DateTimeOffset(session.ExpiresAt.Ticks - (session.ExpiresAt.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        properties ??= new AuthenticationProperties();
        properties.IssuedUtc = now;
        properties.ExpiresUtc = expires;
        var response = new AccessTokenResponse
        {
            AccessToken = options.BearerTokenProtector.Protect(new AuthenticationTicket(user, properties, $"{IdentityConstants.BearerScheme}:AccessToken")),
            ExpiresIn = Math.Max(0, (long)(expires - now).TotalSeconds),
            RefreshToken = options.RefreshTokenProtector.Protect(
                new AuthenticationTicket(user, new AuthenticationProperties { ExpiresUtc = expires }, $"{IdentityConstants.BearerScheme}:RefreshToken")),
        };
        await context.Response.WriteAsJsonAsync(response, context.RequestAborted);
        return true;
    }
}
