using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Account;

/// <summary>Cookie sign-in for the pages. Every attempt, good or bad, is recorded in the access audit.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, IAccessAudit audit, IHostEnvironment environment, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public bool ShowDemoAccounts => DemoAccounts.AreEnabled(environment, configuration);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(Input.Password))
        {
            ErrorMessage = "Enter your email and password.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second factor comes next (recorded in the audit when it completes or fails).
            return RedirectToPage("/Account/LoginWithCode", new { ReturnUrl });
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(new AccessEvent(result.IsLockedOut ? AccessEventKind.LockedOut : AccessEventKind.SignInFailed,
                email, null, null, "page", HttpContext.GetCorrelationId()));
            ErrorMessage = result.IsLockedOut
                ? "This account is locked after too many failed attempts. Try again in 15 minutes."
                : "The email or password is not right.";
            return Page();
        }

        await audit.RecordAsync(new AccessEvent(AccessEventKind.SignIn, email, null, null, "page", HttpContext.GetCorrelationId()));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>What the sign-in form posts.</summary>
    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
