using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A question a later rule set added (<see cref="FieldDefinition.Since"/>), blank in an entry decided under an older one:
/// the form and the API of that release did not have it, so the clinician was never asked it. The result page, the print,
/// the auditor's entry and what a correction of such an entry changed (<see cref="Display.ChangedAnswers"/>, on the
/// correction's result page and print) say so ("Not asked: added in rule set 1.17.0, after this entry") rather than "Not recorded",
/// which would say the question was asked and left blank; neither is ever a "no". The one decision the pages share; display
/// only: the entry, its verdict and its replay are unchanged (the rule set that decided it never read the field).
/// </summary>
public static class AddedAfterEntry
{
    /// <summary>
    /// Whether the answer (<paramref name="recorded"/> or not) to <paramref name="field"/> in an entry decided under rule set
    /// <paramref name="ruleSetVersion"/> is one that release never asked: not recorded, and the field added after it. An
    /// answer recorded is shown as recorded, whatever its release.
    /// </summary>
    public static bool Applies(FieldDefinition field, bool recorded, string? ruleSetVersion)
    {
        ArgumentNullException.ThrowIfNull(field);
        return !recorded && !field.WasAskedUnder(ruleSetVersion);
    }

    /// <summary>What such an answer is shown as, in the request's language, naming the rule set that added the question.</summary>
    public static LocalizedString Text(IStringLocalizer<PageText> localizer, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(field);
        return localizer["Not asked: added in rule set {0}, after this entry", field.Since ?? ""];
    }

    /// <summary>One such question on the print's line, its label and the rule set that added it: "Raised intraocular pressure (rule set 1.17.0)".</summary>
    public static LocalizedString Named(IStringLocalizer<PageText> localizer, string label, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(field);
        return localizer["{0} (added in rule set {1})", label, field.Since ?? ""];
    }
}
