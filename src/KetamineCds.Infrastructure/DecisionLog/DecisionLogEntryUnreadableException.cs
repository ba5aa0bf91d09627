namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// An entry's stored content (a screening's input, history, assessment or origin; an override's or an EHR answer's
/// payload) could not be read back. The app never writes such an entry, so the log may have been altered; the
/// exception names the entry so that the page or API can say which, and an auditor can verify the log and look at it.
/// </summary>
public sealed class DecisionLogEntryUnreadableException : Exception
{
    public DecisionLogEntryUnreadableException()
    {
    }

    public DecisionLogEntryUnreadableException(string message)
        : base(message)
    {
    }

    public DecisionLogEntryUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DecisionLogEntryUnreadableException(Guid entryId, long sequence, Exception innerException)
        : base($"Entry {sequence} ({entryId}) of the decision log could not be read: its stored content is not what the app writes.", innerException)
    {
        EntryId = entryId;
        Sequence = sequence;
    }

    /// <summary>The entry that could not be read.</summary>
    public Guid EntryId { get; }

    /// <summary>Its place in the chain.</summary>
    public long Sequence { get; }

    /// <summary>The entry, as lists and analyses name it.</summary>
    public UnreadableEntry Entry => new(EntryId, Sequence);
}
