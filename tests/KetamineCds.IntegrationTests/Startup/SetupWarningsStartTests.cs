using System.Security.Cryptography;

namespace KetamineCds.IntegrationTests.Startup;

/// <summary>
/// QA302 F6 and F10, through the real entry point (<c>dotnet KetamineCds.Web.dll</c>) in Production: a start on plain
/// HTTP with no TLS proxy's headers believed used to start silently, and then refuse every request "HTTPS only"; a key
/// others may read, silently too. Each is now one warning at start, and the app still starts. The embedded database the
/// app makes is its account's only.
/// </summary>
public sealed class SetupWarningsStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("setup-warnings-start-").FullName;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // it reads Unix file modes
    public async Task Start_ProductionOnPlainHttpWithAKeyOthersMayRead_WarnsOfBothAndMakesTheDatabasePrivate()
    {
        var key = Path.Combine(_folder, "checkpoint-key.pem");
        using (var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(key, ecdsa.ExportPkcs8PrivateKeyPem());
        }

        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var data = Path.Combine(_folder, "data");
        var database = Path.Combine(data, "ketaminecds.db");
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "clinic.example",
            ["ConnectionStrings__KetamineCds"] = $"Data Source={database}",
            ["Audit__CheckpointKeyPath"] = key,
            ["Audit__CheckpointDirectory"] = Path.Combine(_folder, "checkpoints"),
        });

        Assert.True(await app.WaitForOutputAsync("KetamineCds listens on plain HTTP only (http://127.0.0.1:"), app.Output);
        Assert.True(await app.WaitForOutputAsync("Application started"), app.Output);
        app.Stop();

        var output = app.Output;
        Assert.Contains("and ForwardedHeaders:Enabled is not set", output, StringComparison.Ordinal);
        Assert.Contains($"The checkpoint signing key {key} (Audit:CheckpointKeyPath) can be read by every account on this machine (mode 644)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("The SQLite database", output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(database));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
    }

    [Fact]
    public async Task Start_ProductionBehindTheTlsProxy_DoesNotWarnOfPlainHttp()
    {
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "clinic.example",
            ["ConnectionStrings__KetamineCds"] = $"Data Source={Path.Combine(_folder, "app.db")}",
            ["ForwardedHeaders__Enabled"] = "true",
            ["ForwardedHeaders__KnownProxies"] = "127.0.0.1",
        });

        Assert.True(await app.WaitForOutputAsync("Application started"), app.Output);
        await Task.Delay(500);
        app.Stop();

        Assert.DoesNotContain("listens on plain HTTP only", app.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
