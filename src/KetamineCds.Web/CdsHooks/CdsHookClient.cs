using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// One EHR allowed to call the services: its JWT issuer, the public keys it signs with, and the language its cards are
/// in when a call does not ask for one (<c>en</c> or <c>zh-Hans</c>; null for English).
/// </summary>
public sealed record CdsHookClient(string Issuer, IReadOnlyList<SecurityKey> Keys, string? Language = null);
