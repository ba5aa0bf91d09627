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
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IAccessAudit audit,
    IValidator<ChangePasswordModel.InputModel> validator,
    IStringLocalizer<PageText> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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

        if (!validation.IsValid)
        {
            return Page();
        }

        var renewal = await SessionRenewal.BeforeStampChangeAsync(HttpContext);
        var result = await OwnPassword.ChangeAsync(users, user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            if (OwnPassword.IsWrongCurrentPassword(result))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}", localizer["The current password is not right."]);
            }
            else
            {
                PasswordErrors.AddTo(ModelState, result, $"{nameof(Input)}.{nameof(InputModel.NewPassword)}", $"{nameof(Input)}.{nameof(InputModel.NewPassword)}");
            }

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
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => localizer["Enter a new password."])
                .NotEqual(x => x.CurrentPassword).WithMessage(_ => localizer["The new password must be different from the current one."])
                .Must(p => !string.Equals(p, DemoAccounts.Password, StringComparison.Ordinal))
                .WithMessage(_ => localizer["The published demo password cannot be used for a real account."]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => localizer["The two new passwords are not the same."]);
        }
    }
}
