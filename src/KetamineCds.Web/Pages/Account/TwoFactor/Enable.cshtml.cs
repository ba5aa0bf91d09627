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
/// Sets up an authenticator app (TOTP, Identity's authenticator support): shows the shared key, its otpauth:// URI and a
/// QR code; a correct code from the app turns the second factor on and shows ten recovery codes, once.
/// </summary>
public sealed class EnableModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IUserStore<ApplicationUser> userStore,
    IAccessAudit audit,
    IOptionsMonitor<AccountOptions> accountOptions,
    SingleUseAuthenticatorTokenProvider authenticatorCodes,
    IStringLocalizer<PageText> localizer) : PageModel
{
    [BindProperty]
    [Display(Name = "Code from the app")]
    public string? Code { get; set; }

    /// <summary>The problem with the code, for the error summary at the top of the page (linked to the code box).</summary>
    public IReadOnlyList<(string? Anchor, string Message)> ErrorSummary => FormErrors.Summary(ModelState, "", [nameof(Code)]);

    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    /// <summary>True when the user's role requires a second factor.</summary>
    public bool Required { get; private set; }

    /// <summary>True when the second factor is already on (nothing to set up).</summary>
    public bool AlreadyEnabled { get; private set; }

    /// <summary>
    /// The recovery codes, shown once right after the second factor is turned on: the post that makes them redirects
    /// here (QA169 F12: a page drawn by a post made the browser's Back ask to send the form again) and hands them over in
    /// TempData (<see cref="RecoveryCodesKey"/>), read once, never in the address.
    /// </summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>The TempData key that carries new recovery codes from the post that made them to the page that shows them once.</summary>
    public const string RecoveryCodesKey = "RecoveryCodes";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        if (AlreadyEnabled && TempData[RecoveryCodesKey] is string[] codes)
        {
            RecoveryCodes = codes;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Index");
        }

        var code = Authenticator.CleanCode(Code);
        if (Authenticator.HoldsControlCharacter(Code))
        {
            // A NUL pasted with the code (FormNulGuard) or another control character: said at the box, nothing checked.
            ModelState.AddModelError(nameof(Code), localizer["The code holds a control character (often pasted with it). Remove it, or type the code again."]);
        }
        else if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), localizer["Enter the 6-digit code your authenticator app shows."]);
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), localizer["The code is the 6 digits your authenticator app shows."]);
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            // A right code already used (each code counts once) is told apart from a wrong one, as at sign-in.
            ModelState.AddModelError(nameof(Code), await authenticatorCodes.WasAlreadyUsedAsync(code, users, user)
                ? localizer["That code was already used. Wait for the next code in your authenticator app and enter that one."]
                : localizer["That code is not right. Check that the app's clock is correct and enter the code it shows now."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var renewal = await SessionRenewal.BeforeStampChangeAsync(HttpContext);
        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount) ?? [];

        // Turning the second factor on changes the security stamp: renew this session so that only the others end.
        await renewal.AfterStampChangeAsync(signIn, user);
        await audit.RecordAsync(HttpContext, AccessEventKind.AccountSecurity, "user:" + user.Id, "turned on the second factor (authenticator app)");
        TempData[RecoveryCodesKey] = recoveryCodes.ToArray();
        return RedirectToPage();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Required = await AccountClaimsPrincipalFactory.RequiresSecondFactorAsync(users, accountOptions.CurrentValue, user);
        AlreadyEnabled = user.TwoFactorEnabled;
        if (AlreadyEnabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key is stored without changing the security stamp (UserManager.ResetAuthenticatorKeyAsync would),
            // so that opening this page does not end the user's other sessions and API tokens: nothing is on yet.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)userStore).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            var stored = await users.UpdateAsync(user);
            if (!stored.Succeeded)
            {
                throw new InvalidOperationException("Storing the authenticator key failed: " + string.Join("; ", stored.Errors.Select(e => e.Description)));
            }
        }

        SharedKey = Authenticator.FormatKey(key);
        AuthenticatorUri = Authenticator.Uri(user.Email ?? user.UserName ?? user.Id, key);
        QrCode = Authenticator.QrCodeDataUri(AuthenticatorUri);
    }
}
