using System.Data.Common;
using System.Net.Sockets;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KetamineCds.Web.Security;

/// <summary>
/// A request that fails because the database cannot be reached (checking the session on every request, for example,
/// while PostgreSQL restarts) answers 503 with a short explanation and <c>Retry-After</c>, never a 500: the API as
/// problem details, a page as a plain message. Nothing was stored by such a request.
/// </summary>
public sealed class DatabaseUnavailableHandler : IExceptionHandler
{
    /// <summary>The message both forms of the answer carry.</summary>
    public const string Detail = "The database could not be reached, so nothing was done and nothing was stored; try again shortly.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        if (httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await httpContext.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is unavailable", Detail = Detail },
                options: null,
                contentType: "application/problem+json",
                cancellationToken);
        }
        else
        {
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            await httpContext.Response.WriteAsync("KetamineCds is briefly unavailable. " + Detail, cancellationToken);
        }

        return true;
    }

    /// <summary>True when the exception, or one it wraps, says the database could not be reached.</summary>
    public static bool IsDatabaseUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or DecisionLogUnavailableException or TimeoutException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
