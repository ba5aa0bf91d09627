using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>One logged screening for the auditor: input, output, findings trace, overrides and who accessed it.</summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class ScreeningModel(IDecisionLog log, IDecisionLogAudit audit, IAccessAudit access, ILogger<ScreeningModel> logger) : PageModel
{
    /// <summary>Set when the entry's stored content cannot be read: the page says so, and shows nothing of it.</summary>
    public UnreadableEntryNotice? Unreadable { get; private set; }

    public LoggedScreening Screening { get; private set; } = null!;

    public IReadOnlyList<LoggedAccessEvent> AccessHistory { get; private set; } = [];

    /// <summary>What verification finds about this entry and the overrides shown with it (QA P10); shown first when anything.</summary>
    public EntryVerification Verification { get; private set; } = EntryVerification.None;

    public string InputPretty { get; private set; } = "";

    /// <summary>
    /// The entry's answers as the result page lists them (<see cref="Display.AnswersAsked"/>, from the field catalogue), for
    /// the list of what it leaves blank beside its input as submitted (QA318): the JSON says a blank two ways (a <c>null</c>,
    /// or a yes/no left out), and an auditor should not have to read JSON to see what was not recorded.
    /// </summary>
    public AnswersByAsking Answers { get; private set; } = new([], [], false);

    /// <summary>
    /// The input as submitted (shown) and the stored history (read for the verdict, replay and impact) hold different
    /// answers: the page says so rather than let the shown inputs stand for the verdict (QA14a P1).
    /// </summary>
    public bool InputsDisagree { get; private set; }

    /// <summary>The later screenings that re-screen or correct this one, newest first: the chain read in both directions.</summary>
    public LaterScreenings Later { get; private set; } = LaterScreenings.None;

    /// <summary>Problems with the request's query (it takes none; <see cref="AuditEntryPages.RefuseQuery"/>): nothing is read or recorded while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; } = [];

    /// <summary>What the access log records of a view of this page (and, with why, of one refused: <see cref="UnreadableEntries.RecordRefusedAsync"/>).</summary>
    private const string AccessDetail = "audit workspace";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (AuditEntryPages.RefuseQuery(this, FilterErrors))
        {
            return Page();
        }

        try
        {
            return await AuditEntryPages.OpenAsync(
                this, audit, access, id, DecisionLogEntryTypes.Screening, AccessDetail,
                aborted => log.FindScreeningAsync(id, aborted), screening => screening.Overrides.Select(o => o.Id),
                async (screening, opened, aborted) =>
                {
                    (Screening, AccessHistory, Verification) = (screening, opened.AccessHistory, opened.Verification);
                    InputPretty = AuditJson.Pretty(screening.InputJson);
                    Answers = Display.AnswersAsked(screening);
                    InputsDisagree = !StoredInputs.Agree(screening.InputJson, screening.History);
                    Later = await log.FindLaterScreeningsAsync(id, aborted);
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
