using FluentValidation;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Pages.Account;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Api;

/// <summary>
/// <c>POST /api/auth/password</c>: an API user changes their own password, as the change-password page does (same
/// checks, same audit). It stays open to an account that must change its password first. On success the answer is
/// 204 and every token of the account, this one included, stops working once the security stamp is checked: sign in
/// again with the new password.
/// </summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/password", ChangePasswordAsync)
            .RequireApiPolicy(Policies.SignedIn)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Authentication")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ChangePasswordAsync(
        ChangePasswordRequest request,
        HttpContext context,
        UserManager<ApplicationUser> users,
        IAccessAudit audit,
        IValidator<ChangePasswordModel.InputModel> validator,
        CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return Results.Unauthorized();
        }

        // The page's validator; an API client sends the new password once.
        var input = new ChangePasswordModel.InputModel { CurrentPassword = request.CurrentPassword, NewPassword = request.NewPassword, ConfirmPassword = request.NewPassword };
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors
                .GroupBy(e => ApiField(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        var result = await OwnPassword.ChangeAsync(users, user, input.CurrentPassword!, input.NewPassword!);
        if (!result.Succeeded)
        {
            return OwnPassword.IsWrongCurrentPassword(result)
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = [OwnPassword.WrongCurrentPassword] })
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. result.Errors.Select(e => e.Description)] });
        }

        await audit.RecordAsync(context, AccessEventKind.AccountSecurity, "user:" + user.Id, "changed own password (api)");
        return Results.NoContent();
    }

    private static string ApiField(string property) => property switch
    {
        nameof(ChangePasswordModel.InputModel.CurrentPassword) => "currentPassword",
        _ => "newPassword",
    };
}
