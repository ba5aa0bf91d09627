using KetamineCds.Infrastructure.CdsHooks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Checks the client JWT every CDS Hooks call carries, as the spec's security section asks: a configured issuer, a
/// <c>kid</c> naming one of its keys, a valid signature (ES384/RS384, ES256/RS256), <c>aud</c> exactly the URL called,
/// <c>exp</c> (at most <see cref="MaxLifetime"/> ahead), <c>iat</c> not in the future, and a <c>jti</c> never seen before
/// on any instance (kept in the database until the token expires).
/// </summary>
public sealed class CdsHookAuthentication(CdsHookClients clients, CdsHookStore store, TimeProvider clock, ILogger<CdsHookAuthentication> logger)
{
    /// <summary>Tolerated clock difference between the EHR and this server.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The furthest ahead a token may expire: a client token is for one call (the spec suggests five minutes).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    private static readonly string[] Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The caller, or null with the reason the token was refused (safe to send back: it names no key material).</summary>
    /// <exception cref="KetamineCds.Infrastructure.DecisionLog.DecisionLogUnavailableException">The replay check could not reach the database.</exception>
    public async Task<(CdsHookCaller? Caller, string? Refusal)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (null, "A client JWT is required (Authorization: Bearer).");
        }

        var token = header[7..].Trim();
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return (null, "The token is not a JWT.");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return (null, "The token has no kid.");
        }

        if (jwt.TryGetHeaderValue<string>("typ", out var typ) && !string.Equals(typ, "JWT", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "The token's typ is not JWT.");
        }

        var client = clients.Find(jwt.Issuer);
        if (client is null)
        {
            return (null, "The issuer is not a configured client.");
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
                SecurityTokenInvalidAudienceException => $"The token's aud is not the URL called ({audience}).",
                SecurityTokenExpiredException => "The token has expired.",
                SecurityTokenNoExpirationException => "The token has no exp.",
                SecurityTokenSignatureKeyNotFoundException => "No key of this issuer has the token's kid.",
                SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
                SecurityTokenInvalidAlgorithmException => "The token's alg is not accepted (ES384, RS384, ES256 or RS256).",
                _ => "The token is not valid.",
            });
        }

        var now = clock.GetUtcNow();
        if (!jwt.TryGetPayloadValue<long>("iat", out _) || jwt.IssuedAt > (now + ClockSkew).UtcDateTime)
        {
            return (null, "The token's iat is missing or in the future.");
        }

        if (jwt.ValidTo > (now + MaxLifetime).UtcDateTime)
        {
            return (null, $"The token's exp is more than {MaxLifetime.TotalMinutes:0} minutes ahead.");
        }

        if (string.IsNullOrEmpty(jwt.Id) || jwt.Id.Length > 256)
        {
            return (null, "The token has no jti.");
        }

        if (!await store.TryUseTokenAsync(client.Issuer, jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + ClockSkew, cancellationToken))
        {
            return (null, "The token's jti was used before.");
        }

        return (new CdsHookCaller(client.Issuer, client.Language), null);
    }

    /// <summary>The URL the client called, as this app sees it behind its forwarded headers: scheme, host, path; no query.</summary>
    public static string ExpectedAudience(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
}
