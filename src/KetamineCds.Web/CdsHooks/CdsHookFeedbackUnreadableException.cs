using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Feedback names a card whose decision (the screening, or the hook answer that ran none) cannot be read, or one of whose
/// overrides cannot be read (only someone altering the database can make one): nothing of the call is recorded, the
/// answer names the entry as every other refused opening does (409, <see cref="Audit.UnreadableEntries"/>), and the
/// refused attempt is in the access log, in the client's name.
/// </summary>
public sealed class CdsHookFeedbackUnreadableException : Exception
{
    public CdsHookFeedbackUnreadableException()
        : base("The feedback names an entry of the decision log that cannot be read.")
    {
    }

    public CdsHookFeedbackUnreadableException(string message)
        : base(message)
    {
    }

    public CdsHookFeedbackUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The card's decision <paramref name="decisionId"/>, or an entry read with it, could not be read.</summary>
    public CdsHookFeedbackUnreadableException(Guid decisionId, DecisionLogEntryUnreadableException innerException)
        : base($"The feedback's decision {decisionId} could not be read.", innerException)
    {
        DecisionId = decisionId;
        Unreadable = innerException;
    }

    /// <summary>The decision the feedback's card is of: the entry the EHR asked to act on.</summary>
    public Guid DecisionId { get; }

    /// <summary>The entry that could not be read (<see cref="DecisionId"/>'s, or an override of it).</summary>
    public DecisionLogEntryUnreadableException? Unreadable { get; }
}
