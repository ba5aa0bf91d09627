using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;

namespace KetamineCds.Web.Audit;

/// <summary>
/// How a page or the API answers for a decision-log entry whose stored content cannot be read (the app never writes
/// one; only someone altering the database can): 409 with the entry's sequence and id, a plain sentence that the log may
/// have been altered and should be verified, and the reference the error was logged under. Never a 500 or a stack trace.
/// 409, not 500: the server did not fail, the entry's stored state is at odds with what the log must hold, and it stays
/// so until an auditor has dealt with it (Verify names where the chain breaks).
/// </summary>
public static partial class UnreadableEntries
{
    /// <summary>The status every such answer has.</summary>
    public const int Status = StatusCodes.Status409Conflict;

    /// <summary>Logs the entry with the request's reference, sets the status and says what the page shows.</summary>
    public static UnreadableEntryNotice Notice(HttpContext context, ILogger logger, DecisionLogEntryUnreadableException exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        var reference = context.GetCorrelationId();
        LogUnreadable(logger, exception.Sequence, exception.EntryId, reference, context.Request.Path, exception);
        context.Response.StatusCode = Status;
        return new UnreadableEntryNotice(exception.Sequence, exception.EntryId, reference, context.User.IsInRole(Roles.Auditor));
    }

    /// <summary>
    /// Records in the access log an attempt to open entry <paramref name="id"/> that was refused because it (or an entry
    /// shown with it) cannot be read (QA318 F6: only the app log's line said so, and "who tried to open the altered entry"
    /// found nothing): the kind its page records when it opens an entry (a view, a print, a replay), the entry asked for as
    /// the subject, and the page's own detail followed by <see cref="RefusedDetail"/>. Through
    /// <see cref="AccessAuditing.RecordAsync"/>, as every view is recorded: the request's sanitised correlation id, which is
    /// also the reference the page gives and the app log's line names.
    /// </summary>
    /// <param name="access">The access audit.</param>
    /// <param name="context">The refused request.</param>
    /// <param name="kind">What the page records when the entry opens.</param>
    /// <param name="id">The entry asked for.</param>
    /// <param name="detail">The detail the page records when the entry opens ("audit workspace", "page" ...), or null.</param>
    /// <param name="unreadable">The entry that could not be read: <paramref name="id"/>'s, or an override shown with it.</param>
    /// <param name="role">The role acted in, if it matters which (as the view would record it).</param>
    public static Task RecordRefusedAsync(this IAccessAudit access, HttpContext context, AccessEventKind kind, Guid id, string? detail, UnreadableEntry unreadable, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        return access.RecordAsync(context, kind, id.ToString(), RefusedDetail(detail, unreadable.Sequence, unreadable.Id == id ? null : unreadable.Id), role);
    }

    /// <summary>
    /// The access log's detail of a refused attempt (<see cref="RecordRefusedAsync"/>): <c>audit workspace; refused as
    /// unreadable: entry 7</c>, the id after the sequence when the entry that cannot be read is not the one asked for (an
    /// override shown on a screening's page): <c>page; refused as unreadable: entry 9 (ID)</c>. The access log's pages say
    /// it in the reader's words (<c>AccessEventTexts.Detail</c>).
    /// </summary>
    public static string RefusedDetail(string? detail, long sequence, Guid? otherEntry) =>
        (detail is null ? "" : detail + "; ") + RefusedAsUnreadable + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + (otherEntry is { } other ? " (" + other + ")" : "");

    /// <summary>What <see cref="RefusedDetail"/> writes before the entry's sequence.</summary>
    public const string RefusedAsUnreadable = "refused as unreadable: entry ";

    /// <summary>
    /// A screening for a page: the screening (null when there is none), or, for an entry that cannot be read, the notice
    /// the page shows instead (logged, and the response's status set).
    /// </summary>
    public static async Task<(LoggedScreening? Screening, UnreadableEntryNotice? Unreadable)> FindScreeningForPageAsync(
        this IDecisionLog log, Guid id, HttpContext context, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            return (await log.FindScreeningAsync(id, cancellationToken), null);
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            return (null, Notice(context, logger, ex));
        }
    }

    /// <summary>The API's answer: problem details (in the request's language) naming the entry, with the reference.</summary>
    public static IResult Problem(HttpContext context, ILogger logger, DecisionLogEntryUnreadableException exception)
    {
        var notice = Notice(context, logger, exception);
        var text = context.RequestServices.GetRequiredService<ClinicalText>();
        return Results.Problem(
            statusCode: Status,
            title: text.Message("Problem.EntryUnreadable"),
            detail: text.Message("Problem.EntryUnreadable.Detail", notice.Sequence, notice.EntryId, notice.Reference),
            extensions: new Dictionary<string, object?>
            {
                ["entryId"] = notice.EntryId,
                ["sequence"] = notice.Sequence,
                ["reference"] = notice.Reference,
            });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision log entry {Sequence} ({EntryId}) could not be read (reference {Reference}, {Path}); the log may have been altered: verify it.")]
    private static partial void LogUnreadable(ILogger logger, long sequence, Guid entryId, string reference, string path, Exception exception);
}

/// <summary>What a page says about an entry it cannot read.</summary>
/// <param name="Sequence">The entry's place in the chain.</param>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Reference">The reference the error was logged under.</param>
/// <param name="CanVerify">The reader may verify the log (an auditor): the page links to Verify.</param>
public sealed record UnreadableEntryNotice(long Sequence, Guid EntryId, string Reference, bool CanVerify)
{
    /// <summary>The entry that could not be read, as lists and the access log name it.</summary>
    public UnreadableEntry Entry => new(EntryId, Sequence);
}
