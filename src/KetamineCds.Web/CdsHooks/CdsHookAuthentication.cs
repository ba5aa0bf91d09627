using System.Text.Json;
using KetamineCds.Infrastructure.CdsHooks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Checks the client JWT every CDS Hooks call carries, as the spec's security section asks: a configured issuer, a
/// <c>kid</c> naming one of its keys, a valid signature (ES384/RS384, ES256/RS256), <c>aud</c> exactly the URL called,
/// <c>exp</c> (at most <see cref="MaxLifetime"/> ahead), <c>iat</c> not in the future, and a <c>jti</c> never seen before
/// on any instance (kept in the database until the token expires). As strict as the RFCs (QA158 F9): <c>exp</c>,
/// <c>iat</c> and <c>nbf</c> are JSON numbers (a NumericDate, RFC 7519 section 2), <c>jti</c> a string of at most
/// <see cref="MaxJtiLength"/> characters, an <c>aud</c> array holds the URL called alone, and a <c>crit</c> header is refused
/// (this service understands no extension header parameter, RFC 7515 section 4.1.11).
/// </summary>
public sealed class CdsHookAuthentication(CdsHookClients clients, CdsHookStore store, TimeProvider clock, ILogger<CdsHookAuthentication> logger)
{
    /// <summary>Tolerated clock difference between the EHR and this server.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The furthest ahead a token may expire: a client token is for one call (the spec suggests five minutes).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The longest <c>jti</c> accepted (the replay table's key column).</summary>
    public const int MaxJtiLength = 256;

    /// <summary>The NumericDate claims (RFC 7519 section 2) the token may carry and the library reads.</summary>
    private static readonly string[] NumericDates = ["exp", "iat", "nbf"];

