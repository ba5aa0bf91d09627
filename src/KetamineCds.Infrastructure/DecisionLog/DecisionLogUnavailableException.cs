namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The database could not durably record an entry (or read the log); nothing may be shown as decided. Nothing was
/// stored, unless <see cref="OutcomeUnknown"/>: then the connection failed while the commit was under way, and the
/// entry may have been stored (a database cannot say which once the connection is gone).
/// </summary>
public sealed class DecisionLogUnavailableException : Exception
{
    /// <summary>The failure came during the commit: the entry may or may not have been stored.</summary>
    public bool OutcomeUnknown { get; init; }

    public DecisionLogUnavailableException()
    {
    }

    public DecisionLogUnavailableException(string message)
        : base(message)
    {
    }

    public DecisionLogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
