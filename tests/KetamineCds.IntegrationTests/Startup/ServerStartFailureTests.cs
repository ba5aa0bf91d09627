using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace KetamineCds.IntegrationTests.Startup;

/// <summary>
/// QA96 F5: a start refused by a Clinic setting, a port or the TLS certificate (missing, unreadable, its key not its own) ends, like every other start failure,
/// with one Critical record of KetamineCds.Startup naming what to fix, and exit code 1 (docs/operations.md). Before,
/// these were a bare console line (the host had disposed the app's loggers), and named neither the address's reason
/// nor the certificate's setting.
/// </summary>
public sealed partial class ServerStartFailureTests : IDisposable
{
    private const string TlsPassword = "Right-Tls-Password-3";
    private const string WrongTlsPassword = "Wrong-Tls-Password-4";
    private const string DataProtectionPassword = "Data-Protection-Password-5";

    private readonly string _folder = Directory.CreateTempSubdirectory("server-start-").FullName;

    [Fact]
    public async Task Start_UnknownClinicTimeZone_IsOneCriticalRecordNamingTheSetting()
    {
        using var app = Start(new Dictionary<string, string> { ["Clinic__TimeZone"] = "Mars/Olympus_Mons" });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(app.Output, "Clinic:TimeZone must name a time zone this machine knows");
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("-01:00:00")]
    [InlineData("00:00:00")]
    public async Task Start_SessionAbsoluteLifetimeNotAPositiveTimeSpan_IsOneCriticalRecordNamingTheSetting(string lifetime)
    {
        // QA114 F3: before, the app started, /health/ready said Healthy and every sign-in was a 500.
        using var app = Start(new Dictionary<string, string> { ["Sessions__AbsoluteLifetime"] = lifetime });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(app.Output, $"Sessions:AbsoluteLifetime '{lifetime}' is not a positive time span (for example 12:00:00");
    }

    [Theory]
    [InlineData("Sessions__AbsoluteLifetime", "banana", "Sessions:AbsoluteLifetime 'banana' is not a positive time span")]
    [InlineData("Clinic__TimeZone", "Mars/Olympus_Mons", "Clinic:TimeZone must name a time zone this machine knows")]
    [InlineData("Clinic__Jurisdiction", "EU", "Clinic:Jurisdiction must be us or eu")]
    public async Task Start_ASettingCheckedAtStartIsRefused_StopsBeforeAnyMigrationIsApplied(string setting, string value, string message)
    {
        // These settings were checked when the host started, after the migrations: a typo during an upgrade left the
        // database migrated (the previous version no longer fit it) and the app stopped.
        using (var empty = new SqliteConnection($"Data Source={Path.Combine(_folder, "app.db")};Pooling=False"))
        {
            empty.Open();
        }

        using var app = Start(new Dictionary<string, string> { [setting] = value });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(app.Output, message);
        Assert.Empty(Tables());
        Assert.DoesNotContain("Database migrations applied at start", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithoutDataProtectionCertificateOnEncryptedKeyRing_IsOneCriticalRecordAndWritesNoClearKey()
    {
        // QA114 F1: before, this start added an unencrypted key to the shared key ring (the newest, so every instance
        // then signed cookies with it) and logged about 160 lines of stack frames.
        var production = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "clinic.example",
        };
        var pfx = WriteCertificate(DataProtectionPassword);
        using (var first = Start(new Dictionary<string, string>(production)
        {
            ["DataProtection__CertificatePath"] = pfx,
            ["DataProtection__CertificatePassword"] = DataProtectionPassword,
        }))
        {
            Assert.True(await first.WaitForOutputAsync("Application started"), first.Output);
            Assert.True(await WaitForAsync(() => KeyRing().Count > 0), "the first start wrote no key: " + first.Output);
            first.Stop();
        }

        var before = KeyRing();
        Assert.All(before, key => Assert.True(key.Encrypted, key.Name));

        using var app = Start(production);
        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(app.Output, "DataProtection:CertificatePath is not set, but the data-protection keys in the database are encrypted with a certificate");
        Assert.DoesNotContain("No XML encryptor configured", app.Output, StringComparison.Ordinal);
        Assert.Equal(before, KeyRing());
    }

    [Fact]
    public async Task Start_ProductionWithoutDataProtectionCertificateOnNewDatabase_StartsWithTheWarning()
    {
        // A new database (no keys yet) keeps starting without a certificate, with the documented warning.
        using var app = Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "clinic.example",
        });

        Assert.True(await app.WaitForOutputAsync("Application started"), app.Output);
        app.Stop();

