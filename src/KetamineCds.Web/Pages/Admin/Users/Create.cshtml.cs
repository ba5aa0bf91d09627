using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Admin.Users;

/// <summary>An administrator creates an account with one role and an initial password.</summary>
[Authorize(Policy = Policies.Admin)]
public class CreateModel(UserManager<ApplicationUser> users, IAccessAudit audit, IValidator<CreateModel.InputModel> validator, IStringLocalizer<PageText> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> RoleChoices => Roles.All;

    /// <summary>
    /// Every error in the form's order, with the id of the field it links to (null for one about no field), for the
    /// summary at the top of the form; each also stands under its field.
    /// </summary>
    public IReadOnlyList<(string? Anchor, string Message)> ErrorSummary => FormErrors.Summary(ModelState, nameof(Input), FormFields);

    private static readonly string[] FormFields = ["", nameof(InputModel.Email), nameof(InputModel.DisplayName), nameof(InputModel.Role), nameof(InputModel.Password)];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", error.ErrorMessage);
        }

        // Every problem at once (QA132 F10), as Change password does: the password policy (length, common passwords, the
        // account's own name) is checked now, not only when the account is made after the other fields are right.
        if (!string.IsNullOrEmpty(Input.Password) && validation.Errors.All(e => e.PropertyName != nameof(InputModel.Password)))
        {
            var provisional = new ApplicationUser { UserName = Input.Email?.Trim(), Email = Input.Email?.Trim(), DisplayName = Input.DisplayName?.Trim() };
            foreach (var passwordValidator in users.PasswordValidators)
            {
                PasswordErrors.AddTo(ModelState, await passwordValidator.ValidateAsync(users, provisional, Input.Password),
                    $"{nameof(Input)}.{nameof(InputModel.Password)}", $"{nameof(Input)}.{nameof(InputModel.Email)}");
            }
        }

        if (!validation.IsValid || !ModelState.IsValid)
        {
            return Page();
        }

        // The validator has made sure of the email, the role and the password.
        var email = Input.Email!.Trim();
        var role = Input.Role!;

        // The administrator knows this password, so the user must replace it at first sign-in.
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = Input.DisplayName?.Trim(), EmailConfirmed = true, MustChangePassword = true };
        var created = await users.CreateAsync(user, Input.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }

        if (!created.Succeeded)
        {
            PasswordErrors.AddTo(ModelState, created, $"{nameof(Input)}.{nameof(InputModel.Password)}", $"{nameof(Input)}.{nameof(InputModel.Email)}");

            if (user.Id is not null && await users.FindByIdAsync(user.Id) is { } partial)
            {
                // Role assignment failed after the user was created: remove it so nothing is half-made.
                await users.DeleteAsync(partial);
            }

            return Page();
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + user.Id, AccountCreations.Detail(user.Email!, role), Roles.Admin);
        TempData["Status"] = localizer["Created {0} ({1}). They must choose their own password when they first sign in.", user.Email ?? string.Empty, RoleNames.Of(role, localizer)].Value;
        return RedirectToPage("Index");
    }

    /// <summary>
    /// The form's fields. Nullable, so that MVC adds no implicit "required" check of its own, whose English message
    /// would stand before the validator's localized one.
    /// </summary>
    public sealed class InputModel
    {
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Role")]
        public string? Role { get; set; } = Roles.Psychiatrist;

        [Display(Name = "Initial password")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<PageText> localizer)
        {
            RuleFor(x => x.Email).AccountEmail(localizer);
            RuleFor(x => x.DisplayName).AccountDisplayName(localizer);
            RuleFor(x => x.Role).Must(r => r is not null && Roles.All.Contains(r)).WithMessage(_ => localizer["Choose one of the roles."]);
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => localizer["Enter an initial password."])
                .Must(p => !DemoAccounts.IsPublishedPassword(p))
                .WithMessage(_ => localizer["The published demo password cannot be used for a real account."]);
        }
    }
}
