namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A page of access events, newest first (the log's own order, by sequence), and where the next page starts: strictly
/// before <see cref="NextBefore"/>, or null when this is the last page; and where the page stands among the events the
/// filter matches (<see cref="ListPosition"/>; null where it was not counted: an account's events for its administrator).
/// </summary>
public sealed record AccessLogPage(IReadOnlyList<LoggedAccessEvent> Items, long? NextBefore, ListPosition? Position = null);
