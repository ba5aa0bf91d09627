using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// Where checkpoints go by default: each database its own folder, so that a new database is never checked against
/// another's checkpoints (and reported as tampered with); an explicit Audit:CheckpointDirectory as given.
/// </summary>
public sealed class CheckpointFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ketaminecds-folders-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Load_KeyTheAppsAccountMayNotRead_SaysToGiveItThatAccountAndNamesTheSetting()
    {
        // Tests run as root, who reads every file: the refusal the app's account meets is made here as .NET reports it.
        var path = Path.Combine(_root, "checkpoint-key.pem");
        var message = CheckpointSigningKey.Unreadable(path, new UnauthorizedAccessException($"Access to the path '{path}' is denied."));

        Assert.Equal(
            $"The checkpoint signing key '{path}' (Audit:CheckpointKeyPath) cannot be read by the app's account (permission denied): make it, "
                + "and its folder, readable by that account only (for example chown ketaminecds and chmod 600 on the file; docs/security.md).",
            message);
    }

    [Fact]
    public void Load_NoSuchKeyFile_SaysSoWithoutTheOwnerAdvice()
    {
        var path = Path.Combine(_root, "no-such-key.pem");

        var error = Assert.Throws<InvalidOperationException>(() => CheckpointSigningKey.Load(path));

        Assert.StartsWith($"The checkpoint signing key '{path}' (Audit:CheckpointKeyPath) cannot be read: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-key.pem", error.Message[error.Message.IndexOf(": ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("chown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_TwoSqliteDatabasesWithoutAFolderSet_EachGetsItsOwnFolderNextToItsFile()
    {
        var first = Settings(Sqlite(Path.Combine(_root, "a", "clinic.db")));
        var second = Settings(Sqlite(Path.Combine(_root, "b", "clinic.db")));
        var builtIn = Settings(KetamineCdsDatabaseSettings.FromConfiguration(new ConfigurationBuilder().Build(), new Environment(_root)));

        Assert.Equal(Path.Combine(_root, "a", "clinic.db-checkpoints"), first.Directory);
        Assert.Equal(Path.Combine(_root, "b", "clinic.db-checkpoints"), second.Directory);
        Assert.Equal(Path.Combine(_root, "App_Data", "ketaminecds.db-checkpoints"), builtIn.Directory);
        Assert.True(first.DirectoryDerived);
        Assert.Equal(Path.Combine(_root, "App_Data", "checkpoints"), first.FormerSharedDirectory);
    }

    [Fact]
    public void FromConfiguration_TwoPostgresDatabasesWithoutAFolderSet_EachGetsItsOwnFolder()
    {
        var first = Settings(Postgres("Host=db;Port=5432;Database=clinic;Username=app"));
        var second = Settings(Postgres("Host=db;Port=5432;Database=clinic_test;Username=app"));

        Assert.Equal(Path.Combine(_root, "App_Data", "checkpoints-postgres-db-5432-clinic"), first.Directory);
        Assert.Equal(Path.Combine(_root, "App_Data", "checkpoints-postgres-db-5432-clinic_test"), second.Directory);
    }

    [Fact]
    public void FromConfiguration_FolderSet_IsUsedAsGivenForEveryDatabase()
    {
        var configured = Path.Combine(_root, "elsewhere");

        var settings = Settings(Sqlite(Path.Combine(_root, "a", "clinic.db")), configured);

        Assert.Equal(configured, settings.Directory);
        Assert.False(settings.DirectoryDerived);
        Assert.Null(settings.FormerSharedDirectory);
    }

    [Fact]
    public void FromConfiguration_FolderSetAndNoKeyOutsideDevelopment_CreatesNoAppDataFolder()
    {
        // The Docker image's content root belongs to root and the app runs as another user: nothing may be created there
        // when nothing is written there (PostgreSQL, the checkpoint folder configured, or checkpoints off).
        Settings(Postgres("Host=db;Port=5432;Database=clinic;Username=app"), Path.Combine(_root, "elsewhere"));
        Settings(Postgres("Host=db;Port=5432;Database=clinic;Username=app"));

        Assert.False(Directory.Exists(Path.Combine(_root, "App_Data")));
        Assert.False(Directory.Exists(Path.Combine(_root, "elsewhere")));
    }

    [Fact]
    public void Write_DefaultFolderInAnAppDataFolderNotYetThere_CreatesItWithTheFirstCheckpoint()
    {
        var settings = Settings(Postgres("Host=db;Port=5432;Database=clinic;Username=app"));
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var keyPath = Path.Combine(_root, "key.pem");
        Directory.CreateDirectory(_root);
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        var checkpoint = CheckpointSigningKey.Load(keyPath).Sign("decisions", 1, new string('a', 64), Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        var path = new CheckpointFiles(settings).Write(checkpoint);

        Assert.True(File.Exists(path));
        Assert.StartsWith(Path.Combine(_root, "App_Data"), path, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_CheckpointsLeftInTheFolderEveryDatabaseOnceShared_SaysTheyAreNotRead()
    {
        var settings = Settings(Sqlite(Path.Combine(_root, "a", "clinic.db")));
        Directory.CreateDirectory(settings.FormerSharedDirectory!);
        File.WriteAllText(Path.Combine(settings.FormerSharedDirectory!, "checkpoint-decisions-000000000003-20261201T000000000000Z.json"), "{}");

        var (files, problems) = new CheckpointFiles(settings).ReadAll();

        Assert.Empty(files);
        var problem = Assert.Single(problems).English;
        Assert.Contains(settings.FormerSharedDirectory!, problem, StringComparison.Ordinal);
        Assert.Contains("not read", problem, StringComparison.Ordinal);
        Assert.Contains(settings.Directory, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "1.00:00:00")]
    [InlineData("02:00:00", "02:00:00")]
    [InlineData("00:00:00", "00:00:00")]
    public void FromConfiguration_FullVerificationInterval_DefaultsToADay(string? configured, string expected)
    {
        var settings = Settings(Sqlite(Path.Combine(_root, "clinic.db")), fullVerificationInterval: configured);

        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), settings.FullVerificationInterval);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("-01:00:00")]
    public void FromConfiguration_FullVerificationIntervalNotATimeSpan_StopsWithTheSettingNamed(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(Sqlite(Path.Combine(_root, "clinic.db")), fullVerificationInterval: configured));

        Assert.StartsWith($"Audit:FullVerificationInterval '{configured}' is not a time span", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_TrustedPublicKeyPastedAsPemText_StopsSayingItTakesFilePaths()
    {
        // QA302 F9: the PEM text was taken as a file name under the content root, and the start stopped with
        // "'/.../-----BEGIN PUBLIC KEY-----MFkw...' is not a readable PEM ECDSA P-256 public key".
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var values = new Dictionary<string, string?> { ["Audit:CheckpointTrustedPublicKeys"] = key.ExportSubjectPublicKeyInfoPem() };

        var error = Assert.Throws<InvalidOperationException>(() =>
            CheckpointSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), new Environment(_root), Sqlite(Path.Combine(_root, "clinic.db"))));

        Assert.StartsWith("Audit:CheckpointTrustedPublicKeys holds PEM text (-----BEGIN PUBLIC KEY----- ...), not a file path: it takes the paths of PEM files", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_TrustedPublicKeyFiles_AreTakenFromTheContentRoot()
    {
        var values = new Dictionary<string, string?> { ["Audit:CheckpointTrustedPublicKeys"] = "keys/2025.pub.pem; /etc/ketaminecds/2026.pub.pem" };

        var settings = CheckpointSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), new Environment(_root), Sqlite(Path.Combine(_root, "clinic.db")));

        Assert.Equal([Path.Combine(_root, "keys", "2025.pub.pem"), "/etc/ketaminecds/2026.pub.pem"], settings.TrustedPublicKeyPaths);
    }

    [Theory]
    [InlineData("postgres", "KetamineCds", "Host=db;Prot=5432;Database=clinic;Username=app;Password=Secret-Not-Shown-9")]
    [InlineData("postgres", "KetamineCds", "Host=db;Port=five;Database=clinic;Username=app;Password=Secret-Not-Shown-9")]
    [InlineData("postgres", "KetamineCdsMigrations", "Host=db;Prot=5432;Database=clinic;Username=owner;Password=Secret-Not-Shown-9")]
    [InlineData("sqlite", "KetamineCds", "Data Sorce=clinic.db;Password=Secret-Not-Shown-9")]
    public void DatabaseFromConfiguration_MalformedConnectionString_StopsNamingTheSettingWithoutItsValue(string provider, string name, string connection)
    {
        // QA96 F5: "Couldn't set prot (Parameter 'prot')" named nothing to fix.
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:KetamineCds"] = name == "KetamineCds" ? connection : "Host=db;Database=clinic;Username=app",
            ["ConnectionStrings:" + name] = connection,
        };

        var error = Assert.Throws<InvalidOperationException>(() =>
            KetamineCdsDatabaseSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), new Environment(_root)));

        Assert.StartsWith($"ConnectionStrings:{name} is not a valid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Not-Shown-9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureWritable_FolderIsAFile_NamesTheSettingAndThePath()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(file, "");

        var error = Assert.Throws<InvalidOperationException>(() => CheckpointFolder.EnsureWritable(file));

        Assert.StartsWith($"Audit:CheckpointDirectory is '{file}', but that is a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureWritable_DefaultFolderCannotBeCreated_SaysTheSettingIsNotSetAndNamesTheFolder()
    {
        // The Docker image's content root belongs to root: the default folder in App_Data cannot be made there.
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "App_Data");
        File.WriteAllText(file, "");
        var folder = Path.Combine(file, "checkpoints-postgres-db-5432-clinic");

        var error = Assert.Throws<InvalidOperationException>(() => CheckpointFolder.EnsureWritable(folder, derived: true));

        Assert.StartsWith($"Audit:CheckpointDirectory is not set, so checkpoints go to the database's default folder '{folder}', but that folder does not exist and cannot be created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureWritable_FolderMissingUnderAWritableParent_CreatesItAndLeavesNothingInIt()
    {
        var folder = Path.Combine(_root, "new", "checkpoints");

        CheckpointFolder.EnsureWritable(folder);

        Assert.True(Directory.Exists(folder));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    private CheckpointSettings Settings(KetamineCdsDatabaseSettings database, string? folder = null, string? fullVerificationInterval = null)
    {
        var values = new Dictionary<string, string?> { ["Audit:CheckpointDirectory"] = folder, ["Audit:FullVerificationInterval"] = fullVerificationInterval };
        return CheckpointSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), new Environment(_root), database);
    }

    private static KetamineCdsDatabaseSettings Sqlite(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}", $"Data Source={path}");

    private static KetamineCdsDatabaseSettings Postgres(string connection) => new(DatabaseProvider.Postgres, connection, connection);

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "KetamineCds.Web";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
