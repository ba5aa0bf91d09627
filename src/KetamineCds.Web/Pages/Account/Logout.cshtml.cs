using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Account;

/// <summary>
/// Signs out (POST only, with the anti-forgery token) and records it. The session ends on the server (its row in
/// the session store is deleted), so a copy of the cookie kept from before opens nothing; the browser is told to drop
/// its cache and the page's storage.
/// </summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, IAccessAudit audit) : PageModel
{
    /// <summary>The name drafts.js posts with the sign-out when it drops a screening's unsent answers kept in the tab.</summary>
    public const string AnswersClearedName = "answersCleared";

    /// <summary>
    /// Whether signing out dropped unsent screening answers (drafts.js drops them on purpose, for a shared computer): the
    /// signed-out page says so, as the form's notice says signing out clears them (helper 250).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = AnswersClearedName)]
    public bool AnswersCleared { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordSignOutAsync(HttpContext, "page");
        }

        await signIn.SignOutAsync();

        // A shared clinic computer keeps nothing of the session: the browser drops its cached pages and the page's
        // stored state (QA14a P6). Not "cookies": the language chosen stays for the next person at the desk.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return AnswersCleared ? RedirectToPage("/Account/Logout", new { answersCleared = true }) : RedirectToPage("/Account/Logout");
    }
}
