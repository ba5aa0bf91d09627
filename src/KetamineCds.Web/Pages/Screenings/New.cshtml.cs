using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.CdsHooks;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Audit;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Catalogue = KetamineCds.Domain.Screening.Fields;

namespace KetamineCds.Web.Pages.Screenings;

/// <summary>
/// The intake form. A valid history is evaluated, recorded in the decision log and only then shown
/// (Post-Redirect-Get to the result page); an invalid one, or one the log could not record, comes back with
/// everything the clinician typed.
/// </summary>
public sealed class NewModel(ScreeningRecorder recorder, IDecisionLog log, IAccessAudit audit, ClinicalText text, IStringLocalizer<PageText> localizer, IOptions<ClinicOptions> clinic, ILogger<NewModel> logger) : PageModel
{
    /// <summary>What the form shows and posts: the contract's fields (read from the post by <see cref="ScreeningFormReader"/>).</summary>
    public ScreeningRequest Input { get; private set; } = new();

    /// <summary>
    /// The screening this one re-screens (<c>?from=</c>): the form is prefilled from its stored input, and the new log
    /// entry points to it. The earlier entry is never changed.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public Guid? From { get; set; }

    /// <summary>
    /// The screening this one corrects (<c>?corrects=</c>): the form is prefilled as for a re-screen, a reason is
    /// required, and the new log entry is recorded as a correction of that one (which is never changed, and is then
    /// shown as corrected). Takes the place of <see cref="From"/> when both are given.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "corrects")]
    public Guid? Corrects { get; set; }

    /// <summary>Why the earlier screening is corrected (with <see cref="Corrects"/>), kept as typed after an error.</summary>
    [BindProperty(Name = Correction.ReasonName)]
    public string? CorrectionReason { get; set; }

    /// <summary>The earlier screening the form starts from: the one corrected, or the one re-screened.</summary>
    public Guid? Earlier => Corrects ?? From;

    /// <summary>
    /// The screening the clinician asked to correct (<c>?corrects=</c>) when it had been corrected already: the form then
    /// corrects its latest correction instead (<see cref="Corrects"/>), starting from that correction's answers, so that
    /// what the first correction put right is not undone (QA8 F17). Null otherwise.
    /// </summary>
    public Guid? AlreadyCorrected { get; private set; }

    /// <summary>
    /// The screening the clinician asked to re-screen (<c>?from=</c>) when it had been corrected, with its correction in
    /// force and what that changed (QA128 F1): the form then re-screens that correction instead (<see cref="From"/>),
    /// starting from its answers, never from the answers the correction says were entered wrongly, and says so. Null otherwise.
    /// </summary>
    public CorrectionInForce? RescreenOfCorrected { get; private set; }

    /// <summary>
    /// When the screening re-screened here is itself a re-screen of one corrected since (or before: made from it under a
    /// version that did not follow the correction), that correction and what it changed (QA128 F1): the answers it
    /// carried over may be the ones the correction put right, and the form says so. Null otherwise.
    /// </summary>
    public CorrectionInForce? EarlierStartedFromCorrected { get; private set; }

    /// <summary>The screening that the entry corrected here itself corrects (a correction of a correction), or null.</summary>
    public Guid? EarlierCorrects { get; private set; }

    /// <summary>
    /// The clinic's day the earlier screening's answers hold for (<see cref="EarlierAnswers.AnswersDay"/>): its own day,
    /// or for a correction the day of the screening it corrects. A correction's form shows that day's answers whole.
    /// </summary>
    public DateOnly? EarlierAnswersOn { get; private set; }

    /// <summary>The clinic's day a re-screen counted the earlier answers against ("today"; QA8 F10), or null for a correction.</summary>
    public DateOnly? EarlierCountedOn { get; private set; }

    /// <summary>When the encounter the earlier screening's answers describe was recorded, when that is not the earlier entry's own time (it is a correction).</summary>
    public DateTimeOffset? EarlierAnswersRecordedAt { get; private set; }

