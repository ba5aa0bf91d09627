using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>The auditor's list of logged screenings: filters, keyset pages (never OFFSET), CSV export of the same filter.</summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class IndexModel(IDecisionLogAudit audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AuditFilterInput Filter { get; set; } = new();

    /// <summary>The keyset cursor: the page starts strictly before this entry.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public AuditPage Results { get; private set; } = new([], null);

    public bool Unavailable { get; private set; }

    public static IReadOnlyList<string> Verdicts { get; } = Enum.GetValues<Verdict>().Select(v => WireNames.Of(v)).ToList();

    public static IReadOnlyList<string> RuleSetVersions { get; } = RuleSetCatalog.All.Select(r => r.Version).ToList();

    public async Task OnGetAsync()
    {
        try
        {
            Results = await audit.SearchAsync(Filter.ToFilter(), AuditCursor.TryDecode(Before), PageSize, HttpContext.RequestAborted);
        }
        catch (DecisionLogUnavailableException)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public Dictionary<string, string?> NextPageRoute()
    {
        var route = Filter.RouteValues();
        route["before"] = Results.Next?.Encode();
        return route;
    }
}
