using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>
/// One logged CDS Hooks answer that ran no screening (the chart lacked a required item, or a draft order's medicine could
/// not be identified), for the auditor: who asked through which EHR client, the items missing, the contraindications the
/// chart recorded and the inputs their rules read, the FHIR data given, its place in the chain, and who has looked at it.
/// </summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class HookAnswerModel(IDecisionLogAudit audit, IAccessAudit access, ILogger<HookAnswerModel> logger) : PageModel
{
    /// <summary>Set when the entry's stored content cannot be read: the page says so, and shows nothing of it.</summary>
    public UnreadableEntryNotice? Unreadable { get; private set; }

    public LoggedHookAnswerEntry Answer { get; private set; } = null!;

    /// <summary>
    /// The answer to an order-sign whose draft orders' medicine could not be identified (CdsHookAnswering): the only hook
    /// answer logged with no missing item, and it evaluated no rule. Every other names at least one missing item.
    /// </summary>
    public bool IsUnidentifiedOrder => Answer.MissingItems.Count == 0 && Answer.InputsJson is null && Answer.Contraindications.Count == 0;

    /// <summary>
    /// The answers the contraindication rules read (<see cref="LoggedHookAnswerEntry.AnswersRead"/>), which decide the
    /// questions the form asks of them; null when the entry kept no inputs (every input of a "because" shown as stored).
    /// </summary>
    public Func<string, object?>? AnswersRead { get; private set; }

    public IReadOnlyList<LoggedAccessEvent> AccessHistory { get; private set; } = [];

    /// <summary>
    /// The entry's place in the chain (QA318 F7), from the header the answer is read with (<see cref="LoggedHookAnswerEntry.Header"/>):
    /// one read, so it is never missing for an answer shown. Null only while the page shows no answer.
    /// </summary>
    public ChainPlace? ChainPlace { get; private set; }

    /// <summary>What verification finds about this entry and the overrides shown with it (QA P10); shown first when anything.</summary>
    public EntryVerification Verification { get; private set; } = EntryVerification.None;

    /// <summary>Problems with the request's query (it takes none; <see cref="AuditEntryPages.RefuseQuery"/>): nothing is read or recorded while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; } = [];

    /// <summary>What the access log records of a view of this page (and, with why, of one refused: <see cref="UnreadableEntries.RecordRefusedAsync"/>).</summary>
    private const string AccessDetail = "audit workspace; hook answer";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (AuditEntryPages.RefuseQuery(this, FilterErrors))
        {
            return Page();
        }

        try
        {
            return await AuditEntryPages.OpenAsync(
                this, audit, access, id, DecisionLogEntryTypes.HookAnswer, AccessDetail,
                aborted => audit.FindHookAnswerAsync(id, aborted), answer => answer.Overrides.Select(o => o.Id),
                (answer, opened, _) =>
                {
                    (Answer, AccessHistory, Verification) = (answer, opened.AccessHistory, opened.Verification);
                    AnswersRead = answer.AnswersRead();
                    ChainPlace = new ChainPlace("hook-answer-chain", answer.Header.Sequence, answer.Header.Hash, answer.Header.PreviousHash);
                    return Task.CompletedTask;
                });
        }
        catch (DecisionLogUnavailableException ex)
        {
            return StatusCode(LogFailures.Status(LogFailures.Answer(HttpContext, ex)));
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            Unreadable = UnreadableEntries.Notice(HttpContext, logger, ex);
            await access.RecordRefusedAsync(HttpContext, AccessEventKind.ViewScreening, id, AccessDetail, ex.Entry);
            Verification = await EntryVerification.ForUnreadableAsync(audit, id, ex, HttpContext.RequestAborted);

            return Page();
        }
    }
}
