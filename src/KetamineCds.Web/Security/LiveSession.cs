namespace KetamineCds.Web.Security;

/// <summary>A live session as <see cref="ServerSessions.FindAsync"/> returns it.</summary>
public sealed record LiveSession(string Id, string UserId, string Kind, DateTime ExpiresAt, byte[]? Ticket);
