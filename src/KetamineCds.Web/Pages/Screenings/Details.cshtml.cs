using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Screenings;

/// <summary>A recorded screening's result. Only screenings in the decision log can be shown; every view is audited.</summary>
public sealed class DetailsModel(IDecisionLog log, IAccessAudit audit) : PageModel
{
    public LoggedScreening Screening { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var screening = await log.FindScreeningAsync(id, cancellationToken);
        if (screening is null)
        {
            return NotFound();
        }

        Screening = screening;
        await audit.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, User.ToActor().Email, User.ActingRole(), id.ToString(), "page", HttpContext.GetCorrelationId()),
            cancellationToken);
        return Page();
    }
}
