using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>Checks both hash chains (decisions and access) and names the first entry that no longer verifies.</summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class VerifyModel(IDecisionLog log, IDecisionLogAudit audit, IAccessAudit access) : PageModel
{
    /// <summary>Set by the form's button: verification reads the whole log, so it runs only when asked.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Run { get; set; }

    public ChainVerification? Decisions { get; private set; }

    public ChainVerification? Access { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public bool Unavailable { get; private set; }

    public async Task OnGetAsync()
    {
        if (!Run)
        {
            return;
        }

        try
        {
            await access.RecordAsync(HttpContext, AccessEventKind.Verify, "decision-log", "audit workspace");
            var started = System.Diagnostics.Stopwatch.StartNew();
            Decisions = await log.VerifyAsync(HttpContext.RequestAborted);
            Access = await audit.VerifyAccessLogAsync(HttpContext.RequestAborted);
            Elapsed = started.Elapsed;
        }
        catch (DecisionLogUnavailableException)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
