using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// Identity's messages that this app's accounts can meet, in the request's language (PageText): the password policy
/// (length, distinct characters), a mismatched current password, and a taken or invalid email. The rest keep
/// Identity's own English.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<PageText> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = localizer["Passwords must be at least {0} characters.", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = localizer["Passwords must use at least {0} different characters.", uniqueChars] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = localizer["Incorrect password."] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = localizer["Email '{0}' is already taken.", email] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = localizer["Username '{0}' is already taken.", userName] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = localizer["Email '{0}' is invalid.", email ?? ""] };
}
