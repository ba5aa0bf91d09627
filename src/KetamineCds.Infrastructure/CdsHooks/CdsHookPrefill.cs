namespace KetamineCds.Infrastructure.CdsHooks;

/// <summary>
/// The intake form's prefill for one patient, from what an EHR sent: kept on the server behind an opaque id (only its
/// SHA-256 is stored), readable until it expires.
/// </summary>
public sealed class CdsHookPrefill
{
    /// <summary>SHA-256 of the opaque id in the link, lower-case hex: a database dump does not give working links.</summary>
    public string IdHash { get; set; } = "";

    public string PatientReference { get; set; } = "";

    /// <summary>The screening input (contract JSON) the form is prefilled with.</summary>
    public string InputJson { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}
