using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>
/// Computes authenticator codes as a phone app would, from the shared key the enrolment page shows: RFC 6238 TOTP
/// (HMAC-SHA1, 30-second steps, 6 digits) over an RFC 4648 base32 key. Written here, independently of the app, so the
/// tests check the app against the standard rather than against itself. Also compiled into the browser tests.
/// </summary>
public static class TestTotp
{
    /// <summary>
    /// The code <paramref name="stepsFromNow"/> 30-second steps ahead. The app accepts two steps of clock drift either
    /// way but each step only once and in order, so a test that needs several codes in a row takes 0, then 1, then 2.
    /// </summary>
    public static string CodeInSteps(string sharedKey, int stepsFromNow) => Code(sharedKey, DateTimeOffset.UtcNow.AddSeconds(30 * stepsFromNow));

    /// <summary>The code for the current 30-second step.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6238 TOTP, as authenticator apps compute it, is defined over HMAC-SHA1.")]
    public static string Code(string sharedKey, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(sharedKey), counter);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes base32 (A-Z, 2-7), ignoring spaces, case and padding, as authenticator apps do.</summary>
    public static byte[] Base32Decode(string key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
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
