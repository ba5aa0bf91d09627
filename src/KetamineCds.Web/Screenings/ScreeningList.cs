using KetamineCds.Web.Audit;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The contract's list body: <c>{"items": [...]}</c>, newest first; and only when some of the patient's entries cannot be
/// read (the log may have been altered), <c>"unreadable": [{"id", "sequence"}]</c> naming them, so that none is left out unsaid;
/// then <c>lastFullVerification</c>: when the decision log was last verified in full and what it found, as Find screenings
/// says it above the same list (the list shows entries as stored: one altered in the database may be left out of it).
/// </summary>
/// <param name="Items">The patient's screenings, newest first, each the body <c>GET /api/v1/screenings/{id}</c> answers.</param>
/// <param name="LastFullVerification">When the decision log was last verified in full and with what result, as Find screenings says it (when and what was found, never who nor the counts): with <c>alert</c> true, a screening of this patient may be missing from the list or show altered details; ask an auditor before relying on it.</param>
public sealed record ScreeningList(IReadOnlyList<ScreeningResponse> Items, LastFullVerificationResponse LastFullVerification)
{
    /// <summary>The patient's entries whose stored content cannot be read; absent when there are none.</summary>
    public IReadOnlyList<UnreadableListEntry>? Unreadable { get; init; }
}

/// <summary>An entry of the decision log that cannot be read: its id and its place in the chain.</summary>
public sealed record UnreadableListEntry(Guid Id, long Sequence);
