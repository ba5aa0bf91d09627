using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// The loggers of the request's database context (Identity's accounts, the data-protection keys): the app's, except that
/// EF Core's own error records of a command, query or save that failed because the database could not be reached
/// (<see cref="DatabaseFailures.IsUnreachable(Exception?)"/>: PostgreSQL down or restarting, SQLite busy) are written at
/// Debug, and so is its record that a connection failed (event 20004, which carries no exception to tell an outage from
/// a refusal; the exception itself follows it to whoever catches it, and the request is answered and logged from that).
/// The request that failed is answered 503 and logged once by the web app's outage log (one Warning line per request,
/// the stack once per outage: docs/operations.md, "Log messages to watch"); EF's records said the same again with a full
/// stack per request (QA302 F1: 263 stack lines for 4 sign-ins). The decision log's contexts log nothing through the
/// app's loggers at all (<see cref="KetamineCdsContextFactory"/>), which is why screenings never did this. A statement
/// the database answered and refused, and every other record, is logged as before.
/// </summary>
public sealed class OutageQuietLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new OutageQuietLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The app's logger factory belongs to the host, which disposes it.</summary>
    public void Dispose()
    {
    }

    /// <summary>Whether EF Core's record <paramref name="eventId"/> at <paramref name="level"/> is one of an outage's, written at Debug.</summary>
    public static bool IsOutageError(LogLevel level, EventId eventId, Exception? exception) =>
        level >= LogLevel.Error
        && (eventId.Id == RelationalEventId.ConnectionError.Id || (exception is not null && DatabaseFailures.IsUnreachable(exception)));

    private sealed class OutageQuietLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsOutageError(logLevel, eventId, exception))
            {
                // Still there for whoever turns EF Core's category up to Debug.
                if (inner.IsEnabled(LogLevel.Debug))
                {
                    inner.Log(LogLevel.Debug, eventId, state, exception, formatter);
                }

                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
