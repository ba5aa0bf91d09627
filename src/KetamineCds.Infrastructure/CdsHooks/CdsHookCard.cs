namespace KetamineCds.Infrastructure.CdsHooks;

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
