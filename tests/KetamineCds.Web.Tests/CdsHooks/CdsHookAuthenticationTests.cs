using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA158 F9: the client JWT of a CDS Hooks call is checked as strictly as the contract and the RFCs ask. Each token here
/// is written by hand (header and claims as JSON, signed ES384 with the configured client's key), so that a claim can be
/// sent with the wrong JSON type, or a header parameter the token libraries never write. Before, an <c>aud</c> listing the
/// URL called and another was accepted, as were an <c>exp</c> sent as a string and an unknown <c>crit</c> header; a
/// 5,000-character <c>jti</c> was refused as "no jti" and a numeric one as "not a JWT". The refusals that were already
/// right keep their reasons (the second theory).
/// </summary>
public sealed class CdsHookAuthenticationTests : IDisposable
{
    private const string Issuer = "https://ehr.authentication.test";
    private const string Kid = "authentication-key";
    private const string Path = "/cds-services";
    private const string Url = "http://localhost" + Path;

    private readonly TestCdsClient _client = new(Issuer, Kid);
    private readonly KetamineCdsFactory _factory;

    public CdsHookAuthenticationTests() => _factory = new KetamineCdsFactory { Settings = _client.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _client.Dispose();
    }

    private static JsonObject Header() => new() { ["alg"] = "ES384", ["typ"] = "JWT", ["kid"] = Kid };

