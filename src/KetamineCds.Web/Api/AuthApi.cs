using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Api;

/// <summary>
/// The credentials of <c>POST /api/auth/login</c>. An account with a second factor adds <c>twoFactorCode</c> (from the
/// authenticator app) or <c>twoFactorRecoveryCode</c>, as Identity's own login endpoint names them.
/// </summary>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

/// <summary>
/// <c>POST /api/auth/login</c>: Identity's bearer-token sign-in. The bearer handler writes
/// <c>{"tokenType":"Bearer","accessToken":...,"expiresIn":N,"refreshToken":...}</c>. No registration endpoint exists.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Authentication")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<IResult> LoginAsync(LoginRequest login, HttpContext context, SignInManager<ApplicationUser> signIn, IAccessAudit audit)
    {
        var email = login.Email?.Trim() ?? "";
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = string.IsNullOrEmpty(email) || string.IsNullOrEmpty(login.Password)
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(email, login.Password, isPersistent: false, lockoutOnFailure: true);

        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrWhiteSpace(login.TwoFactorCode))
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(Authenticator.CleanCode(login.TwoFactorCode), isPersistent: false, rememberClient: false);
            }
            else if (!string.IsNullOrWhiteSpace(login.TwoFactorRecoveryCode))
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(Authenticator.CleanRecoveryCode(login.TwoFactorRecoveryCode));
            }
            else
            {
                // The password was right: say that a code is needed (Identity's own endpoint answers "RequiresTwoFactor").
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Second factor required.",
                    detail: "This account has a second factor: send twoFactorCode (from the authenticator app) or twoFactorRecoveryCode with the email and password.",
                    extensions: new Dictionary<string, object?> { ["code"] = "RequiresTwoFactor" });
            }
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(new AccessEvent(result.IsLockedOut ? AccessEventKind.LockedOut : AccessEventKind.SignInFailed,
                email, null, null, "api", context.GetCorrelationId()));
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: "The email or password is not right, or the account is locked.");
        }

        await audit.RecordAsync(new AccessEvent(AccessEventKind.SignIn, email, null, null, "api", context.GetCorrelationId()));

        // SignInAsync with the bearer scheme has already written the token response.
        return Results.Empty;
    }
}
