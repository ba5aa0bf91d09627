using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The auditor's filter of the access log as query-string fields, shared by the page and its CSV export so that "export
/// what I see" exports exactly that. Its period (<c>from</c>, <c>to</c>) is a <see cref="DatePeriodInput"/>, as the decision log's
/// filter: the clinic's whole days, <c>to</c> inclusive. <c>who</c> and <c>subject</c> are matched whole, in any letter case.
/// </summary>
public sealed class AccessFilterInput : DatePeriodInput
{
    /// <summary>The user's email, as signed in or as typed at a sign-in attempt.</summary>
    public string? Who { get; set; }

    /// <summary>The event kind's contract spelling, e.g. <c>sign-in-failed</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>What was accessed: a screening id, <c>patient:MRN-12</c>, <c>user:ID</c>, <c>decision-log</c> ...</summary>
    public string? Subject { get; set; }

    /// <summary>The filter's own query names, as the unknown-filter message lists them.</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["from", "to", "who", "kind", "subject"];

    /// <summary>Every kind's contract spelling, in declaration order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = WireNames.All<AccessEventKind>();

    /// <summary>
    /// Field-level problems with the filter (query-string names as keys), empty when the filter can run; checked before
    /// anything is recorded or a response starts. A date the binder could not read is named (see
    /// <see cref="DatePeriodInput.ValidatePeriod"/>), and so is an unknown kind, a value no entry can hold (longer than its
    /// column, or with a control character: <see cref="DatePeriodInput.RefuseTextNoEntryHolds"/>), or a query name the page
    /// does not read: running without them would list more, or less, than the auditor asked for.
    /// </summary>
    public Dictionary<string, string[]> Validate(IQueryCollection query)
    {
        var errors = ValidatePeriod(query);
        // Any other name than the filter's, the page's keyset cursor (before) and its export's handler is refused by name,
        // as the decision log's page refuses it (QA158 F11): ?user=x listed every event as if filtered.
        RefuseUnknownNames(query, FilterNames, ["before", "handler"], "Filter", errors);
        if (!string.IsNullOrEmpty(Kind) && !WireNames.TryParse<AccessEventKind>(Kind, out _))
        {
            errors["kind"] = [ClinicalText.Shared.Message("Audit.NotOneOf", "kind", string.Join(", ", Kinds))];
        }

        RefuseTextNoEntryHolds("who", Who, AccessLogColumns.UserEmail, errors);
        RefuseTextNoEntryHolds("subject", Subject, AccessLogColumns.Subject, errors);

        // A filter given twice is refused by name, as the export API refuses it, whichever of the above its values met.
        RefuseRepeatedNames(query, FilterNames, ["before", "handler"], "Filter", errors);
        ShowRepeatedAsGiven(query, FilterNames, "Filter");
        return errors;
    }

    /// <inheritdoc />
    protected override void Show(string name, string? value)
    {
        switch (name)
        {
            case "who":
                Who = value;
                break;
            case "kind":
                Kind = value;
                break;
            case "subject":
                Subject = value;
                break;
            default:
                base.Show(name, value);
                break;
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<FilterTerm> Described(IStringLocalizer<PageText> localizer)
    {
        var terms = base.Described(localizer).ToList();
        AddText(terms, localizer["Who (email, any letter case)"], Who);
        if (WireNames.TryParse<AccessEventKind>(Kind, out var kind))
        {
            // As the form's drop-down names it: what happened in words, its recorded spelling after it.
            var wire = WireNames.Of(kind);
            terms.Add(new(localizer["What happened"], $"{AccessEventTexts.Kind(wire, localizer)} ({wire})"));
        }

        AddText(terms, localizer["Subject"], Subject);
        return terms;
    }

    /// <summary>The filter for the query, its days the clinic's (<paramref name="calendar"/>); call <see cref="Validate"/> first.</summary>
    public AccessLogFilter ToFilter(ClinicCalendar calendar)
    {
        var (start, end) = Instants(calendar);
        return new(start, end, Who, WireNames.TryParse<AccessEventKind>(Kind, out var kind) ? kind : null, Subject);
    }

    /// <inheritdoc />
    public override Dictionary<string, string?> RouteValues()
    {
        var values = base.RouteValues();
        values["who"] = Who;
        values["kind"] = Kind;
        values["subject"] = Subject;
        return values;
    }
}
