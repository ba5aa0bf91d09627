using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// One EHR allowed to call the services: its JWT issuer, the public keys it signs with, the language its cards are in
/// when a call does not ask for one (<c>en</c> or <c>zh-Hans</c>; null for English), and the identifier system of the
/// clinic's medical record number in its Patient resources (null: the FHIR id is the patient reference; QA158 F4).
/// </summary>
public sealed record CdsHookClient(string Issuer, IReadOnlyList<SecurityKey> Keys, string? Language = null, string? PatientIdentifierSystem = null);