    private static readonly string[] Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The caller, or null with the reason the token was refused (safe to send back: it names no key material).</summary>
    /// <exception cref="KetamineCds.Infrastructure.DecisionLog.DecisionLogUnavailableException">The replay check could not reach the database.</exception>
    public async Task<(CdsHookCaller? Caller, CdsHookTokenRefusal? Refusal)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (null, new("CdsHooks.Token.Missing"));
        }

        var token = header[7..].Trim();
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // The library refuses a token whose registered claims have the wrong JSON type (a numeric jti) as it refuses
            // one that is not a JWT at all: the reason says which claim, when that is why.
            return (null, ClaimTypeRefusal(token) ?? new("CdsHooks.Token.NotJwt"));
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return (null, new("CdsHooks.Token.NoKid"));
        }

        if (jwt.TryGetHeaderValue<string>("typ", out var typ) && !string.Equals(typ, "JWT", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new("CdsHooks.Token.TypNotJwt"));
        }

        using (var protectedHeader = Segment(token, 0))
        {
            if (protectedHeader?.RootElement.TryGetProperty("crit", out _) == true)
            {
                // RFC 7515 section 4.1.11: a recipient that does not understand every extension crit lists must refuse the
                // JWS. This service understands none (and an empty crit is itself invalid).
                return (null, new("CdsHooks.Token.Crit"));
            }
        }

        if (!Algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            // QA295 F6: a token with alg none or HS256 was refused as "The token's signature is not valid." (the library finds
            // no key for it); it is refused for its algorithm, naming those accepted.
            return (null, new("CdsHooks.Token.BadAlgorithm"));
        }

        var client = clients.Find(jwt.Issuer);
        if (client is null)
        {
            return (null, new("CdsHooks.Token.UnknownIssuer"));
        }

        if (ClaimTypeRefusal(token) is { } wrongType)
        {
            return (null, wrongType);
        }

        var audience = ExpectedAudience(request);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudience = audience,
            IgnoreTrailingSlashWhenValidatingAudience = false, // aud is exactly the URL called (the contract)
            ValidAlgorithms = Algorithms,
            IssuerSigningKeyResolver = (_, _, kid, _) => client.Keys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal)),
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            logger.LogInformation("CDS Hooks token from {Issuer} refused: {Reason}", client.Issuer, result.Exception?.GetType().Name);
            return (null, result.Exception switch
            {
                SecurityTokenInvalidAudienceException => new CdsHookTokenRefusal("CdsHooks.Token.WrongAudience", audience),
                SecurityTokenExpiredException => new CdsHookTokenRefusal("CdsHooks.Token.Expired"),
                SecurityTokenNoExpirationException => new CdsHookTokenRefusal("CdsHooks.Token.NoExp"),
                SecurityTokenSignatureKeyNotFoundException => new CdsHookTokenRefusal("CdsHooks.Token.UnknownKid"),
                SecurityTokenInvalidSignatureException => new CdsHookTokenRefusal("CdsHooks.Token.BadSignature"),
                SecurityTokenInvalidAlgorithmException => new CdsHookTokenRefusal("CdsHooks.Token.BadAlgorithm"),
                _ => new CdsHookTokenRefusal("CdsHooks.Token.Invalid"),
            });
        }

        // The library accepts an aud array holding the URL called among others; the contract's aud is that URL alone.
        if (AudienceCount(token) is > 1 and var audiences)
        {
            return (null, new("CdsHooks.Token.AudienceList", audience, audiences));
        }

        var now = clock.GetUtcNow();
        if (!jwt.TryGetPayloadValue<long>("iat", out _) || jwt.IssuedAt > (now + ClockSkew).UtcDateTime)
        {
            return (null, new("CdsHooks.Token.Iat"));
        }

        if (jwt.ValidTo > (now + MaxLifetime).UtcDateTime)
        {
            return (null, new("CdsHooks.Token.ExpTooFar", (int)MaxLifetime.TotalMinutes));
        }

        if (string.IsNullOrEmpty(jwt.Id))
        {
            return (null, new("CdsHooks.Token.NoJti"));
        }

        if (jwt.Id.Length > MaxJtiLength)
        {
            return (null, new("CdsHooks.Token.JtiTooLong", MaxJtiLength));
        }

        if (!await store.TryUseTokenAsync(client.Issuer, jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + ClockSkew, cancellationToken))
        {
            return (null, new("CdsHooks.Token.JtiReused"));
        }

        return (new CdsHookCaller(client.Issuer, client.Language, client.PatientIdentifierSystem), null);
    }

    /// <summary>
    /// Why a registered claim of the token's payload has the wrong JSON type, or null: <c>exp</c>, <c>iat</c>, <c>nbf</c> must
    /// be numbers (RFC 7519 section 2, NumericDate; the library would read a string of digits as one) and <c>jti</c> a string.
    /// Null too when the payload cannot be read as a JSON object (the caller's other checks say why).
    /// </summary>
    private static CdsHookTokenRefusal? ClaimTypeRefusal(string token)
    {
        using var payload = Segment(token, 1);
        if (payload is null)
        {
            return null;
        }

        foreach (var name in NumericDates)
        {
            if (payload.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Number)
            {
                return new("CdsHooks.Token.NotNumericDate", name);
            }
        }

        return payload.RootElement.TryGetProperty("jti", out var jti) && jti.ValueKind != JsonValueKind.String
            ? new("CdsHooks.Token.JtiNotString")
            : null;
    }

    /// <summary>How many values the token's aud lists when it is an array; null when it is not one.</summary>
    private static int? AudienceCount(string token)
    {
        using var payload = Segment(token, 1);
        return payload is not null && payload.RootElement.TryGetProperty("aud", out var aud) && aud.ValueKind == JsonValueKind.Array
            ? aud.GetArrayLength()
            : null;
    }

    /// <summary>
    /// A part of a JWS in compact serialization (0: the protected header, 1: the payload) as JSON, or null when the token
    /// has not three parts or that part is not a base64url JSON object.
    /// </summary>
    private static JsonDocument? Segment(string token, int index)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[index]));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The URL the client called, as this app sees it behind its forwarded headers: scheme, host, path; no query.</summary>
    public static string ExpectedAudience(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
}

/// <summary>
/// Why a client JWT was refused, by its message key (<c>CdsHooks.Token.*</c>) and values: in English for the
/// <c>WWW-Authenticate</c> header, and in the request's language for the problem's detail.
/// </summary>
/// <param name="Key">The message key.</param>
/// <param name="Arguments">The values the message names (the URL called, a limit).</param>
public sealed record CdsHookTokenRefusal(string Key, params object[] Arguments)
{
    /// <summary>The reason in English (the header's).</summary>
    public string English => Localization.ClinicalText.Shared.MessageIn(System.Globalization.CultureInfo.GetCultureInfo(Localization.Cultures.English), Key, Arguments);

    /// <summary>The reason in <paramref name="culture"/>'s language.</summary>
    public string In(System.Globalization.CultureInfo culture) => Localization.ClinicalText.Shared.MessageIn(culture, Key, Arguments);
}
