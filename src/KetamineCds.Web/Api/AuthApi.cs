using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authentication;

namespace KetamineCds.Web.Api;

/// <summary>The credentials of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);

/// <summary>
/// <c>POST /api/auth/login</c>: Identity's bearer-token sign-in, tied to a server-side session. The bearer handler
/// writes <c>{"tokenType":"Bearer","accessToken":...,"expiresIn":N,"refreshToken":...}</c>. Every failure answers the
/// same 401 (<see cref="PasswordSignIn"/>). <c>POST /api/auth/logout</c> ends the token's session: 204, and the token
/// is refused from then on. No registration endpoint exists.
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
        app.MapPost("/api/auth/logout", LogoutAsync)
            .RequireApiPolicy(Policies.SignedIn)
            .WithTags("Authentication")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<IResult> LoginAsync(LoginRequest login, HttpContext context, PasswordSignIn signIn)
    {
        var result = await signIn.SignInAsync(context, login.Email, login.Password, ApiTokenHandler.SchemeName, "api");
        if (!result.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: PasswordSignIn.FailureMessage);
        }

        // SignInAsync with the bearer scheme has already written the token response.
        return Results.Empty;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAccessAudit audit)
    {
        await audit.RecordAsync(context, AccessEventKind.SignOut, null, "api");
        await context.SignOutAsync(ApiTokenHandler.SchemeName);
        return Results.NoContent();
    }
}