    /// <summary>The message for a correction of an entry already corrected, or null.</summary>
    public string? CorrectsError =>
        ModelState.TryGetValue(Correction.CorrectsName, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The message for a missing or too long correction reason, or null.</summary>
    public string? CorrectionReasonError =>
        ModelState.TryGetValue(Correction.ReasonName, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// The earlier screening's clinician's note, shown beside the empty note box and never carried over: a note
    /// describes one encounter, and a re-screen or correction that repeated it would put the earlier words under a new date.
    /// </summary>
    public string? EarlierNote { get; private set; }

    /// <summary>
    /// The clinicians' decisions against the earlier screening's recommendation (QA7 F21: "do not proceed, the patient
    /// declined"), shown above the re-screen or correction form: they belong to that screening and are not carried, but
    /// the clinician should know them before screening again.
    /// </summary>
    public IReadOnlyList<LoggedOverride> EarlierOverrides { get; private set; } = [];

    /// <summary>
    /// For an earlier screening without overrides of its own, the decision recorded on the screening it came from that still
    /// bears on it (a correction's, an EHR answer's; QA137 F1): shown as its page shows it, and not carried into this one.
    /// </summary>
    public CarriedDecision? EarlierCarried { get; private set; }

    /// <summary>The name the form's one-time submission id is posted under.</summary>
    public const string SubmissionIdName = "submissionId";

    /// <summary>The TempData key that tells the result page it is shown for a form sent again (QA11 F6).</summary>
    public const string AlreadySubmittedKey = "AlreadySubmitted";

    /// <summary>
    /// The form's one-time submission id (QA11 F6): a random id made when the form is rendered and posted with it. The
    /// screening is recorded with it, once: the same form sent again (a resent request, a proxy's retry) shows the
    /// screening recorded from it instead of recording a second. A form sent back with problems keeps its id; nothing
    /// was recorded with it.
    /// </summary>
    public Guid SubmissionId { get; private set; } = Guid.NewGuid();

    /// <summary>
    /// Set when the form's submission id was recorded by another user: nothing was recorded, their screening is not
    /// shown, and the page answers 409.
    /// </summary>
    public bool SubmittedByAnother { get; private set; }

    /// <summary>
    /// Set when the form's submission id was recorded before with other answers (two tabs carrying one form, a duplicated
    /// tab; QA157 F8): nothing was recorded, that screening is not shown as these answers' result, and the page answers 422
    /// with the answers kept under a new id. <see cref="ReusedFor"/> names that screening to its own author.
    /// </summary>
    public bool SubmissionReused { get; private set; }

    /// <summary>The screening the reused id recorded, when this user recorded it; null for another user's (never named).</summary>
    public Guid? ReusedFor { get; private set; }

    /// <summary>True when the decision log could not record the screening: nothing was stored or shown.</summary>
    public bool NotRecorded { get; private set; }

    /// <summary>The decision log failed during the commit: the screening may have been stored (see <see cref="DecisionLogUnavailableException.OutcomeUnknown"/>).</summary>
    public bool MayHaveBeenRecorded { get; private set; }

    /// <summary>The database answered and refused to store the screening (<see cref="RecordingStatus.RefusedByDatabase"/>): nothing was stored or shown.</summary>
    public bool RefusedByDatabase { get; private set; }

    /// <summary>
    /// Why a screening sent back with the "NOT saved" alert was not stored, as the page that answers a post the database
    /// could not take says it to drafts.js: <see cref="DatabaseUnavailableHandler.DatabaseRefusedReason"/> (refused: sending
    /// it again unchanged will not help) or <see cref="DatabaseUnavailableHandler.DatabaseUnavailableReason"/> (the
    /// database could not be reached); empty where nothing is known to be unsaved for such a reason (a fresh form, problems
    /// to fix, one that may have been recorded). Answers a language switch keeps from the form come back with that notice.
    /// </summary>
    public string NotSavedBecause =>
        RefusedByDatabase ? DatabaseUnavailableHandler.DatabaseRefusedReason
        : NotRecorded && !MayHaveBeenRecorded ? DatabaseUnavailableHandler.DatabaseUnavailableReason
        : "";

    /// <summary>The control of one contract field, as the partial <c>_Field</c> renders it.</summary>
    public FieldControl Control(string name) =>
        FieldControl.For(Catalogue.Find(name)!, ModelState, Input, text, new FieldContext(
            FromEhr: FromEhr.Contains(name),
            MoreHint: name == Catalogue.Jurisdiction.Name ? ClinicJurisdictionHint
                : name == Catalogue.CurrentManiaOrMixedFeatures.Name ? AskedOfEveryPatientHint : null,
            ReadOnlyBecause: Earlier is not null && name == Catalogue.PatientReference.Name
                ? (Corrects is null
                    ? localizer["A re-screen is of the same patient: the reference stays as recorded. To screen another patient, start a new screening."]
                    : localizer["A correction is of the same patient: the reference stays as recorded. If the screening was recorded under the wrong patient, record a new screening for the right one."]).Value
                : null,
            FromScreeningOn: FromScreeningFields.Contains(name) ? FromScreeningOn : null,
            ChartChecks: ChartChecks.TryGetValue(name, out var checks) ? checks : null,
            ChartRounded: ChartRounded.TryGetValue(name, out var rounded) ? rounded : null,
            RecordedNotKnown: EarlierNotKnown.Contains(name),
            SourceNote: name == Catalogue.PatientReference.Name && FromEhr.Contains(name) ? FhirIdNote : null));

    /// <summary>
    /// QA295 F1: beside a patient reference an EHR's prefill took from its FHIR Patient id (its client names no identifier
    /// system for the record number, or the Patient resource holds none in it), that it is no record number, to check
    /// before saving; null when the reference is the record number, or the form holds no such prefill.
    /// </summary>
    private string? FhirIdNote => PrefillFhirIdBecause switch
    {
        ChartPatientReference.NoSystem =>
            localizer["This is the EHR's FHIR patient id, not a medical record number: no record-number system is configured for this EHR. Check it before saving: screenings are found by the patient reference they are saved under."].Value,
        ChartPatientReference.NoRecordNumber =>
            localizer["This is the EHR's FHIR patient id, not a medical record number: the chart's Patient resource holds no single record number in the system configured for this EHR. Check it before saving: screenings are found by the patient reference they are saved under."].Value,
        _ => null,
    };

    /// <summary>Why the patient reference of the EHR's prefill is its FHIR Patient id (<see cref="PrefillContent.FhirIdBecause"/>), or null.</summary>
    private string? PrefillFhirIdBecause { get; set; }

    /// <summary>
    /// The yes/no questions the earlier screening a re-screen or correction opens from recorded as not known
    /// (<see cref="EarlierAnswers.NotKnown"/>): its form shows "Not known" chosen for them where offered, as a form sent
    /// back does for the clinician's own choice (QA session 46), never no answer chosen. Filled when the form opens only;
    /// a form sent back shows what was sent.
    /// </summary>
    private HashSet<string> EarlierNotKnown { get; } = new(StringComparer.Ordinal);

    /// <summary>The chart values with a fraction a CDS Hooks prefill filled in as whole numbers, by field (a blood pressure rounded up).</summary>
    private Dictionary<string, List<(string Given, int ReadAs, string Reference)>> ChartRounded { get; set; } = [];

    /// <summary>The chart entries a CDS Hooks prefill names for checking, by field (QA13 H3, M4).</summary>
    private Dictionary<string, List<(string What, string Reference)>> ChartChecks { get; set; } = [];

    /// <summary>
    /// What the jurisdiction's hint adds (QA7 F19): the form preselects the clinic's jurisdiction (<c>Clinic:Jurisdiction</c>),
    /// or on a re-screen or correction keeps the earlier screening's, and the clinician can change it for this patient.
    /// </summary>
    /// <summary>
    /// QA (helper 263) F1: the mania question stands in the bipolar section, and a clinician screening a patient with
    /// another diagnosis skipped it as not theirs; BIP-004 blocks in any diagnosis, so every pathway waits on it (left
    /// blank, the screening is incomplete). Said on the question itself; it stays optional ("Not known" is allowed).
    /// </summary>
    public string AskedOfEveryPatientHint =>
        localizer["Asked of every patient, whatever the diagnosis: current mania, hypomania or mixed features defer ketamine in any diagnosis (BIP-004), so no pathway can open while this is not answered."].Value;

    public string ClinicJurisdictionHint
    {
        get
        {
            var clinicDefault = text.Choice(Catalogue.Jurisdiction, clinic.Value.Jurisdiction);
            return Earlier is null
                ? localizer["Preset to the clinic's default, {0}; change it if another label applies to this patient.", clinicDefault]
                : localizer["Kept from the earlier screening; the clinic's default is {0}. Change it if another label applies to this patient.", clinicDefault];
        }
    }

    /// <summary>
    /// Whether the form holds yes for a question the other answers do not ask (its <c>AskedWhen</c> does not hold): an
    /// EHR's pregnancy record for a patient aged 60. Such a question is kept shown, never hidden and dropped from the post.
    /// </summary>
    public bool YesNotAsked(FieldDefinition field) =>
        Input.ContractValueOf(field.Name) is true && !field.IsAskedGiven(Input.ContractValueOf);

    /// <summary>
    /// Whether a yes to this conditional question is kept shown when the other answers stop asking it (site.js,
    /// <c>data-keep-yes</c>): a yes/no whose yes is the more cautious answer, such as a pregnancy. Hidden, it would be
    /// dropped from the post without a word; shown, the server either takes it (a recorded pregnancy blocks at any age)
    /// or names the contradiction at the field (a pregnancy for a patient male at birth).
    /// </summary>
    public static bool KeepsYes(FieldDefinition field) =>
        field is { Type: FieldType.YesNo, MoreCautious: MoreCautiousAnswer.Yes, AskedWhen: not null };

    /// <summary>The message for a submission id that is not one the form makes, or null.</summary>
    public string? SubmissionIdError =>
        ModelState.TryGetValue(SubmissionIdName, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// The errors in the form's order, with the id each one links to; a message shown at two boxes (a systolic not above
    /// the diastolic) is listed once, linked to the first.
    /// </summary>
    public IReadOnlyList<(string Anchor, string Message)> ErrorSummary =>
        (SubmissionReused ? new[] { ("submission-reused", localizer["This form was already used to record another set of answers: these answers were NOT saved."].Value) } : [])
        .Concat(SubmissionIdError is { } submissionError ? new[] { ("record-screening", submissionError) } : [])
        .Concat(CorrectsError is { } correctsError ? new[] { ("correction", correctsError) } : [])
        .Concat(CorrectionReasonError is { } reasonError ? new[] { (Correction.ReasonName, reasonError) } : [])
        .Concat(Catalogue.AsAsked
            .Select(f => (Field: f, Key: FieldControl.KeyOf(f)))
            .Where(x => ModelState.TryGetValue(x.Key, out var entry) && entry.Errors.Count > 0)
            .SelectMany(x => ModelState[x.Key]!.Errors.Select(e => (FieldControl.AnchorOf(x.Field), e.ErrorMessage))))
            .DistinctBy(e => e.Item2, StringComparer.Ordinal)
            .ToList();

    /// <summary>The safety questions asked for the current answers that are not recorded yet, in the form's order.</summary>
    public IReadOnlyList<FieldDefinition> UnansweredSafety => FieldControl.UnansweredSafetyQuestions(Input);

    /// <summary>
    /// The templates of the line above the submit button, in the page's language: the server fills one, and site.js
    /// the same ones (from data attributes) as the answers change. {0}: not recorded; {1}: could block a pathway. A care item
    /// that must be known before the first dose (blood pressure, hepatic status) is marked so in the list, never as could block (QA148 F2).
    /// </summary>
    public IReadOnlyDictionary<string, string> SafetyCountTemplates => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["none"] = localizer["Every safety question asked is recorded."],
        ["one-blocking"] = localizer["1 safety question is not recorded: no pathway can open while a question that could block it is not recorded."],
        ["one-care"] = localizer["1 safety question is not recorded: it calls for care when not recorded."],
        ["many-blocking"] = localizer["{0} safety questions are not recorded ({1} could block a pathway): no pathway can open while a question that could block it is not recorded."],
        ["many-care"] = localizer["{0} safety questions are not recorded: each calls for care when not recorded."],
        ["could-block"] = localizer[" (could block a pathway)"],
        ["before-dose"] = localizer[" (must be known before the first dose)"],
    };

    /// <summary>The line above the submit button for these counts.</summary>
    public string SafetyCountText(int unanswered, int blocking)
    {
        var name = unanswered switch
        {
            0 => "none",
            1 => blocking == 1 ? "one-blocking" : "one-care",
            _ => blocking > 0 ? "many-blocking" : "many-care",
        };
        return SafetyCountTemplates[name]
            .Replace("{0}", unanswered.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{1}", blocking.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }


    /// <summary>
    /// An EHR's prefill (<c>?prefill=</c>, the opaque id on a CDS Hooks card): the form opens with what the chart sent.
    /// The data stays on the server. An unknown or expired id answers 404 with the empty form and a notice saying so
    /// (<see cref="PrefillUnavailable"/>): the clinician came from the EHR's card and can start here.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "prefill")]
    public string? PrefillId { get; set; }

    /// <summary>
    /// The EHR's prefilled link named no prefill the server holds (unknown, or older than
    /// <see cref="CdsHookStore.PrefillLifetime"/>): nothing was filled in, and the page says so above the empty form.
    /// </summary>
    public bool PrefillUnavailable { get; private set; }

    /// <summary>
    /// How many answers an EHR's prefill filled in (0 without one) among the questions the form shows: the form says so,
    /// so that each is checked against its badge. QA295 F4: an answer to a question these answers do not ask (the class of
    /// the oral antidepressant under the US label) is filled in all the same, hidden and not sent, and was counted: "12
    /// answers" beside 11 badges.
    /// </summary>
    public int FromEhrCount => FromEhr.Count(Shown);

    /// <summary>The contract names of the fields an EHR's prefill filled in; each is marked on the form.</summary>
    private HashSet<string> FromEhr { get; } = new(StringComparer.Ordinal);

    /// <summary>How many answers an EHR's prefill took from a clinician's earlier KetamineCds screening (not the chart).</summary>
    public int FromScreeningCount => FromScreeningFields.Count(Shown);

    /// <summary>
    /// Whether the form shows the question of this field for the answers it holds, as site.js does: asked (its
    /// <c>AskedWhen</c> holds, or it is always asked), or a yes kept shown although the other answers do not ask it
    /// (<see cref="YesNotAsked"/>).
    /// </summary>
    private bool Shown(string name) => Catalogue.Find(name) is { } field && (field.IsAskedGiven(Input.ContractValueOf) || YesNotAsked(field));

    /// <summary>That earlier screening (with <see cref="FromScreeningCount"/>).</summary>
    public Guid? FromScreening { get; private set; }

    /// <summary>The clinic's day its answers were recorded, yyyy-MM-dd.</summary>
    public string? FromScreeningOn { get; private set; }

    /// <summary>The contract names of the fields the prefill took from that screening; each is marked apart from the chart's.</summary>
    private HashSet<string> FromScreeningFields { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when the screening to re-screen or correct (<see cref="Earlier"/>) cannot be read; the page then says so and shows no form.</summary>
    public UnreadableEntryNotice? Unreadable { get; private set; }

    /// <summary>
    /// Set when the screening to re-screen or correct (<see cref="Earlier"/>) holds two copies of its answers that disagree
    /// (the input as submitted and the history its verdict was decided on, <see cref="StoredInputs"/>; only a log altered
    /// behind the app's back holds one). The form would start from the input as submitted, which may be the altered copy,
    /// and its answers would come back as a new entry whose copies agree, the doubt gone. So nothing is filled in and
    /// nothing is recorded: the page answers 409, says why, points to the auditor, and offers a new screening, whose
    /// answers are taken afresh from the chart.
    /// </summary>
    public bool EarlierInputsDisagree { get; private set; }

    /// <summary>When the screening this one re-screens or corrects was recorded (with <see cref="Earlier"/>).</summary>
    public DateTimeOffset? EarlierRecordedAt { get; private set; }

    /// <summary>The labels of the earlier screening's answers not carried over because they are out of date (today's blood pressure ...).</summary>
    public IReadOnlyList<string> NotCarriedOver { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromServices] CdsHookStore hookStore, [FromServices] ClinicCalendar calendar, CancellationToken cancellationToken)
    {
        if (NamesUnreadableEarlier())
        {
            return NotFound();
        }

        if (PrefillId is { } prefillId)
        {
            var prefill = await hookStore.FindPrefillAsync(prefillId, cancellationToken);
            if (prefill is null)
            {
                // Not the generic "page not found": the link came from the app's own card. The status stays 404 (the
                // link names nothing), the page is the empty form with a notice (QA6 F10).
                PrefillUnavailable = true;
                Response.StatusCode = StatusCodes.Status404NotFound;
                return FormWithDefaults();
            }

            await audit.RecordAsync(
                new AccessEvent(AccessEventKind.ViewScreening, User.ToActor().Email, User.ActingRole(), "patient:" + prefill.PatientReference, "cds-hooks prefill", HttpContext.GetCorrelationId()),
                cancellationToken);
            var content = PrefillContent.Read(prefill.InputJson);
            var chart = ScreeningJsonReader.ReadStored(content.InputJson);
            Prefill(chart);
            MarkChartAnswers(chart, content);
        }
        else if (Earlier is { } asked)
        {
            if (Corrects is not null && await CorrectionInForce.LatestCorrectionAsync(log, asked, cancellationToken) is { } latest)
            {
                // QA8 F17: correcting an entry already corrected starts from the latest correction's answers, and records
                // a correction of that correction: the first correction's fixes are kept, and the page says so.
                AlreadyCorrected = asked;
                Corrects = latest;
            }
            else if (Corrects is null && await CorrectionInForce.LatestCorrectionAsync(log, asked, cancellationToken) is { } inForce)
            {
                // QA128 F1: a re-screen of a corrected entry starts from the decision in force, its latest correction, and
                // records a re-screen of that: the answers the correction says were entered wrongly are never filled in again.
                From = inForce;
            }

            var earlierId = Earlier.Value;
            var (stop, previous) = await OpenEarlierAsync(earlierId, calendar, cancellationToken);
            if (Unreadable is not null)
            {
                // QA318 F6: the attempt to open it is in the access log too, not only in the app log's line.
                await audit.RecordRefusedAsync(HttpContext, AccessEventKind.ViewScreening, earlierId, Corrects is null ? "re-screen" : "correction", Unreadable.Entry, Roles.Psychiatrist);
            }

            if (previous is null)
            {
                return stop!;
            }

            if (Corrects is null && earlierId != asked)
            {
                // What the correction changed, from the entries read once: the correction opened, and the screening asked
                // for, read already as the one it corrects (a chain of one correction) or read here (a longer chain).
                var corrected = _earlierSource?.Id == asked ? _earlierSource : await EarlierScreening.FindByIdAsync(log, asked, cancellationToken);
                RescreenOfCorrected = new CorrectionInForce(asked, earlierId, corrected is null ? [] : CorrectionInForce.ChangedFields(corrected.History, _earlierOpened!.History));
            }

            await audit.RecordAsync(HttpContext, AccessEventKind.ViewScreening, earlierId.ToString(), Corrects is null ? "re-screen" : "correction", Roles.Psychiatrist);
            Prefill(previous.Request);
            EarlierNotKnown.UnionWith(previous.NotKnown.Select(f => f.Name));

            // The note is the earlier encounter's: shown beside the box (EarlierNote), never carried into this one.
            Input[Catalogue.ClinicianNote] = null;
        }

        return FormWithDefaults();
    }

    /// <summary>
    /// A <c>from</c> or <c>corrects</c> was given (in the link or the post) that is not a screening id, such as a link cut
    /// short (<c>?corrects=abc</c>, or <c>?from=</c> with nothing after it): the page answers 404, as for an id that names
    /// no screening, never the blank form of a new screening that the clinician would take for the correction or
    /// re-screen they asked for (QA11 F7).
    /// </summary>
    private bool NamesUnreadableEarlier() =>
        (From is null && Given("from")) || (Corrects is null && Given(Correction.CorrectsName));

    private bool Given(string name) =>
        Request.Query.ContainsKey(name) || (Request.HasFormContentType && Request.Form.ContainsKey(name));

    /// <summary>
    /// The form as it opens: a field with a contract default shows a value until the clinician chooses otherwise. For the
    /// jurisdiction that is the clinic's (<c>Clinic:Jurisdiction</c>, default US), so that a clinic in the EU need not
    /// change it on every screening; a re-screen or correction has the earlier screening's already (<see cref="EarlierAnswers"/>).
    /// </summary>
    private PageResult FormWithDefaults()
    {
        foreach (var field in Catalogue.All.Where(f => f.Default is not null && Input[f] is null))
        {
            Input[field] = field == Catalogue.Jurisdiction ? clinic.Value.Jurisdiction : field.Default;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CdsHookStore hookStore, [FromServices] ClinicCalendar calendar, CancellationToken cancellationToken)
    {
        if (NamesUnreadableEarlier())
        {
            return NotFound();
        }

        if (Earlier is { } earlierId)
        {
            // The earlier entry is read again, so that the page that comes back after an error still says when it was
            // recorded and which of its answers were not carried over; one altered since the form was opened stops here too.
            if ((await OpenEarlierAsync(earlierId, calendar, cancellationToken)).Stop is { } stop)
            {
                return stop;
            }
        }

        // The reader's messages (a number that is not a number) stay; the recorder does not repeat them.
        (Input, var unreadable) = ScreeningFormReader.Read(Request.Form, ModelState);

        // A form rendered before submission ids existed posts none and is recorded as before. One that is not an id
        // the form makes (changed by hand or cut short) is refused at the field, nothing recorded, and the page comes
        // back with a new id so that the answers can be sent again.
        // The answers are still checked, so that every problem shows at once, not the others only on the next sending;
        // the id's problem keeps anything from being recorded.
        Guid? submissionId = null;
        var submissionIdRefused = false;
        if (Request.Form.TryGetValue(SubmissionIdName, out var postedId))
        {
            if (ScreeningRecorder.TryReadSubmissionId(postedId.ToString(), out var parsed))
            {
                submissionId = SubmissionId = parsed;
            }
            else
            {
                string message = localizer["This form could not be matched to the form that was opened (its submission id is not one the app makes), so nothing was saved. Check the answers below and send the form again."];
                ModelState.AddModelError(SubmissionIdName, message);
                unreadable[SubmissionIdName] = [message];
                submissionIdRefused = true;
            }
        }

        var recording = await recorder.RecordAsync(
            Input,
            unreadable,
            User.ToActor(Roles.Psychiatrist),
            HttpContext.GetCorrelationId(),
            Corrects is null ? From : null,
            cancellationToken,
            correction: Corrects is { } corrects ? new Correction(corrects, FreeText.FromTextArea(CorrectionReason)) { CorrectedAnswers = _earlierOpened?.History } : null,
            samePatientAs: EarlierPatientReference,
            submissionId: submissionId);
        switch (recording.Status)
        {
            case RecordingStatus.Recorded:
                return Redirect($"/Screenings/{recording.Screening!.Id}");
            case RecordingStatus.AlreadyRecorded:
                // The same form sent again: nothing new was recorded; its screening is shown, saying so.
                TempData[AlreadySubmittedKey] = true;
                return Redirect($"/Screenings/{recording.Submission!.ScreeningId}");
            case RecordingStatus.SubmittedByAnother:
                // Another user's screening is neither recorded again nor shown. The answers stay, under a new id, so
                // that they can be recorded as a screening of this user's own.
                SubmittedByAnother = true;
                SubmissionId = Guid.NewGuid();
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case RecordingStatus.SubmissionReused:
                // QA157 F8: the id recorded other answers (a duplicated tab). Neither that screening, as if it were these
                // answers' result, nor the answers under its id: they stay, under a new id, to be recorded as their own.
                SubmissionReused = true;
                ReusedFor = recording.Submission!.RecordedBy(User.ToActor(Roles.Psychiatrist).UserId) ? recording.Submission.ScreeningId : null;
                SubmissionId = Guid.NewGuid();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                await MarkChartAnswersAsync(hookStore, cancellationToken);
                return Page();
            case RecordingStatus.Invalid:
                if (submissionIdRefused)
                {
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                }

                foreach (var (name, messages) in recording.Errors.Where(e => !unreadable.ContainsKey(e.Key)).Select(e => (e.Key, e.Value)))
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(Catalogue.Find(name) is { } field ? KeyOf(field) : name is Correction.ReasonName or Correction.CorrectsName ? name : string.Empty, message);
                    }
                }

                // Helper 250: a systolic not above the diastolic is a fault of both boxes: the diastolic's is marked with the
                // same message (its box invalid, the message read with it), listed once in the summary (ErrorSummary).
                foreach (var field in Catalogue.All.Where(f => f.Above is not null))
                {
                    var aboveMessage = ScreeningRequestValidator.AboveMessage(field);
                    if (recording.Errors.TryGetValue(field.Name, out var messages) && messages.Contains(aboveMessage, StringComparer.Ordinal)
                        && Catalogue.Find(field.Above!) is { } bound)
                    {
                        ModelState.AddModelError(KeyOf(bound), aboveMessage);
                    }
                }

                await MarkChartAnswersAsync(hookStore, cancellationToken);
                return Page();
            default:
                NotRecorded = true;
                MayHaveBeenRecorded = recording.Status == RecordingStatus.MayHaveBeenRecorded;
                RefusedByDatabase = recording.Status == RecordingStatus.RefusedByDatabase;
                return Page();
        }
    }

    /// <summary>
    /// After a post that needs correcting, the answers still as an EHR's prefill gave them stay marked. Only a help: an
    /// expired prefill, or a database that cannot be reached, marks nothing, and the form keeps every answer typed.
    /// </summary>
    private async Task MarkChartAnswersAsync(CdsHookStore hookStore, CancellationToken cancellationToken)
    {
        try
        {
            if (PrefillId is { } prefillId && await hookStore.FindPrefillAsync(prefillId, cancellationToken) is { } prefill)
            {
                var content = PrefillContent.Read(prefill.InputJson);
                MarkChartAnswers(ScreeningJsonReader.ReadStored(content.InputJson), content);
            }
        }
        catch (Exception e) when (DatabaseUnavailableHandler.IsDatabaseUnavailable(e))
        {
        }
    }

    private static string KeyOf(FieldDefinition field) => FieldControl.KeyOf(field);

    /// <summary>
    /// Opens the screening to re-screen or correct (<see cref="LoadEarlierAsync"/>), or gives the answer that stops the request
    /// instead: one that cannot be read, the page that says so; one whose two copies of its answers disagree, the page with
    /// 409 (nothing is recorded against it, also for a form opened before it was altered); no such screening, 404. Exactly
    /// one of the two is null.
    /// </summary>
    private async Task<(IActionResult? Stop, EarlierAnswers? Previous)> OpenEarlierAsync(Guid id, ClinicCalendar calendar, CancellationToken cancellationToken)
    {
        var previous = await LoadEarlierAsync(id, calendar, cancellationToken);
        if (Unreadable is not null)
        {
            return (Page(), null);
        }

        if (EarlierInputsDisagree)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return (Page(), null);
        }

        return previous is null ? (NotFound(), null) : (null, previous);
    }

    /// <summary>
    /// Reads the screening to re-screen or correct, with when it was recorded, its note and the answers no longer
    /// current; null if there is none. One that cannot be read (only a tampered log holds one) sets
    /// <see cref="Unreadable"/>: the page says so as its result page does, never a 500, and no form is shown. One whose
    /// two copies of its answers disagree sets <see cref="EarlierInputsDisagree"/> and gives none of its answers.
    /// </summary>
    private async Task<EarlierAnswers?> LoadEarlierAsync(Guid id, ClinicCalendar calendar, CancellationToken cancellationToken)
    {
        (var previous, Unreadable) = await log.FindScreeningForPageAsync(id, HttpContext, logger, cancellationToken);
        if (previous is null)
        {
            return null;
        }

        if (!StoredInputs.Agree(previous.InputJson, previous.History))
        {
            EarlierInputsDisagree = true;
            return null;
        }

        // A correction corrects the record of the earlier encounter (QA8 F11): every answer given then is shown, as that
        // day's, to be put right; none is dropped as "no longer current". A re-screen is today's encounter: what no
        // longer holds is left out and named.
        var earlier = Corrects is null
            ? EarlierAnswers.Of(previous, calendar)
            : EarlierAnswers.AsRecorded(previous, calendar);
        EarlierRecordedAt = previous.RecordedAt;
        EarlierPatientReference = previous.History.PatientReference;
        EarlierAnswersOn = earlier.AnswersOn;
        EarlierCountedOn = earlier.Today;
        EarlierAnswersRecordedAt = previous.AnswersRecordedAt == previous.RecordedAt || previous.AnswersRecordedAtUnknown ? null : previous.AnswersRecordedAt;
        EarlierCorrects = previous.Corrects;
        EarlierNote = string.IsNullOrWhiteSpace(previous.History.ClinicianNote) ? null : previous.History.ClinicianNote;
        EarlierOverrides = previous.Overrides;
        // The screening it re-screens or corrects is read once: for the decision it carries and for what a correction of it changed.
        var source = _earlierSource = await EarlierScreening.FindAsync(log, previous, cancellationToken);
        _earlierOpened = previous;
        EarlierCarried = previous.Overrides.Count > 0 ? null
            : await EarlierScreening.DecisionCarriedAsync(previous, source, id => EarlierScreening.FindByIdAsync(log, id, cancellationToken));
        EarlierStartedFromCorrected = Corrects is null && previous.RescreenOf is { } rescreened
            ? await CorrectionInForce.FindAsync(log, rescreened, source, cancellationToken)
            : null;
        NotCarriedOver = [.. earlier.OutOfDate.Select(text.FieldLabel)];
        return earlier;
    }

    /// <summary>The screening to re-screen or correct, as <see cref="LoadEarlierAsync"/> read it.</summary>
    private LoggedScreening? _earlierOpened;

    /// <summary>The screening that one re-screens or corrects, as <see cref="LoadEarlierAsync"/> read it (null: none, or unreadable).</summary>
    private LoggedScreening? _earlierSource;

    /// <summary>The patient reference of the screening re-screened or corrected: the new one is of the same patient (QA8 F16).</summary>
    public string? EarlierPatientReference { get; private set; }

    /// <summary>
    /// Marks the answers the form holds exactly as an EHR's prefill gave them; one the clinician changed is theirs. Those
    /// the prefill took from a clinician's earlier KetamineCds screening are marked as that screening's, not the chart's.
    /// </summary>
    private void MarkChartAnswers(ScreeningRequest chart, PrefillContent content)
    {
        var same = Catalogue.All
            .Where(f => chart.ContractValueOf(f.Name) is { } fromChart && Input.ContractValueOf(f.Name) is { } shown
                && (fromChart, shown) switch
                {
                    (IEnumerable<string> a, IEnumerable<string> b) => a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal)),
                    _ => fromChart.Equals(shown),
                })
            .Select(f => f.Name)
            .ToList();
        FromEhr.UnionWith(same.Where(n => !content.Carried.Contains(n)));
        PrefillFhirIdBecause = content.FhirIdBecause;
        ChartChecks = content.ToCheck.GroupBy(c => c.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.What, c.Reference)).ToList(), StringComparer.Ordinal);
        ChartRounded = content.Rounded.GroupBy(r => r.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.Given, r.ReadAs, r.Reference)).ToList(), StringComparer.Ordinal);

        if (content.CarriedFrom is { } screening && content.CarriedOn is { } on)
        {
            FromScreening = screening;
            FromScreeningOn = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            FromScreeningFields.UnionWith(same.Where(content.Carried.Contains));
        }
    }

    /// <summary>Fills the form with stored answers (an EHR's prefill, or an earlier screening's current answers).</summary>
    private void Prefill(ScreeningRequest stored)
    {
        foreach (var field in Catalogue.All)
        {
            Input[field] = stored[field];
        }
    }

}
