using KetamineCds.Domain.Rules;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Rules;

/// <summary>What changed between two released rule sets: rules added, changed (before and after), removed, and the policy.</summary>
public sealed class DiffModel(IStringLocalizer<PageText> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public RuleSetDiff? Diff { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
        var all = RuleSetCatalog.All;
        From ??= all.Count > 1 ? all[^2].Version : all[0].Version;
        To ??= all[^1].Version;
        var before = RuleSetCatalog.Find(From);
        var after = RuleSetCatalog.Find(To);
        if (before is null || after is null)
        {
            Problem = localizer["There is no released rule set {0}.", (before is null ? From : To) ?? string.Empty];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Diff = RuleSetDiff.Between(before, after);
    }
}
