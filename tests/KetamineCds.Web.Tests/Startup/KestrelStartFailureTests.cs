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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = _folder });
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var exception = await Record.ExceptionAsync(() => app.StartAsync());
        Assert.NotNull(exception);
        return (exception, builder.Configuration);
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
