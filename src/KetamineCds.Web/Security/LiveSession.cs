namespace KetamineCds.Web.Security;

/// <summary>A live session as <see cref="ServerSessions.FindAsync"/> returns it.</summary>
/// <param name="Id">The session's key.</param>
/// <param name="UserId">The account.</param>
/// <param name="Kind">Page or API.</param>
/// <param name="CreatedAt">When the user signed in (UTC): the absolute lifetime counts from here.</param>
/// <param name="ExpiresAt">When it ends unless renewed (UTC).</param>
/// <param name="Ticket">The page session's serialized ticket.</param>
public sealed record LiveSession(string Id, string UserId, string Kind, DateTime CreatedAt, DateTime ExpiresAt, byte[]? Ticket);

/// <summary>An API session as <see cref="ServerSessions.StartApiAsync"/> started it.</summary>
/// <param name="Id">The session's key, carried by its tokens.</param>
/// <param name="FamilyId">Its token family.</param>
/// <param name="ExpiresAt">When it ends: an access token's lifetime from now, or the absolute end if sooner.</param>
public sealed record StartedApiSession(string Id, string FamilyId, DateTimeOffset ExpiresAt);

/// <summary>The API session a refresh token names, as <see cref="ServerSessions.FindForRefreshAsync"/> finds it.</summary>
/// <param name="Id">The session's key.</param>
/// <param name="UserId">The account.</param>
/// <param name="FamilyId">Its token family.</param>
/// <param name="SignedInAt">When the user signed in with a password (UTC); null for a replaced session.</param>
/// <param name="Replaced">True when its refresh token was already traded: presenting it again is a reuse.</param>
public sealed record RefreshableSession(string Id, string UserId, string FamilyId, DateTimeOffset? SignedInAt, bool Replaced);
