using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// Why an audit page could not read or write the logs, as the screening forms tell it: the database could not be reached
/// (an outage: "unavailable", 503, try again shortly), or it answered and refused (a permission, a missing table: no
/// outage, 409, trying again will not help). <see cref="DecisionLogUnavailableException"/> stands for both; its cause
/// says which (<see cref="DatabaseFailures.IsRefusedByDatabase"/>).
/// </summary>
public enum LogFailure
{
    /// <summary>Nothing failed.</summary>
    None,

    /// <summary>The database could not be reached, or could not take the work now.</summary>
    Unreachable,

    /// <summary>The database answered and refused.</summary>
    Refused,
}

/// <summary>The one reading of an audit page's log failure, with the refusal logged as the screening form's is.</summary>
public static class LogFailures
{
    /// <summary>
    /// Which failure it was; a refusal is logged at Error with its cause (<see cref="DatabaseOutageLog.RefusedByDatabase"/>,
    /// event 3), for the page tells the auditor the cause is in the log. An outage is not logged here (the request's own
    /// outage lines are the handler's and the writer's).
    /// </summary>
    public static LogFailure Of(HttpContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DatabaseFailures.IsRefusedByDatabase(exception))
        {
            return LogFailure.Unreachable;
        }

        context.RequestServices.GetService<DatabaseOutageLog>()?.RefusedByDatabase($"{context.Request.Method} {context.Request.Path.Value} answered {DatabaseUnavailableHandler.RefusedStatus}", exception);
        return LogFailure.Refused;
    }

    /// <summary>
    /// <see cref="Of"/>, and the page's status set to match: 409 for a refusal, 503 with Retry-After for an outage
    /// (<see cref="DatabaseUnavailableHandler.MarkUnavailable"/>).
    /// </summary>
    public static LogFailure Answer(HttpContext context, DecisionLogUnavailableException exception)
    {
        var failure = Of(context, exception);
        if (failure == LogFailure.Refused)
        {
            context.Response.StatusCode = DatabaseUnavailableHandler.RefusedStatus;
        }
        else
        {
            DatabaseUnavailableHandler.MarkUnavailable(context.Response);
        }

        return failure;
    }

    /// <summary>
    /// What a page says for a refusal: <paramref name="whatFailed"/> ("The database refused the request, so ..."), then
    /// that it is no outage, the two sentences spaced in English and set close in Chinese.
    /// </summary>
    public static string RefusedMessage(IStringLocalizer<PageText> localizer, string whatFailed)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return ClinicalText.Sentences(
            whatFailed, localizer["This is not an outage, and trying again will not help; the cause is in KetamineCds's log for the administrator."]);
    }

    /// <summary>The status of a page that could not be shown for <paramref name="failure"/>.</summary>
    public static int Status(LogFailure failure) =>
        failure == LogFailure.Refused ? DatabaseUnavailableHandler.RefusedStatus : StatusCodes.Status503ServiceUnavailable;
}
