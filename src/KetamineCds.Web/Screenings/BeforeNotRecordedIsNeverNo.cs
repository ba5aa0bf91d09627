using KetamineCds.Domain.Rules;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A verdict decided under a rule set whose decision policy predates "not recorded is never no" (1.0.0's,
/// <see cref="DecisionPolicy.V1Text"/>; rule set 1.1.0 made a safety question not answered keep a pathway from opening,
/// ADR 0005, P-SAFETY-REMS): under it a screening with safety questions unanswered can read eligible. Wherever such a
/// verdict is shown or printed (the result page, the print, the patient's list, the auditor's entry, the API's
/// <c>ruleSetNotice</c>, the impact analysis) the same words say that it is history, not a safe answer today (QA119 F2).
/// </summary>
public static class BeforeNotRecordedIsNeverNo
{
    /// <summary>Whether the released rule set of this version reads a blank answer as no (an unknown version: false, it is named apart).</summary>
    public static bool Applies(string? version) => RuleSetCatalog.Find(version ?? "") is { Policy: DecisionPolicy.V1Text };

    /// <summary>The warning, in the request's language: the one text the impact analysis, the pages and the API give.</summary>
    public static LocalizedString Warning(IStringLocalizer<PageText> localizer, string version)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["Rule set {0} predates the rule that a safety question not answered is never read as no (rule set 1.1.0, P-SAFETY-REMS): under it, a screening with safety questions unanswered can read eligible. Its verdicts show how a screening was, or would have been, answered then, not a safe answer today.", version];
    }
}
