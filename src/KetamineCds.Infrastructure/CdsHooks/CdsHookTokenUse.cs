namespace KetamineCds.Infrastructure.CdsHooks;

/// <summary>
/// A client JWT's <c>jti</c>, kept until the token expires so that no token is accepted twice by any app instance: the
/// primary key (issuer, jti) makes the insert the replay check.
/// </summary>
public sealed class CdsHookTokenUse
{
    public string Issuer { get; set; } = "";

    public string Jti { get; set; } = "";

    /// <summary>The token's <c>exp</c> (UTC); the row is purged after it.</summary>
    public DateTime ExpiresAt { get; set; }
}
