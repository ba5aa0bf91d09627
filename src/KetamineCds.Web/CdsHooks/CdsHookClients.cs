using System.Security.Cryptography;
using System.Text.Json;
using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Web.Localization;
using Microsoft.IdentityModel.Tokens;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// The EHRs allowed to call, from configuration (<c>CdsHooks:Clients:N:Issuer</c> and <c>CdsHooks:Clients:N:JwksPath</c>,
/// a local JWKS file): clients are configured, never discovered. In Development the app also trusts a demo client
/// (<see cref="DemoIssuer"/>) whose key pair it creates in App_Data on first start, so that the samples can be sent; its
/// answers are filed under the samples' record number (<see cref="DemoPatientIdentifierSystem"/>).
/// </summary>
public sealed partial class CdsHookClients
{
    /// <summary>The demo EHR's issuer (Development only).</summary>
    public const string DemoIssuer = "https://demo-ehr.ketaminecds.local";

    /// <summary>The demo EHR's private key (a JWK with its <c>kid</c>), under App_Data.</summary>
    public const string DemoPrivateKeyFile = "cds-hooks-demo-client.private.jwk.json";

    /// <summary>The demo EHR's public JWKS, under App_Data.</summary>
    public const string DemoJwksFile = "cds-hooks-demo-client.jwks.json";

    /// <summary>
    /// The identifier system of the medical record number in the demo EHR's Patient resources (the samples', in
    /// samples/cds-hooks/requests), as <c>CdsHooks:Clients:N:PatientIdentifierSystem</c> gives a configured client's: the
    /// demo's answers are filed under the record number, as docs/cds-hooks.md recommends for every client (QA158 F4).
    /// </summary>
    public const string DemoPatientIdentifierSystem = "urn:oid:2.16.840.1.113883.19.5";

    private readonly Dictionary<string, CdsHookClient> _byIssuer;

    public CdsHookClients(IEnumerable<CdsHookClient> clients)
    {
        _byIssuer = clients.ToDictionary(c => c.Issuer, StringComparer.Ordinal);
    }

    public CdsHookClient? Find(string? issuer) => issuer is not null && _byIssuer.TryGetValue(issuer, out var client) ? client : null;

    /// <summary>
    /// The configured clients that name no identifier system for the record number (<c>CdsHooks:Clients:N:PatientIdentifierSystem</c>),
    /// by their index N and issuer: their answers are filed under the EHR's FHIR Patient id (QA295 F1). Each gets one
    /// warning at start-up (<see cref="WarnAboutUnmappedClients"/>).
    /// </summary>
    public IReadOnlyList<(string Index, string Issuer)> WithoutPatientIdentifierSystem { get; private init; } = [];

    /// <summary>Logs one warning per configured client without a record-number system (<see cref="WithoutPatientIdentifierSystem"/>).</summary>
    public void WarnAboutUnmappedClients(ILogger<CdsHookClients> logger)
    {
        foreach (var (index, issuer) in WithoutPatientIdentifierSystem)
        {
            LogNoPatientIdentifierSystem(logger, index, issuer, $"CdsHooks:Clients:{index}:PatientIdentifierSystem");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDS Hooks client {Index} ({Issuer}) has no {Setting}: its answers are filed under the EHR's FHIR Patient id (context.patientId), not the clinic's medical record number, so a search by record number does not find them, and the form its cards prefill shows that id as the patient reference. Set it to the system the EHR writes the record number in (Patient.identifier.system, for example urn:oid:2.16.840.1.113883.19.5; docs/cds-hooks.md).")]
    private static partial void LogNoPatientIdentifierSystem(ILogger logger, string index, string issuer, string setting);

    /// <summary>Reads the configured clients; in Development adds the demo client, creating its key pair on first start.</summary>
    /// <exception cref="InvalidOperationException">A client is configured without an issuer or a readable JWKS file.</exception>
    public static CdsHookClients Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var clients = new List<CdsHookClient>();
        var unmapped = new List<(string, string)>();
        foreach (var section in configuration.GetSection("CdsHooks:Clients").GetChildren())
        {
            var issuer = section["Issuer"];
            var jwksPath = section["JwksPath"];
            if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(jwksPath))
            {
                throw new InvalidOperationException($"CdsHooks:Clients:{section.Key} needs both Issuer and JwksPath.");
            }

            var path = Path.IsPathRooted(jwksPath) ? jwksPath : Path.Combine(environment.ContentRootPath, jwksPath);
            var system = PatientIdentifierSystemOf(section);
            clients.Add(new CdsHookClient(issuer, ReadKeys(path, section.Key, $"CdsHooks:Clients:{section.Key}:JwksPath"), LanguageOf(section), system));
            if (system is null)
            {
                unmapped.Add((section.Key, issuer));
            }
        }

        var demoEnabled = configuration.GetValue<bool?>("CdsHooks:DemoClient") ?? environment.IsDevelopment();
        if (demoEnabled && clients.All(c => c.Issuer != DemoIssuer))
        {
            var folder = AppDataFolder.For(environment);
            EnsureDemoKeyPair(folder);
            clients.Add(new CdsHookClient(DemoIssuer, ReadKeys(Path.Combine(folder, DemoJwksFile), "demo"), PatientIdentifierSystem: DemoPatientIdentifierSystem));
        }

        return new CdsHookClients(clients) { WithoutPatientIdentifierSystem = unmapped };
    }

