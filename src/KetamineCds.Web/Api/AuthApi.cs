using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Api;

/// <summary>
/// <c>POST /api/auth/login</c>: Identity's bearer-token sign-in, tied to a server-side session. <see cref="ApiTokens"/>
/// writes <c>{"tokenType":"Bearer","accessToken":...,"expiresIn":N,"refreshToken":...}</c>, N the seconds until the
/// session ends. A body without an email or a
/// password answers a 400 validation problem keyed by <c>email</c> and <c>password</c>; a body that is not one JSON object
/// (not JSON, where it stops being JSON; an array, a string, null) answers a 400 whose one error, under <c>$</c>, says so
/// (<see cref="LoginUnreadable"/>), as the screening API answers it, never "enter the email address";
/// a property the endpoint does not read (<c>rememberMe</c>, a misspelt <c>twoFactorCod</c>) answers a 400 with its error
/// under its own name, as the screening API refuses a field its contract does not have (<see cref="LoginFieldsNeedAttention"/>;
/// it was ignored); none of these 400s is a sign-in attempt (nothing recorded, no lockout count);
/// every failure of well-formed credentials answers the same 401 (<see cref="PasswordSignIn"/>).
/// <c>POST /api/auth/refresh</c> trades <c>{"refreshToken"}</c> for new tokens while the session is live and the account
/// unchanged (<see cref="ApiTokenRefresh"/>); every refusal is the same 401, except a refresh token used a second time,
/// which ends every session of its sign-in and says so (<c>code</c> <c>RefreshTokenReused</c>). <c>POST /api/auth/logout</c> ends the
/// token's session: 204, and the token and its refresh token are refused from then on. No registration endpoint exists.
/// </summary>
public static class AuthApi
{
    /// <summary>The title of a login request without an email or a password (ClinicalText: <c>Problem.LoginIncomplete</c>).</summary>
    public const string LoginIncomplete = "Sign-in needs an email address and a password.";

    /// <summary>
    /// The title of a login request with an email and a password but a field refused: one it does not read, one that is not a
    /// string or is given twice (ClinicalText: <c>Problem.LoginFieldsNeedAttention</c>).
    /// </summary>
    public const string LoginFieldsNeedAttention = "No sign-in was attempted: some fields need attention.";

    /// <summary>The title of a login request whose body is not one JSON object (ClinicalText: <c>Problem.LoginUnreadable</c>).</summary>
    public const string LoginUnreadable = "The sign-in request could not be read: its body is not one JSON object. No sign-in was attempted.";

    /// <summary>The title of a refresh request whose body is not one JSON object (ClinicalText: <c>Problem.RefreshUnreadable</c>).</summary>
    public const string RefreshUnreadable = "The refresh request could not be read: its body is not one JSON object. Nothing was refreshed.";

    /// <summary>The title of a refresh request without a refresh token (ClinicalText: <c>Problem.RefreshIncomplete</c>).</summary>
    public const string RefreshIncomplete = "A refresh needs the refreshToken of a sign-in or of an earlier refresh.";

    /// <summary>The title of a refresh request with a refresh token but a field refused (ClinicalText: <c>Problem.RefreshFieldsNeedAttention</c>).</summary>
    public const string RefreshFieldsNeedAttention = "Nothing was refreshed: some fields need attention.";

    /// <summary>The title of every refused refresh (ClinicalText: <c>Problem.RefreshRefused</c>).</summary>
    public const string RefreshRefused = "Refresh refused.";

    /// <summary>The detail of every refused refresh (ClinicalText: <c>Problem.RefreshRefused.Detail</c>).</summary>
    public const string RefreshRefusedDetail = "The refresh token is not valid, or its session has ended: signed out, expired, the account was locked or changed, or every session of its sign-in was ended because one of its refresh tokens was used a second time. Sign in again with POST /api/auth/login.";

    /// <summary>The detail of a refresh refused because its token was used already (ClinicalText: <c>Problem.RefreshTokenReused.Detail</c>).</summary>
    public const string RefreshTokenReusedDetail = "This refresh token was already used. A refresh token that comes back after it was traded may have been copied, so every session of this sign-in has been ended, on every client that held one of its tokens. Sign in again with POST /api/auth/login.";

    /// <summary>The access audit's detail of a reused refresh token.</summary>
    public const string RefreshTokenReusedAudit = "api refresh: token reused; every session of its sign-in ended";

    /// <summary>The detail of a refused authenticator code that was used already (ClinicalText: <c>Problem.TwoFactorCodeAlreadyUsed.Detail</c>).</summary>
    public const string CodeAlreadyUsedDetail = "This code from the authenticator app was already used. Wait for the next code in the app and send that one as twoFactorCode with the email and password.";

    private static readonly string[] LoginFields = ["email", "password", "twoFactorCode", "twoFactorRecoveryCode"];

