using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.CdsHooks;

/// <summary>One EHR allowed to call the services: its JWT issuer and the public keys it signs with.</summary>
public sealed record CdsHookClient(string Issuer, IReadOnlyList<SecurityKey> Keys);
