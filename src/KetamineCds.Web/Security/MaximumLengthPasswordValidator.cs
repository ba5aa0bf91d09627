using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// Refuses passwords longer than <see cref="MaximumLength"/> characters (OWASP ASVS V2.1.2: at least 64 allowed, more
/// than 128 denied): hashing an arbitrarily long password costs the server, and no one types more.
/// </summary>
public sealed class MaximumLengthPasswordValidator(IStringLocalizer<PageText> localizer) : IPasswordValidator<ApplicationUser>
{
    public const int MaximumLength = 128;

    public const string ErrorCode = "PasswordTooLong";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is { Length: > MaximumLength }
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = localizer["The password can be at most {0} characters long.", MaximumLength] })
            : IdentityResult.Success);
}
