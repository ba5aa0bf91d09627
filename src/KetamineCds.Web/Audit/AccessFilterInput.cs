using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The auditor's filter of the access log as query-string fields, shared by the page and its CSV export so that "export
/// what I see" exports exactly that. Dates are the clinic's whole days (<c>Clinic:TimeZone</c>, as the decision log's filter); <c>to</c> is inclusive.
/// <c>who</c> and <c>subject</c> are matched whole, in any letter case.
/// </summary>
public sealed class AccessFilterInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>The user's email, as signed in or as typed at a sign-in attempt.</summary>
    public string? Who { get; set; }

    /// <summary>The event kind's contract spelling, e.g. <c>sign-in-failed</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>What was accessed: a screening id, <c>patient:MRN-12</c>, <c>user:ID</c>, <c>decision-log</c> ...</summary>
    public string? Subject { get; set; }

    /// <summary>Every kind's contract spelling, in declaration order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = WireNames.All<AccessEventKind>();

    /// <summary>
    /// Field-level problems with the filter (query-string names as keys), empty when the filter can run; checked before
    /// anything is recorded or a response starts. A date the binder could not read is named (see
    /// <see cref="AuditFilterInput.ValidatePeriod"/>), and so is an unknown kind or a value longer than anything the log
    /// can hold: running without them would list more, or less, than the auditor asked for.
    /// </summary>
    public Dictionary<string, string[]> Validate(IQueryCollection query)
    {
        var errors = AuditFilterInput.ValidatePeriod(From, To, query);
        if (!string.IsNullOrEmpty(Kind) && !WireNames.TryParse<AccessEventKind>(Kind, out _))
        {
            errors["kind"] = [ClinicalText.Shared.Message("Audit.NotOneOf", "kind", string.Join(", ", Kinds))];
        }

        foreach (var (name, value, longest) in new[] { ("who", Who, AccessLogColumns.UserEmail), ("subject", Subject, AccessLogColumns.Subject) })
        {
            if (value is not null && value.Trim().Length > longest)
            {
                errors[name] = [ClinicalText.Shared.Message("Audit.TooLong", name, longest)];
            }
        }

        return errors;
    }

    /// <summary>The filter for the query, its days the clinic's (<paramref name="calendar"/>); call <see cref="Validate"/> first.</summary>
    public AccessLogFilter ToFilter(ClinicCalendar calendar) => new(
        From is { } from ? calendar.StartOf(from) : null,
        To is { } to ? calendar.StartOf(to.AddDays(1)) : null,
        Who,
        WireNames.TryParse<AccessEventKind>(Kind, out var kind) ? kind : null,
        Subject);

    /// <summary>The filter as route values, for links (next page, export).</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["who"] = Who,
        ["kind"] = Kind,
        ["subject"] = Subject,
    };

    public override string ToString() => string.Join(
        "; ",
        RouteValues().Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => kv.Key + "=" + kv.Value));
}
