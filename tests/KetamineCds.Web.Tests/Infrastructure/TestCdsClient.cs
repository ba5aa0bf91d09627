using System.Security.Cryptography;
using System.Text.Json;
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

    public void Dispose()
    {
        Key.Dispose();
        File.Delete(_jwks);
    }
}
