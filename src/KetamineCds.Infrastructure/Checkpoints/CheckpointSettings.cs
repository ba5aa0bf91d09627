using System.Globalization;
using KetamineCds.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// Where checkpoints go and what signs them, read once from configuration:
/// <c>Audit:CheckpointDirectory</c> (default <c>checkpoints/</c> in the app's data folder; never the database),
/// <c>Audit:CheckpointKeyPath</c> (PEM ECDSA P-256 private key; in Development a key is created in the data folder when
/// the setting is absent, elsewhere checkpoints are off until it is set), <c>Audit:CheckpointInterval</c> (default
/// 00:05:00), <c>Audit:ExternalCheckpointCopies</c> (folders holding copies kept elsewhere, read and checked too) and
/// <c>Audit:CheckpointTrustedPublicKeys</c> (PEM public keys of earlier signing keys, after a key rotation).
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

    /// <summary>The Development key's file name in the data folder.</summary>
    public const string DevelopmentKeyFileName = "checkpoint-signing-key.pem";

    public static CheckpointSettings FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var root = environment.ContentRootPath;
        var data = AppDataFolder.For(environment);
        var directory = configuration["Audit:CheckpointDirectory"] is { Length: > 0 } d ? Resolve(root, d) : Path.Combine(data, "checkpoints");

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

        return new CheckpointSettings(
            directory,
            keyPath,
            development,
            interval,
            List(configuration, "Audit:ExternalCheckpointCopies").Select(p => Resolve(root, p)).ToList(),
            List(configuration, "Audit:CheckpointTrustedPublicKeys").Select(p => Resolve(root, p)).ToList());
    }

    private static string Resolve(string root, string path) => Path.GetFullPath(Path.Combine(root, path.Trim()));

    /// <summary>A list setting: array entries (<c>Key:0</c>, <c>Key:1</c> ...) or one value separated by semicolons.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal);
    }
}
