using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Web.Tests.Startup;

/// <summary>
/// QA96 F5: what Kestrel throws when it cannot listen or cannot open its TLS certificate is said with the address or
/// the setting to fix. The in-use and certificate cases are Kestrel's real exceptions (a Kestrel started here); a
/// permission denied cannot be had as root, so those cases are built as Kestrel builds them (LocalhostListenOptions
/// wraps the two loopback failures; a host name or an IP address lets the socket's own exception through).
/// </summary>
public sealed class KestrelStartFailureTests : IDisposable
{
    private const string DotnetHost = "/usr/share/dotnet/dotnet";

    private readonly string _folder = Directory.CreateTempSubdirectory("kestrel-start-").FullName;

    [Fact]
    public async Task Describe_PortAlreadyInUse_NamesTheAddressItsSettingAndThatItIsInUse()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exception, configuration) = await StartKestrelAsync("--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(
            $"Could not listen on http://127.0.0.1:{port} (urls: ASPNETCORE_URLS or --urls): the address is already in use. Another process listens there "
            + "(another KetamineCds, or another web server): stop it, or set another port.",
            StartupFailure.Describe(exception, configuration, _folder));
    }

    [Fact]
    public async Task Describe_WrongCertificatePassword_NamesThePasswordSettingAndTheFile()
    {
        var pfx = WriteCertificate("right-password");

        var (exception, configuration) = await StartKestrelAsync(
            "--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path", pfx, "--Kestrel:Certificates:Default:Password", "wrong-password");

        var message = StartupFailure.Describe(exception, configuration, _folder);
        Assert.StartsWith(
            $"The TLS certificate '{pfx}' (Kestrel:Certificates:Default:Path) could not be opened: a wrong Kestrel:Certificates:Default:Password, or not a PKCS#12 (.pfx) or PEM file. ",
            message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_CertificateFileMissing_NamesThePathSettingAndThePath()
    {
        var missing = Path.Combine(_folder, "no-such.pfx");

        var (exception, configuration) = await StartKestrelAsync(
            "--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path", "no-such.pfx", "--Kestrel:Certificates:Default:Password", "x");

        Assert.Equal(
            $"Kestrel:Certificates:Default:Path is '{missing}', but there is no such file (the TLS certificate).",
            StartupFailure.Describe(exception, configuration, _folder));
    }

    [Fact]
    public async Task Describe_HttpsAddressWithoutCertificateInProduction_NamesTheCertificateSettings()
    {
        // Kestrel's own message speaks of the developer certificate and `dotnet dev-certs https`, no setting.
        var (exception, configuration) = await StartKestrelAsync("--urls", "https://127.0.0.1:0");

        Assert.Equal(
            "https://127.0.0.1:0 (urls: ASPNETCORE_URLS or --urls) is an HTTPS address, but no TLS certificate is set: set "
            + "Kestrel:Certificates:Default:Path to the certificate file, with Kestrel:Certificates:Default:Password for a .pfx, or "
            + "Kestrel:Certificates:Default:KeyPath to the key file of a PEM certificate (README, \"Production without Docker\", step 3); or let the TLS proxy "
            + "hold the certificate and listen on http://127.0.0.1:8080 (ForwardedHeaders:Enabled).",
            StartupFailure.Describe(exception, configuration, _folder));
    }

    [Fact]
    public async Task Describe_PemKeyFileMissing_NamesTheKeyPathSettingAndThePath()
    {
        var (certificate, _) = WritePemCertificate("tls");
        var missing = Path.Combine(_folder, "no-such.key");

        var (exception, configuration) = await StartKestrelAsync(
            "--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path", certificate, "--Kestrel:Certificates:Default:KeyPath", missing);

        Assert.Equal(
            $"Kestrel:Certificates:Default:KeyPath is '{missing}', but there is no such file (the TLS certificate).",
            StartupFailure.Describe(exception, configuration, _folder));
    }

    [Fact]
    public async Task Describe_PemKeyOfAnotherCertificate_NamesTheKeyPathAndPathSettings()
    {
        var (certificate, _) = WritePemCertificate("tls");
        var (_, otherKey) = WritePemCertificate("other");

        var (exception, configuration) = await StartKestrelAsync(
            "--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path", certificate, "--Kestrel:Certificates:Default:KeyPath", otherKey);

        Assert.StartsWith(
            $"The TLS certificate's key file '{otherKey}' (Kestrel:Certificates:Default:KeyPath) does not hold the private key of the certificate "
            + $"'{certificate}' (Kestrel:Certificates:Default:Path): set Kestrel:Certificates:Default:KeyPath to the key made with that certificate, "
            + "or Kestrel:Certificates:Default:Path to the certificate of that key.",
            StartupFailure.Describe(exception, configuration, _folder),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_PemKeyPathNamesTheCertificateItself_SaysTheFileHoldsNoPrivateKey()
    {
        var (certificate, _) = WritePemCertificate("tls");

        var (exception, configuration) = await StartKestrelAsync(
            "--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path", certificate, "--Kestrel:Certificates:Default:KeyPath", certificate);

        Assert.Equal(
            $"The TLS certificate's key file '{certificate}' (Kestrel:Certificates:Default:KeyPath) holds no private key in PEM form "
            + "(-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----): set Kestrel:Certificates:Default:KeyPath "
            + $"to the key file of the certificate '{certificate}' (Kestrel:Certificates:Default:Path).",
            StartupFailure.Describe(exception, configuration, _folder));
    }

    [Fact]
    public async Task Describe_EncryptedPemKeyWithoutPassword_NamesThePasswordSetting()
    {
        var (certificate, key) = WritePemCertificate("tls", keyPassword: "key-password");

        var (exception, configuration) = await StartKestrelAsync(
            "--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path", certificate, "--Kestrel:Certificates:Default:KeyPath", key);

        Assert.Equal(
            $"The TLS certificate's key file '{key}' (Kestrel:Certificates:Default:KeyPath) is encrypted and no password is set: set "
            + "Kestrel:Certificates:Default:Password to the key's password.",
            StartupFailure.Describe(exception, configuration, _folder));
    }

    [Fact]
    public async Task Describe_EncryptedPemKeyWithWrongPassword_NamesThePasswordSettingAndThatTheKeyDidNotDecrypt()
    {
        // It got the general "could not be opened" message, naming both files and a .pfx, for a PEM key file (QA96 F5).
        var (certificate, key) = WritePemCertificate("tls", keyPassword: "key-password");

        var (exception, configuration) = await StartKestrelAsync(
            "--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path", certificate, "--Kestrel:Certificates:Default:KeyPath", key,
            "--Kestrel:Certificates:Default:Password", "wrong-password");

        var message = StartupFailure.Describe(exception, configuration, _folder);
        Assert.Equal(
            $"The TLS certificate's key file '{key}' (Kestrel:Certificates:Default:KeyPath) did not decrypt with the password in "
            + "Kestrel:Certificates:Default:Password: set that setting to the key's own password (the one it was encrypted with).",
            message);
        Assert.DoesNotContain("wrong-password", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeListening_LocalhostPort443Denied_NamesTheAddressTheSettingAndTheRemedies()
    {
        // As LocalhostListenOptions.BindAsync throws when both loopback interfaces refuse.
        var exception = new IOException(
            "Failed to bind to address https://localhost:443.",
            new AggregateException(new SocketException((int)SocketError.AccessDenied), new SocketException((int)SocketError.AccessDenied)));

        var message = KestrelStartFailure.DescribeListening(exception, Addresses(("urls", "https://localhost:443")), DotnetHost);

        Assert.Equal(
            "Could not listen on https://localhost:443 (urls: ASPNETCORE_URLS or --urls): permission denied. A port below 1024 needs root or the "
            + "CAP_NET_BIND_SERVICE capability: give it to the program that runs the app (sudo setcap 'cap_net_bind_service=+ep' /usr/share/dotnet/dotnet), "
            + "or let a reverse proxy take port 443 and listen on a port above 1023 (README, Production; deploy/nginx/).",
            message);
    }

    [Fact]
    public void DescribeListening_HostNamePort443Denied_NamesTheConfiguredAddressBelow1024()
    {
        // For a host name (any address) or an IP address Kestrel lets the socket's exception through: it names no address.
        var exception = new SocketException((int)SocketError.AccessDenied);

        var message = KestrelStartFailure.DescribeListening(
            exception, Addresses(("urls", "http://clinic.example:8080"), ("urls", "https://clinic.example:443")), DotnetHost);

        Assert.StartsWith(
            "Could not listen on https://clinic.example:443 (urls: ASPNETCORE_URLS or --urls): permission denied. A port below 1024 needs root or the CAP_NET_BIND_SERVICE capability",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeListening_KestrelEndpointDenied_NamesTheEndpointsSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:5000",
            ["Kestrel:Endpoints:Https:Url"] = "https://0.0.0.0:443",
        }).Build();

        var message = KestrelStartFailure.DescribeListening(
            new SocketException((int)SocketError.AccessDenied), KestrelStartFailure.ConfiguredAddresses(configuration), DotnetHost);

        Assert.StartsWith("Could not listen on https://0.0.0.0:443 (Kestrel:Endpoints:Https:Url): permission denied.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeListening_NotAboutSockets_LeavesTheFailureToOthers()
    {
        Assert.Null(KestrelStartFailure.DescribeListening(new InvalidOperationException("x"), Addresses(("urls", "https://localhost:443")), DotnetHost));
    }

    [Fact]
    public void Describe_SameKindOfExceptionNotThrownByKestrel_IsLeftAsItIs()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Certificates:Default:Path"] = "tls.pfx",
        }).Build();
        var exception = Thrown(() => throw new CryptographicException("not Kestrel's"));

        Assert.Equal("not Kestrel's", StartupFailure.Describe(exception, configuration, _folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<KestrelStartFailure.ConfiguredAddress> Addresses(params (string Setting, string Url)[] addresses) =>
        addresses.Select(a => new KestrelStartFailure.ConfiguredAddress(a.Url, a.Setting == "urls" ? "urls: ASPNETCORE_URLS or --urls" : a.Setting)).ToList();

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("nothing was thrown");
    }

    /// <summary>Starts a bare Kestrel with these command-line settings and returns what its start threw.</summary>
    private async Task<(Exception Exception, IConfiguration Configuration)> StartKestrelAsync(params string[] args)
    {
        // Production, as a clinic runs it: outside Development nothing may stand in for a missing certificate.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = _folder, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var exception = await Record.ExceptionAsync(() => app.StartAsync());
        Assert.NotNull(exception);
        return (exception, builder.Configuration);
    }

    /// <summary>A self-signed certificate as PEM files, <c>NAME.crt</c> and its key <c>NAME.key</c> (encrypted when a password is given).</summary>
    private (string Certificate, string Key) WritePemCertificate(string name, string? keyPassword = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var (certificatePath, keyPath) = (Path.Combine(_folder, name + ".crt"), Path.Combine(_folder, name + ".key"));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, keyPassword is null
            ? rsa.ExportPkcs8PrivateKeyPem()
            : rsa.ExportEncryptedPkcs8PrivateKeyPem(keyPassword, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        return (certificatePath, keyPath);
    }

    private string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_folder, "tls.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
