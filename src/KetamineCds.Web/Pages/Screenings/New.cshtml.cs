using FluentValidation;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Screenings;

/// <summary>
/// The intake form. A valid history is evaluated, recorded in the decision log and only then shown
/// (Post-Redirect-Get to the result page); an invalid one, or one the log could not record, comes back with
/// everything the clinician typed.
/// </summary>
public sealed class NewModel(IValidator<ScreeningRequest> validator, IDecisionLog log, IAccessAudit audit, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>
    /// The screening this one re-screens (<c>?from=</c>): the form is prefilled from its stored input, and the new log
    /// entry points to it. The earlier entry is never changed.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public Guid? From { get; set; }

    /// <summary>True when the decision log could not record the screening: nothing was stored or shown.</summary>
    public bool NotRecorded { get; private set; }

    /// <summary>The decision log failed during the commit: the screening may have been stored (see <see cref="DecisionLogUnavailableException.OutcomeUnknown"/>).</summary>
    public bool MayHaveBeenRecorded { get; private set; }

    public FormFields Fields => new(ModelState, Input);

    /// <summary>The errors in the form's order, with the id each one links to.</summary>
    public IReadOnlyList<(string Anchor, string Message)> ErrorSummary =>
        ContractFields.All
            .Select(f => (Field: f, Key: $"Input.{f.Property}"))
            .Where(x => ModelState.TryGetValue(x.Key, out var entry) && entry.Errors.Count > 0)
            .SelectMany(x => ModelState[x.Key]!.Errors.Select(e => (FormFields.AnchorOf(x.Field.Name), e.ErrorMessage)))
            .Distinct()
            .ToList();

    /// <summary>The safety questions asked for the current answers that are not recorded yet, in the form's order.</summary>
    public IReadOnlyList<FieldDefinition> UnansweredSafety => FormFields.UnansweredSafetyQuestions(Input);

    /// <summary>
    /// The line above the submit button; site.js writes the same words as the answers change (keep the two alike).
    /// </summary>
    public static string SafetyCountText(int unanswered, int blocking) => unanswered switch
    {
        0 => "Every safety question asked is recorded.",
        1 => blocking == 1
            ? "1 safety question is not recorded: no pathway can open while a question that could block it is not recorded."
            : "1 safety question is not recorded: it calls for care when not recorded.",
        _ => blocking > 0
            ? $"{unanswered} safety questions are not recorded ({blocking} could block a pathway): no pathway can open while a question that could block it is not recorded."
            : $"{unanswered} safety questions are not recorded: each calls for care when not recorded.",
    };

    /// <summary>
    /// An EHR's prefill (<c>?prefill=</c>, the opaque id on a CDS Hooks card): the form opens with what the chart sent.
    /// The data stays on the server; an unknown or expired id is 404.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "prefill")]
    public string? PrefillId { get; set; }

    public async Task<IActionResult> OnGetAsync([FromServices] KetamineCds.Infrastructure.CdsHooks.CdsHookStore hookStore, CancellationToken cancellationToken)
    {
        if (PrefillId is { } prefillId)
        {
            var prefill = await hookStore.FindPrefillAsync(prefillId, cancellationToken);
            if (prefill is null)
            {
                return NotFound();
            }

            await audit.RecordAsync(
                new AccessEvent(AccessEventKind.ViewScreening, User.ToActor().Email, User.ActingRole(), "patient:" + prefill.PatientReference, "cds-hooks prefill", HttpContext.GetCorrelationId()),
                cancellationToken);
            Prefill(prefill.InputJson);
        }
        else if (From is { } from)
        {
            var previous = await log.FindScreeningAsync(from, cancellationToken);
            if (previous is null)
            {
                return NotFound();
            }

            await audit.RecordAsync(
                new AccessEvent(AccessEventKind.ViewScreening, User.ToActor().Email, User.ActingRole(), from.ToString(), "re-screen", HttpContext.GetCorrelationId()),
                cancellationToken);
            Prefill(previous.InputJson);
        }

        Input.Jurisdiction ??= "us";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && await log.FindScreeningAsync(from, cancellationToken) is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        foreach (var failure in validation.Errors)
        {
            var key = $"Input.{failure.PropertyName}";
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue; // the binder already said the typed value is not a number
            }

            ModelState.AddModelError(key, failure.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var history = Input.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history);
        try
        {
            var logged = await log.RecordScreeningAsync(
                new ScreeningSubmission(history, Input.ToContractJson(), assessment, User.ToActor(Roles.Psychiatrist), HttpContext.GetCorrelationId()) { RescreenOf = From },
                cancellationToken);
            return Redirect($"/Screenings/{logged.Id}");
        }
        catch (DecisionLogUnavailableException e)
        {
            logger.LogError(e, "The decision log could not record a screening; the result was not shown.");
            NotRecorded = true;
            MayHaveBeenRecorded = e.OutcomeUnknown;
            return Page();
        }
    }

    /// <summary>Fills the form with a stored screening's input (the contract JSON the decision log keeps).</summary>
    private void Prefill(string inputJson)
    {
        var stored = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(inputJson)).Request;
        foreach (var field in ContractFields.All)
        {
            var property = typeof(ScreeningRequest).GetProperty(field.Property)!;
            property.SetValue(Input, property.GetValue(stored));
        }
    }

    /// <summary>What the form posts: the contract's fields.</summary>
    public sealed class InputModel : ScreeningRequest;
}
