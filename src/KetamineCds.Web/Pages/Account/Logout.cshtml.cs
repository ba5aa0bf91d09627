using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Account;

/// <summary>Signs out (POST only, with the anti-forgery token) and records it.</summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, IAccessAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(new AccessEvent(AccessEventKind.SignOut, User.ToActor().Email, User.ActingRole(), null, null, HttpContext.GetCorrelationId()));
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Logout");
    }
}
