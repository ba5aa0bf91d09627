using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Account;

/// <summary>
/// The second step of signing in for an account with a second factor: a code from the authenticator app, or one of
/// the recovery codes. Only reachable after the right password (Identity's two-factor cookie says who); wrong codes
/// count towards the account's lockout like wrong passwords, and every attempt is recorded in the access audit.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWithCodeModel(
    SignInManager<ApplicationUser> signIn,
    SingleUseAuthenticatorTokenProvider authenticatorCodes,
    IAccessAudit audit,
    IStringLocalizer<PageText> localizer,
    KetamineCds.Web.Screenings.ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>
    /// The id of the box whose entry <see cref="ErrorMessage"/> is about (a wrong or missing code), which the summary links
    /// to and whose message stands above it, tied to it (ModelState); null for what is not about a box (the step expired,
    /// the account locked).
    /// </summary>
    public string? ErrorField { get; private set; }

    /// <summary>Identity's two-factor cookie lasts 5 minutes; without it there is no password step to complete.</summary>
    private string Expired => localizer["Sign in with your email and password first (this step expires after 5 minutes). Use \"Start again\" below."];

    /// <summary>True when the recovery-code form was the one posted (so its field shows the error).</summary>
    public bool UsingRecoveryCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Signed in already (Back after the code, or this step opened again in another tab): the sign-in page says as
            // whom and offers to continue or to sign out, rather than this page asking for a password step already done.
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            ErrorMessage = Expired;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Authenticator.HoldsControlCharacter(Code))
        {
            // No code holds one (a NUL pasted with it, FormNulGuard): said at its box, nothing checked and no attempt counted.
            return FieldError(nameof(Code), localizer["The code holds a control character (often pasted with it). Remove it, or type the code again."]);
        }

        var code = Authenticator.CleanCode(Code);
        if (code.Length == 0)
        {
            return FieldError(nameof(Code), localizer["Enter the 6-digit code your authenticator app shows."]);
        }

        return await CompleteAsync(() => signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false), "page, authenticator code", code);
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        UsingRecoveryCode = true;
        if (Authenticator.HoldsControlCharacter(RecoveryCode))
        {
            return FieldError(nameof(RecoveryCode), localizer["The code holds a control character (often pasted with it). Remove it, or type the code again."]);
        }

        var code = Authenticator.CleanRecoveryCode(RecoveryCode);
        if (code.Length == 0)
        {
            return FieldError(nameof(RecoveryCode), localizer["Enter one of your recovery codes."]);
        }

        return await CompleteAsync(() => signIn.TwoFactorRecoveryCodeSignInAsync(code), "page, recovery code");
    }

    private async Task<IActionResult> CompleteAsync(Func<Task<Microsoft.AspNetCore.Identity.SignInResult>> attempt, string how, string? authenticatorCode = null)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // This browser signed in to an account in another tab meanwhile: nobody is signed in over it (see LoginModel.SignedInAs).
            return RedirectToPage("/Account/Login");
        }

        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            ErrorMessage = Expired;
            return Page();
        }

        var email = user.Email ?? user.UserName ?? user.Id;
        var roles = await signIn.UserManager.GetRolesAsync(user);
        var result = await attempt();
        if (!result.Succeeded)
        {
            await audit.RecordSignInAsync(HttpContext, result.IsLockedOut ? AccessEventKind.LockedOut : AccessEventKind.SignInFailed, email, roles, how);
            if (result.IsLockedOut)
            {
                // Said with the time the lock ends, in the clinic's time, as Change password says it (OwnPassword.LockEndText);
                // only someone past the password gets here. An administrator's lock has no end to tell.
                var end = (await signIn.UserManager.FindByIdAsync(user.Id))?.LockoutEnd ?? user.LockoutEnd;
                ErrorMessage = Admin.Users.EditModel.IsAdministratorLock(end)
                    ? localizer["This account is locked by an administrator. Ask an administrator to unlock it."]
                    : localizer["This account is locked until {0} after too many failed attempts. Start again after that time, or ask an administrator to unlock the account.", OwnPassword.LockEndText(end, clinicTime)];
                return Page();
            }

            return UsingRecoveryCode
                ? FieldError(nameof(RecoveryCode), localizer["That recovery code is not right, or it has been used already."])
                : FieldError(nameof(Code), authenticatorCode is not null && await authenticatorCodes.WasAlreadyUsedAsync(authenticatorCode, signIn.UserManager, user)
                    ? localizer["That code was already used. Wait for the next code in your authenticator app and enter that one."]
                    : localizer["That code is not right. Enter the code the app shows now."]);
        }

        await audit.RecordSignInAsync(HttpContext, AccessEventKind.SignIn, email, roles, how);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>A problem with what was typed in one box: in the summary, linked to the box, and above it (FieldErrorTagHelper).</summary>
    private PageResult FieldError(string field, string message)
    {
        ErrorMessage = message;
        ErrorField = field == nameof(Code) ? "code" : "recovery-code";
        ModelState.AddModelError(field, message);
        return Page();
    }
}