    private static readonly string[] RefreshFields = ["refreshToken"];

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        // Login and refresh: open at the door, rate limited as sign-ins, with the same answers.
        static void SignIn(RouteHandlerBuilder endpoint) => endpoint
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Authentication")
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            // A body not sent as application/json: 415 before anything is read; no sign-in attempt (JsonRequestBody).
            .RequireJsonBody();
        SignIn(app.MapPost("/api/auth/login", LoginAsync));
        SignIn(app.MapPost("/api/auth/refresh", RefreshAsync));
        app.MapPost("/api/auth/logout", LogoutAsync)
            .RequireApiPolicy(Policies.SignedIn)
            .WithTags("Authentication")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context, PasswordSignIn passwordSignIn, SignInManager<ApplicationUser> signIn, SingleUseAuthenticatorTokenProvider authenticatorCodes, IAccessAudit audit, ClinicalText text)
    {
        var read = await AuthRequestBody.ReadAsync(context.Request, LoginFields, ["email", "password"], text, context.RequestAborted);
        if (read.TooLarge)
        {
            return AuthRequestBody.TooLarge();
        }

        if (read.Unreadable)
        {
            // What is wrong with the body, and where, alone: no field was read, so none is said to be missing.
            return Unreadable(read, LoginUnreadable);
        }

        var incomplete = false;
        if (string.IsNullOrWhiteSpace(read["email"]))
        {
            incomplete = true;
            read.Errors.TryAdd("email", [text.Message("Validation.Login.Email.Required")]);
        }

        if (string.IsNullOrEmpty(read["password"]))
        {
            incomplete = true;
            read.Errors.TryAdd("password", [text.Message("Validation.Login.Password.Required")]);
        }

        if (read.Errors.Count > 0)
        {
            // Not a sign-in attempt: nothing to check, count towards a lockout or record. The title says what is missing when
            // something is; a body with both that names a field this endpoint does not read is told its fields need attention.
            return Invalid(read, incomplete ? LoginIncomplete : LoginFieldsNeedAttention);
        }

        var login = new LoginRequest(read["email"], read["password"], read["twoFactorCode"], read["twoFactorRecoveryCode"]);
        var result = await passwordSignIn.SignInAsync(context, login.Email, login.Password, ApiTokenHandler.SchemeName, "api");
        if (result.RequiresTwoFactor)
        {
            // The password was right; the sign-in manager (scoped, already set to the API scheme) holds the pending user,
            // whose roles the attempt is recorded with (read before the attempt, which may end the pending state).
            var account = await signIn.GetTwoFactorAuthenticationUserAsync();
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
                // Identity's own endpoint answers "RequiresTwoFactor" here too: a code is needed.
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Second factor required.",
                    detail: "This account has a second factor: send twoFactorCode (from the authenticator app) or twoFactorRecoveryCode with the email and password.",
                    extensions: new Dictionary<string, object?> { ["code"] = "RequiresTwoFactor" });
            }

            var kind = result.Succeeded ? AccessEventKind.SignIn : result.IsLockedOut ? AccessEventKind.LockedOut : AccessEventKind.SignInFailed;
            await audit.RecordSignInAsync(context, kind, login.Email?.Trim() ?? "", account is null ? null : await signIn.UserManager.GetRolesAsync(account), "api");
            if (!result.Succeeded && !result.IsLockedOut && !string.IsNullOrWhiteSpace(login.TwoFactorCode)
                && await signIn.GetTwoFactorAuthenticationUserAsync() is { } pending
                && await authenticatorCodes.WasAlreadyUsedAsync(Authenticator.CleanCode(login.TwoFactorCode), signIn.UserManager, pending))
            {
                // The password and the code were right, but the code was used already: say so, as the page does.
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: CodeAlreadyUsedDetail,
                    extensions: new Dictionary<string, object?> { ["code"] = "TwoFactorCodeAlreadyUsed" });
            }
        }

        if (!result.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: PasswordSignIn.FailureMessage);
        }

        // SignInAsync with the bearer scheme has already written the token response.
        return Results.Empty;
    }

    private static async Task<IResult> RefreshAsync(HttpContext context, ApiTokenRefresh refresh, IAccessAudit audit, ClinicalText text)
    {
        var read = await AuthRequestBody.ReadAsync(context.Request, RefreshFields, ["refreshToken"], text, context.RequestAborted);
        if (read.TooLarge)
        {
            return AuthRequestBody.TooLarge();
        }

        if (read.Unreadable)
        {
            return Unreadable(read, RefreshUnreadable);
        }

        var incomplete = string.IsNullOrWhiteSpace(read["refreshToken"]);
        if (incomplete)
        {
            read.Errors.TryAdd("refreshToken", [text.Message("Validation.Refresh.RefreshToken.Required")]);
        }

        if (read.Errors.Count > 0)
        {
            return Invalid(read, incomplete ? RefreshIncomplete : RefreshFieldsNeedAttention);
        }

        var outcome = await refresh.RefreshAsync(context, read["refreshToken"]!);
        await audit.RecordSignInAsync(
            context, outcome.Succeeded ? AccessEventKind.SignIn : AccessEventKind.SignInFailed, outcome.Email ?? "(unknown)", outcome.AccountRoles, outcome.Reused ? RefreshTokenReusedAudit : "api refresh");
        if (outcome.Reused)
        {
            // The rightful client, or the thief, learns that the sign-in is over and why; the other finds out at its next call.
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: RefreshRefused, detail: RefreshTokenReusedDetail,
                extensions: new Dictionary<string, object?> { ["code"] = "RefreshTokenReused" });
        }

        return outcome.Succeeded
            ? Results.Empty // ApiTokens has written the new tokens
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: RefreshRefused, detail: RefreshRefusedDetail);
    }

    private static IResult Invalid(AuthRequestBody.Result read, string title) => Results.ValidationProblem(read.Errors, title: title);

    /// <summary>A body that is not one JSON object: its one error under <c>$</c> (<see cref="AuthRequestBody"/>), and what to send.</summary>
    internal static IResult Unreadable(AuthRequestBody.Result read, string title) =>
        Results.ValidationProblem(read.Errors, title: title, detail: Hardening.UnreadableBodyDetail);

    private static async Task<IResult> LogoutAsync(HttpContext context, IAccessAudit audit)
    {
        await audit.RecordSignOutAsync(context, "api");
        await context.SignOutAsync(ApiTokenHandler.SchemeName);
        return Results.NoContent();
    }
}
