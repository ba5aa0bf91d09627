using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
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
public sealed record UnreadableEntryNotice(long Sequence, Guid EntryId, string Reference, bool CanVerify);
