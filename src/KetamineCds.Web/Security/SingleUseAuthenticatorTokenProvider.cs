using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// Identity's authenticator check (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, up to two steps either side for
/// clock drift) with one addition Identity lacks: a code is accepted only for a time step later than the last one
/// accepted for the same user (<see cref="ApplicationUser.LastAuthenticatorTimeStep"/>), so a code seen over a shoulder
/// or replayed from a captured request does not work a second time (OWASP ASVS V2.8.4). A replay is logged (V2.8.5), and
/// the sign-in page and API tell the user it was used already (<see cref="WasAlreadyUsedAsync"/>).
/// Registered under Identity's own authenticator provider name, so sign-in and enrolment both use it.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock, ILogger<SingleUseAuthenticatorTokenProvider> logger)
    : AuthenticatorTokenProvider<ApplicationUser>
{
    /// <summary>Steps accepted either side of now, as Identity's own provider.</summary>
    public const int AllowedDriftSteps = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (await MatchingStepAsync(token, manager, user) is not { } accepted)
        {
            return false;
        }

        if (IsUsed(user, accepted))
        {
            logger.LogWarning("An authenticator code already used (or older than one used) was presented again for user {UserId}; refused.", user.Id);
            return false;
        }

        // Recorded before the code counts: of two requests racing with the same code, the second fails on the
        // concurrency stamp and is refused.
        user.LastAuthenticatorTimeStep = accepted;
        var stored = await manager.UpdateAsync(user);
        return stored.Succeeded;
    }

    /// <summary>
    /// True when <paramref name="token"/> is the user's right code for a time step within the drift, but that step (or a
    /// later one) was already used: a refused code the user should be told was used already, and to wait for the next
    /// one, rather than that it is wrong. Asked only after a refusal, by someone who got past the password.
    /// </summary>
    public async Task<bool> WasAlreadyUsedAsync(string token, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        await MatchingStepAsync(token, manager, user) is { } step && IsUsed(user, step);

    private static bool IsUsed(ApplicationUser user, long step) => user.LastAuthenticatorTimeStep is { } last && step <= last;

    /// <summary>The time step within the drift whose code <paramref name="token"/> is, or null.</summary>
    private async Task<long?> MatchingStepAsync(string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return null;
        }

        var secret = Base32Decode(key);
        if (secret is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = now - AllowedDriftSteps; step <= now + AllowedDriftSteps; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The RFC 6238 code of a time step.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6238 TOTP, as authenticator apps compute it, is defined over HMAC-SHA1.")]
    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 as Identity stores authenticator keys (A-Z, 2-7, no padding); null if malformed.</summary>
    private static byte[]? Base32Decode(string key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('='))
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
