using System.Security.Cryptography;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Web.Security;

/// <summary>
/// Sessions held in the database (<see cref="UserSession"/>), shared by every app instance: page sessions through
/// <see cref="DatabaseTicketStore"/>, API bearer tokens through <see cref="ApiTokenHandler"/>. A session is live while
/// its row exists, its absolute end has not passed, and the account's security stamp is still the one it signed in
/// with. Locking an account, resetting or changing its password and changing its roles all change the stamp, so
/// every session of that account is refused on its next request, on every instance: a lookup by key on each
/// request, no cache that could keep a revoked session alive.
/// </summary>
public sealed class ServerSessions(KetamineCdsContextFactory contexts, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SessionLifetimeOptions> options)
{
    public TimeSpan AbsoluteLifetime => options.Value.AbsoluteLifetime;

    /// <summary>The sessions' clock.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Starts a session and sweeps the user's expired ones; returns its key.</summary>
    /// <param name="userId">The account.</param>
    /// <param name="securityStamp">The account's security stamp as the sign-in saw it.</param>
    /// <param name="kind"><see cref="UserSession.PageKind"/> or <see cref="UserSession.ApiKind"/>.</param>
    /// <param name="startedAt">When the user signed in (a refreshed page sign-in keeps its first sign-in time); null for now.</param>
    /// <param name="lifetime">How long it may last at most; never beyond the absolute lifetime.</param>
    /// <param name="ticket">The page session's serialized ticket.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<string> StartAsync(
        string userId, string? securityStamp, string kind, DateTimeOffset? startedAt, TimeSpan? lifetime, byte[]? ticket, CancellationToken cancellationToken)
    {
        var session = NewSession(userId, securityStamp, kind, startedAt, lifetime, ticket);
        await using var db = contexts.CreateDbContext();
        await AddAsync(db, session, cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Starts an API session: the first of a token family at a sign-in (<paramref name="familyId"/> null), or the next
    /// of <paramref name="familyId"/> at a refresh. Returns null when that family was ended while this session was being
    /// started (a reuse of one of its refresh tokens, racing this refresh): the new session is then ended too.
    /// </summary>
    public async Task<StartedApiSession?> StartApiAsync(
        string userId, string? securityStamp, DateTimeOffset? startedAt, TimeSpan lifetime, string? familyId, CancellationToken cancellationToken)
    {
        var session = NewSession(userId, securityStamp, UserSession.ApiKind, startedAt, lifetime, null);
        session.FamilyId = familyId ?? session.Id;
        await using var db = contexts.CreateDbContext();
        await AddAsync(db, session, cancellationToken);
        // The replaced session stays until its end; it is gone only when the family was ended after it was replaced.
        if (familyId is not null
            && !await db.UserSessions.AnyAsync(s => s.FamilyId == familyId && s.Id != session.Id, cancellationToken))
        {
            await EndFamilyAsync(familyId, cancellationToken);
            return null;
        }

        return new StartedApiSession(session.Id, session.FamilyId, new DateTimeOffset(session.ExpiresAt, TimeSpan.Zero));
    }

    private UserSession NewSession(string userId, string? securityStamp, string kind, DateTimeOffset? startedAt, TimeSpan? lifetime, byte[]? ticket)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var started = startedAt?.UtcDateTime ?? now;
        var absolute = started + AbsoluteLifetime;
        var expires = lifetime is { } l && now + l < absolute ? now + l : absolute;
        return new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            Kind = kind,
            SecurityStamp = securityStamp,
            CreatedAt = started,
            ExpiresAt = expires,
            Ticket = ticket,
        };
    }

    private async Task AddAsync(KetamineCdsDbContext db, UserSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.UserId == session.UserId && s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The session if it is live; otherwise null, and a session that has ended (expired, or its account's stamp
    /// changed) is deleted.
    /// </summary>
    public async Task<LiveSession?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }

        await using var db = contexts.CreateDbContext();
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.UserId,
                s.Kind,
                s.SecurityStamp,
                s.CreatedAt,
                s.ExpiresAt,
                s.Ticket,
                s.ReplacedAt,
                CurrentStamp = db.Users.Where(u => u.Id == s.UserId).Select(u => u.SecurityStamp).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.ReplacedAt is not null)
        {
            // A replaced API session authenticates nothing; its row stays as the mark of a used refresh token.
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (DateTime.SpecifyKind(row.ExpiresAt, DateTimeKind.Utc) <= now || !string.Equals(row.SecurityStamp, row.CurrentStamp, StringComparison.Ordinal))
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        return new LiveSession(row.Id, row.UserId, row.Kind, DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(row.ExpiresAt, DateTimeKind.Utc), row.Ticket);
    }

    /// <summary>
    /// Replaces a page session's ticket (sliding renewal, or this browser signed in again after its own stamp change:
    /// the ticket then carries the new stamp, which the session takes); its absolute end stays. A ticket of another
    /// account never enters the session: the session ends instead (a session key is never handed from one person to
    /// another; the sign-in page does not sign anyone in over a live session).
    /// </summary>
    public async Task RenewAsync(string id, string userId, byte[] ticket, string? securityStamp, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var renewed = await db.UserSessions.Where(s => s.Id == id && s.UserId == userId).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.Ticket, ticket).SetProperty(s => s.SecurityStamp, securityStamp), cancellationToken);
        if (renewed == 0)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The API session a refresh token names, for <see cref="ApiTokenRefresh"/>: live, already replaced (its refresh
    /// token was used), or null when it has ended (signed out, expired, its account's stamp changed, its family ended).
    /// </summary>
    public async Task<RefreshableSession?> FindForRefreshAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }

        await using var db = contexts.CreateDbContext();
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == id && s.Kind == UserSession.ApiKind)
            .Select(s => new { s.Id, s.UserId, s.FamilyId, s.ReplacedAt, s.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || DateTime.SpecifyKind(row.ExpiresAt, DateTimeKind.Utc) <= clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }

        if (row.ReplacedAt is not null)
        {
            return new RefreshableSession(row.Id, row.UserId, row.FamilyId ?? row.Id, null, Replaced: true);
        }

        return await FindAsync(id, cancellationToken) is { } live
            ? new RefreshableSession(live.Id, live.UserId, row.FamilyId ?? row.Id, new DateTimeOffset(live.CreatedAt, TimeSpan.Zero), Replaced: false)
            : null;
    }

    /// <summary>
    /// Marks an API session replaced by a refresh; true when this call replaced it, false when it was already replaced
    /// or has ended (of two refreshes with the same token, one gets true).
    /// </summary>
    public async Task<bool> ReplaceAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        // A session started before token families existed becomes the first of its own.
        return await db.UserSessions.Where(s => s.Id == id && s.ReplacedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ReplacedAt, now).SetProperty(s => s.FamilyId, s => s.FamilyId ?? s.Id), cancellationToken) > 0;
    }

    /// <summary>Ends every session of an API token family, replaced or current; returns how many rows it removed.</summary>
    public async Task<int> EndFamilyAsync(string familyId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.UserSessions.Where(s => s.FamilyId == familyId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Ends one session (sign-out, or an API token refreshed into a new session); true when this call ended it, false
    /// when it had already ended (of two requests ending the same session, one gets true).
    /// </summary>
    public async Task<bool> EndAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
