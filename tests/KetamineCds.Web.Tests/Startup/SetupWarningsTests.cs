using KetamineCds.Infrastructure;
using KetamineCds.Web.Startup;

namespace KetamineCds.Web.Tests.Startup;

/// <summary>
/// QA302 F6 and F10: the start's warnings about a setup that runs but is not what the operator meant. The real process
/// is started with them in the integration tests (SetupWarningsStartTests); here, which setups are warned about.
/// </summary>
public sealed class SetupWarningsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("setup-warnings-").FullName;

    [Theory]
    [InlineData("http://127.0.0.1:5500", false, false, true)]
    [InlineData("http://127.0.0.1:5500;http://[::1]:5500", false, false, true)]
    [InlineData("http://127.0.0.1:5500", true, false, false)]
    [InlineData("http://127.0.0.1:5500", false, true, false)]
    [InlineData("https://clinic.example:443", false, false, false)]
    [InlineData("http://127.0.0.1:8080;HTTPS://clinic.example:443", false, false, false)]
    [InlineData("", false, false, false)]
    public void PlainHttpOnly_OutsideDevelopmentWithoutTheProxysHeaders_IsWarnedAbout(string addresses, bool forwardedHeaders, bool development, bool warned)
    {
        var warning = SetupWarnings.PlainHttpOnly(addresses.Split(';', StringSplitOptions.RemoveEmptyEntries), forwardedHeaders, development);

        Assert.Equal(warned, warning is not null);
        if (warning is not null)
        {
            Assert.StartsWith("KetamineCds listens on plain HTTP only (http://127.0.0.1:5500", warning, StringComparison.Ordinal);
            Assert.Contains("400 \"HTTPS only\"", warning, StringComparison.Ordinal);
            Assert.Contains("ForwardedHeaders:Enabled=true with ForwardedHeaders:KnownProxies", warning, StringComparison.Ordinal);
            Assert.Contains("Kestrel:Certificates:Default:Path", warning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OpenFiles_AKeyOrDatabaseOthersMayRead_IsNamedWithItsSettingModeAndFix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var key = Write("checkpoint-key.pem", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var certificate = Write("dataprotection.pfx", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var database = Write("ketaminecds.db", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var warnings = SetupWarnings.OpenFiles(
        [
            ("The checkpoint signing key", "Audit:CheckpointKeyPath", key),
            ("The data-protection certificate", "DataProtection:CertificatePath", certificate),
            ("The SQLite database", "ConnectionStrings:KetamineCds", database),
            ("The SQLite database", "ConnectionStrings:KetamineCds", Path.Combine(_folder, "missing.db")),
        ]);

        Assert.Equal(
            [
                $"The checkpoint signing key {key} (Audit:CheckpointKeyPath) can be read by every account on this machine (mode 644); it should be readable by the app's account only, as docs/security.md asks: chmod 600 {key}.",
                $"The data-protection certificate {certificate} (DataProtection:CertificatePath) can be read by the accounts of its group (mode 640); it should be readable by the app's account only, as docs/security.md asks: chmod 600 {certificate}.",
            ],
            warnings);
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.EndsWith("chmod 600 " + database + " (and its -wal and -shm files beside it).", Assert.Single(SetupWarnings.OpenFiles([("The SQLite database", "ConnectionStrings:KetamineCds", database)])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite, (UnixFileMode)0)]
    [InlineData(PrivateFile.OwnerOnlyFolder, (UnixFileMode)0)]
    [InlineData(PrivateFile.OwnerOnly | UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit, (UnixFileMode)0)]
    [InlineData(PrivateFile.OwnerOnly | UnixFileMode.GroupRead, UnixFileMode.GroupRead)]
    [InlineData(PrivateFile.OwnerOnly | UnixFileMode.GroupWrite | UnixFileMode.SetGroup, UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.OtherExecute, UnixFileMode.OtherExecute)]
    [InlineData(PrivateFile.OwnerOnlyFolder | UnixFileMode.GroupExecute | UnixFileMode.OtherRead, UnixFileMode.GroupExecute | UnixFileMode.OtherRead)]
    public void OpenToOthers_IsEveryPermissionBeyondTheOwnersOwn(UnixFileMode mode, UnixFileMode open)
    {
        // Helper 305: the start's check reads the owner-only mode from PrivateFile, which makes the keys and the database,
        // rather than a group-and-other mask of its own; the set-id and sticky bits open nothing to anybody.
        Assert.Equal(open, PrivateFile.OpenToOthers(mode));
    }

    [Fact]
    public void OpenFiles_OwnersOnlyWithASetIdBit_IsNotWarnedAbout()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // 4700: nobody but the owner may read it (a check reading "anything but 600 or 700" would call it open to its group).
        var key = Write("checkpoint-key.pem", PrivateFile.OwnerOnlyFolder | UnixFileMode.SetUser);
        Assert.Equal(PrivateFile.OwnerOnlyFolder | UnixFileMode.SetUser, File.GetUnixFileMode(key));

        Assert.Empty(SetupWarnings.OpenFiles([("The checkpoint signing key", "Audit:CheckpointKeyPath", key)]));
    }

    [Fact]
    public void PrivateFile_MadeByTheApp_IsItsAccountsOnlyAndAnExistingOneIsLeftAlone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(_folder, "App_Data", "nested");
        var database = Path.Combine(folder, "ketaminecds.db");
        PrivateFile.CreateEmptyOnce(database);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(database));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(0, new FileInfo(database).Length);

        File.WriteAllText(database, "kept");
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        PrivateFile.CreateEmptyOnce(database);
        Assert.Equal("kept", File.ReadAllText(database));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(database));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string Write(string name, UnixFileMode mode)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "x");
        File.SetUnixFileMode(path, mode);
        return path;
    }
}
