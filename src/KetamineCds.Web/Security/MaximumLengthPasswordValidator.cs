using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// Refuses passwords longer than <see cref="MaximumLength"/> characters (OWASP ASVS V2.1.2: at least 64 allowed, more
/// than 128 denied): hashing an arbitrarily long password costs the server, and no one types more.
/// </summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const int MaximumLength = 128;

    public const string ErrorCode = "PasswordTooLong";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is { Length: > MaximumLength }
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = $"The password can be at most {MaximumLength} characters long." })
            : IdentityResult.Success);
}
