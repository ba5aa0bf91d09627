namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A screening entry's stored history or assessment could not be read back (an analysis or a replay stopped there).
/// The app never writes such an entry; it names the entry so that an auditor can verify the log and look at it.
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
        : base($"Entry {sequence} ({entryId}) of the decision log could not be read as a screening.", innerException)
    {
        EntryId = entryId;
        Sequence = sequence;
    }

    /// <summary>The entry that could not be read.</summary>
    public Guid EntryId { get; }

    /// <summary>Its place in the chain.</summary>
    public long Sequence { get; }
}
