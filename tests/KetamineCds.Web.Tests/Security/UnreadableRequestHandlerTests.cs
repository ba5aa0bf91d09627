using System.Collections.Concurrent;
using System.Text.Json;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// A request body cut off before its Content-Length (a load client at its deadline, in benchmarks/run.sh) is the
/// client's failure: a 400 and one Information line, never an unhandled exception with a stack trace.
/// </summary>
public sealed class UnreadableRequestHandlerTests
{
    [Fact]
    public async Task TryHandle_BodyEndedEarly_Answers400ProblemAndLogsOneLineWithoutTheException()
    {
        var logs = new ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)>();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/screenings";
        context.Response.Body = new MemoryStream();

        var handled = await new UnreadableRequestHandler(new QueueLogger(logs)).TryHandleAsync(
            context, new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("The request could not be read.", body.RootElement.GetProperty("title").GetString());
        var (level, message, exception) = Assert.Single(logs);
        Assert.Equal(LogLevel.Information, level);
        Assert.Equal("POST /api/v1/screenings answered 400: the request could not be read to its end (Unexpected end of request content.); nothing was stored.", message);
        Assert.Null(exception);
    }

    [Fact]
    public async Task TryHandle_AnyOtherException_IsLeftToTheNextHandler()
    {
        var context = new DefaultHttpContext();
        var logs = new ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)>();

        Assert.False(await new UnreadableRequestHandler(new QueueLogger(logs)).TryHandleAsync(context, new InvalidOperationException("bug"), CancellationToken.None));
        Assert.Empty(logs);
    }

    private sealed class QueueLogger(ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> logs) : ILogger<UnreadableRequestHandler>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
