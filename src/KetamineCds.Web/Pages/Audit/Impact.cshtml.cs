using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>Runs a period's logged screenings through the current rule set and lists those whose verdict would change.</summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class ImpactModel(IDecisionLogAudit audit, IAccessAudit access) : PageModel
{
    /// <summary>Most changes shown on the page; the count says how many there are in all.</summary>
    public const int ShowAtMost = 1000;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Run { get; set; }

    public RuleSet Current => RuleSetCatalog.Current;

    public ImpactReport? Report { get; private set; }

    public bool Unavailable { get; private set; }

    /// <summary>Field-level problems with the period (query-string names as keys); nothing runs while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (!Run)
        {
            return;
        }

        FilterErrors = AuditFilterInput.ValidatePeriod(From, To);
        if (FilterErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            var input = new AuditFilterInput { From = From, To = To };
            await access.RecordAsync(HttpContext, AccessEventKind.ImpactAnalysis, "decision-log", $"rule set {Current.Version}; {input}");
            var filter = input.ToFilter();
            Report = await audit.AnalyzeImpactAsync(filter.From, filter.To, Current, HttpContext.RequestAborted);
        }
        catch (DecisionLogUnavailableException)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
