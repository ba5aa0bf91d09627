namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A page of the auditor's list, the cursor of the next page, if there is one, and where the page stands among the entries
/// the filter matches (<see cref="ListPosition"/>; null where it was not counted).
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, AuditCursor? Next, ListPosition? Position = null);
