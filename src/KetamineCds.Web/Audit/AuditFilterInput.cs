using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

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
