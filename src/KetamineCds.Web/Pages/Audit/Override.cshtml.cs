using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>
/// One override entry of the decision log, for the auditor: who overrode, when, in which role, the decision, the reason
/// and the clinician's words, the screening or EHR answer it overrides, its place in the chain (sequence, hash, previous
/// hash), what verification finds about it, and who has looked at it. Verify links an override's findings here.
/// </summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class OverrideModel(IDecisionLogAudit audit, IAccessAudit access, ILogger<OverrideModel> logger) : PageModel
{
    /// <summary>Set when the entry's stored content cannot be read (or no longer gives its hash): the page says so, and shows nothing of it.</summary>
    public UnreadableEntryNotice? Unreadable { get; private set; }

    public LoggedOverrideEntry Entry { get; private set; } = null!;

    public IReadOnlyList<LoggedAccessEvent> AccessHistory { get; private set; } = [];

    /// <summary>What verification finds about this entry (the verifier's own per-entry checks); shown first when anything.</summary>
    public EntryVerification Verification { get; private set; } = EntryVerification.None;

    /// <summary>Problems with the request's query (it takes none; <see cref="AuditEntryPages.RefuseQuery"/>): nothing is read or recorded while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; } = [];

    /// <summary>What the access log records of a view of this page (and, with why, of one refused: <see cref="UnreadableEntries.RecordRefusedAsync"/>).</summary>
    private const string AccessDetail = "audit workspace; override";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (AuditEntryPages.RefuseQuery(this, FilterErrors))
        {
            return Page();
        }

        try
        {
            return await AuditEntryPages.OpenAsync(
                this, audit, access, id, DecisionLogEntryTypes.Override, AccessDetail,
                aborted => audit.FindOverrideAsync(id, aborted), _ => [],
                (entry, opened, _) =>
                {
                    (Entry, AccessHistory, Verification) = (entry, opened.AccessHistory, opened.Verification);
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
