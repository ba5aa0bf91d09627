namespace KetamineCds.Web.Screenings;

/// <summary>
/// The contract's list body: <c>{"items": [...]}</c>, newest first; and only when some of the patient's entries cannot be
/// read (the log may have been altered), <c>"unreadable": [{"id", "sequence"}]</c> naming them, so that none is left out unsaid.
/// </summary>
public sealed record ScreeningList(IReadOnlyList<ScreeningResponse> Items)
{
    /// <summary>The patient's entries whose stored content cannot be read; absent when there are none.</summary>
    public IReadOnlyList<UnreadableListEntry>? Unreadable { get; init; }
}

/// <summary>An entry of the decision log that cannot be read: its id and its place in the chain.</summary>
public sealed record UnreadableListEntry(Guid Id, long Sequence);
