using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// The hook's answer (a screening, or an answer that ran no screening) was recorded in the decision log, and then its
/// cards could not be stored (<see cref="Infrastructure.CdsHooks.CdsHookStore.SaveAnswerAsync"/>, a transaction of its
/// own after the log's): no card is sent, for a card the EHR could act on must be found again when its feedback comes.
/// The answer says what was recorded, never "nothing was recorded" (the entry stays in the append-only log).
/// </summary>
public sealed class CdsHookCardsNotStoredException : Exception
{
    public CdsHookCardsNotStoredException()
        : base("The hook's answer was recorded, but its cards could not be stored.")
    {
    }

    public CdsHookCardsNotStoredException(string message)
        : base(message)
    {
    }

    public CdsHookCardsNotStoredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The entry recorded (<paramref name="entryId"/>, at <paramref name="sequence"/>), a screening or not.</summary>
    public CdsHookCardsNotStoredException(Guid entryId, long sequence, bool isScreening, DecisionLogUnavailableException innerException)
        : base($"Decision log entry {sequence} ({entryId}) was recorded, but its cards could not be stored.", innerException)
    {
        EntryId = entryId;
        Sequence = sequence;
        IsScreening = isScreening;
    }

    /// <summary>The id of the decision log entry that was recorded.</summary>
    public Guid EntryId { get; }

    /// <summary>That entry's place in the decision log's chain.</summary>
    public long Sequence { get; }

    /// <summary>True when the entry is a screening (the rules ran), false for an answer that ran no screening.</summary>
    public bool IsScreening { get; }

    /// <summary>True when the database answered and refused the cards (no outage), false when it could not be reached.</summary>
    public bool RefusedByDatabase => DatabaseFailures.IsRefusedByDatabase(InnerException);
}