    private static JsonObject Claims(string audience = Url)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = Issuer,
            ["sub"] = Issuer,
            ["aud"] = audience,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
    }

    /// <summary>The JWS compact serialization of this header and these claims, signed with the client's key (ES384: r || s).</summary>
    private string Sign(JsonObject header, JsonObject claims)
    {
        var input = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(claims.ToJsonString());
        switch (header["alg"]!.GetValue<string>())
        {
            case "none":
                // An unsecured JWS (RFC 7515 appendix A.5): an empty signature.
                return input + ".";
            case "HS256":
                // A MAC with a key of the sender's own choosing (the issuer's public key, in the classic confusion attack).
                return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(Encoding.ASCII.GetBytes(Kid), Encoding.ASCII.GetBytes(input)));
        }

        var signature = _client.Key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>The token of each case: the valid header and claims, with one thing changed.</summary>
    private string Token(string kind, string audience = Url)
    {
        var header = Header();
        var claims = Claims(audience);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (kind)
        {
            case "aud-array-of-the-url-alone":
                claims["aud"] = new JsonArray(Url);
                break;
            case "aud-array-with-another":
                claims["aud"] = new JsonArray(Url, "https://other.example/cds-services");
                break;
            case "aud-array-with-the-url-twice":
                claims["aud"] = new JsonArray(Url, Url);
                break;
            case "exp-string":
                claims["exp"] = (now + 300).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "iat-string":
                claims["iat"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "nbf-string":
                claims["nbf"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "nbf-number":
                claims["nbf"] = now;
                break;
            case "crit":
                header["crit"] = new JsonArray("urn:example:extension");
                header["urn:example:extension"] = true;
                break;
            case "crit-empty":
                header["crit"] = new JsonArray();
                break;
            case "jti-5000":
                claims["jti"] = new string('j', 5000);
                break;
            case "jti-257":
                claims["jti"] = new string('j', 257);
                break;
            case "jti-256":
                claims["jti"] = Guid.NewGuid().ToString("N") + new string('j', 224);
                break;
            case "jti-number":
                claims["jti"] = 12345;
                break;
            case "jti-absent":
                claims.Remove("jti");
                break;
            case "jti-empty":
                claims["jti"] = "";
                break;
            case "exp-absent":
                claims.Remove("exp");
                break;
            case "aud-other":
                claims["aud"] = "https://other.example/cds-services";
                break;
            case "aud-trailing-slash":
                claims["aud"] = Url + "/";
                break;
            case "kid-absent":
                header.Remove("kid");
                break;
            case "typ-other":
                header["typ"] = "at+jwt";
                break;
            case "issuer-unknown":
                claims["iss"] = "https://stranger.example";
                break;
            case "expired":
                claims["iat"] = now - 1200;
                claims["exp"] = now - 900;
                break;
            case "iat-in-the-future":
                claims["iat"] = now + 600;
                claims["exp"] = now + 700;
                break;
            case "exp-too-far":
                claims["exp"] = now + 3600;
                break;
            case "not-a-jwt":
                return "not.a.jwt";
            case "alg-none":
                header["alg"] = "none";
                break;
            case "alg-hs256":
                header["alg"] = "HS256";
                break;
            case "valid":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such case.");
        }

        return Sign(header, claims);
    }

    private async Task<(HttpStatusCode Status, string? Reason, string WwwAuthenticate)> DiscoveryAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _factory.CreateRawClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var reason = response.StatusCode == HttpStatusCode.Unauthorized ? JsonNode.Parse(body)!["detail"]!.GetValue<string>() : null;
        return (response.StatusCode, reason, response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("valid")]
    [InlineData("aud-array-of-the-url-alone")] // RFC 7519 §4.1.3 allows an array; holding exactly the URL called, it is that URL
    [InlineData("nbf-number")]
    [InlineData("jti-256")]
    public async Task Discovery_TokenAsTheContractAsks_IsAccepted(string kind)
    {
        var (status, reason, _) = await DiscoveryAsync(Token(kind));

        Assert.True(status == HttpStatusCode.OK, $"{kind}: {status} {reason}");
    }

    [Theory]
    [InlineData("aud-array-with-another", "The token's aud must be the URL called (http://localhost/cds-services) alone; it lists 2 values.")]
    [InlineData("aud-array-with-the-url-twice", "The token's aud must be the URL called (http://localhost/cds-services) alone; it lists 2 values.")]
    [InlineData("exp-string", "The token's exp is not a NumericDate (a JSON number of seconds since 1970-01-01T00:00:00Z).")]
    [InlineData("iat-string", "The token's iat is not a NumericDate (a JSON number of seconds since 1970-01-01T00:00:00Z).")]
    [InlineData("nbf-string", "The token's nbf is not a NumericDate (a JSON number of seconds since 1970-01-01T00:00:00Z).")]
    [InlineData("crit", "The token's header has crit: this service supports no extension header parameter (RFC 7515, section 4.1.11).")]
    [InlineData("crit-empty", "The token's header has crit: this service supports no extension header parameter (RFC 7515, section 4.1.11).")]
    [InlineData("jti-5000", "The token's jti is longer than 256 characters.")]
    [InlineData("jti-257", "The token's jti is longer than 256 characters.")]
    [InlineData("jti-number", "The token's jti is not a string.")]
    [InlineData("alg-none", "The token's alg is not accepted (ES384, RS384, ES256 or RS256).")] // QA295 F6: "The token's signature is not valid."
    [InlineData("alg-hs256", "The token's alg is not accepted (ES384, RS384, ES256 or RS256).")]
    public async Task Discovery_TokenStricterRulesRefuse_Answers401WithThePreciseReason(string kind, string expected)
    {
        var (status, reason, wwwAuthenticate) = await DiscoveryAsync(Token(kind));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(expected, reason);
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{expected}\"", wwwAuthenticate);
    }

    [Theory]
    [InlineData("jti-absent", "The token has no jti.")]
    [InlineData("jti-empty", "The token has no jti.")]
    [InlineData("exp-absent", "The token has no exp.")]
    [InlineData("aud-other", "The token's aud is not the URL called (http://localhost/cds-services).")]
    [InlineData("aud-trailing-slash", "The token's aud is not the URL called (http://localhost/cds-services).")]
    [InlineData("kid-absent", "The token has no kid.")]
    [InlineData("typ-other", "The token's typ is not JWT.")]
    [InlineData("issuer-unknown", "The issuer is not a configured client.")]
    [InlineData("expired", "The token has expired.")]
    [InlineData("iat-in-the-future", "The token's iat is missing or in the future.")]
    [InlineData("exp-too-far", "The token's exp is more than 15 minutes ahead.")]
    [InlineData("not-a-jwt", "The token is not a JWT.")]
    public async Task Discovery_TokenRefusedBefore_KeepsItsReason(string kind, string expected)
    {
        var (status, reason, _) = await DiscoveryAsync(Token(kind));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("alg-none")]
    [InlineData("alg-hs256")]
    public async Task PatientView_TokenWithAnAlgorithmNotAccepted_Answers401NamingThemAndRecordsNothing(string kind)
    {
        const string Service = "/cds-services/ketamine-screening-patient-view";
        var token = Token(kind, "http://localhost" + Service);
        var before = await _factory.DecisionLogEntryCountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Service)
        {
            Content = new StringContent("""{"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "context": {"userId": "Practitioner/1", "patientId": "MRN-ALG"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _factory.CreateRawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The token's alg is not accepted (ES384, RS384, ES256 or RS256).", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }
}
