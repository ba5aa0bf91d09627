using System.Security.Cryptography;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// A public key that checkpoints may be signed with: the app's own, or an earlier one an administrator still trusts
/// (<c>Audit:CheckpointTrustedPublicKeys</c>) after rotating the key. Its id is SHA-256 of its SubjectPublicKeyInfo.
/// </summary>
public class CheckpointPublicKey : IDisposable
{
    private readonly ECDsa _key;

    protected CheckpointPublicKey(ECDsa key)
    {
        var parameters = key.ExportParameters(false);
        if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new CryptographicException("A checkpoint key must be an ECDSA key on the P-256 curve.");
        }

        _key = key;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem() + "\n";
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>SHA-256 of the public key (SubjectPublicKeyInfo DER), lower-case hex: what a checkpoint names.</summary>
    public string KeyId { get; }

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), for an auditor to keep.</summary>
    public string PublicKeyPem { get; }

    protected ECDsa Key => _key;

    /// <summary>Reads a PEM public key (or the public half of a PEM private key).</summary>
    public static CheckpointPublicKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new CryptographicException("Not a PEM ECDSA key.", ex);
        }

        return new CheckpointPublicKey(key);
    }

    /// <summary>True if the signature is this key's over the checkpoint's canonical bytes.</summary>
    public bool Verifies(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var signature = Convert.FromBase64String(checkpoint.Signature);
        return _key.VerifyData(checkpoint.CanonicalBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }
    }
}
