using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Account;

/// <summary>
/// Signs out (POST only, with the anti-forgery token) and records it. The session ends on the server (its row in
/// the session store is deleted), so a copy of the cookie kept from before opens nothing.
/// </summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, IAccessAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(HttpContext, AccessEventKind.SignOut, null, "page");
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Logout");
    }
}
