using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// Identity's password hasher, plus the common-password check at sign-in (OWASP ASVS V2.1.7 names login too): when a
/// password that verifies is on the common-password list (one set before the check existed), the account is marked
/// <see cref="ApplicationUser.MustChangePassword"/>. The result is Identity's "rehash needed", which is how Identity
/// lets a hasher update an account during sign-in: it stores the user (with the mark and a fresh hash of the same
/// password) before the session is issued, so the new session is sent to the change-password page at once.
/// </summary>
public sealed class CommonPasswordAtSignInHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new(options);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        var result = _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        if (result != PasswordVerificationResult.Failed && !user.MustChangePassword && CommonPasswordValidator.IsCommon(providedPassword))
        {
            user.MustChangePassword = true;
            return PasswordVerificationResult.SuccessRehashNeeded;
        }

        return result;
    }
}