        Assert.Contains("DataProtection:CertificatePath is not set: the data-protection keys", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("did not start", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CdsHooksClientJwksFileNotJson_IsOneCriticalRecordNamingTheClientTheSettingAndTheFile()
    {
        // QA114 F4: before, the library's "IDX10805: Error deserializing json" named neither the client nor the file.
        var jwks = Path.Combine(_folder, "bad.jwks.json");
        File.WriteAllText(jwks, "not json");
        using var app = Start(new Dictionary<string, string>
        {
            ["CdsHooks__Clients__0__Issuer"] = "https://ehr.example.org",
            ["CdsHooks__Clients__0__JwksPath"] = jwks,
        });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(
            app.Output,
            $"The JWKS file of CDS Hooks client 0 (CdsHooks:Clients:0:JwksPath) is not a JSON Web Key Set (a JSON object {{\"keys\": [...]}} holding the EHR's public keys): {jwks}");
        Assert.DoesNotContain("IDX10805", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortAlreadyInUse_IsOneCriticalRecordNamingTheAddressAndThatItIsInUse()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var app = Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(
            app.Output,
            $"Could not listen on http://127.0.0.1:{port} (urls: ASPNETCORE_URLS or --urls): the address is already in use.");
    }

    [Fact]
    public async Task Start_WrongTlsCertificatePassword_IsOneCriticalRecordNamingThePasswordSetting()
    {
        var pfx = WriteCertificate();
        using var app = Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "https://127.0.0.1:0",
            ["Kestrel__Certificates__Default__Path"] = pfx,
            ["Kestrel__Certificates__Default__Password"] = WrongTlsPassword,
        });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(
            app.Output,
            $"The TLS certificate '{pfx}' (Kestrel:Certificates:Default:Path) could not be opened: a wrong Kestrel:Certificates:Default:Password");
        Assert.DoesNotContain(WrongTlsPassword, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TlsCertificateMissing_IsOneCriticalRecordNamingThePathSetting()
    {
        var missing = Path.Combine(_folder, "no-such-tls.pfx");
        using var app = Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "https://127.0.0.1:0",
            ["Kestrel__Certificates__Default__Path"] = missing,
            ["Kestrel__Certificates__Default__Password"] = TlsPassword,
        });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(app.Output, $"Kestrel:Certificates:Default:Path is '{missing}', but there is no such file (the TLS certificate).");
    }

    [Fact]
    public async Task Start_ProductionHttpsAddressWithoutCertificate_IsOneCriticalRecordNamingTheCertificateSettings()
    {
        // Kestrel's own message spoke of the developer certificate (`dotnet dev-certs https`) and named no setting.
        using var app = Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "clinic.example",
            ["ASPNETCORE_URLS"] = "https://127.0.0.1:0",
        });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(
            app.Output,
            "https://127.0.0.1:0 (urls: ASPNETCORE_URLS or --urls) is an HTTPS address, but no TLS certificate is set: set "
            + "Kestrel:Certificates:Default:Path to the certificate file, with Kestrel:Certificates:Default:Password for a .pfx, or "
            + "Kestrel:Certificates:Default:KeyPath to the key file of a PEM certificate");
        Assert.DoesNotContain("dev-certs", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PemKeyOfAnotherCertificate_IsOneCriticalRecordNamingTheKeyPathSetting()
    {
        var (certificate, _) = WritePemCertificate("tls");
        var (_, otherKey) = WritePemCertificate("other");
        using var app = Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "https://127.0.0.1:0",
            ["Kestrel__Certificates__Default__Path"] = certificate,
            ["Kestrel__Certificates__Default__KeyPath"] = otherKey,
        });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(
            app.Output,
            $"The TLS certificate's key file '{otherKey}' (Kestrel:Certificates:Default:KeyPath) does not hold the private key of the certificate "
            + $"'{certificate}' (Kestrel:Certificates:Default:Path)");
    }

    [Fact]
    public async Task Start_EncryptedPemKeyWithWrongPassword_IsOneCriticalRecordNamingThePasswordSetting()
    {
        var (certificate, key) = WritePemCertificate("tls", keyPassword: "key-password");
        using var app = Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "https://127.0.0.1:0",
            ["Kestrel__Certificates__Default__Path"] = certificate,
            ["Kestrel__Certificates__Default__KeyPath"] = key,
            ["Kestrel__Certificates__Default__Password"] = "wrong-password",
        });

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        AssertOneCriticalRecord(
            app.Output,
            $"The TLS certificate's key file '{key}' (Kestrel:Certificates:Default:KeyPath) did not decrypt with the password in "
            + "Kestrel:Certificates:Default:Password");
        Assert.DoesNotContain("wrong-password", app.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The app on its own SQLite file, so that these starts share nothing with other tests.</summary>
    private AppProcess Start(Dictionary<string, string> settings)
    {
        settings["ConnectionStrings__KetamineCds"] = $"Data Source={Path.Combine(_folder, "app.db")}";
        return AppProcess.Start(settings);
    }

    private static void AssertOneCriticalRecord(string output, string message)
    {
        Assert.Matches(new Regex(@"^crit: KetamineCds\.Startup\[1\]\r?\n\s+KetamineCds did not start: " + Regex.Escape(message), RegexOptions.Multiline), output);
        Assert.Single(Regex.Matches(output, "KetamineCds did not start"));
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), output);
    }

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>A self-signed certificate as PEM files: NAME.crt and its key NAME.key (encrypted when a password is given).</summary>
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

    /// <summary>The tables of the app's SQLite file (none in an empty database; a migration adds __EFMigrationsHistory first).</summary>
    private List<string> Tables()
    {
        var tables = new List<string>();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "app.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>The data-protection keys in the app's SQLite file: each key's name and whether it is stored encrypted.</summary>
    private List<(string Name, bool Encrypted)> KeyRing()
    {
        var keys = new List<(string, bool)>();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "app.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'DataProtectionKeys'";
        if (command.ExecuteScalar() is null)
        {
            return keys;
        }

        command.CommandText = "SELECT \"FriendlyName\", \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add((reader.GetString(0), reader.GetString(1).Contains("<encryptedSecret", StringComparison.Ordinal)));
        }

        return keys;
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition();
    }

    private string WriteCertificate(string password = TlsPassword)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_folder, password == TlsPassword ? "tls.pfx" : "dataprotection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
