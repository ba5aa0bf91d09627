using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Account;

/// <summary>
/// A signed-in user changes their own password: the current one, then the new one twice. Identity checks the new one
/// against the password policy and the common-password list, and changes the security stamp, which ends the user's
/// other sessions. An administrator-set password must be changed here before anything else (<see cref="AccountGate"/>).
/// Wrong current passwords count towards the sign-in lockout; the one that locks the account ends all its sessions and
/// this browser is signed out, told why (<see cref="OwnPassword"/>).
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IAccessAudit audit,
    IValidator<ChangePasswordModel.InputModel> validator,
    IStringLocalizer<PageText> localizer,
    KetamineCds.Web.Screenings.ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Every error in the form's order, linked to its field, for the summary at the top of the form.</summary>
    public IReadOnlyList<(string? Anchor, string Message)> ErrorSummary => FormErrors.Summary(ModelState, nameof(Input), FormFields);

    private static readonly string[] FormFields = ["", nameof(InputModel.CurrentPassword), nameof(InputModel.NewPassword), nameof(InputModel.ConfirmPassword)];

    /// <summary>True while the password must be replaced (set by an administrator, or a common password).</summary>
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Required = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Required = user.MustChangePassword;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", error.ErrorMessage);
        }

        // Every field is checked on each post, and every problem listed together (the summary and under each field).
        var renewal = await SessionRenewal.BeforeStampChangeAsync(HttpContext);
        var change = await OwnPassword.ChangeAsync(users, audit, HttpContext, user, Input.CurrentPassword, Input.NewPassword, validation.IsValid, "page");
        switch (change.Outcome)
        {
            case PasswordChangeOutcome.LockedNow:
                // Every session of the account has ended with the lock; this browser is signed out and told why.
                await signIn.SignOutAsync();
                TempData[LoginModel.LockedNotice] = localizer["Too many wrong passwords: this account is now locked until {0}, and it has been signed out everywhere, in other browsers and API clients too. Your password has not been changed. Sign in again after that time with your current password, or ask an administrator to unlock the account.", OwnPassword.LockEndText(change.LockedUntil, clinicTime)].Value;
                return RedirectToPage("/Account/Login");
            case PasswordChangeOutcome.Locked:
                ModelState.AddModelError(string.Empty, localizer["This account is locked until {0} after too many failed sign-in attempts, so its password cannot be changed now. Try again after that time, or ask an administrator to unlock the account.", OwnPassword.LockEndText(change.LockedUntil, clinicTime)]);
                return Page();
            case PasswordChangeOutcome.Refused:
                if (change.CurrentPasswordWrong)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}", localizer["The current password is not right."]);
                }

                PasswordErrors.AddTo(ModelState, IdentityResult.Failed([.. change.NewPasswordErrors]), $"{nameof(Input)}.{nameof(InputModel.NewPassword)}", $"{nameof(Input)}.{nameof(InputModel.NewPassword)}");
                return Page();
        }

        // The stamp changed with the password: renew this session's cookie so that only the other sessions end.
        await renewal.AfterStampChangeAsync(signIn, user);
        await audit.RecordAsync(HttpContext, AccessEventKind.AccountSecurity, "user:" + user.Id, "changed own password");
        TempData["Status"] = localizer["Your password has been changed. Other sessions of this account have been signed out."].Value;
        return Required && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }

    /// <summary>What the form posts.</summary>
    public sealed class InputModel
    {
        [Display(Name = "Current password")]
        [DataType(DataType.Password)]
        public string? CurrentPassword { get; set; }

        [Display(Name = "New password")]
        [DataType(DataType.Password)]
        public string? NewPassword { get; set; }

        [Display(Name = "New password again")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }

    /// <summary>The form's shape; the password policy itself is Identity's (length, common-password list).</summary>
    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<PageText> localizer)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => localizer["Enter your current password."]);
            // An empty new password gets one message ("enter"), not also "must be different" from an empty current one (QA10a A7).
            RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => localizer["Enter a new password."])
                .NotEqual(x => x.CurrentPassword).WithMessage(_ => localizer["The new password must be different from the current one."])
                .Must(p => !DemoAccounts.IsPublishedPassword(p))
                .WithMessage(_ => localizer["The published demo password cannot be used for a real account."]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => localizer["The two new passwords are not the same."]);
        }
    }
}
