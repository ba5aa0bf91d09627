using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// Refuses a password that is the account's own email address, user name, the email's part before the @, or display
/// name, in any letter case and with spaces around it (QA132 F10; NIST SP 800-63B 5.1.1.2: refuse context-specific
/// words such as the user name). The first thing an attacker who knows the account tries. Identity runs it wherever a
/// password is set: an administrator creating or resetting an account, a user changing their own.
/// </summary>
public sealed class AccountNamePasswordValidator(IStringLocalizer<PageText> localizer) : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordIsAccountName";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var typed = password?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var localPart = user.Email is { } email && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at ? email[..at] : null;
        var isName = new[] { user.Email, user.UserName, localPart, user.DisplayName }
            .Any(name => !string.IsNullOrWhiteSpace(name) && string.Equals(name.Trim(), typed, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(isName
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = localizer["The password must not be the account's email address or name."] })
            : IdentityResult.Success);
    }
}
