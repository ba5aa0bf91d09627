using KetamineCds.Domain.Rules;
using KetamineCds.Web.Api;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Rules;

/// <summary>What changed between two released rule sets: rules added, changed (before and after), removed, and the policy.</summary>
public sealed class DiffModel(IStringLocalizer<PageText> localizer, ClinicalText clinical) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public RuleSetDiff? Diff { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>
    /// True when the page shows a rule text in English because it has no translation (an older rule set's wording, in
    /// the Chinese UI): the page says so once, and marks each such text <c>lang="en"</c> (QA11 F5).
    /// </summary>
    public bool ShowsUntranslatedTexts { get; private set; }

    /// <summary>The rule text the aspect of <see cref="RuleChanges"/> names, or null for an aspect that is not one (kind, ids, the canonical condition).</summary>
    public static RulePart? TextPart(string aspect) => aspect switch
    {
        "summary" => RulePart.Summary,
        "detail" => RulePart.Detail,
        "condition" => RulePart.Condition,
        _ => null,
    };

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

        if (RuleSetCatalog.ReleasedAfter(before, after))
        {
            // As GET /api/v1/ruleset/diff: the page is "what changed from an earlier rule set to a later one"; a reversed
            // pair would list the later set's new rules as removed (session 67).
            Problem = localizer["{0} was released after {1}: choose the earlier release under From. To see what changed from {1} to {0}, compare them the other way round.", before.Version, after.Version];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Diff = RuleSetDiff.Between(before, after);
        ShowsUntranslatedTexts = ShownTexts(Diff).Any(t => clinical.RuleText(t.RuleId, t.Part, t.English).Untranslated);
    }

    /// <summary>Every rule text the page shows: summaries and conditions of the added and removed rules, and the changed rules' heading and before/after texts.</summary>
    private static IEnumerable<(string RuleId, RulePart Part, string English)> ShownTexts(RuleSetDiff diff)
    {
        foreach (var r in diff.Added.Concat(diff.Removed))
        {
            yield return (r.Id, RulePart.Summary, r.Summary);
            yield return (r.Id, RulePart.Condition, r.ConditionText);
        }

        foreach (var (was, now) in diff.Changed)
        {
            yield return (now.Id, RulePart.Summary, now.Summary);
            foreach (var (name, textBefore, textAfter) in RuleChanges.Of(was, now))
            {
                if (TextPart(name) is { } part)
                {
                    yield return (was.Id, part, textBefore);
                    yield return (now.Id, part, textAfter);
                }
            }
        }
    }
}
