using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Screenings;

/// <summary>Finds a patient's recorded screenings by patient reference, newest first.</summary>
public sealed class IndexModel(ScreeningRequestValidator validator, IDecisionLog log, IAccessAudit audit, EfAccessAudit accessLog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? PatientReference { get; set; }

    /// <summary>
    /// Why the reference searched for is refused, or null. It is the model state's error of <see cref="PatientReference"/>,
    /// as a form's field error is: the page's title says "Error:" and the search field gets its red bar (field-errors-of)
    /// as the other forms' fields do.
    /// </summary>
    public string? Error =>
        ModelState.TryGetValue(nameof(PatientReference), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// The search's refusal in the error summary at the top of the page (Shared/_ErrorSummary, as every form has), linked to
    /// the search box; empty when the reference is accepted.
    /// </summary>
    public IReadOnlyList<(string? Anchor, string Message)> ErrorSummary => Error is { } error ? [("patientReference", error)] : [];

    public IReadOnlyList<LoggedScreening>? Results { get; private set; }

    /// <summary>
    /// The reference the heading and title name (QA189 F2): the one the screenings were recorded under when they share one
    /// spelling (the search ignores letter case, and with one spelling the list has no column saying it), else as typed.
    /// </summary>
    public string? ListedReference =>
        Results?.Select(r => r.History.PatientReference).Distinct(StringComparer.Ordinal).ToList() is [var only] ? only : PatientReference;

    /// <summary>The patient's entries that could not be read: named under the list, never the reason it is not shown.</summary>
    public IReadOnlyList<UnreadableEntry> Unreadable { get; private set; } = [];

    /// <summary>The listed screenings that a later listed one corrects.</summary>
    public IReadOnlySet<Guid> CorrectedLater { get; private set; } = new HashSet<Guid>();

    /// <summary>The listed screenings that a later listed one re-screens.</summary>
    public IReadOnlySet<Guid> RescreenedLater { get; private set; } = new HashSet<Guid>();

    /// <summary>
    /// For each listed screening without a decision of its own, the one recorded on the listed screening it came from where
    /// it still bears on it (<see cref="EarlierScreening.DecisionInForceAsync"/>, the EHR card's rule too: an answer to the
    /// EHR, a correction).
    /// </summary>
    public IReadOnlyDictionary<Guid, CarriedDecision> Carried { get; private set; } = new Dictionary<Guid, CarriedDecision>();

    /// <summary>
    /// When the decision log was last verified in full and with what result (QA284 F3): the search finds screenings as
    /// stored, and one whose patient reference was altered in the database is left out without a word. A psychiatrist is
    /// told when and what it found, and on a problem to ask an auditor; not who verified, nor a link to Verify, which is
    /// the auditor's page. Null until a search ran.
    /// </summary>
    public VerificationLine? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A reference pasted with spaces around it is the same reference.
        PatientReference = PatientReference?.Trim();
        // The page opened from the menu (no patientReference in the address) is the empty search form. The form sent with
        // the box left empty is a search for no one: the page has no "every patient" list (a clinician looks up one
        // patient; the whole log is the auditor's Decision log page), so it says at the field what to enter, in the
        // validator's words ("Enter the patient reference ..."), rather than coming back unchanged as if nothing had
        // been asked (helper 337).
        if (string.IsNullOrEmpty(PatientReference))
        {
            if (Request.Query.ContainsKey(nameof(PatientReference)))
            {
                ModelState.AddModelError(nameof(PatientReference), ClinicalText.Shared.Message("Validation.PatientReference.Required"));
            }

            return;
        }

        if (validator.CheckPatientReference(PatientReference) is { } refused)
        {
            ModelState.AddModelError(nameof(PatientReference), refused);
            return;
        }

        var found = await log.ListScreeningsForPatientAsync(PatientReference, cancellationToken);
        Results = found.Screenings;
        Unreadable = found.Unreadable;
        CorrectedLater = found.Screenings.Select(r => r.Corrects).OfType<Guid>().ToHashSet();
        RescreenedLater = found.Screenings.Select(r => r.RescreenOf).OfType<Guid>().ToHashSet();
        var byId = found.Screenings.ToDictionary(r => r.Id);
        var carried = new Dictionary<Guid, CarriedDecision>();
        foreach (var screening in found.Screenings.Where(r => r.Overrides.Count == 0))
        {
            if (await EarlierScreening.DecisionInForceAsync(screening, id => Task.FromResult(byId.GetValueOrDefault(id))) is { } decision)
            {
                carried[screening.Id] = decision;
            }
        }

        Carried = carried;
        Verification = await VerificationLine.ReadAsync(accessLog, forAuditor: false, cancellationToken);
        await audit.RecordAsync(HttpContext, AccessEventKind.ViewScreening, "patient:" + PatientReference, "list");
    }
}
