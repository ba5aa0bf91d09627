using FluentValidation;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Pages.Account;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Api;

/// <summary>
/// <c>POST /api/auth/password</c>: an API user changes their own password, as the change-password page does (same
/// checks, same audit). It stays open to an account that must change its password first. On success the answer is
/// 204 and every token of the account, this one included, stops working once the security stamp is checked: sign in
/// again with the new password. Every problem of the request is answered at once (400). A wrong current password counts
/// towards the lockout; the one that locks the account answers 403 <c>AccountLockedNow</c> and ends every token and
/// session of the account; while the account is locked the answer is 403 <c>AccountLocked</c> and nothing changes.
/// The body is read as the sign-in's is (<see cref="AuthRequestBody"/>): a body that is not one JSON object answers a 400
/// whose one error, under <c>$</c>, says what is wrong and where; a field that is not a string, or is given twice, a 400
/// naming it; and neither checks the current password or counts towards the lockout (helper 229: bound by the framework,
/// such a body got "Bad Request" without a word, and a repeated currentPassword was checked, its last value counted).
/// </summary>
public static class AccountApi
{
    /// <summary>The title of the answer for a locked account.</summary>
    public const string AccountLockedTitle = "Account locked";

    /// <summary>The answer when this call's wrong current password locked the account.</summary>
    public const string LockedNowDetail = "Too many wrong current passwords: this account is now locked for 15 minutes (until lockedUntil), and all its sessions and tokens have ended, this one too. The password has not been changed. Sign in again after that time with the current password, or ask an administrator to unlock the account.";

    /// <summary>The answer when the account was already locked by failed sign-in attempts.</summary>
    public const string LockedDetail = "This account is locked (until lockedUntil) after too many failed sign-in attempts, so its password cannot be changed now. Try again after that time, or ask an administrator to unlock the account.";

    /// <summary>
    /// The title of the 400 of a password change some of whose fields are refused (ClinicalText
    /// <c>Problem.PasswordChangeFieldsNeedAttention</c>); it was ASP.NET's generic "One or more validation errors occurred.".
    /// </summary>
    public const string FieldsNeedAttention = "The password was not changed: some fields need attention.";

    /// <summary>The title of a password change whose body is not one JSON object (ClinicalText: <c>Problem.PasswordChangeUnreadable</c>).</summary>
    public const string PasswordChangeUnreadable = "The password change could not be read: its body is not one JSON object. The password has not been changed.";

    private static readonly string[] Fields = ["currentPassword", "newPassword"];

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/password", ChangePasswordAsync)
            .RequireApiPolicy(Policies.SignedIn)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Authentication")
            .Produces(StatusCodes.Status204NoContent)
            .Accepts<ChangePasswordRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireJsonBody();
        return app;
    }

    private static async Task<IResult> ChangePasswordAsync(
        HttpContext context,
        UserManager<ApplicationUser> users,
        IAccessAudit audit,
        IValidator<ChangePasswordModel.InputModel> validator,
        ClinicalText text,
        CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return Results.Unauthorized();
        }

        var read = await AuthRequestBody.ReadAsync(context.Request, Fields, ["currentPassword", "newPassword"], text, cancellationToken);
        if (read.TooLarge)
        {
            return AuthRequestBody.TooLarge();
        }

        if (read.Unreadable)
        {
            return AuthApi.Unreadable(read, PasswordChangeUnreadable);
        }

        // The page's validator; an API client sends the new password once. Every field is checked on each call and
        // every problem answered together.
        var request = new ChangePasswordRequest(read["currentPassword"], read["newPassword"]);
        var input = new ChangePasswordModel.InputModel { CurrentPassword = request.CurrentPassword, NewPassword = request.NewPassword, ConfirmPassword = request.NewPassword };
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (read.Errors.Count > 0)
        {
            // A field that is not a string, or given twice: which password was meant is unknown, so none is checked (a
            // wrong one would count towards the lockout). The other fields' problems are answered with it.
            var errors = read.Errors.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal);
            foreach (var error in validation.Errors.Where(e => !read.Errors.ContainsKey(ApiField(e.PropertyName))))
            {
                Add(errors, ApiField(error.PropertyName), error.ErrorMessage);
            }

            return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), title: FieldsNeedAttention);
        }

        var change = await OwnPassword.ChangeAsync(users, audit, context, user, input.CurrentPassword, input.NewPassword, validation.IsValid, "api");
        if (change.Outcome is PasswordChangeOutcome.LockedNow or PasswordChangeOutcome.Locked)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: AccountLockedTitle,
                detail: change.Outcome == PasswordChangeOutcome.LockedNow ? LockedNowDetail : LockedDetail,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = change.Outcome == PasswordChangeOutcome.LockedNow ? "AccountLockedNow" : "AccountLocked",
                    ["lockedUntil"] = change.LockedUntil,
                });
        }

        if (change.Outcome == PasswordChangeOutcome.Refused)
        {
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var error in validation.Errors)
            {
                Add(errors, ApiField(error.PropertyName), error.ErrorMessage);
            }

            if (change.CurrentPasswordWrong)
            {
                Add(errors, "currentPassword", OwnPassword.WrongCurrentPassword);
            }

            foreach (var error in change.NewPasswordErrors)
            {
                Add(errors, "newPassword", error.Description);
            }

            return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), title: FieldsNeedAttention);
        }

        await audit.RecordAsync(context, AccessEventKind.AccountSecurity, "user:" + user.Id, "changed own password (api)");
        return Results.NoContent();
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    private static string ApiField(string property) => property switch
    {
        nameof(ChangePasswordModel.InputModel.CurrentPassword) => "currentPassword",
        _ => "newPassword",
    };
}
