using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// A user changes their own password: the one path behind the change-password page and <c>POST /api/auth/password</c>.
/// A wrong current password is a guess at the password like a wrong one at sign-in, so it counts towards the same
/// lockout (five in a row, whichever form they were made on): a session left open on a shared computer gives no extra
/// guesses. When such a guess locks the account, every session and token of the account ends at once, this one too,
/// as when an administrator locks it, and the caller says so; a locked account's password is never changed.
/// </summary>
public static class OwnPassword
{
    public const string WrongCurrentPassword = "The current password is not right.";

    /// <summary>
    /// Checks every part of the change at once (the account's lock, the current password, the new one against the
    /// password policy and the common-password list) so that the caller can list every problem together; changes the
    /// password only when <paramref name="formIsValid"/> and nothing else is wrong. A wrong current password is counted
    /// and recorded in the access audit (<c>sign-in-failed</c>, or <c>locked-out</c> when it locks the account, which
    /// then changes the security stamp). Success changes the stamp too (Identity), which ends the account's other
    /// sessions and tokens, resets the failed-attempt count and clears <see cref="ApplicationUser.MustChangePassword"/>.
    /// </summary>
    /// <param name="users">Identity's user manager.</param>
    /// <param name="audit">The access audit.</param>
    /// <param name="context">The request.</param>
    /// <param name="user">The signed-in account.</param>
    /// <param name="currentPassword">The current password as typed; not checked when empty.</param>
    /// <param name="newPassword">The new password; not checked against the policy when empty.</param>
    /// <param name="formIsValid">False when the form's own checks (the validator) already failed.</param>
    /// <param name="channel">"page" or "api", recorded with a wrong attempt.</param>
    public static async Task<PasswordChange> ChangeAsync(
        UserManager<ApplicationUser> users,
        IAccessAudit audit,
        HttpContext context,
        ApplicationUser user,
        string? currentPassword,
        string? newPassword,
        bool formIsValid,
        string channel)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return new PasswordChange(PasswordChangeOutcome.Locked, false, [], user.LockoutEnd);
        }

        var email = user.Email ?? user.UserName ?? user.Id;
        var roles = AccessAuditing.HeldRoles(context.User);
        var currentWrong = !string.IsNullOrEmpty(currentPassword) && !await users.CheckPasswordAsync(user, currentPassword);
        if (currentWrong)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                // As an administrator's lock does: every session and token of the account ends, this one too.
                await users.UpdateSecurityStampAsync(user);
                await audit.RecordSignInAsync(context, AccessEventKind.LockedOut, email, roles, $"change password ({channel}): wrong current password, sessions ended");
                return new PasswordChange(PasswordChangeOutcome.LockedNow, true, [], user.LockoutEnd);
            }

            await audit.RecordSignInAsync(context, AccessEventKind.SignInFailed, email, roles, $"change password ({channel}): wrong current password");
        }

        List<IdentityError> policyErrors = [];
        if (!string.IsNullOrEmpty(newPassword))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, newPassword);
                policyErrors.AddRange(check.Errors.Where(e => !policyErrors.Any(p => p.Code == e.Code)));
            }
        }

        if (!formIsValid || currentWrong || policyErrors.Count > 0)
        {
            return new PasswordChange(PasswordChangeOutcome.Refused, currentWrong, policyErrors, null);
        }

        var result = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!result.Succeeded)
        {
            // Checked above; only a change made meanwhile by another request gets here.
            var wrong = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            return new PasswordChange(PasswordChangeOutcome.Refused, wrong, [.. result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch))], null);
        }

        await users.ResetAccessFailedCountAsync(user);
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        return new PasswordChange(PasswordChangeOutcome.Changed, false, [], null);
    }

    /// <summary>
    /// The time a lock ends, as the pages say it: the clinic's time with its offset, "08:05 UTC-06:00", or "14:05 UTC"
    /// in a clinic on UTC (QA8 F10). The API gives <c>lockedUntil</c> as a UTC instant instead.
    /// </summary>
    public static string LockEndText(DateTimeOffset? end, Screenings.ClinicTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return end is { } e ? time.TimeOfDay(e) : "";
    }
}

/// <summary>What became of an own-password change.</summary>
public enum PasswordChangeOutcome
{
    /// <summary>The password is changed.</summary>
    Changed,

    /// <summary>Something was wrong; nothing changed (see the errors).</summary>
    Refused,

    /// <summary>This attempt's wrong current password locked the account; every session of it has ended.</summary>
    LockedNow,

    /// <summary>The account was already locked (failed sign-ins elsewhere); nothing was checked or changed.</summary>
    Locked,
}

/// <summary>The outcome of <see cref="OwnPassword.ChangeAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="CurrentPasswordWrong">True when the current password given was wrong.</param>
/// <param name="NewPasswordErrors">What the password policy says against the new password.</param>
/// <param name="LockedUntil">When the lock ends, for <see cref="PasswordChangeOutcome.Locked"/> and <see cref="PasswordChangeOutcome.LockedNow"/>.</param>
public sealed record PasswordChange(PasswordChangeOutcome Outcome, bool CurrentPasswordWrong, IReadOnlyList<IdentityError> NewPasswordErrors, DateTimeOffset? LockedUntil);
