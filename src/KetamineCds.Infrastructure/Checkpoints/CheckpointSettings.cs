using System.Globalization;
using System.Text;
using KetamineCds.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// Where checkpoints go and what signs them, read once from configuration:
/// <c>Audit:CheckpointDirectory</c> (default: the database's own folder, <see cref="DefaultDirectory"/>; never the database),
/// <c>Audit:CheckpointKeyPath</c> (PEM ECDSA P-256 private key; in Development a key is created in the data folder when
/// the setting is absent, elsewhere checkpoints are off until it is set), <c>Audit:CheckpointInterval</c> (default
/// 00:05:00), <c>Audit:FullVerificationInterval</c> (how often at most the periodic writer verifies the whole log before
/// it signs, default 1.00:00:00), <c>Audit:ExternalCheckpointCopies</c> (folders holding copies kept elsewhere, read and checked too) and
/// <c>Audit:CheckpointTrustedPublicKeys</c> (the paths of PEM files, each the public key of an earlier signing key, after a
/// key rotation; several separated by semicolons or as an array; PEM text itself is refused, naming the setting).
/// Relative paths are taken from the app's content root.
/// </summary>
public sealed record CheckpointSettings(
    string Directory,
    string? KeyPath,
    bool CreateKeyIfMissing,
    TimeSpan Interval,
    IReadOnlyList<string> ExternalCopies,
    IReadOnlyList<string> TrustedPublicKeyPaths)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultFullVerificationInterval = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the periodic writer signs after verifying only from the newest checkpoint before it verifies the whole
    /// log again (every entry's content re-hashed); its first signing after start verifies the whole log too.
    /// </summary>
    public TimeSpan FullVerificationInterval { get; init; } = DefaultFullVerificationInterval;

    /// <summary>The Development key's file name in the data folder.</summary>
    public const string DevelopmentKeyFileName = "checkpoint-signing-key.pem";

    /// <summary>The folder in the data folder that every database shared before each got its own.</summary>
    public const string FormerSharedFolderName = "checkpoints";

    /// <summary>Audit:CheckpointDirectory was not set: <see cref="Directory"/> is the database's default one.</summary>
    public bool DirectoryDerived { get; init; }

    /// <summary>
    /// The data folder's <c>checkpoints/</c>, which every database shared before each got its own, when the default is
    /// in use and it is another folder: checkpoints left there are no longer read, and verification says so.
    /// </summary>
    public string? FormerSharedDirectory { get; init; }

    public static CheckpointSettings FromConfiguration(IConfiguration configuration, IHostEnvironment environment, KetamineCdsDatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(database);
        var root = environment.ContentRootPath;
        var data = AppDataFolder.For(environment);
        var configured = configuration["Audit:CheckpointDirectory"] is { Length: > 0 } d ? Resolve(root, d) : null;
        var directory = configured ?? DefaultDirectory(data, database);
        var former = Path.GetFullPath(Path.Combine(data, FormerSharedFolderName));

        var keyPath = configuration["Audit:CheckpointKeyPath"] is { Length: > 0 } k ? Resolve(root, k) : null;
        var development = environment.IsDevelopment();
        if (keyPath is null && development)
        {
            keyPath = Path.Combine(data, DevelopmentKeyFileName);
        }

        var interval = DefaultInterval;
        if (configuration["Audit:CheckpointInterval"] is { Length: > 0 } text
            && (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval) || interval < TimeSpan.FromSeconds(1)))
        {
            throw new InvalidOperationException($"Audit:CheckpointInterval '{text}' is not a time span of at least one second (for example 00:05:00).");
        }

        var full = DefaultFullVerificationInterval;
        if (configuration["Audit:FullVerificationInterval"] is { Length: > 0 } fullText
            && (!TimeSpan.TryParse(fullText, CultureInfo.InvariantCulture, out full) || full < TimeSpan.Zero))
        {
            throw new InvalidOperationException($"Audit:FullVerificationInterval '{fullText}' is not a time span (for example 1.00:00:00 for a day; 00:00:00 verifies the whole log before every checkpoint).");
        }

        return new CheckpointSettings(
            directory,
            keyPath,
            development,
            interval,
            List(configuration, "Audit:ExternalCheckpointCopies").Select(p => Resolve(root, p)).ToList(),
            TrustedPublicKeyFiles(configuration).Select(p => Resolve(root, p)).ToList())
        {
            DirectoryDerived = configured is null,
            FullVerificationInterval = full,
            FormerSharedDirectory = configured is null && !string.Equals(former, Path.GetFullPath(directory), StringComparison.Ordinal) ? former : null,
        };
    }

    /// <summary>
    /// The checkpoint folder of a database when <c>Audit:CheckpointDirectory</c> is not set: next to an SQLite file, named
    /// after it (<c>ketaminecds.db-checkpoints</c>), or for PostgreSQL in the data folder, named after the server and the
    /// database (<c>checkpoints-postgres-db-5432-ketaminecds</c>). Never one folder for every database: a checkpoint of
    /// one log fails against another, so a new database would be reported as tampered with. A database put back or
    /// rewritten where it was keeps its folder, and its checkpoints still catch it.
    /// </summary>
    public static string DefaultDirectory(string dataFolder, KetamineCdsDatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(database.ConnectionString);
            if (string.IsNullOrEmpty(sqlite.DataSource) || sqlite.DataSource == ":memory:" || sqlite.Mode == SqliteOpenMode.Memory)
            {
                // A database that lives as long as the process: so do its checkpoints.
                return Path.Combine(Path.GetTempPath(), "ketaminecds-checkpoints-in-memory-" + Guid.NewGuid().ToString("N"));
            }

            return Path.GetFullPath(sqlite.DataSource) + "-checkpoints";
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        return Path.Combine(dataFolder, FolderName($"checkpoints-postgres-{postgres.Host}-{postgres.Port}-{postgres.Database ?? postgres.Username}"));
    }

    /// <summary>A folder name of letters, digits, dots, dashes and underscores only.</summary>
    private static string FolderName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return builder.ToString();
    }

    private static string Resolve(string root, string path) => Path.GetFullPath(Path.Combine(root, path.Trim()));

    /// <summary>
    /// <c>Audit:CheckpointTrustedPublicKeys</c>: paths of PEM files. A public key pasted in as PEM text was read as a file
    /// name under the content root and refused as "'/opt/ketaminecds/-----BEGIN PUBLIC KEY-----MFkw...' is not a readable
    /// PEM ECDSA P-256 public key" (QA302 F9); it now says what the setting takes.
    /// </summary>
    private static List<string> TrustedPublicKeyFiles(IConfiguration configuration)
    {
        var paths = List(configuration, "Audit:CheckpointTrustedPublicKeys").ToList();
        if (paths.Any(p => p.Contains("-----BEGIN", StringComparison.Ordinal) || p.Contains("-----END", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                "Audit:CheckpointTrustedPublicKeys holds PEM text (-----BEGIN PUBLIC KEY----- ...), not a file path: it takes the paths of PEM files, "
                + "one per earlier signing key. Save each earlier public key in a file (Audit > Checkpoints > Public key only), readable by the app, "
                + "and list the files' paths separated by semicolons (for example /etc/ketaminecds/checkpoint-key-2025.pub.pem;/etc/ketaminecds/checkpoint-key-2026.pub.pem) "
                + "or as Audit__CheckpointTrustedPublicKeys__0, __1 ... (docs/security.md, \"Key rotation\").");
        }

        return paths;
    }

    /// <summary>A list setting: array entries (<c>Key:0</c>, <c>Key:1</c> ...) or one value separated by semicolons.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal);
    }
}
