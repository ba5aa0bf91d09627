using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The auditor's filter as query-string fields, shared by the list page and the CSV export so that "export what I
/// see" exports exactly that. Its period (<c>from</c>, <c>to</c>) is a <see cref="DatePeriodInput"/>: the clinic's whole
/// days, <c>to</c> inclusive.
/// </summary>
public sealed class AuditFilterInput : DatePeriodInput
{
    private string? _patient;

    public string? Clinician { get; set; }

    /// <summary>The patient reference; <see cref="PatientReference"/> when only that name was given.</summary>
    public string? Patient
    {
        get => string.IsNullOrEmpty(_patient) ? PatientReference : _patient;
        set => _patient = value;
    }

    /// <summary>
    /// The same filter as <see cref="Patient"/>, under the name every other route gives the patient (the exports' and the
    /// list API's <c>patientReference</c>): <c>/Audit?patientReference=X1</c> lists X1's entries, as the export does (QA158
    /// F11: the page ignored it and listed the whole log). The page's own links keep writing <c>patient</c>.
    /// </summary>
    public string? PatientReference { get; set; }

    /// <summary>The filter's own query names, as the unknown-filter message lists them.</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["from", "to", "clinician", "patient", "patientReference", "overall", "ruleSet"];

    public string? Overall { get; set; }

    public string? RuleSet { get; set; }

    /// <summary>
    /// Field-level problems with the filter (query-string names as keys), empty when the filter can run. Checked
    /// before anything is recorded or a response starts; the period as <see cref="DatePeriodInput.ValidatePeriod"/>.
    /// </summary>
    public Dictionary<string, string[]> Validate(IQueryCollection query)
    {
        var errors = ValidatePeriod(query);
        // Any other name than the filter's, the keyset cursor (before) and the exports' handler is refused by name (QA158
        // F11), as the export API refuses it.
        RefuseUnknownNames(query, FilterNames, ["before", "handler"], "Filter", errors);

        // An email no account can have (longer than the column, a NUL) is refused under clinician, as the access log refuses
        // such a who: run, it listed nothing, read as "recorded nothing".
        RefuseTextNoEntryHolds("clinician", Clinician, DecisionLogColumns.ActorEmail, errors);

        if (!string.IsNullOrEmpty(_patient) && !string.IsNullOrEmpty(PatientReference) && _patient != PatientReference)
        {
            errors["patientReference"] = [ClinicalText.Shared.Message("Audit.PatientTwice")];
        }

        // The patient is checked as the list API checks it (one check, one message): a reference no screening can have
        // is refused under the name it was given, never searched or exported for (QA P11).
        if (Patient?.Trim() is { Length: > 0 } patient && !ScreeningRequestValidator.IsPatientReference(patient))
        {
            errors[query.ContainsKey("patientReference") && !query.ContainsKey("patient") ? "patientReference" : "patient"] = [ScreeningRequestValidator.PatientReferenceMessageFor(patient)];
        }

        if (!string.IsNullOrEmpty(Overall) && !WireNames.TryParse<Verdict>(Overall, out _))
        {
            errors["overall"] = [ClinicalText.Shared.Message("Audit.NotOneOf", "overall", string.Join(", ", Enum.GetValues<Verdict>().Select(v => WireNames.Of(v))))];
        }

        // A version never released matches nothing: refused like an unknown verdict, so that a typo (1.6 for 1.6.0) never
        // reads as "no screenings under this rule set" (QA109 F6). Matched as the filter matches it, trimmed.
        if (RuleSet?.Trim() is { Length: > 0 } version && RuleSetCatalog.Find(version) is null)
        {
            errors["ruleSet"] = [ClinicalText.Shared.Message("Audit.UnknownRuleSet", "ruleSet", string.Join(", ", RuleSetCatalog.All.Select(r => r.Version)))];
        }

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
            case "clinician":
                Clinician = value;
                break;
            case "patient" or "patientReference":
                (_patient, PatientReference) = (value, null);
                break;
            case "overall":
                Overall = value;
                break;
            case "ruleSet":
                RuleSet = value;
                break;
            default:
                base.Show(name, value);
                break;
        }
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

    /// <inheritdoc />
    public override IReadOnlyList<FilterTerm> Described(IStringLocalizer<PageText> localizer)
    {
        var terms = base.Described(localizer).ToList();
        AddText(terms, localizer["Recorded by (email)"], Clinician);
        AddText(terms, localizer["Patient reference"], Patient);
        if (WireNames.TryParse<Verdict>(Overall, out var verdict))
        {
            // As the form's drop-down names it: the verdict in words, its contract spelling after it.
            var wire = WireNames.Of(verdict);
            terms.Add(new(localizer["Verdict"], $"{Display.VerdictText(wire)} ({wire})"));
        }

        AddText(terms, localizer["Rule-set version"], RuleSet);
        return terms;
    }

    /// <summary>The filter for the query, its days the clinic's (<paramref name="calendar"/>); call <see cref="Validate"/> first.</summary>
    public AuditFilter ToFilter(ClinicCalendar calendar)
    {
        var (start, end) = Instants(calendar);
        return new(start, end, Clinician, Patient, WireNames.TryParse<Verdict>(Overall, out var verdict) ? verdict : null, RuleSet);
    }

    /// <inheritdoc />
    public override Dictionary<string, string?> RouteValues()
    {
        var values = base.RouteValues();
        values["clinician"] = Clinician;
        values["patient"] = Patient;
        values["overall"] = Overall;
        values["ruleSet"] = RuleSet;
        return values;
    }
}
