using System.Security.Claims;
using System.Text.Encodings.Web;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// The API's authentication scheme: Identity's bearer token, tied to a server-side session. Signing in starts an API
/// session (<see cref="ServerSessions"/>) and puts its key in the token as the <see cref="SessionClaim"/> claim, then lets
/// the bearer handler write the token; every request decrypts the token with the bearer handler (through
/// <see cref="CachedTicketFormat"/>) and then checks the session in the database, so a token is refused at once after
/// <c>POST /api/auth/logout</c> and after its account is locked, its password changed or its roles changed, even while
/// its decrypted ticket is still cached. Challenges and forbids are the bearer handler's (401 and 403). A session lasts
/// as long as its token (<see cref="ApiTokens"/> writes both, never past the session's absolute end);
/// <c>POST /api/auth/refresh</c> (<see cref="ApiTokenRefresh"/>) replaces it with the next of its token family, which
/// keeps its sign-in time, so no refresh carries it past <see cref="SessionLifetimeOptions.AbsoluteLifetime"/>.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServerSessions sessions,
    ApiTokens tokens)
    : SignInAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "KetamineCdsApi";

    /// <summary>The claim holding the token's session key.</summary>
    public const string SessionClaim = "ketaminecds:session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return result.Failure is { } failure ? AuthenticateResult.Fail(failure) : AuthenticateResult.NoResult();
        }

        var session = await sessions.FindAsync(principal.FindFirstValue(SessionClaim), Context.RequestAborted);
        if (session is not { Kind: UserSession.ApiKind } || !string.Equals(session.UserId, principal.FindFirstValue(ClaimTypes.NameIdentifier), StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The session of this token has ended.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, result.Properties, Scheme.Name));
    }

    protected override Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties) =>
        // A sign-in with a password starts a new token family; a refresh continues its own (ApiTokenRefresh).
        tokens.IssueAsync(Context, user, properties, signedInAt: null, familyId: null);

    protected override async Task HandleSignOutAsync(AuthenticationProperties? properties)
    {
        var result = await AuthenticateAsync();
        if (result.Principal?.FindFirstValue(SessionClaim) is { } id)
        {
            await sessions.EndAsync(id, Context.RequestAborted);
        }
    }
}
