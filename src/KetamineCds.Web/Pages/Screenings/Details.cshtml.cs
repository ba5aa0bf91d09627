using FluentValidation;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Screenings;

/// <summary>
/// A recorded screening's result. Only screenings in the decision log can be shown; every view is audited. A
/// psychiatrist may record an override (a decision against, or in spite of, the recommendation) with a coded reason.
/// </summary>
public sealed class DetailsModel(IDecisionLog log, IAccessAudit audit, IAuthorizationService authorization, IValidator<OverrideInput> validator, ILogger<DetailsModel> logger, DatabaseOutageLog outage, IStringLocalizer<PageText> localizer, UserManager<ApplicationUser> users) : PageModel
{
    /// <summary>Set when an override was just recorded: the page it comes back to says so (role="status") and focuses that.</summary>
    public const string OverrideRecordedKey = "OverrideRecorded";

    public LoggedScreening Screening { get; private set; } = null!;

    /// <summary>Who recorded the screening: the email recorded with it, and the account's current name labelled as such (<see cref="ScreenedBy"/>).</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>Set when the entry's stored content cannot be read: the page says so, and shows nothing of it.</summary>
    public UnreadableEntryNotice? Unreadable { get; private set; }

    /// <summary>
    /// The entry's input as submitted and the history its result was decided on hold different answers (the log altered,
    /// QA14a P1): the answers shown are the ones decided on, and the page says the two disagree.
    /// </summary>
    public bool InputsDisagree { get; private set; }

    /// <summary>True when the user may record an override (the CreateScreening policy).</summary>
    public bool CanOverride { get; private set; }

    /// <summary>
    /// True when the user may re-screen with these answers, or correct an answer (the CreateScreening policy, as for a
    /// new screening), and the entry's two copies of its answers agree. When they disagree neither is offered: both start
    /// from the input as submitted, which may be the altered copy, and would carry its answers into a new entry whose
    /// copies agree (the new form refuses them too, <see cref="NewModel.EarlierInputsDisagree"/>).
    /// </summary>
    public bool CanRescreen => CanOverride && !InputsDisagree;

    /// <summary>What the page opens with: the safety items and the care items not recorded.</summary>
    public NotRecordedSummary NotRecorded { get; private set; } = null!;

    /// <summary>
    /// The questions a contraindication rule reads, asked and not recorded (QA128 F4): while any is blank, an empty
    /// Contraindications section never says "None.".
    /// </summary>
    public ContraindicationsUnanswered ContraindicationsUnanswered { get; private set; } = new([], [], []);

    /// <summary>When the earlier screening this one re-screens or corrects was recorded (null if it does neither).</summary>
    public DateTimeOffset? EarlierRecordedAt { get; private set; }

    /// <summary>
    /// For a re-screen whose earlier screening was corrected (before or after this one was made from its answers), that
    /// correction in force and what it changed (QA128 F1): the answers carried over may be the ones it put right.
    /// </summary>
    public CorrectionInForce? EarlierCorrected { get; private set; }

    /// <summary>
    /// For a correction, the answers it changed, "label: before → after", from the screening it corrects (QA157 F3, as
    /// the re-screen notice names a correction's changes, QA128 F1); empty for any other screening, or when the screening
    /// corrected cannot be read.
    /// </summary>
    public IReadOnlyList<string> CorrectionChanged { get; private set; } = [];

    /// <summary>The decision recorded on the screening this one came from, where it still bears on it (<see cref="EarlierScreening.DecisionCarriedAsync"/>).</summary>
    public CarriedDecision? DecisionOnEarlier { get; private set; }

    /// <summary>
    /// The screening "Re-screen with these answers" starts from: this one, or when it was corrected its latest correction,
    /// the decision in force (QA128 F1; the form follows a correction of that correction as well).
    /// </summary>
    public Guid RescreenFrom => Later.LatestCorrection?.Id ?? Screening.Id;

    /// <summary>The later screenings that re-screen or correct this one, newest first.</summary>
    public LaterScreenings Later { get; private set; } = LaterScreenings.None;

    [BindProperty]
    public OverrideInput Override { get; set; } = new();

    /// <summary>Set when the override could not be recorded.</summary>
    public string? OverrideProblem { get; private set; }

