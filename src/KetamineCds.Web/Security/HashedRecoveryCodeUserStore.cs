using System.Security.Cryptography;
using System.Text;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace KetamineCds.Web.Security;

/// <summary>
/// Identity's EF user store, except that second-factor recovery codes are kept as salted SHA-256 hashes instead of
/// plain text (OWASP ASVS V2.6.2: look-up secrets of less than 112 bits are stored salted and hashed). Identity's codes
/// carry about 47 bits, so a copy of the database no longer hands out working codes. The user sees each code once,
/// when it is made; a code redeemed is removed.
/// </summary>
public sealed class HashedRecoveryCodeUserStore(KetamineCdsDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, KetamineCdsDbContext>(context, describer)
{
    // Identity's own names for where the codes live (UserStoreBase keeps them private).
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private const string RecoveryCodeTokenName = "RecoveryCodes";

    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = (await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        var match = stored.FirstOrDefault(h => Matches(h, code));
        if (match is null)
        {
            return false;
        }

        // The others are hashes already: store them as they are.
        await base.ReplaceCodesAsync(user, stored.Where(h => !ReferenceEquals(h, match)), cancellationToken);
        return true;
    }

    /// <summary>"salt:hash", both base64: SHA-256 over a 16-byte random salt and the code.</summary>
    internal static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String(salt) + ":" + Convert.ToBase64String(Digest(salt, code));
    }

    private static bool Matches(string stored, string code)
    {
        var parts = stored.Split(':');
        if (parts.Length != 2)
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(Digest(Convert.FromBase64String(parts[0]), code), Convert.FromBase64String(parts[1]));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Digest(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code)]);
}
