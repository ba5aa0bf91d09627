namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// An entry of the decision log whose stored content (input, history, result or origin) cannot be read back: the app
/// never writes one, so the log may have been altered. Named so that the rest of a list or an analysis can still be
/// shown, and so that an auditor can verify the log and look at the entry.
/// </summary>
/// <param name="Id">The entry's id.</param>
/// <param name="Sequence">Its place in the chain.</param>
public sealed record UnreadableEntry(Guid Id, long Sequence);
