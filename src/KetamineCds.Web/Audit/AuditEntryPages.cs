using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Audit;

/// <summary>The auditor's page of a decision-log entry, by its type: where Verify, the access log and the list link it.</summary>
public static class AuditEntryPages
{
    public const string Screening = "/Audit/Screening";

    public const string HookAnswer = "/Audit/HookAnswer";

    public const string Override = "/Audit/Override";

    /// <summary>The request item an entry page sets when the log holds no entry with the id asked for: the 404 page then says so.</summary>
    public const string NoSuchEntryItem = "KetamineCds.Audit.NoSuchEntry";

    /// <summary>
    /// 404 for an id the decision log does not hold, said as that (QA109 F8: an id kept from an earlier export or printout
    /// got "Check the link"): the error page reads <see cref="NoSuchEntryItem"/> and says that no entry with this id is in
    /// the log, with a link to Verify, which names entries missing from the log. Nothing is verified per 404: a full walk
    /// reads the whole log.
    /// </summary>
    public static IActionResult NoSuchEntry(PageModel page, Guid id)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.HttpContext.Items[NoSuchEntryItem] = id;
        return page.NotFound();
    }

    /// <summary>
    /// Adds to <paramref name="errors"/> what an entry's page (a logged screening, its replay, a logged EHR answer, an override) refuses in its query: it
    /// takes none, so any name (<c>?foo=1</c>), a handler it has not (<c>?handler=Nope</c>) and a handler given twice are
    /// named, as the other audit pages refuse theirs (<see cref="DatePeriodInput"/>, /Audit/Checkpoints). They were
    /// ignored, and the entry shown and its view recorded, as if that were what was asked. An empty <c>handler=</c> is the
    /// page itself. True, with the page's status set to 400, when anything was refused: the page then reads and records
    /// nothing.
    /// </summary>
    public static bool RefuseQuery(PageModel page, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(errors);
        var query = page.Request.Query;
        DatePeriodInput.RefuseUnknownNames(query, [], ["handler"], null, errors, "Audit.UnknownEntryPageFilter");
        DatePeriodInput.RefuseRepeatedNames(query, [], ["handler"], null, errors);
        DatePeriodInput.RefuseUnknownExport(query, [], errors, "Audit.UnknownEntryPageHandler");
        if (errors.Count == 0)
        {
            return false;
        }

        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return true;
    }

    /// <summary>The page of an entry of <paramref name="entryType"/> (<see cref="DecisionLogEntryTypes"/>); a screening's when not known.</summary>
    public static string Of(string? entryType) => entryType switch
    {
        DecisionLogEntryTypes.HookAnswer => HookAnswer,
        DecisionLogEntryTypes.Override => Override,
        _ => Screening,
    };

    /// <summary>
    /// How each entry page opens its entry, the same on every one: the entry of the page's type is found, its view recorded
    /// (<see cref="AccessEventKind.ViewScreening"/>, the entry's id as the subject, <paramref name="detail"/>), and it is
    /// shown by <paramref name="show"/> with who has looked at it (this view included) and what verification finds about it
    /// and the overrides shown with it. An id of another type goes to that type's own page (a link kept from before, when
    /// Verify linked every finding to the screening page, or typed); an id the log does not hold is 404, nothing recorded.
    /// Reading failures (<see cref="DecisionLogUnavailableException"/>, <see cref="DecisionLogEntryUnreadableException"/>)
    /// are the page's to answer.
    /// </summary>
    /// <param name="page">The entry's page.</param>
    /// <param name="audit">Tells an id's entry type, reads the access history and verifies the entry.</param>
    /// <param name="access">Records the view.</param>
    /// <param name="id">The entry's id.</param>
    /// <param name="entryType">The page's own entry type (<see cref="DecisionLogEntryTypes"/>).</param>
    /// <param name="detail">The view's detail in the access log ("audit workspace", "audit workspace; override" ...).</param>
    /// <param name="find">Reads the entry of the page's type; null when there is none.</param>
    /// <param name="overridesShown">The overrides the page shows with the entry (verified with it).</param>
    /// <param name="show">Puts the entry, and what goes with it, on the page.</param>
    public static async Task<IActionResult> OpenAsync<T>(
        PageModel page, IDecisionLogAudit audit, IAccessAudit access, Guid id, string entryType, string detail,
        Func<CancellationToken, Task<T?>> find, Func<T, IEnumerable<Guid>> overridesShown, Func<T, OpenedEntry, CancellationToken, Task> show)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(overridesShown);
        ArgumentNullException.ThrowIfNull(show);
        var aborted = page.HttpContext.RequestAborted;
        var entry = await find(aborted);
        if (entry is null)
        {
            var types = await audit.EntryTypesAsync([id], aborted);
            return types.TryGetValue(id, out var type) && type != entryType
                ? page.RedirectToPage(Of(type), new { id })
                : NoSuchEntry(page, id);
        }

        await access.RecordAsync(page.HttpContext, AccessEventKind.ViewScreening, id.ToString(), detail);
        var opened = new OpenedEntry(
            await audit.AccessHistoryAsync(id.ToString(), aborted),
            await EntryVerification.ForAsync(audit, id, overridesShown(entry), aborted));
        await show(entry, opened, aborted);
        return page.Page();
    }
}

/// <summary>What every entry page shows beside the entry: who has looked at it, and what verification finds about it.</summary>
/// <param name="AccessHistory">The entry's access events, oldest first, the view being opened included.</param>
/// <param name="Verification">What verification finds about the entry and the overrides shown with it.</param>
public sealed record OpenedEntry(IReadOnlyList<LoggedAccessEvent> AccessHistory, EntryVerification Verification);
