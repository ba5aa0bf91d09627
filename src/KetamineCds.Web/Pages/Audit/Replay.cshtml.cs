using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>Re-runs a logged screening under the rule set it was decided with and says whether it reproduces exactly.</summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class ReplayModel(IDecisionLogAudit audit, IAccessAudit access) : PageModel
{
    public ReplayResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            var result = await audit.ReplayAsync(id, HttpContext.RequestAborted);
            if (result is null)
            {
                return NotFound();
            }

            await access.RecordAsync(HttpContext, AccessEventKind.Replay, id.ToString(), result.Reproduced ? "reproduced" : "did not reproduce");
            Result = result;
            return Page();
        }
        catch (DecisionLogUnavailableException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
