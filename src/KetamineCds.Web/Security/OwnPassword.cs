using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>A user changes their own password: the one path behind the change-password page and <c>POST /api/auth/password</c>.</summary>
public static class OwnPassword
{
    public const string WrongCurrentPassword = "The current password is not right.";

    /// <summary>
    /// Changes the password (Identity checks the current one, the policy and the common-password list, and changes the
    /// security stamp, which ends the account's other sessions and tokens). A wrong current password counts towards
    /// the lockout, as at sign-in. Success clears <see cref="ApplicationUser.MustChangePassword"/>.
    /// </summary>
    public static async Task<IdentityResult> ChangeAsync(UserManager<ApplicationUser> users, ApplicationUser user, string currentPassword, string newPassword)
    {
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            if (IsWrongCurrentPassword(result))
            {
                await users.AccessFailedAsync(user);
            }

            return result;
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        return result;
    }

    /// <summary>True when the change failed because the current password was wrong.</summary>
    public static bool IsWrongCurrentPassword(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
}
