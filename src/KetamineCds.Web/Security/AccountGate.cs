namespace KetamineCds.Web.Security;

/// <summary>
/// Keeps an account that must first change its password, or set up a required second factor, to the pages that do
/// that: every other page redirects there, and the API answers 403 with a problem body saying what to do. Signing
/// in and out, the error page and the health checks stay open.
/// </summary>
public static class AccountGate
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    public const string EnableAuthenticatorPath = "/Account/TwoFactor/Enable";

    private static readonly string[] AlwaysOpen = ["/Account/Login", "/Account/LoginWithCode", "/Account/Logout", "/Account/AccessDenied", SessionKeepAlive.Path, "/Error", "/health", "/api/auth", "/openapi"];

    /// <summary>The middleware; call after authentication.</summary>
    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || IsUnder(context.Request.Path, AlwaysOpen))
        {
            await next(context);
            return;
        }

        if (user.HasClaim(c => c.Type == AccountClaims.MustChangePassword))
        {
            if (IsUnder(context.Request.Path, ChangePasswordPath))
            {
                await next(context);
                return;
            }

            await RefuseAsync(context, ChangePasswordPath,
                "Password change required",
                $"This account's password was set by an administrator, or is one of the most common passwords. Change it on the page {ChangePasswordPath}, or with POST /api/auth/password, before doing anything else; then sign in to the API again.",
                "password-change-required");
            return;
        }

        if (user.HasClaim(c => c.Type == AccountClaims.SecondFactorEnrolmentRequired))
        {
            if (IsUnder(context.Request.Path, "/Account/TwoFactor", ChangePasswordPath))
            {
                await next(context);
                return;
            }

            await RefuseAsync(context, EnableAuthenticatorPath,
                "Second factor required",
                $"Your role requires a second factor. Set up an authenticator app on the page {EnableAuthenticatorPath}; then sign in to the API again with a code.",
                "second-factor-required");
            return;
        }

        await next(context);
    });

    private static bool IsUnder(PathString path, params string[] prefixes) =>
        prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static Task RefuseAsync(HttpContext context, string page, string title, string detail, string code)
    {
        if (context.Request.IsApiRequest())
        {
            return Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: title,
                    detail: detail,
                    extensions: new Dictionary<string, object?> { ["code"] = code })
                .ExecuteAsync(context);
        }

        var target = page;
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path != "/")
        {
            target += "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
        }

        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
