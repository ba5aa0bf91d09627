using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Pages.Screenings;

/// <summary>The printable rationale: one page, no navigation, with a signature line. Every print view is audited.</summary>
public sealed class PrintModel(IDecisionLog log, IAccessAudit audit, UserManager<ApplicationUser> users, IStringLocalizer<PageText> localizer, ILogger<PrintModel> logger, IOptions<ClinicOptions> clinic) : PageModel
{
    /// <summary>
    /// The most decisions against the recommendation printed, the latest (the one in force): a screening takes any number, each with an
    /// explanation of up to 2,000 characters (cut to <see cref="PrintedNote.ShortTextUnits"/>); the print counts
    /// the others and says they are in the record, so the verdict, the disclaimer and the signature stay on one page (QA119 F1).
    /// </summary>
    public const int OverridesPrinted = 1;

    /// <summary>Set when the entry's stored content cannot be read: the page says so, and shows nothing of it.</summary>
    public UnreadableEntryNotice? Unreadable { get; private set; }

    public LoggedScreening Screening { get; private set; } = null!;

    /// <summary>The input as submitted and the history decided on hold different answers (as on the result page).</summary>
    public bool InputsDisagree { get; private set; }

    /// <summary>What the rationale opens with: the safety items and the care items not recorded.</summary>
    public NotRecordedSummary NotRecorded { get; private set; } = null!;

    /// <summary>
    /// The questions whose answer could be a contraindication and that are not recorded (as on the result page): the print
    /// lists the care items among them that no finding asks for (<see cref="ContraindicationsUnanswered.NoDoseWaitsFor"/>)
    /// under the result page's heading (helper 267).
    /// </summary>
    public ContraindicationsUnanswered ContraindicationsUnanswered { get; private set; } = new([], [], []);

    /// <summary>
    /// The requirements to tick off, in the assessment's order. The completeness findings (REC-00x) are left out: their
    /// items head the rationale under "Not recorded", once each, with the pathways that wait for them.
    /// </summary>
    public IReadOnlyList<Finding> Checklist { get; private set; } = [];

    /// <summary>The inputs behind the printed findings and checklist items, the lists several of them share printed once.</summary>
    public FindingInputs Inputs { get; private set; } = null!;

    /// <summary>Who recorded the screening: the email recorded with it, and the account's current name labelled as such (<see cref="ScreenedBy"/>).</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>When the earlier screening this one re-screens or corrects was recorded (null if it does neither).</summary>
    public DateTimeOffset? EarlierRecordedAt { get; private set; }

    /// <summary>
    /// For a correction, the answers it changed, "label: before → after", from the screening it corrects (QA157 F3, as
    /// the re-screen notice names a correction's changes, QA128 F1); empty for any other screening, or when the screening
    /// corrected cannot be read.
    /// </summary>
    public IReadOnlyList<string> CorrectionChanged { get; private set; } = [];

    /// <summary>The decision recorded on the screening this one came from, where it still bears on it (<see cref="EarlierScreening.DecisionCarriedAsync"/>).</summary>
    public CarriedDecision? DecisionOnEarlier { get; private set; }

    /// <summary>
    /// For a re-screen whose earlier screening was corrected, that correction in force and what it changed (QA128 F1, as
    /// the result page's #earlier-corrected): the answers carried over may be the ones it put right, and the sheet filed in
    /// the chart says so.
    /// </summary>
    public CorrectionInForce? EarlierCorrected { get; private set; }

    /// <summary>The later screenings that re-screen or correct this one, newest first: a print of a corrected screening says so.</summary>
    public LaterScreenings Later { get; private set; } = LaterScreenings.None;

    /// <summary>
    /// The paper the print is laid out for: the one the print page's <c>paper</c> parameter names (the toolbar's choice for
    /// this print), else the clinic's (<c>Clinic:PaperSize</c>, by default a page that fits A4 and US Letter alike).
    /// </summary>
    public PrintPaper Paper { get; private set; }

    /// <summary>The clinic's paper (<c>Clinic:PaperSize</c>), which the toolbar marks as the clinic's.</summary>
    public PrintPaper ClinicPaper => clinic.Value.Paper;

    public async Task<IActionResult> OnGetAsync(Guid id, string? paper, CancellationToken cancellationToken)
    {
        // Chosen before the page renders a block: the estimate of the note's room is the paper's (PrintedPage).
        Paper = PrintPapers.Find(paper) ?? ClinicPaper;
        PrintedPage.Begin(HttpContext, Paper);
        (var screening, Unreadable) = await log.FindScreeningForPageAsync(id, HttpContext, logger, cancellationToken);
        if (Unreadable is not null)
        {
            // QA318 F6: the attempt is in the access log too, not only in the app log's line.
            await audit.RecordRefusedAsync(HttpContext, AccessEventKind.PrintScreening, id, null, Unreadable.Entry);
            return Page();
        }

        if (screening is null)
        {
            return NotFound();
        }

        Screening = screening;
        InputsDisagree = !StoredInputs.Agree(screening.InputJson, screening.History);
        NotRecorded = NotRecordedSummary.Of(screening.Assessment, screening.History);
        ContraindicationsUnanswered = ContraindicationsUnanswered.Of(screening.Assessment, screening.History, NotRecorded);
        var earlier = await EarlierScreening.FindAsync(log, screening, cancellationToken);
        EarlierRecordedAt = earlier?.RecordedAt;
        CorrectionChanged = screening.Corrects is not null && earlier is not null ? Display.ChangedAnswers(earlier, screening, localizer) : [];
        DecisionOnEarlier = await EarlierScreening.DecisionCarriedAsync(screening, earlier, id => EarlierScreening.FindByIdAsync(log, id, cancellationToken));
        (Later, EarlierCorrected) = await EarlierScreening.LaterAndEarlierCorrectedAsync(log, screening, earlier, cancellationToken);
        var completeness = (RuleSetCatalog.Find(screening.Assessment.RuleSet.Version)?.Pathways ?? [])
            .Select(p => p.CompletenessRuleId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Checklist = [.. screening.Assessment.OfKind(FindingKind.Requirement).Where(f => !completeness.Contains(f.RuleId))];
        Inputs = FindingInputs.For(screening.Assessment.Findings.Where(f => f.Kind != FindingKind.Requirement).Concat(Checklist), screening.History);
        RecordedBy = await ScreenedBy.TextAsync(screening.RecordedBy, users, localizer);
        await audit.RecordAsync(HttpContext, AccessEventKind.PrintScreening, id.ToString());
        return Page();
    }
}
