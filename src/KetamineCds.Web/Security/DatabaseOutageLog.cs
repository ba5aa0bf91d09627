using KetamineCds.Infrastructure.DecisionLog;
using Npgsql;

namespace KetamineCds.Web.Security;

/// <summary>
/// How a database outage is logged: one line for every request it turned away, and the exception with its stack once,
/// with the first of them. An operator reading the log while PostgreSQL is down or restarting sees what was refused and
/// why, once the trace, and not thousands of identical ones (a 10 s outage under load turned away tens of thousands of
/// requests: benchmarks/run.sh). An outage is a run of refusals with less than <see cref="QuietBetweenOutages"/>
/// between them; the first refusal after such a quiet spell logs the stack again. Every outage line is a Warning of this one
/// category, so that one alert covers them all (docs/operations.md). A statement the database answered and refused (a
/// broken constraint: no outage) is an Error of the same category, with its stack every time. No response ever carries
/// the exception.
/// </summary>
public sealed partial class DatabaseOutageLog(TimeProvider time, ILogger<DatabaseOutageLog> logger)
{
    /// <summary>The quiet spell after which a refusal counts as the start of a new outage, and logs its stack again.</summary>
    public static readonly TimeSpan QuietBetweenOutages = TimeSpan.FromMinutes(1);

    private long _lastRefusal = long.MinValue;

    /// <summary>When the readiness probe first found the database down (UTC ticks), or <see cref="long.MinValue"/> while it finds it up.</summary>
    private long _readinessDownSince = long.MinValue;

    /// <summary>
    /// <paramref name="what"/> (the request or the use case, "POST /api/v1/screenings answered 503") was turned away
    /// because the database could not be reached; nothing was stored.
    /// </summary>
    public void Refused(string what, Exception exception) => LogRefused(logger, StackOnce(exception), what, Reason(exception));

    /// <summary>
    /// <paramref name="what"/> lost its connection during the commit: what it stored may have been committed, and nobody
    /// can say (the caller answers "could not be confirmed as saved").
    /// </summary>
    public void Unconfirmed(string what, Exception exception) => LogUnconfirmed(logger, StackOnce(exception), what, Reason(exception));

    /// <summary>
    /// Logs why something was not recorded and says which of the three it was, the one place that reads the decision
    /// log's failure for it: the connection failed during the commit (<see cref="DecisionLogUnavailableException.OutcomeUnknown"/>:
    /// "<paramref name="what"/> could not be confirmed as recorded"), the database could not be reached ("... was not
    /// recorded"), or it answered and refused the entry (a broken constraint, a value it would not take: "... was not
    /// recorded", logged as an error with its cause and stack every time, for it is no outage and will not pass by itself).
    /// A refusal the server sent in answer to the commit is a refusal too: the transaction was rolled back, so nothing
    /// was stored. <paramref name="afterwards"/> follows the phrase in the log line (", and no result was shown").
    /// </summary>
    public NotRecordedBecause NotRecorded(string what, DecisionLogUnavailableException exception, string afterwards = "")
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (DatabaseFailures.IsRefusedByDatabase(exception))
        {
            LogRejected(logger, exception, $"{what} was not recorded{afterwards}", Reason(exception));
            return NotRecordedBecause.RefusedByDatabase;
        }

        if (exception.OutcomeUnknown)
        {
            Unconfirmed($"{what} could not be confirmed as recorded{afterwards}", exception);
            return NotRecordedBecause.OutcomeUnknown;
        }

