using System.ComponentModel.DataAnnotations;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Pages.Account.TwoFactor;

/// <summary>
/// The user's second factor: whether it is on, how many recovery codes are left; new recovery codes and turning it
/// off both ask for the password again. A role that requires a second factor cannot turn it off.
/// </summary>
public sealed class IndexModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IAccessAudit audit,
    IOptionsMonitor<AccountOptions> accountOptions,
    IStringLocalizer<PageText> localizer) : PageModel
{
    [BindProperty]
    [Display(Name = "Your password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>
    /// The form that was sent and refused (<c>RecoveryCodes</c> or <c>Disable</c>), from the handler in the address; each
    /// asks for the password in a field of its own.
    /// </summary>
    public string? PostedForm => Request.Query["handler"].ToString() switch
    {
        "RecoveryCodes" => "RecoveryCodes",
        "Disable" => "Disable",
        _ => null,
    };

    /// <summary>The id of the password field of the form that was sent.</summary>
    public string PasswordFieldId => PostedForm == "Disable" ? "password-disable" : "password-codes";

    /// <summary>
    /// The error summary at the top of the page, as on the other forms (the set-up page's): the problem linked to the
    /// password field of the form that was sent; a problem about no field (a role that requires the second factor) unlinked.
    /// </summary>
    public IReadOnlyList<(string? Anchor, string Message)> ErrorSummary =>
        [.. FormErrors.Summary(ModelState, "", ["", nameof(Password)]).Select(e => e.Anchor is null ? e : (PasswordFieldId, e.Message))];

    /// <summary>
    /// New recovery codes, shown once after the user asked for them: handed over from the post in TempData, as on the
    /// set-up page (<see cref="EnableModel.RecoveryCodesKey"/>), so that Back after them sends nothing again (QA169 F12).
    /// </summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        if (Enabled && TempData[EnableModel.RecoveryCodesKey] is string[] codes)
        {
            RecoveryCodes = codes;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        if (!Enabled || !await CheckPasswordAsync(user))
        {
            return Page();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount) ?? [];
        await RecordAsync(user, "made new recovery codes (the old ones no longer work)");
        TempData[EnableModel.RecoveryCodesKey] = codes.ToArray();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        if (!Enabled)
        {
            return RedirectToPage();
        }

        if (Required)
        {
            ModelState.AddModelError(string.Empty, localizer["Your role requires a second factor, so it cannot be turned off. To move it to a new phone, ask an administrator to reset it, then set it up again."]);
            return Page();
        }

        if (!await CheckPasswordAsync(user))
        {
            return Page();
        }

        var renewal = await SessionRenewal.BeforeStampChangeAsync(HttpContext);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await renewal.AfterStampChangeAsync(signIn, user);
        await RecordAsync(user, "turned off the second factor");
        TempData["Status"] = localizer["The second factor is off. Signing in now asks only for your password."].Value;
        return RedirectToPage();
    }

    private async Task<bool> CheckPasswordAsync(ApplicationUser user)
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), localizer["Enter your password to confirm."]);
            return false;
        }

        if (!await users.CheckPasswordAsync(user, Password))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(nameof(Password), localizer["The password is not right."]);
            return false;
        }

        return true;
    }

    /// <summary>Recorded even if the browser hangs up: the access audit never cancels a security event.</summary>
    private Task RecordAsync(ApplicationUser user, string what) =>
        audit.RecordAsync(HttpContext, AccessEventKind.AccountSecurity, "user:" + user.Id, what);

    private async Task LoadAsync(ApplicationUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await AccountClaimsPrincipalFactory.RequiresSecondFactorAsync(users, accountOptions.CurrentValue, user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
