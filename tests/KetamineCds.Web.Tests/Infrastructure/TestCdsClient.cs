using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>
/// A CDS Hooks client of a test's own: a P-384 key, its public half in a JWKS file, and the settings that configure the app
/// with it as its only client (the demo EHR off). The test signs its tokens with <see cref="Key"/> under <see cref="Kid"/>.
/// </summary>
public sealed class TestCdsClient : IDisposable
{
    private readonly string _jwks = Path.Combine(Path.GetTempPath(), $"ketaminecds-client-{Guid.NewGuid():N}.json");

    public TestCdsClient(string issuer, string kid)
    {
        Issuer = issuer;
        Kid = kid;
        var p = Key.ExportParameters(includePrivateParameters: false);
        File.WriteAllText(_jwks, JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "EC", ["crv"] = "P-384", ["alg"] = "ES384", ["use"] = "sig", ["kid"] = kid,
                    ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
                },
            },
        }));
    }

    public string Issuer { get; }

    public string Kid { get; }

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    /// <summary>The app's settings with this client as its only one.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["CdsHooks:DemoClient"] = "false",
        ["CdsHooks:Clients:0:Issuer"] = Issuer,
        ["CdsHooks:Clients:0:JwksPath"] = _jwks,
    };

    /// <summary>A client JWT for <paramref name="path"/> on the test server (aud = its URL), valid 5 minutes, a new jti each time.</summary>
    public string Token(string path)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "http://localhost" + path,
            IssuedAt = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("N"), ["sub"] = Issuer },
            TokenType = "JWT",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(Key) { KeyId = Kid }, SecurityAlgorithms.EcdsaSha384),
        });
    }

    /// <summary>Posts <paramref name="body"/> (JSON) to <paramref name="path"/> of <paramref name="factory"/>'s app, signed by this client.</summary>
    public async Task<HttpResponseMessage> PostAsync(KetamineCdsFactory factory, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(path));
        return await factory.CreateRawClient().SendAsync(request);
    }

    public void Dispose()
    {
        Key.Dispose();
        File.Delete(_jwks);
    }
}
