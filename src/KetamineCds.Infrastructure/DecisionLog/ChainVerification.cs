namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The result of checking the whole log for tampering (contract: GET /api/v1/audit/verify).</summary>
/// <param name="Checked">How many entries were checked.</param>
/// <param name="Intact">True when every entry verified.</param>
/// <param name="FirstBrokenId">The first entry that does not verify; <see cref="Guid.Empty"/> when its stored id is not one (altered).</param>
/// <param name="FirstBrokenSequence">That entry's place in the chain, or null when intact.</param>
public sealed record ChainVerification(long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence = null)
{
    /// <summary>The first broken entry as people read it: its place in the chain and its id, e.g. <c>2 (01a2…)</c>; empty when intact.</summary>
    public string FirstBrokenText => Describe(FirstBrokenSequence, FirstBrokenId);

    internal static string Describe(long? sequence, Guid? id) => (sequence, id) switch
    {
        ({ } s, { } i) when i != Guid.Empty => $"{s} ({i})",
        ({ } s, _) => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
        (null, { } i) => i.ToString(),
        _ => "",
    };
}
