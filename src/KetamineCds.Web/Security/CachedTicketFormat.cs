using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace KetamineCds.Web.Security;

/// <summary>
/// Remembers the tickets of bearer tokens already decrypted, so that a client sending the same token on every call
/// does not pay a key derivation and a decryption each time (about 4% of the app's CPU per created screening under
/// load, docs/benchmarks.md). Only successfully decrypted tokens are remembered, never longer than the ticket's own
/// expiry or <see cref="MaxAge"/>, at most <see cref="Capacity"/> of them; each caller gets its own copy of the
/// ticket. The bearer handler still checks the expiry on every request, cached or not, and <see cref="ApiTokenHandler"/>
/// then checks the token's server-side session, so a token signed out or revoked is refused even while its ticket
/// is cached here.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    public const int Capacity = 10_000;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = (purpose ?? "", protectedText);
        if (_cache.TryGetValue(key, out AuthenticationTicket? cached) && cached is not null)
        {
            return cached.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            return null;
        }

        // A lifetime, not a point in time: the cache measures it with its own clock.
        var lifetime = ticket.Properties.ExpiresUtc is { } expires && expires - clock.GetUtcNow() is var remaining && remaining < MaxAge
            ? remaining
            : MaxAge;

        if (lifetime > TimeSpan.Zero)
        {
            _cache.Set(key, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
        }

        return ticket;
    }

    public void Dispose() => _cache.Dispose();
}
