using System.Security.Claims;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// <c>POST /api/auth/refresh</c>: trades the <c>refreshToken</c> of a sign-in (or of an earlier refresh) for a new access
/// token and refresh token, the way Identity's own refresh endpoint does, with the API session's rules on top. It
/// succeeds only while the token's server-side session is live (not signed out, not past its end) and the account is
/// unchanged: same security stamp (locking, a password reset or change, a role change all change it), not locked out,
/// still allowed to sign in. The old session is marked replaced and the next of its token family starts with the same
/// sign-in time, so each refresh token works once, the old access token stops working, and no chain of refreshes
/// outlives <see cref="SessionLifetimeOptions.AbsoluteLifetime"/>. A refresh token is itself only valid as long as its
/// session (an hour at most). A refresh token presented again after it was traded (reuse: one of two holders of it
/// is not its rightful client) ends its whole family, the sessions of both holders (ADR 0007).
/// </summary>
public sealed class ApiTokenRefresh(
    IOptionsMonitor<BearerTokenOptions> bearer,
    ServerSessions sessions,
    ApiTokens tokens,
    SignInManager<ApplicationUser> signIn,
    TimeProvider clock,
    ILogger<ApiTokenRefresh> logger)
{
    /// <summary>
    /// The outcome: whether new tokens were written, the account's email when the token named one, whether the token was
    /// a reused one whose family has now been ended, and the account's roles for the access log (as the account holds them
    /// now when it was read, else as the token names them; null when the token could not be read).
    /// </summary>
    public readonly record struct Outcome(bool Succeeded, string? Email, bool Reused = false, IReadOnlyList<string>? AccountRoles = null);

    /// <summary>
    /// Checks the refresh token and, when it holds, starts the next session of its family and writes the new tokens as
    /// the response; otherwise writes nothing.
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
        var roles = AccessAuditing.HeldRoles(principal);
        var session = await sessions.FindForRefreshAsync(principal.FindFirstValue(ApiTokenHandler.SessionClaim), context.RequestAborted);
        if (session is null || !string.Equals(session.UserId, principal.FindFirstValue(ClaimTypes.NameIdentifier), StringComparison.Ordinal))
        {
            return new(false, email, AccountRoles: roles);
        }

        if (session.Replaced)
        {
            return await ReusedAsync(session, email, roles);
        }

        var user = await signIn.ValidateSecurityStampAsync(principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            return new(false, email, AccountRoles: roles);
        }

        // One use: of two refreshes racing with the same token, only the one that replaces the session goes on; the
        // other presented a token already traded, which is a reuse like any later one.
        if (!await sessions.ReplaceAsync(session.Id, CancellationToken.None))
        {
            return await ReusedAsync(session, email, roles);
        }

        // The account as it is now (roles, the must-change-password state), signed in the way it was (password or second factor).
        var renewed = await signIn.CreateUserPrincipalAsync(user);
        if (principal.FindFirst("amr") is { } method && renewed.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim("amr", method.Value));
        }

        // False when a reuse ended the family while this refresh was under way (that request recorded it): nothing is written.
        return await tokens.IssueAsync(context, renewed, null, session.SignedInAt, session.FamilyId)
            ? new(true, user.Email ?? email, AccountRoles: AccessAuditing.HeldRoles(renewed))
            : new(false, user.Email ?? email, AccountRoles: AccessAuditing.HeldRoles(renewed));
    }

    private async Task<Outcome> ReusedAsync(RefreshableSession session, string? email, IReadOnlyList<string> roles)
    {
        // Not cancelled with the request: a thief who hangs up must not keep the family alive.
        var ended = await sessions.EndFamilyAsync(session.FamilyId, CancellationToken.None);
        logger.LogWarning(
            "A refresh token of user {UserId} was presented after it had been used; its token family ({Sessions} sessions) was ended.",
            session.UserId, ended);
        return new(false, email, Reused: true, AccountRoles: roles);
    }
}