    /// <summary>
    /// The latest correction of this screening, when it has one: the decision in force, where an override belongs. No
    /// override of this entry is offered or recorded (QA109 F4), as no second correction of it is (QA8 F17).
    /// </summary>
    public LaterScreening? OverrideBelongsTo => Later.LatestCorrection;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Unreadable is not null)
        {
            // QA318 F6: the attempt is in the access log too, not only in the app log's line.
            await audit.RecordRefusedAsync(HttpContext, AccessEventKind.ViewScreening, id, "page", Unreadable.Entry);
            return Page();
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.ViewScreening, id.ToString(), "page");
        return Page();
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid id, CancellationToken cancellationToken)
    {
        var mayOverride = await authorization.AuthorizeAsync(User, Policies.CreateScreening);
        if (!mayOverride.Succeeded)
        {
            // Refused here, not by the authorization middleware: recorded as it records a refusal (RefusalAuditing).
            await RefusalAuditing.RecordAsync(HttpContext, [Policies.CreateScreening], mayOverride.Failure?.FailedRequirements ?? [], logger);
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Unreadable is not null)
        {
            // Nothing can be overridden that cannot be read; the page says why and records no override. The refused attempt
            // is in the access log (QA318), as the page's view records its own: detail "override; refused as unreadable".
            await audit.RecordRefusedAsync(HttpContext, AccessEventKind.ViewScreening, id, "override", Unreadable.Entry, Roles.Psychiatrist);
            return Page();
        }

        if (OverrideBelongsTo is not null)
        {
            // QA109 F4: an override of a corrected entry would sit on a decision no longer in force, and the correction
            // would show none. Nothing is recorded; the page names the correction to override instead.
            OverrideProblem = localizer["The override was NOT saved: this screening has been corrected, and an override belongs on the decision in force."];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        // Counted as its text area counted it (QA157 F7).
        Override.Explanation = FreeText.FromTextArea(Override.Explanation);
        foreach (var failure in validator.Validate(Override).Errors)
        {
            ModelState.AddModelError($"Override.{failure.PropertyName}", failure.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await log.RecordOverrideAsync(
                new OverrideSubmission(id, Override.Decision!.Value, Override.Reason!.Value, Override.Explanation!.Trim(), User.ToActor(Roles.Psychiatrist), HttpContext.GetCorrelationId()),
                cancellationToken);
        }
        catch (DecisionLogUnavailableException e)
        {
            OverrideProblem = outage.NotRecorded($"An override of screening {id}", e) switch
            {
                NotRecordedBecause.OutcomeUnknown => localizer["The override could NOT be confirmed as saved: the decision log stopped answering while storing it, and it may have been stored. Your text is kept below; check the overrides listed here before trying again."],
                NotRecordedBecause.RefusedByDatabase => localizer["The override was NOT saved: the database refused to store it. Your text is kept below. Sending it again unchanged will not help; the cause is in KetamineCds's log for the administrator."],
                _ => localizer["The override was NOT saved: the decision log is unavailable. Your text is kept below; try again shortly."],
            };
            return Page();
        }

        // Said on the page it comes back to, and focused there (site.js): a screen reader hears that it was recorded, and the
        // keyboard goes on from the overrides rather than from the top of the page.
        TempData[OverrideRecordedKey] = true;
        return Redirect($"/Screenings/{id}#overrides-title");
    }

    /// <summary>Reads the screening; false if there is none, true with <see cref="Unreadable"/> set if it cannot be read.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        (var screening, Unreadable) = await log.FindScreeningForPageAsync(id, HttpContext, logger, cancellationToken);
        if (Unreadable is not null)
        {
            return true;
        }

        if (screening is null)
        {
            return false;
        }

        Screening = screening;
        InputsDisagree = !StoredInputs.Agree(screening.InputJson, screening.History);
        NotRecorded = NotRecordedSummary.Of(screening.Assessment, screening.History);
        ContraindicationsUnanswered = ContraindicationsUnanswered.Of(screening.Assessment, screening.History, NotRecorded);
        // Each entry is read once: the earlier screening gives its time and, for a re-screen, what its correction in force
        // changed; the later screenings of this one and of the one it re-screens come in one query.
        var earlier = await EarlierScreening.FindAsync(log, screening, cancellationToken);
        EarlierRecordedAt = earlier?.RecordedAt;
        CorrectionChanged = screening.Corrects is not null && earlier is not null ? Display.ChangedAnswers(earlier, screening, localizer) : [];
        DecisionOnEarlier = await EarlierScreening.DecisionCarriedAsync(screening, earlier, id => EarlierScreening.FindByIdAsync(log, id, cancellationToken));
        (Later, EarlierCorrected) = await EarlierScreening.LaterAndEarlierCorrectedAsync(log, screening, earlier, cancellationToken);
        CanOverride = (await authorization.AuthorizeAsync(User, Policies.CreateScreening)).Succeeded;
        RecordedBy = await ScreenedBy.TextAsync(screening.RecordedBy, users, localizer);
        return true;
    }
}
