namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>A page of the auditor's list and the cursor of the next page, if there is one.</summary>
public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, AuditCursor? Next);