    /// <summary>The client's configured card language (<c>CdsHooks:Clients:N:Language</c>), mapped to a supported one; null when not set.</summary>
    private static string? LanguageOf(IConfigurationSection section)
    {
        if (string.IsNullOrWhiteSpace(section["Language"]))
        {
            return null;
        }

        var language = Cultures.Map(section["Language"]!);
        return Cultures.Supported.Contains(language, StringComparer.Ordinal)
            ? language
            : throw new InvalidOperationException($"CdsHooks:Clients:{section.Key}:Language is '{section["Language"]}'; the cards can be in {string.Join(" or ", Cultures.Supported)}.");
    }

    /// <summary>
    /// The identifier system of the clinic's medical record number in the client's Patient resources
    /// (<c>CdsHooks:Clients:N:PatientIdentifierSystem</c>, an absolute URI such as <c>urn:oid:2.16.840.1.113883.19.5</c>);
    /// null when not set.
    /// </summary>
    private static string? PatientIdentifierSystemOf(IConfigurationSection section)
    {
        var system = section["PatientIdentifierSystem"];
        if (string.IsNullOrWhiteSpace(system))
        {
            return null;
        }

        return Uri.TryCreate(system, UriKind.Absolute, out _) && system.Trim() == system
            ? system
            : throw new InvalidOperationException($"CdsHooks:Clients:{section.Key}:PatientIdentifierSystem is '{system}'; it must be the absolute URI the EHR writes in Patient.identifier.system for the clinic's medical record number (for example urn:oid:2.16.840.1.113883.19.5).");
    }

    /// <summary>Creates the demo client's ES384 key pair once: the private JWK and the public JWKS, owner-readable only.</summary>
    public static void EnsureDemoKeyPair(string folder)
    {
        var privatePath = Path.Combine(folder, DemoPrivateKeyFile);
        if (!File.Exists(privatePath))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            var p = key.ExportParameters(includePrivateParameters: true);
            var kid = "demo-" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(9));
            PrivateFile.CreateOnce(privatePath, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["kty"] = "EC",
                ["crv"] = "P-384",
                ["kid"] = kid,
                ["alg"] = "ES384",
                ["use"] = "sig",
                ["x"] = Base64UrlEncoder.Encode(p.Q.X),
                ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
                ["d"] = Base64UrlEncoder.Encode(p.D),
            }));
        }

        var jwksPath = Path.Combine(folder, DemoJwksFile);
        if (!File.Exists(jwksPath))
        {
            var jwk = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(privatePath))!;
            jwk.Remove("d");
            PrivateFile.CreateOnce(jwksPath, JsonSerializer.SerializeToUtf8Bytes(new { keys = new[] { jwk } }));
        }
    }

    /// <summary>The keys of a JWKS file; <paramref name="setting"/> names the setting that points at it (none for the demo client).</summary>
    private static List<SecurityKey> ReadKeys(string path, string name, string? setting = null)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The JWKS file of CDS Hooks client {name} cannot be read: {path}", e);
        }

        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException e)
        {
            // QA114 F4: the library's own message (IDX10805, its content hidden) named neither the client nor the file.
            throw new InvalidOperationException(
                $"The JWKS file of CDS Hooks client {name}{(setting is null ? "" : $" ({setting})")} is not a JSON Web Key Set (a JSON object {{\"keys\": [...]}} holding the EHR's public keys): {path}", e);
        }

        var keys = set.Keys.Where(k => !string.IsNullOrEmpty(k.Kid)).Cast<SecurityKey>().ToList();
        if (keys.Count == 0 || set.Keys.Any(k => k.HasPrivateKey))
        {
            throw new InvalidOperationException($"The JWKS file of CDS Hooks client {name} must hold public keys with a kid, and no private key: {path}");
        }

        return keys;
    }
}
