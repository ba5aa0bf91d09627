using System.Text;
using QRCoder;

namespace KetamineCds.Web.Security;

/// <summary>
/// What an authenticator app needs to be set up: the shared key in readable groups, the <c>otpauth://</c> URI (Key
/// Uri Format: TOTP, SHA-1, 6 digits, 30 seconds, as Identity's authenticator token provider checks them) and that URI as
/// a QR code, drawn here as a PNG data URI (no external service sees the key).
/// </summary>
public static class Authenticator
{
    public const string Issuer = "KetamineCds";

    /// <summary>How many recovery codes a user gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The key in lower-case groups of four, as people type it: "abcd efgh ...".</summary>
    public static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return builder.ToString().ToLowerInvariant();
    }

    /// <summary>The otpauth:// URI an authenticator app reads from the QR code.</summary>
    public static string Uri(string accountName, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(accountName)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The URI as a QR code, a PNG data URI for an img element (the Content-Security-Policy allows data: images).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>An authenticator code as typed: spaces and dashes removed ("123 456" is "123456").</summary>
    public static string CleanCode(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    /// <summary>True when a code as typed holds a control character, which no code holds: refused at its box, nothing checked.</summary>
    public static bool HoldsControlCharacter(string? code) => code is not null && code.Any(char.IsControl);

    /// <summary>A recovery code as typed, in Identity's stored form: upper case, "XXXXX-XXXXX".</summary>
    public static string CleanRecoveryCode(string? code)
    {
        var plain = CleanCode(code).ToUpperInvariant();
        return plain.Length == 10 ? plain[..5] + "-" + plain[5..] : plain;
    }
}
