namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The result of checking the whole log for tampering (contract: GET /api/v1/audit/verify).</summary>
/// <param name="Intact">True when every entry verified.</param>
/// <param name="Checked">How many entries the walk read: all of them (the walk no longer stops at the first break).</param>
/// <param name="FirstBrokenId">
/// The entry of the first finding (<see cref="Findings"/>): for a gap the entry after it (the missing ones have no id), for
/// entries removed from the end the last one the chain head names; <see cref="Guid.Empty"/> when its stored id is not
/// one (altered). Kept for compatibility; <see cref="Findings"/> says what happened, and where.
/// </param>
/// <param name="FirstBrokenSequence">That entry's place in the chain, or null when intact.</param>
public sealed record ChainVerification(long Checked, bool Intact, Guid? FirstBrokenId, long? FirstBrokenSequence = null)
{
    /// <summary>Every finding in chain order, at most <see cref="ChainFinding.ListedAtMost"/>; empty when intact.</summary>
    public IReadOnlyList<ChainFinding> Findings { get; init; } = [];

    /// <summary>How many findings there are in all (more than <see cref="Findings"/> lists when it is cut short).</summary>
    public long FindingCount { get; init; }

    /// <summary>Equal on the contract's fields (checked, intact, first broken entry); the findings are compared by their own list.</summary>
    public bool Equals(ChainVerification? other) =>
        other is not null && Checked == other.Checked && Intact == other.Intact && FirstBrokenId == other.FirstBrokenId
        && FirstBrokenSequence == other.FirstBrokenSequence;

    public override int GetHashCode() => HashCode.Combine(Checked, Intact, FirstBrokenId, FirstBrokenSequence);

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
