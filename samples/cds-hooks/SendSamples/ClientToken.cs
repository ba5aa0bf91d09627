using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Samples.CdsHooks;

/// <summary>Signs CDS Hooks client JWTs (ES384) the way an EHR does: iss, aud = the URL called, exp, iat, jti, kid.</summary>
public sealed class ClientToken : IDisposable
{
    private readonly ECDsa _key;
    private readonly string? _kid;

    public ClientToken(ECDsa key, string? kid)
    {
        _key = key;
        _kid = kid;
    }

    /// <summary>Reads an EC private key in JWK form (kty EC, crv P-384, x, y, d, kid).</summary>
    public static ClientToken FromJwk(string json)
    {
        var jwk = new JsonWebKey(json);
        var key = ECDsa.Create(new ECParameters
        {
            Curve = jwk.Crv switch { "P-256" => ECCurve.NamedCurves.nistP256, "P-521" => ECCurve.NamedCurves.nistP521, _ => ECCurve.NamedCurves.nistP384 },
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
            D = Base64UrlEncoder.DecodeBytes(jwk.D),
        });
        return new ClientToken(key, jwk.Kid);
    }

    /// <summary>Reads an EC private key in PEM (SEC 1 or PKCS#8, as openssl writes it); the kid is the one its JWKS gives it.</summary>
    public static ClientToken FromPem(string pem, string? kid)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new ClientToken(key, kid);
    }

    /// <summary>A new P-384 key with this kid (null: tokens without a kid).</summary>
    public static ClientToken Generate(string? kid) => new(ECDsa.Create(ECCurve.NamedCurves.nistP384), kid);

    /// <summary>The public key as a JWKS document.</summary>
    public string PublicJwks()
    {
        var p = _key.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-384",
            ["alg"] = "ES384",
            ["use"] = "sig",
            ["kid"] = _kid ?? "",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        };
        return System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { jwk } });
    }

    /// <summary>The private key as a JWK (for a client's own key file; never give it to the server).</summary>
    public string PrivateJwk()
    {
        var p = _key.ExportParameters(includePrivateParameters: true);
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-384",
            ["alg"] = "ES384",
            ["kid"] = _kid ?? "",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
            ["d"] = Base64UrlEncoder.Encode(p.D),
        });
    }

    /// <summary>A token for one call.</summary>
    public string Create(string issuer, string audience, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null, string? jti = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        var securityKey = new ECDsaSecurityKey(_key) { KeyId = _kid };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = iat.UtcDateTime,
            Expires = (iat + (lifetime ?? TimeSpan.FromMinutes(5))).UtcDateTime,
            Claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString("N"), ["sub"] = issuer },
            TokenType = "JWT",
            SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.EcdsaSha384),
        });
    }

    public void Dispose() => _key.Dispose();
}
