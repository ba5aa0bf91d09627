namespace KetamineCds.Web.Security;

/// <summary>A live session as <see cref="ServerSessions.FindAsync"/> returns it.</summary>
/// <param name="Id">The session's key.</param>
/// <param name="UserId">The account.</param>
/// <param name="Kind">Page or API.</param>
/// <param name="CreatedAt">When the user signed in (UTC): the absolute lifetime counts from here.</param>
/// <param name="ExpiresAt">When it ends unless renewed (UTC).</param>
/// <param name="Ticket">The page session's serialized ticket.</param>
public sealed record LiveSession(string Id, string UserId, string Kind, DateTime CreatedAt, DateTime ExpiresAt, byte[]? Ticket);
