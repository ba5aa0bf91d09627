using System.Globalization;
using System.Security.Claims;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// The page cookie's server-side store: the cookie carries only a session key, the ticket is a <see cref="UserSession"/>
/// row. Signing out deletes the row, so a copy of the cookie kept from before the sign-out opens nothing; a changed
/// security stamp or the absolute lifetime ends the session on its next request (<see cref="ServerSessions.FindAsync"/>).
/// A renewal the database cannot take now (SQLite's write lock held past the command timeout by a backup or a long
/// write, PostgreSQL unreachable) is given up with a warning rather than failing the response, which has started by then
/// and would end as a broken page: the session's row keeps its previous ticket, so it ends no later than before, and a
/// stamp change that was being stored ends the session at its next request, as a changed stamp does. A renewal whose
/// request was aborted (the browser closed the connection) is given up the same way, logged at debug level, not as an
/// error with a stack trace (QA session 48).
/// </summary>
public sealed partial class DatabaseTicketStore(ServerSessions sessions, IOptions<IdentityOptions> identity, ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    /// <summary>Ticket property: when the user first signed in (round-trip time), kept across renewals and refreshed sign-ins.</summary>
    public const string StartedItem = "ketaminecds.started";

    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var started = StartedAt(ticket.Properties) ?? sessions.Now;
        ticket.Properties.Items[StartedItem] = started.ToString("O", CultureInfo.InvariantCulture);
        var principal = ticket.Principal;
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A page session needs the user's id.");
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return await sessions.StartAsync(userId, stamp, UserSession.PageKind, started, null, Serializer.Serialize(ticket), cancellationToken);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var userId = ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) ?? throw new InvalidOperationException("A page session needs the user's id.");
        try
        {
            await sessions.RenewAsync(key, userId, Serializer.Serialize(ticket), ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnreachable(ex))
        {
            LogRenewalGivenUp(logger, ex, userId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away (the request was aborted) before the renewal was written: nobody receives the
            // response, so it is no error. The session keeps its previous ticket, as above.
            LogRenewalAbandoned(logger, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A page session of user {UserId} was not renewed: the request was aborted first. The session keeps its previous idle end.")]
    private static partial void LogRenewalAbandoned(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page session of user {UserId} was not renewed: the database could not take the write now. The session keeps its previous idle end; the page was served.")]
    private static partial void LogRenewalGivenUp(ILogger logger, Exception exception, string userId);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(key, cancellationToken);
        return session is { Kind: UserSession.PageKind, Ticket: { } bytes } ? Serializer.Deserialize(bytes) : null;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken) => sessions.EndAsync(key, cancellationToken);

    private static DateTimeOffset? StartedAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(StartedItem, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started)
            ? started
            : null;
}
