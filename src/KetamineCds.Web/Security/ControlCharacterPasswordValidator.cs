using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// Refuses a new password holding a control character (a pasted NUL, an escape, a line break): no one types one at a
/// sign-in form, so the account could not be signed in to as the password was given. A NUL posted to an account form is
/// read as another control character (<see cref="Screenings.FormNulGuard"/>): refused here, with a message under the
/// password field, it is never stored as a character that was not typed. Identity runs it wherever a password is set.
/// </summary>
public sealed class ControlCharacterPasswordValidator(IStringLocalizer<PageText> localizer) : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordHasControlCharacter";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && password.Any(char.IsControl)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = localizer["The password holds a control character (often pasted with it). Remove it, or type that part again."] })
            : IdentityResult.Success);
}
