namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// The keys checkpoints are signed and checked with. Loaded at start-up so that a configured key that is missing or
/// is not a P-256 key stops the app with a clear message instead of surfacing in the first audit.
/// </summary>
public sealed class CheckpointKeys : IDisposable
{
    private CheckpointKeys(CheckpointSigningKey? signing, IReadOnlyList<CheckpointPublicKey> trusted, string? disabledReason)
    {
        Signing = signing;
        Trusted = trusted;
        DisabledReason = disabledReason;
    }

    /// <summary>The key that signs new checkpoints; null when checkpoints are off.</summary>
    public CheckpointSigningKey? Signing { get; }

    /// <summary>Every key a checkpoint may carry: the signing key first, then earlier ones still trusted.</summary>
    public IReadOnlyList<CheckpointPublicKey> Trusted { get; }

    /// <summary>Why checkpoints are off when no signing key is configured (<see cref="DisabledReason"/>; a page words it in its language).</summary>
    public const string NoSigningKeyReason = "No checkpoint signing key is configured (Audit:CheckpointKeyPath): the decision log is not anchored outside the database.";

    /// <summary>Why checkpoints are off, or null when they are on.</summary>
    public string? DisabledReason { get; }

    public bool Enabled => Signing is not null;

    public static CheckpointKeys Load(CheckpointSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var trusted = new List<CheckpointPublicKey>();
        CheckpointSigningKey? signing = null;
        if (settings.KeyPath is { } path)
        {
            if (!File.Exists(path) && !settings.CreateKeyIfMissing)
            {
                throw new InvalidOperationException(
                    $"Audit:CheckpointKeyPath is '{path}', but there is no such file. Create the key (docs/security.md: openssl ecparam -name prime256v1 -genkey | openssl pkcs8 -topk8 -nocrypt) or remove the setting to run without signed checkpoints.");
            }

            signing = settings.CreateKeyIfMissing ? CheckpointSigningKey.LoadOrCreate(path) : CheckpointSigningKey.Load(path);
            trusted.Add(signing);
        }

        foreach (var publicPath in settings.TrustedPublicKeyPaths)
        {
            try
            {
                trusted.Add(CheckpointPublicKey.FromPem(File.ReadAllText(publicPath)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException($"Audit:CheckpointTrustedPublicKeys: '{publicPath}' is not a readable PEM ECDSA P-256 public key ({ex.Message}).", ex);
            }
        }

        var reason = signing is null ? NoSigningKeyReason : null;
        return new CheckpointKeys(signing, trusted, reason);
    }

    /// <summary>The trusted key with this id, or null.</summary>
    public CheckpointPublicKey? Find(string keyId) => Trusted.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    public void Dispose()
    {
        foreach (var key in Trusted)
        {
            key.Dispose();
        }
    }
}
