using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// Identity's messages that this app's accounts can meet, in the request's language (PageText): the password policy
/// (length, distinct characters), a mismatched current password, and a taken or unusable email. The app uses the email
/// as the user name, so Identity's "Username '…'" messages speak of the email address; a taken email meets both the
/// user-name and the email check, which say the same words and are shown once (<see cref="PasswordErrors"/>). The rest
/// keep Identity's own English.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<PageText> localizer, IOptions<IdentityOptions> options) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = localizer["Passwords must be at least {0} characters.", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = localizer["Passwords must use at least {0} different characters.", uniqueChars] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = localizer["Incorrect password."] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = localizer["Another account already uses the email address '{0}'.", email] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = localizer["Another account already uses the email address '{0}'.", userName] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = localizer["Email '{0}' is invalid.", email ?? ""] };

    public override IdentityError InvalidUserName(string? userName) =>
        new()
        {
            Code = nameof(InvalidUserName),
            Description = localizer["The email address '{0}' cannot be used to sign in: it may contain only unaccented letters, digits and {1}.",
                userName ?? "", string.Join(" ", (options.Value.User.AllowedUserNameCharacters ?? "").Where(c => !char.IsAsciiLetterOrDigit(c)))],
        };
}
