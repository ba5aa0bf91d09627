using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace KetamineCds.Web.Startup;

/// <summary>
/// Kestrel's own start failures in the operator's words (QA96 F5): the address it could not listen on, the setting it
/// came from and why (permission denied for a port below 1024, an address already in use), the TLS certificate
/// setting (<c>Kestrel:Certificates:Default:Path</c>, <c>:Password</c>, <c>:KeyPath</c>) it could not open (a PEM key
/// file the password did not decrypt named as such), or, for an
/// https:// address, that no certificate is set at all. Kestrel throws these without naming a setting, and for an
/// address given by host name or IP not even the address.
/// </summary>
public static partial class KestrelStartFailure
{
    private const string UrlsSetting = "urls: ASPNETCORE_URLS or --urls";

    /// <summary>The sentence for a failure Kestrel threw while it started, or null when Kestrel did not throw it.</summary>
    public static string? Describe(Exception root, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!ThrownByKestrel(root))
        {
            return null;
        }

        var addresses = ConfiguredAddresses(configuration);
        return DescribeListening(root, addresses, Environment.ProcessPath)
            ?? DescribeCertificate(root, ConfiguredCertificates(configuration, contentRoot))
            ?? DescribeNoCertificate(root, addresses);
    }

    /// <summary>True when a frame of the exception's stack is Kestrel's (its core or its socket transport).</summary>
    internal static bool ThrownByKestrel(Exception exception) =>
        new StackTrace(exception, fNeedFileInfo: false).GetFrames().Any(frame =>
            frame.GetMethod()?.DeclaringType?.Assembly.GetName().Name?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true);

    /// <summary>An address Kestrel is told to listen on, and the setting that says so.</summary>
    internal sealed record ConfiguredAddress(string Url, string Setting)
    {
        public int? Port => TryParse(Url)?.Port;
    }

    /// <summary>A TLS certificate file Kestrel is told to load: the setting's prefix, the file and its key file.</summary>
    internal sealed record ConfiguredCertificate(string Section, string Path, string? KeyPath, bool HasPassword = false);

    /// <summary>
    /// The addresses as Kestrel chooses them: its own endpoints (<c>Kestrel:Endpoints:*:Url</c>) win over <c>urls</c>,
    /// which wins over <c>http_ports</c>/<c>https_ports</c>; with none of them, http://localhost:5000.
    /// </summary>
    internal static IReadOnlyList<ConfiguredAddress> ConfiguredAddresses(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Where(endpoint => !string.IsNullOrWhiteSpace(endpoint["Url"]))
            .Select(endpoint => new ConfiguredAddress(endpoint["Url"]!.Trim(), $"Kestrel:Endpoints:{endpoint.Key}:Url"))
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        var urls = Split(configuration["urls"]).Select(url => new ConfiguredAddress(url, UrlsSetting)).ToList();
        if (urls.Count > 0)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]).Select(port => new ConfiguredAddress($"http://*:{port}", "http_ports: ASPNETCORE_HTTP_PORTS"))
            .Concat(Split(configuration["https_ports"]).Select(port => new ConfiguredAddress($"https://*:{port}", "https_ports: ASPNETCORE_HTTPS_PORTS")))
            .ToList();
        return ports.Count > 0 ? ports : [new ConfiguredAddress("http://localhost:5000", "Kestrel's default: no urls set")];

        static IEnumerable<string> Split(string? value) =>
            (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// A failure to listen: the address (Kestrel's when it names one, else the configured ones it could be), its
    /// setting and the reason; null when the failure is not about listening.
    /// </summary>
    internal static string? DescribeListening(Exception root, IReadOnlyList<ConfiguredAddress> configured, string? dotnetHost)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(configured);
        var socket = Causes(root).OfType<SocketException>().FirstOrDefault();
        var inUse = Causes(root).Any(cause => cause is AddressInUseException)
            || socket?.SocketErrorCode == SocketError.AddressAlreadyInUse;
        if (socket is null && !inUse)
        {
            return null;
        }

        var denied = !inUse && socket?.SocketErrorCode == SocketError.AccessDenied;
        var named = NamedAddress(root);
        IReadOnlyList<ConfiguredAddress> addresses = named is not null
            ? [configured.FirstOrDefault(address => SameEndpoint(address.Url, named)) ?? new ConfiguredAddress(named, string.Empty)]
            : denied && configured.Any(address => address.Port is > 0 and < 1024)
                ? configured.Where(address => address.Port is > 0 and < 1024).ToList()
                : configured;

        var where = string.Join(", ", addresses.Select(address => address.Setting.Length == 0 ? address.Url : $"{address.Url} ({address.Setting})"));
        var lead = addresses.Count == 1 ? $"Could not listen on {where}" : $"Could not listen on one of {where}";
        if (inUse)
        {
            return $"{lead}: the address is already in use. Another process listens there (another KetamineCds, or another web server): stop it, or set another port.";
        }

        if (denied)
        {
            var below1024 = addresses.Any(address => address.Port is > 0 and < 1024);
            return below1024
                ? $"{lead}: permission denied. A port below 1024 needs root or the CAP_NET_BIND_SERVICE capability: give it to the program that runs the app "
                    + $"(sudo setcap 'cap_net_bind_service=+ep' {dotnetHost ?? "/usr/share/dotnet/dotnet"}), or let a reverse proxy take port 443 and listen "
                    + "on a port above 1023 (README, Production; deploy/nginx/)."
                : $"{lead}: permission denied.";
        }

        return $"{lead}: {socket!.Message}.";
    }

    /// <summary>A TLS certificate Kestrel could not open, with its setting; null when it is not about a certificate file.</summary>
    internal static string? DescribeCertificate(Exception root, IReadOnlyList<ConfiguredCertificate> configured)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(configured);
        if (configured.Count == 0)
        {
            return null;
        }

        if (DescribeKey(root, configured) is { } key)
        {
            return key;
        }

        if (root is not (CryptographicException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            return null;
        }

        // The file the exception names, when it names one; otherwise the first configured certificate (Default first).
        var certificate = configured.FirstOrDefault(c => root.Message.Contains(c.Path, StringComparison.Ordinal)
                || (c.KeyPath is not null && root.Message.Contains(c.KeyPath, StringComparison.Ordinal)))
            ?? configured[0];
        var denied = Causes(root).OfType<UnauthorizedAccessException>().FirstOrDefault();
        foreach (var (file, setting) in Files(certificate))
        {
            // Checked first: a folder the account cannot enter also hides the file from File.Exists.
            if (denied is not null && denied.Message.Contains(file, StringComparison.Ordinal))
            {
                return $"The TLS certificate file '{file}' ({setting}) cannot be read by the app's account (permission denied): make it, and its "
                    + "folder, readable by that account (for example chown ketaminecds and chmod 600 on the file).";
            }

            if (denied is null && !File.Exists(file))
            {
                return $"{setting} is '{file}', but there is no such file (the TLS certificate).";
            }
        }

        if (denied is not null)
        {
            return $"The TLS certificate '{certificate.Path}' ({certificate.Section}:Path) cannot be read by the app's account: {denied.Message}";
        }

        var files = certificate.KeyPath is null
            ? $"'{certificate.Path}' ({certificate.Section}:Path)"
            : $"'{certificate.Path}' with its key '{certificate.KeyPath}' ({certificate.Section}:Path, {certificate.Section}:KeyPath)";
        return $"The TLS certificate {files} could not be opened: a wrong {certificate.Section}:Password, or not a PKCS#12 (.pfx) or PEM file. {root.Message}";

        static IEnumerable<(string File, string Setting)> Files(ConfiguredCertificate certificate)
        {
            yield return (certificate.Path, certificate.Section + ":Path");
            if (certificate.KeyPath is not null)
            {
                yield return (certificate.KeyPath, certificate.Section + ":KeyPath");
            }
        }
    }

    /// <summary>
    /// A PEM certificate's key file (<c>KeyPath</c>) that Kestrel read but could not use: the key of another certificate
    /// (Kestrel's "Error getting private key from '...'"), a file that holds no private key it can read (the runtime's
    /// ArgumentException from the PEM import, an encrypted key without a password among them), or an encrypted key
    /// (<c>-----BEGIN ENCRYPTED PRIVATE KEY-----</c>) that the password set did not decrypt (the runtime's
    /// CryptographicException, which names no file and no setting: the file is read to tell this case from the others).
    /// A key file missing or unreadable is named by <see cref="DescribeCertificate"/> with the other files.
    /// </summary>
    private static string? DescribeKey(Exception root, IReadOnlyList<ConfiguredCertificate> configured)
    {
        var withKey = configured.Where(c => c.KeyPath is not null).ToList();
        if (withKey.Count == 0)
        {
            return null;
        }

        if (root is InvalidOperationException && withKey.FirstOrDefault(c => root.Message.Contains(c.KeyPath!, StringComparison.Ordinal)) is { } mismatched)
        {
            return $"The TLS certificate's key file '{mismatched.KeyPath}' ({mismatched.Section}:KeyPath) does not hold the private key of the certificate "
                + $"'{mismatched.Path}' ({mismatched.Section}:Path): set {mismatched.Section}:KeyPath to the key made with that certificate, "
                + $"or {mismatched.Section}:Path to the certificate of that key. {root.InnerException?.Message ?? root.Message}";
        }

        if (root is CryptographicException && withKey.FirstOrDefault(c => c.HasPassword && IsEncryptedKey(c.KeyPath!)) is { } encryptedKey)
        {
            return $"The TLS certificate's key file '{encryptedKey.KeyPath}' ({encryptedKey.Section}:KeyPath) did not decrypt with the password in "
                + $"{encryptedKey.Section}:Password: set that setting to the key's own password (the one it was encrypted with).";
        }

        if (root is ArgumentException)
        {
            // The runtime's PEM import names no file; the key file is the first configured one (Default first).
            var certificate = withKey[0];
            var encrypted = root.Message.Contains("encrypted", StringComparison.OrdinalIgnoreCase);
            return encrypted
                ? $"The TLS certificate's key file '{certificate.KeyPath}' ({certificate.Section}:KeyPath) is encrypted and no password is set: set "
                    + $"{certificate.Section}:Password to the key's password."
                : $"The TLS certificate's key file '{certificate.KeyPath}' ({certificate.Section}:KeyPath) holds no private key in PEM form "
                    + $"(-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----): set {certificate.Section}:KeyPath "
                    + $"to the key file of the certificate '{certificate.Path}' ({certificate.Section}:Path).";
        }

        return null;
    }

    /// <summary>True when the file is a PKCS#8 encrypted PEM key; false when it is not, or cannot be read.</summary>
    private static bool IsEncryptedKey(string keyPath)
    {
        try
        {
            return File.ReadAllText(keyPath).Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// An https:// address with no TLS certificate set: Kestrel then looks for the .NET developer certificate, which a
    /// clinic's server does not have, and says so in a developer's words (<c>dotnet dev-certs https</c>; its message is
    /// matched, Kestrel's strings are not translated). Null when the failure is not that one.
    /// </summary>
    internal static string? DescribeNoCertificate(Exception root, IReadOnlyList<ConfiguredAddress> configured)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(configured);
        var https = configured.Where(address => string.Equals(TryParse(address.Url)?.Scheme, "https", StringComparison.OrdinalIgnoreCase)).ToList();
        if (root is not InvalidOperationException || !root.Message.Contains("No server certificate was specified", StringComparison.Ordinal) || https.Count == 0)
        {
            return null;
        }

        var where = string.Join(", ", https.Select(address => $"{address.Url} ({address.Setting})"));
        return $"{where} {(https.Count == 1 ? "is an HTTPS address" : "are HTTPS addresses")}, but no TLS certificate is set: set "
            + "Kestrel:Certificates:Default:Path to the certificate file, with Kestrel:Certificates:Default:Password for a .pfx, or "
            + "Kestrel:Certificates:Default:KeyPath to the key file of a PEM certificate (README, \"Production without Docker\", step 3); or let the TLS proxy "
            + "hold the certificate and listen on http://127.0.0.1:8080 (ForwardedHeaders:Enabled).";
    }

    /// <summary>The certificate files Kestrel loads (relative paths are from the content root, as Kestrel reads them).</summary>
    internal static IReadOnlyList<ConfiguredCertificate> ConfiguredCertificates(IConfiguration configuration, string contentRoot)
    {
        var sections = new[] { configuration.GetSection("Kestrel:Certificates:Default") }
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint.GetSection("Certificate")));
        return sections
            .Where(section => !string.IsNullOrWhiteSpace(section["Path"]))
            .Select(section => new ConfiguredCertificate(
                section.Path,
                Path.GetFullPath(Path.Combine(contentRoot, section["Path"]!.Trim())),
                string.IsNullOrWhiteSpace(section["KeyPath"]) ? null : Path.GetFullPath(Path.Combine(contentRoot, section["KeyPath"]!.Trim())),
                !string.IsNullOrEmpty(section["Password"])))
            .ToList();
    }

    private static IEnumerable<Exception> Causes(Exception root)
    {
        var pending = new Stack<Exception>([root]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    /// <summary>The address in Kestrel's "Failed to bind to address X." or "... X: address already in use."</summary>
    private static string? NamedAddress(Exception root) =>
        Causes(root).OfType<IOException>().Select(io => BoundAddress().Match(io.Message)).FirstOrDefault(match => match.Success)?.Groups["address"].Value;

    private static bool SameEndpoint(string configured, string named)
    {
        var a = TryParse(configured);
        var b = TryParse(named);
        return a is not null && b is not null && a.Port == b.Port && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase);
    }

    private static BindingAddress? TryParse(string url)
    {
        try
        {
            return BindingAddress.Parse(url);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"address (?<address>[a-z]+://\S+?)[:.]?(\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundAddress();
}
