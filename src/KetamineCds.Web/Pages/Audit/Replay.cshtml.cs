using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>
/// Re-runs a logged screening under the rule set it was decided with and says whether it reproduces exactly; for a CDS Hooks
/// answer that ran no screening, the contraindication rules it evaluated, on the inputs it stored (QA158 F2).
/// </summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed partial class ReplayModel(IDecisionLogAudit audit, IAccessAudit access, IStringLocalizer<PageText> localizer, ILogger<ReplayModel> logger) : PageModel
{
    /// <summary>The replay; null when it could not be done (then <see cref="Problem"/> says why).</summary>
    public ReplayResult? Result { get; private set; }

    /// <summary>The screening (or EHR answer) asked for.</summary>
    public Guid Id { get; private set; }

    /// <summary>
    /// When the entry was read: what names it (its sequence, when and by whom it was recorded, the patient), so that a
    /// printed replay says what it is of (QA318 F8). Null when it was not read.
    /// </summary>
    public LoggedEntryHeader? Entry { get; private set; }

    /// <summary>Set when the entry's stored history cannot be read: the page says so (409), and replays nothing.</summary>
    public UnreadableEntryNotice? Unreadable { get; private set; }

    /// <summary>
    /// What verification finds at this entry, as its audit page shows it (QA109 F2): a replay reproduces the decision from
    /// the entry as stored, which says nothing of whether the log's chain verifies there; the page says both.
    /// </summary>
    public EntryVerification Verification { get; private set; } = EntryVerification.None;

    /// <summary>
    /// Where the recomputed assessment differs from the logged one, as the API's replay lists them (QA119 F3): a JSON
    /// Pointer with the logged and the recomputed JSON there, at most <see cref="ReplayResponse.DifferencesListedAtMost"/>.
    /// </summary>
    public IReadOnlyList<ReplayResponse.ReplayDifference> Differences { get; private set; } = [];

    /// <summary>How many places differ in all.</summary>
    public long DifferenceCount { get; private set; }

    /// <summary>Why the replay could not be done, for the auditor: never a stack trace.</summary>
    public string? Problem { get; private set; }

    /// <summary>Problems with the request's query (it takes none; <see cref="AuditEntryPages.RefuseQuery"/>): nothing is replayed or recorded while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        if (AuditEntryPages.RefuseQuery(this, FilterErrors))
        {
            return Page();
        }

        try
        {
            var result = await audit.ReplayAsync(id, HttpContext.RequestAborted);
            if (result is null)
            {
                // Neither a screening nor an EHR answer (QA158 F2: a hook answer is replayed here too, or says why it cannot be).
                // An override ran no rules, so it has nothing to replay: its own page, as the other entry pages send an id of
                // another type to that type's page; never the 404 that says the entry may have been removed from the log
                // (helper-224's QA walk).
                var types = await audit.EntryTypesAsync([id], HttpContext.RequestAborted);
                return types.TryGetValue(id, out var type) && type == DecisionLogEntryTypes.Override
                    ? RedirectToPage(AuditEntryPages.Override, new { id })
                    : AuditEntryPages.NoSuchEntry(this, id);
            }

            await access.RecordAsync(HttpContext, AccessEventKind.Replay, id.ToString(), result.AccessDetail);
            (Result, Entry) = (result, result.Header);
            if (result.ReplayedAssessmentJson is { } replayed)
            {
                var differences = new List<ReplayResponse.ReplayDifference>();
                DifferenceCount = ReplayResponse.Compare(result.StoredAssessmentJson, replayed, differences);
                Differences = differences;
            }

            Verification = await EntryVerification.ForAsync(audit, id, [], HttpContext.RequestAborted);
            return Page();
        }
        catch (DecisionLogUnavailableException ex)
        {
            return StatusCode(LogFailures.Status(LogFailures.Answer(HttpContext, ex)));
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            Unreadable = UnreadableEntries.Notice(HttpContext, logger, ex);
            await access.RecordRefusedAsync(HttpContext, AccessEventKind.Replay, id, null, ex.Entry);
            Verification = await EntryVerification.ForUnreadableAsync(audit, id, ex, HttpContext.RequestAborted);
            return Page();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reference = HttpContext.GetCorrelationId();
            LogFailed(logger, reference, ex);
            Problem = localizer["The replay could not be completed. The error was logged with reference {0}: give it to the administrator.", reference];
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay failed (reference {Reference}).")]
    private static partial void LogFailed(ILogger logger, string reference, Exception exception);
}
