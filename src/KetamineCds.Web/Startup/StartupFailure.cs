using System.Net.Sockets;
using System.Reflection;
using Npgsql;

namespace KetamineCds.Web.Startup;

/// <summary>
/// What the app does when it cannot start (G3): one message naming the setting to fix, the full exception at Debug
/// only, and exit code 1, never an unhandled exception (which aborts the runtime, exit 134, with stack traces).
/// Only the real process entry point handles failures this way: a host built by WebApplicationFactory in tests still
/// sees the exception itself.
/// </summary>
public static partial class StartupFailure
{
    /// <summary>The exit code of a start-up that was refused or failed (docs/operations.md).</summary>
    public const int ExitCode = 1;

    private const string LoggerCategory = "KetamineCds.Startup";

    private static int _started;

    /// <summary>True when this process was started as the app itself (<c>dotnet KetamineCds.Web.dll</c>), not by a test host.</summary>
    public static bool IsProcessEntryPoint => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    /// <summary>Whether <paramref name="exception"/> is handled here (the filter of Program's catch).</summary>
    public static bool ShouldHandle(Exception exception) =>
        exception is not HostAbortedException && IsProcessEntryPoint;

    /// <summary>
    /// While the app starts, the errors that EF Core and the generic host log on their own about the failure that
    /// stops the start are not written: <see cref="ReportAsync"/> writes one message for it instead (and the full
    /// exception at Debug). Once the app has started, nothing is held back.
    /// </summary>
    public static void QuietDuplicateErrorsWhileStarting(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsProcessEntryPoint)
        {
            return;
        }

        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var rules = options.Rules.Select(rule => new LoggerFilterRule(
                rule.ProviderName,
                rule.CategoryName,
                rule.LogLevel,
                (provider, category, level) => !IsDuplicateOfStartupFailure(category, level) && (rule.Filter?.Invoke(provider, category, level) ?? true))).ToList();
            options.Rules.Clear();
            // The least specific rule first, so that every configured rule still wins where it applies.
            options.Rules.Add(new LoggerFilterRule(null, null, options.MinLevel, (_, category, level) => !IsDuplicateOfStartupFailure(category, level)));
            foreach (var rule in rules)
            {
                options.Rules.Add(rule);
            }
        });
    }

    /// <summary>Marks the start as done (ApplicationStarted): from then on every error is logged as configured.</summary>
    public static void Started() => Interlocked.Exchange(ref _started, 1);

    private static bool IsDuplicateOfStartupFailure(string? category, LogLevel level) =>
        Volatile.Read(ref _started) == 0
        && level >= LogLevel.Error
        && category is not null
        && (category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || category == "Microsoft.Extensions.Hosting.Internal.Host");

    /// <summary>
    /// Logs the failure as one Critical record of <c>KetamineCds.Startup</c> (and the exception at Debug) and returns the
    /// exit code. The app's own loggers write it when they still can; when the host is already gone (its services
    /// disposed), loggers made from the same <c>Logging</c> settings do, so that the record never falls back to a bare
    /// console line while a start-up setting can be read (QA96 F5).
    /// </summary>
    public static async Task<int> ReportAsync(Exception exception, WebApplicationBuilder? builder, WebApplication? app)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var started = Volatile.Read(ref _started) == 1;
        var message = (started ? "KetamineCds stopped on an error: " : "KetamineCds did not start: ")
            + Describe(exception, builder?.Configuration, builder?.Environment.ContentRootPath);
        ILoggerFactory? ownFactory = null;
        try
        {
            var factory = AppLoggerFactory(app);
            if (factory is null && builder is not null)
            {
                ownFactory = LoggerFactory.Create(logging =>
                {
                    logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
                    logging.AddConsole();
                });
                factory = ownFactory;
            }

            if (factory is null)
            {
                await Console.Error.WriteLineAsync(message);
            }
            else
            {
                var logger = factory.CreateLogger(LoggerCategory);
                LogFailure(logger, message);
                LogDetails(logger, exception);
            }
        }
        catch (Exception logging) when (logging is InvalidOperationException or ObjectDisposedException)
        {
            await Console.Error.WriteLineAsync(message);
        }
        finally
        {
            // Disposing flushes the console logger's queue before the process ends.
            ownFactory?.Dispose();
            if (app is not null)
            {
                try
                {
                    await app.DisposeAsync();
                }
                catch (Exception disposing) when (disposing is InvalidOperationException or ObjectDisposedException or AggregateException)
                {
                    // The failure is already reported; a second one while disposing adds nothing to fix.
                }
            }
        }

        return ExitCode;
    }

    /// <summary>The app's logger factory, or null when there is no app or its services are already disposed.</summary>
    private static ILoggerFactory? AppLoggerFactory(WebApplication? app)
    {
        try
        {
            return app?.Services.GetService<ILoggerFactory>();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The sentence an operator reads: the app's own message; for a database the setting, where it points and the
    /// server's reason; for Kestrel the address or the TLS certificate setting and why (<see cref="KestrelStartFailure"/>).
    /// </summary>
    public static string Describe(Exception exception, IConfiguration? configuration = null, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var root = Unwrap(exception);
        if (root is StartupDatabaseException database)
        {
            return database.Message;
        }

        if (configuration is not null
            && KestrelStartFailure.Describe(root, configuration, contentRoot ?? Directory.GetCurrentDirectory()) is { } server)
        {
            return server;
        }

        return root.Message;
    }

    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (true)
        {
            switch (current)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    current = aggregate.InnerExceptions[0];
                    continue;
                case TargetInvocationException { InnerException: { } inner }:
                    current = inner;
                    continue;
                default:
                    return current;
            }
        }
    }

    /// <summary>Why the server refused or could not be reached, in the server's or the socket's own words.</summary>
    public static string Reason(NpgsqlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is PostgresException postgres)
        {
            return $"the server answered \"{postgres.MessageText}\" ({postgres.SqlState})";
        }

        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return $"could not connect ({socket.Message})";
            }

            if (inner is TimeoutException)
            {
                return "could not connect (the connection timed out)";
            }
        }

        return exception.InnerException is { } cause ? $"{exception.Message} ({cause.Message})" : exception.Message;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogFailure(ILogger logger, string message);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "The exception behind the failure above.")]
    private static partial void LogDetails(ILogger logger, Exception exception);
}
