using Microsoft.Extensions.Logging;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>One record the app logged, as <see cref="CapturingLoggerProvider"/> keeps it.</summary>
public sealed record LogRecord(string Category, LogLevel Level, string Message, Exception? Exception);