        Refused($"{what} was not recorded{afterwards}", exception);
        return NotRecordedBecause.Unreachable;
    }

    /// <summary>
    /// <paramref name="what"/> ("POST /Account/Login answered 422") failed because the database answered and refused a
    /// statement: an error with its stack every time (no outage, and it will not pass by itself).
    /// </summary>
    public void RefusedByDatabase(string what, Exception exception) => LogRejected(logger, exception, what, Reason(exception));

    /// <summary>
    /// <paramref name="what"/> ("POST /cds-services/x answered 409") recorded <paramref name="entry"/> ("screening 12 (id)")
    /// in the decision log, and then its CDS Hooks cards could not be stored, so none was sent: an error with its stack
    /// every time where the database refused them (event 4), else an outage warning with the stack once (event 5).
    /// </summary>
    public void CardsNotStored(string what, string entry, Exception exception, bool refused)
    {
        if (refused)
        {
            LogCardsRefused(logger, exception, what, entry, Reason(exception));
        }
        else
        {
            LogCardsUnreachable(logger, StackOnce(exception), what, entry, Reason(exception));
        }
    }

    /// <summary>
    /// The readiness probe (<c>/health/ready</c>) found the database down: a warning the first time, with the exception
    /// (where the check had one) and its stack, and nothing at the probes after it while the database stays down, so a load
    /// balancer probing every few seconds does not write a line each time (the health-check service's own Error line per
    /// probe is off in appsettings.json; docs/operations.md, "Monitoring"). <see cref="ReadinessPassed"/> says when it ends.
    /// </summary>
    public void ReadinessFailed(string reason, Exception? exception)
    {
        if (Interlocked.CompareExchange(ref _readinessDownSince, time.GetUtcNow().UtcTicks, long.MinValue) == long.MinValue)
        {
            LogReadinessDown(logger, exception, reason);
        }
    }

    /// <summary>The readiness probe found the database answering: a warning, with how long it was down, when it had found it down.</summary>
    public void ReadinessPassed()
    {
        var since = Interlocked.Exchange(ref _readinessDownSince, long.MinValue);
        if (since != long.MinValue)
        {
            LogReadinessBack(logger, (long)TimeSpan.FromTicks(Math.Max(0, time.GetUtcNow().UtcTicks - since)).TotalSeconds);
        }
    }

    /// <summary>The database's reason in one line: the server's answer or the socket's, else the innermost exception's.</summary>
    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException npgsql)
            {
                return Startup.StartupFailure.Reason(npgsql);
            }
        }

        var innermost = exception.GetBaseException();
        return $"{innermost.GetType().Name}: {innermost.Message}";
    }

    /// <summary>The exception for the first refusal of an outage; null (one line, no stack) for every other.</summary>
    private Exception? StackOnce(Exception exception)
    {
        var now = time.GetUtcNow().UtcTicks;
        var previous = Interlocked.Exchange(ref _lastRefusal, now);
        return previous == long.MinValue || now - previous >= QuietBetweenOutages.Ticks ? exception : null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{What}: the database could not be reached ({Reason}); nothing was stored.")]
    private static partial void LogRefused(ILogger logger, Exception? exception, string what, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{What}: the database refused it ({Reason}); nothing was stored.")]
    private static partial void LogRejected(ILogger logger, Exception exception, string what, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{What}: {Entry} was recorded in the decision log, but the database refused to store its cards ({Reason}); no card was sent.")]
    private static partial void LogCardsRefused(ILogger logger, Exception exception, string what, string entry, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{What}: {Entry} was recorded in the decision log, but the database could not be reached to store its cards ({Reason}); no card was sent.")]
    private static partial void LogCardsUnreachable(ILogger logger, Exception? exception, string what, string entry, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "GET /health/ready answered 503: the database could not be reached ({Reason}). The readiness probe answers 503 until it is reached again; the probes in between are not logged.")]
    private static partial void LogReadinessDown(ILogger logger, Exception? exception, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "GET /health/ready answered 200: the database is reached again, {DownSeconds} s after the readiness probe first found it down.")]
    private static partial void LogReadinessBack(ILogger logger, long downSeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{What}: the connection to the database failed during the commit ({Reason}); it may have been stored.")]
    private static partial void LogUnconfirmed(ILogger logger, Exception? exception, string what, string reason);
}

/// <summary>Why something was not recorded (<see cref="DatabaseOutageLog.NotRecorded"/>); in every case no result may be shown.</summary>
public enum NotRecordedBecause
{
    /// <summary>The database could not be reached; nothing was stored, and trying again shortly may succeed.</summary>
    Unreachable,

    /// <summary>The connection failed during the commit: it may have been stored.</summary>
    OutcomeUnknown,

    /// <summary>The database answered and refused it; nothing was stored, and sending it again unchanged will not help.</summary>
    RefusedByDatabase,
}
