using System.Security.Claims;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// <c>POST /api/auth/refresh</c>: trades the <c>refreshToken</c> of a sign-in (or of an earlier refresh) for a new access
/// token and refresh token, the way Identity's own refresh endpoint does, with the API session's rules on top. It
/// succeeds only while the token's server-side session is live (not signed out, not past its end) and the account is
/// unchanged: same security stamp (locking, a password reset or change, a role change all change it), not locked out,
/// still allowed to sign in. The old session ends and a new one starts with the same sign-in time, so each refresh
/// token works once, the old access token stops working, and no chain of refreshes outlives
/// <see cref="SessionLifetimeOptions.AbsoluteLifetime"/>. A refresh token is itself only valid as long as an access
/// token (<see cref="BearerTokenOptions.RefreshTokenExpiration"/> is set to the same hour): refresh before
/// <c>expiresIn</c> runs out, or sign in again.
/// </summary>
public sealed class ApiTokenRefresh(
    IOptionsMonitor<BearerTokenOptions> bearer,
    ServerSessions sessions,
    SignInManager<ApplicationUser> signIn,
    TimeProvider clock)
{
    /// <summary>The outcome: whether new tokens were written, and the account's email when the token named one.</summary>
    public readonly record struct Outcome(bool Succeeded, string? Email);

    /// <summary>
    /// Checks the refresh token and, when it holds, signs in again with the API scheme (which writes the new tokens as
    /// the response); otherwise writes nothing.
    /// </summary>
    public async Task<Outcome> RefreshAsync(HttpContext context, string refreshToken)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow())
        {
            return new(false, null);
        }

        var principal = ticket.Principal;
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name;
        var session = await sessions.FindAsync(principal.FindFirstValue(ApiTokenHandler.SessionClaim), context.RequestAborted);
        if (session is not { Kind: UserSession.ApiKind }
            || !string.Equals(session.UserId, principal.FindFirstValue(ClaimTypes.NameIdentifier), StringComparison.Ordinal))
        {
            return new(false, email);
        }

        var user = await signIn.ValidateSecurityStampAsync(principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            return new(false, email);
        }

        // One use: of two refreshes racing with the same token, only the one that ends the session goes on.
        if (!await sessions.EndAsync(session.Id, context.RequestAborted))
        {
            return new(false, email);
        }

        // The account as it is now (roles, the must-change-password state), signed in the way it was (password or second factor).
        var renewed = await signIn.CreateUserPrincipalAsync(user);
        if (principal.FindFirst("amr") is { } method && renewed.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim("amr", method.Value));
        }

        var properties = new AuthenticationProperties();
        properties.SetParameter(ApiTokenHandler.SignedInAtParameter, (DateTimeOffset?)new DateTimeOffset(session.CreatedAt, TimeSpan.Zero));
        await context.SignInAsync(ApiTokenHandler.SchemeName, renewed, properties);
        return new(true, user.Email ?? email);
    }
}
