using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Admin.Users;

/// <summary>
/// All of one account's events that an administrator may read, newest first, a keyset page at a time: its sign-ins
/// and sign-outs, failed attempts and lockouts (under its email in any letter case) and the changes to the account
/// (its own, and administrators'). Never what it viewed, printed or exported: an administrator manages accounts and must
/// not see clinical records (docs/security.md), so the whole access log is the auditor's (Pages/Audit/Access). Reading
/// these events is recorded in the access log.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EventsModel(UserManager<ApplicationUser> users, EfAccessAudit accessLog, IAccessAudit audit) : PageModel
{
    public const int PageSize = 50;

    public ApplicationUser? Account { get; private set; }

    /// <summary>The keyset cursor: the page starts strictly before this sequence (an unreadable one starts at the newest).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>The page of events; null when the access log could not be read.</summary>
    public AccessLogPage? Events { get; private set; }

    /// <summary>
    /// False when the access log does not hold the account's creation (made before that was recorded): its events under
    /// its first email are then listed from the log's start, and the page says so (EfAccessAudit.IsCreationLoggedAsync).
    /// </summary>
    public bool CreationLogged { get; private set; } = true;

    /// <summary>Why the access log could not be read: the database refused (409), or could not be reached (503, Retry-After).</summary>
    public LogFailure Failure { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Account = await users.FindByIdAsync(id);
        if (Account is null)
        {
            return NotFound();
        }

        try
        {
            await audit.RecordAsync(HttpContext, AccessEventKind.ViewAccessLog, "user:" + Account.Id, AccessEventTexts.AccountEventsDetail, Roles.Admin);
            Events = await accessLog.ListAccountEventsAsync(Account.Email ?? Account.UserName ?? Account.Id, Account.Id, Before, PageSize, HttpContext.RequestAborted);
            CreationLogged = await accessLog.IsCreationLoggedAsync(Account.Id, HttpContext.RequestAborted);
        }
        catch (DecisionLogUnavailableException ex)
        {
            Events = null; // the page says the log could not be read
            Failure = LogFailures.Answer(HttpContext, ex);
        }

        return Page();
    }
}
