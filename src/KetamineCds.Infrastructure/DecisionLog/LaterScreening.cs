namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A later screening that points back to an earlier one: a re-screen started from its answers, or a correction of it
/// (with the reason). The earlier entry is never changed; this is how it learns that it has successors.
/// </summary>
/// <param name="Id">The later screening's id.</param>
/// <param name="Sequence">Its place in the chain.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="CorrectionReason">Why the earlier entry was corrected; null for a re-screen.</param>
public sealed record LaterScreening(Guid Id, long Sequence, DateTimeOffset RecordedAt, Actor RecordedBy, string? CorrectionReason)
{
    /// <summary>True for a correction of the earlier entry, false for a re-screen of it.</summary>
    public bool IsCorrection => CorrectionReason is not null;

    /// <summary>What the later screening is to the earlier one (the API's <c>laterEntries[].kind</c>).</summary>
    public LaterScreeningKind Kind => IsCorrection ? LaterScreeningKind.Correction : LaterScreeningKind.ReScreen;
}

/// <summary>
/// What a later screening is to an earlier one (the API's <c>laterEntries[].kind</c>): <c>re-screen</c>, a new screening
/// started from the earlier one's answers (its <c>rescreenOf</c> names it); <c>correction</c>, answers entered wrongly
/// there put right (its <c>corrects</c> names it).
/// </summary>
public enum LaterScreeningKind
{
    /// <summary>A new screening started from the earlier one's answers (its <c>rescreenOf</c>).</summary>
    ReScreen,

    /// <summary>A correction of answers entered wrongly in the earlier one (its <c>corrects</c>).</summary>
    Correction,
}

/// <summary>
/// The later screenings of one entry, newest first, and those among them that cannot be read (named, never left out
/// unsaid: an altered entry is not vouched for, but its existence is not hidden either).
/// </summary>
public sealed record LaterScreenings(IReadOnlyList<LaterScreening> Items, IReadOnlyList<UnreadableEntry> Unreadable)
{
    public static LaterScreenings None { get; } = new([], []);

    /// <summary>The newest correction, if any: the entry that says what this one should have said.</summary>
    public LaterScreening? LatestCorrection => Items.FirstOrDefault(i => i.IsCorrection);

    public bool IsEmpty => Items.Count == 0 && Unreadable.Count == 0;
}
