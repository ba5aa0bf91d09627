using System.Security.Claims;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// Keeps this page session alive across a change of the account's security stamp (own password change, second factor
/// turned on or off), while every other session of the account ends. The server-side session is refused as soon as
/// the stamp changes (<see cref="ServerSessions"/>), so Identity's <c>RefreshSignInAsync</c>, which re-reads the current
/// cookie, finds nothing to refresh; instead the session is read before the change and signed in again after it, with
/// the same properties (its first sign-in time, so the absolute lifetime is not extended) and the same sign-in method.
/// </summary>
public sealed class SessionRenewal
{
    private readonly AuthenticationProperties? _properties;
    private readonly Claim[] _claims;

    private SessionRenewal(AuthenticateResult current)
    {
        _properties = current.Properties;
        _claims = current.Principal?.FindFirst("amr") is { } amr ? [new Claim("amr", amr.Value)] : [];
    }

    /// <summary>Reads the current page session; call before the stamp changes.</summary>
    public static async Task<SessionRenewal> BeforeStampChangeAsync(HttpContext context) =>
        new(await context.AuthenticateAsync(IdentityConstants.ApplicationScheme));

    /// <summary>Signs this browser in again with the account's new stamp.</summary>
    public Task AfterStampChangeAsync(SignInManager<ApplicationUser> signIn, ApplicationUser user) =>
        signIn.SignInWithClaimsAsync(user, _properties, _claims);
}
