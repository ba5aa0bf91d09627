using System.Security.Cryptography;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// The private key that signs checkpoints: ECDSA P-256 from a PEM file the database never sees
/// (<c>Audit:CheckpointKeyPath</c>). Signatures are DER-encoded (RFC 3279), as <c>openssl dgst -verify</c> expects.
/// </summary>
public sealed class CheckpointSigningKey : CheckpointPublicKey
{
    private CheckpointSigningKey(ECDsa key)
        : base(key)
    {
    }

    /// <summary>
    /// Why the key at <paramref name="path"/> could not be read, and what to do: a file the app's account may not read
    /// (made by root, as docs/security.md's openssl line does) gets the owner change the TLS certificate's message also
    /// names (session 68 operator walkthrough: the bare "Access to the path is denied" said neither).
    /// </summary>
    internal static string Unreadable(string path, Exception ex) => ex is UnauthorizedAccessException && !Directory.Exists(path)
        ? $"The checkpoint signing key '{path}' (Audit:CheckpointKeyPath) cannot be read by the app's account (permission denied): make it, "
            + "and its folder, readable by that account only (for example chown ketaminecds and chmod 600 on the file; docs/security.md)."
        : $"The checkpoint signing key '{path}' (Audit:CheckpointKeyPath) cannot be read: {ex.Message}";

    /// <summary>Reads the PEM private key at <paramref name="path"/>; a clear error if it is missing or not a P-256 key.</summary>
    public static CheckpointSigningKey Load(string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(Unreadable(path, ex), ex);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return new CheckpointSigningKey(key);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException(
                $"The checkpoint signing key '{path}' (Audit:CheckpointKeyPath) is not a PEM ECDSA P-256 private key: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Creates a new P-256 key as a PKCS#8 PEM file readable by its owner only, unless the file already exists (another
    /// instance created it first); then reads it.
    /// </summary>
    public static CheckpointSigningKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            PrivateFile.CreateOnce(path, System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n"));
        }

        return Load(path);
    }

    /// <summary>Signs the canonical bytes of a checkpoint of this head at this time.</summary>
    public SignedCheckpoint Sign(string chain, long sequence, string headHash, Guid? headEntryId, DateTimeOffset createdAt)
    {
        var unsigned = new SignedCheckpoint(chain, sequence, headHash, headEntryId, createdAt, KeyId, "");
        var signature = Key.SignData(unsigned.CanonicalBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }
}
