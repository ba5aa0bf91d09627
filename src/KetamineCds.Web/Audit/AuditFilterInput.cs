using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The auditor's filter as query-string fields, shared by the list page and the CSV export so that "export what I
/// see" exports exactly that. Dates are the clinic's whole days (<c>Clinic:TimeZone</c>, the days the pages' times are in); <c>to</c>
/// is inclusive.
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
    /// Field-level problems with the filter (query-string names as keys), empty when the filter can run. Checked
    /// before anything is recorded or a response starts. <paramref name="query"/> is the request's query string: a
    /// date given there that the binder could not read left its property empty, and running the filter without it
    /// would list (or export) more than the auditor asked for.
    /// </summary>
    public Dictionary<string, string[]> Validate(IQueryCollection query)
    {
        var errors = ValidatePeriod(From, To, query);
        if (!string.IsNullOrEmpty(Overall) && !WireNames.TryParse<Verdict>(Overall, out _))
        {
            errors["overall"] = [ClinicalText.Shared.Message("Audit.NotOneOf", "overall", string.Join(", ", Enum.GetValues<Verdict>().Select(v => WireNames.Of(v))))];
        }

        return errors;
    }

    /// <summary>The same check for any from/to pair (the impact analysis has only a period).</summary>
    public static Dictionary<string, string[]> ValidatePeriod(DateOnly? from, DateOnly? to, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is null && !string.IsNullOrWhiteSpace(query[name]))
            {
                errors[name] = [ClinicalText.Shared.Message("Audit.DateUnreadable", name)];
            }
            else if (value is { } date && (date < EarliestDate || date > LatestDate))
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

    /// <summary>
    /// A <c>run</c> the page could not read (<c>run=yes</c>): the page runs nothing, and says why instead of only showing
    /// its form. Null when <c>run</c> is absent, empty or true/false.
    /// </summary>
    public static Dictionary<string, string[]> UnreadableRun(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var run = query["run"].ToString();
        return run.Length == 0 || bool.TryParse(run, out _)
            ? []
            : new Dictionary<string, string[]>(StringComparer.Ordinal) { ["run"] = [ClinicalText.Shared.Message("Audit.RunUnreadable")] };
    }

    /// <summary>
    /// A query-string date as the pages' binder reads it (invariant culture, e.g. <c>2026-01-31</c>), or null when it
    /// is absent or unreadable; <see cref="ValidatePeriod"/> then names an unreadable one.
    /// </summary>
    public static DateOnly? ReadDate(string? text) =>
        DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The filter for the query, its days the clinic's (<paramref name="calendar"/>); call <see cref="Validate"/> first.</summary>
    public AuditFilter ToFilter(ClinicCalendar calendar) => new(
        From is { } from ? calendar.StartOf(from) : null,
        To is { } to ? calendar.StartOf(to.AddDays(1)) : null,
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
