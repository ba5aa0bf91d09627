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

/// <summary>A card sent to an EHR, so that feedback on it (by its uuid) finds the answer and the screening behind it.</summary>
public sealed class CdsHookCard
{
    public Guid Uuid { get; set; }

    /// <summary>The service that answered it; feedback must come to the same service.</summary>
    public string ServiceId { get; set; } = "";

    /// <summary>The client that received it; only that client's feedback is taken.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The decision-log entry of the answer (a screening or a hook-answer).</summary>
    public Guid EntryId { get; set; }

    /// <summary>The screening behind the card, or null when the answer was not a screening (required items missing).</summary>
    public Guid? ScreeningId { get; set; }

    /// <summary>The decision an override of this card records: <c>proceed</c> (in spite of it) or <c>do-not-proceed</c>.</summary>
    public string OverrideDecision { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
