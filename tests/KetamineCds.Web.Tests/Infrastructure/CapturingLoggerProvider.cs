using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>
/// Keeps every record the app logs at Information or above (<see cref="Records"/>, in the order written), and calls
/// <c>onRecord</c> with each as it is written, for a test that waits for a message. Added to a factory's logging
/// (<c>builder.ConfigureLogging(l =&gt; l.AddProvider(provider))</c>), or handed to a class as its logger
/// (<see cref="CreateLogger{T}"/>).
/// </summary>
public sealed class CapturingLoggerProvider(Action<LogRecord>? onRecord = null) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    public void Dispose()
    {
    }

    private void Add(LogRecord record)
    {
        _records.Enqueue(record);
        onRecord?.Invoke(record);
    }

    private class Logger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Add(new LogRecord(category, logLevel, formatter(state, exception), exception));
            }
        }
    }

    private sealed class Logger<T>(CapturingLoggerProvider provider) : Logger(typeof(T).FullName!, provider), ILogger<T>;
}
