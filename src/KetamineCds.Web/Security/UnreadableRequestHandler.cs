using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KetamineCds.Web.Security;

/// <summary>
/// A request Kestrel could not read to its end (<see cref="BadHttpRequestException"/>: its body ended before its
/// Content-Length, as when a client goes away mid-request, or it broke HTTP's rules) is the client's failure, not the
/// app's: answered with its status (400) as problem details and logged as one line at Information, never as an
/// unhandled exception with a stack trace (benchmarks/run.sh found one for each request a load client cut off at its
/// deadline). Nothing was stored: the body was never read whole.
/// </summary>
public sealed partial class UnreadableRequestHandler(ILogger<UnreadableRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException unreadable || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogUnreadable(logger, httpContext.Request.Method, httpContext.Request.Path.Value, unreadable.StatusCode, unreadable.Message);
        httpContext.Response.StatusCode = unreadable.StatusCode;
        // Not the request's token: the client that went away has cancelled it, and the answer is written (or dropped) regardless.
        await httpContext.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = unreadable.StatusCode, Title = "The request could not be read.", Detail = $"{unreadable.Message} Nothing was stored; send the request again." },
            options: null,
            contentType: "application/problem+json",
            CancellationToken.None);
        return true;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} answered {Status}: the request could not be read to its end ({Reason}); nothing was stored.")]
    private static partial void LogUnreadable(ILogger logger, string method, string? path, int status, string reason);
}
