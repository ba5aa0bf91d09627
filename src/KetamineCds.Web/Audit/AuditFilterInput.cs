using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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
    public Dictionary<string, string[]> Validate()
    {
        var errors = ValidatePeriod(From, To, Unreadable);
        if (!string.IsNullOrEmpty(Overall) && !WireNames.TryParse<Verdict>(Overall, out _))
        {
            errors["overall"] = [ClinicalText.Shared.Message("Audit.UnknownValue", "overall", Overall, string.Join(", ", Enum.GetValues<Verdict>().Select(v => WireNames.Of(v))))];
        }

        return errors;
    }

    /// <summary>
    /// The dates (query-string names, <c>from</c> and <c>to</c>) given as text that is not a date. The filter is refused
    /// with a message, never run as if they had not been given: an auditor must not read a whole log as a filtered one.
    /// </summary>
    public List<string> Unreadable { get; } = [];

    private static readonly string[] DateNames = ["from", "to"];

    /// <summary>The date fields a page's binder could not read: <c>from</c> and <c>to</c> with an error in <paramref name="state"/> (under any prefix).</summary>
    public static List<string> UnreadableDates(ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. DateNames.Where(name => state.Any(kv => kv.Value is { Errors.Count: > 0 }
            && (kv.Key.Equals(name, StringComparison.OrdinalIgnoreCase) || kv.Key.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))))];
    }

    /// <summary>A date as the query gives it (<c>yyyy-MM-dd</c>); text that is not one is noted in <see cref="Unreadable"/>.</summary>
    public DateOnly? ReadDate(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Unreadable.Add(name);
        return null;
    }

    /// <summary>The same check for any from/to pair (the impact analysis has only a period), with the dates that could not be read.</summary>
    public static Dictionary<string, string[]> ValidatePeriod(DateOnly? from, DateOnly? to, IEnumerable<string>? unreadable = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in unreadable ?? [])
        {
            errors[name] = [ClinicalText.Shared.Message("Audit.DateUnreadable", name)];
        }

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
