using System.Security.Claims;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// Account settings (<c>Accounts:*</c>). <see cref="SecondFactorRequiredRoles"/> is a comma-separated list of roles
/// whose members must use a second factor (appsettings.json: Admin; appsettings.Development.json: none, so that the demo
/// accounts sign in with the published password alone).
/// </summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public string SecondFactorRequiredRoles { get; set; } = "";

    /// <summary>The roles named, trimmed (the app refuses to start when one is not a role, see <see cref="UnknownRoles"/>).</summary>
    public IReadOnlyList<string> RolesRequiringSecondFactor => Named().Where(r => Roles.All.Contains(r)).ToArray();

    /// <summary>Names that are not roles: a typo would otherwise silently drop the requirement.</summary>
    public IReadOnlyList<string> UnknownRoles => Named().Where(r => !Roles.All.Contains(r)).ToArray();

    private string[] Named() => SecondFactorRequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The two things an account must put right before it may do anything else, carried as claims in the cookie and the
/// bearer token (set at sign-in, and again whenever the cookie is renewed from the database):
/// an administrator-set password to replace, and a second factor that the user's role requires but that is not set up.
/// </summary>
public static class AccountClaims
{
    public const string MustChangePassword = "ketaminecds:must-change-password";

    public const string SecondFactorEnrolmentRequired = "ketaminecds:second-factor-enrolment-required";
}

/// <summary>Adds the <see cref="AccountClaims"/> to the principal Identity builds for a user.</summary>
public sealed class AccountClaimsPrincipalFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> identityOptions,
    IOptionsMonitor<AccountOptions> accountOptions)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, identityOptions)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountClaims.MustChangePassword, "true"));
        }

        if (!user.TwoFactorEnabled && await RequiresSecondFactorAsync(UserManager, accountOptions.CurrentValue, user))
        {
            identity.AddClaim(new Claim(AccountClaims.SecondFactorEnrolmentRequired, "true"));
        }

        return identity;
    }

    /// <summary>True when one of the user's roles is configured to require a second factor.</summary>
    public static async Task<bool> RequiresSecondFactorAsync(UserManager<ApplicationUser> users, AccountOptions options, ApplicationUser user)
    {
        var required = options.RolesRequiringSecondFactor;
        return required.Count > 0 && (await users.GetRolesAsync(user)).Any(required.Contains);
    }
}

/// <summary>
/// Keeps an account that must first change its password, or set up a required second factor, to the pages that do
/// that: every other page redirects there, and the API answers 403 with a problem body saying what to do. Signing
/// in and out, the error page and the health checks stay open.
/// </summary>
public static class AccountGate
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    public const string EnableAuthenticatorPath = "/Account/TwoFactor/Enable";

    private static readonly string[] AlwaysOpen = ["/Account/Login", "/Account/LoginWithCode", "/Account/Logout", "/Account/AccessDenied", "/Error", "/health", "/api/auth", "/openapi"];

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
