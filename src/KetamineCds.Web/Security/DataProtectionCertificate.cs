using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KetamineCds.Infrastructure;
using KetamineCds.Infrastructure.Data;

namespace KetamineCds.Web.Security;

/// <summary>
/// The certificate that encrypts the ASP.NET data-protection keys (which sign and encrypt the sign-in cookies and bearer
/// tokens) before they are stored in the database, so that a copy of the database alone does not let anyone forge a
/// session. <c>DataProtection:CertificatePath</c> is a PKCS#12 (.pfx) file with an RSA private key, its password in
/// <c>DataProtection:CertificatePassword</c> (set it from the environment: <c>DataProtection__CertificatePassword</c>).
/// Development creates a self-signed one in the app's data folder when the setting is absent. Elsewhere, with no
/// setting, the keys stay unencrypted and the app says so at every start; a configured certificate that cannot be
/// opened stops the app.
/// </summary>
public static class DataProtectionCertificate
{
    /// <summary>The Development certificate's file name in the data folder.</summary>
    public const string DevelopmentFileName = "dataprotection-keys.pfx";

    /// <summary>The certificate to protect the keys with, or null when none is configured (outside Development).</summary>
    public static X509Certificate2? Load(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration["DataProtection:CertificatePath"];
        string path;
        string? password;
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                return null;
            }

            path = Path.Combine(AppDataFolder.For(environment), DevelopmentFileName);
            password = null;
            if (!File.Exists(path))
            {
                CreateSelfSigned(path);
            }
        }
        else
        {
            path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured.Trim()));
            password = configuration["DataProtection:CertificatePassword"];
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath is '{path}', but there is no such file.");
            }
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            {
                certificate.Dispose();
                throw new InvalidOperationException($"The data-protection certificate '{path}' has no RSA private key; the keys could not be decrypted with it.");
            }

            return certificate;
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"The data-protection certificate '{path}' (DataProtection:CertificatePath) could not be opened: a wrong DataProtection:CertificatePassword, or not a PKCS#12 file. {ex.Message}", ex);
        }
    }

    /// <summary>The subject of the certificate Development makes.</summary>
    public const string DevelopmentSubject = "CN=KetamineCds data protection (Development)";

    /// <summary>
    /// True when a stored key (its XML) was encrypted with a certificate Development made (<see cref="DevelopmentSubject"/>,
    /// which the encrypted key carries): a key of a trial run on this database, not of another production instance.
    /// </summary>
    public static bool IsEncryptedForDevelopment(string keyXml)
    {
        ArgumentNullException.ThrowIfNull(keyXml);
        var match = System.Text.RegularExpressions.Regex.Match(keyXml, "<X509Certificate>([A-Za-z0-9+/=\\s]+)</X509Certificate>");
        if (!match.Success)
        {
            return false;
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(match.Groups[1].Value));
            return certificate.Subject == DevelopmentSubject;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>A self-signed RSA 3072 certificate for Development, written readable by its owner only.</summary>
    private static void CreateSelfSigned(string path)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(DevelopmentSubject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        PrivateFile.CreateOnce(path, certificate.Export(X509ContentType.Pkcs12));
    }
}
