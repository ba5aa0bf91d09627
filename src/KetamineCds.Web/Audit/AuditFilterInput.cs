using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The auditor's filter as query-string fields, shared by the list page and the CSV export so that "export what I
/// see" exports exactly that. Dates are whole UTC days; <c>to</c> is inclusive.
/// </summary>
public sealed class AuditFilterInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Clinician { get; set; }

    public string? Patient { get; set; }

    public string? Overall { get; set; }

    public string? RuleSet { get; set; }

    /// <summary>The earliest date a filter may name: before the app existed nothing was logged.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The latest date a filter may name (a typo such as 9999-12-31 is refused, not turned into a server error).</summary>
    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    /// <summary>
    /// Field-level problems with the dates (query-string names as keys), empty when the filter can run. Checked
    /// before anything is recorded or a response starts.
    /// </summary>
    public Dictionary<string, string[]> Validate() => ValidatePeriod(From, To);

    /// <summary>The same check for any from/to pair (the impact analysis has only a period).</summary>
    public static Dictionary<string, string[]> ValidatePeriod(DateOnly? from, DateOnly? to)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is { } date && (date < EarliestDate || date > LatestDate))
            {
                errors[name] = [ClinicalText.Shared.Message("Audit.DateOutOfRange", name, EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LatestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
            }
        }

        if (errors.Count == 0 && from is { } f && to is { } t && f > t)
        {
            errors["from"] = ["'from' must not be after 'to'."];
        }

        return errors;
    }

    /// <summary>The filter for the query; call <see cref="Validate"/> first.</summary>
    public AuditFilter ToFilter() => new(
        From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        Clinician,
        Patient,
        WireNames.TryParse<Verdict>(Overall, out var verdict) ? verdict : null,
        RuleSet);

    /// <summary>The filter as route values, for links (next page, export).</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["clinician"] = Clinician,
        ["patient"] = Patient,
        ["overall"] = Overall,
        ["ruleSet"] = RuleSet,
    };

    public override string ToString() => string.Join(
        "; ",
        RouteValues().Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => kv.Key + "=" + kv.Value));
}
