namespace KetamineCds.Infrastructure.Identity;

/// <summary>
/// One signed-in session held on the server: a page session (the cookie carries only this row's key, the ticket
/// lives here) or an API bearer token (the token names this row). Deleting the row ends the session on every app
/// instance at once; a session whose account's security stamp has changed since sign-in (locked, password or roles
/// changed) is refused and deleted on its next use.
/// </summary>
public sealed class UserSession
{
    /// <summary>Kind of a page (cookie) session.</summary>
    public const string PageKind = "page";

    /// <summary>Kind of an API (bearer token) session.</summary>
    public const string ApiKind = "api";

    /// <summary>A random key (64 hex characters).</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary><see cref="PageKind"/> or <see cref="ApiKind"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The account's security stamp at sign-in; the session is valid only while the account still has it.</summary>
    public string? SecurityStamp { get; set; }

    /// <summary>When the user signed in (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The absolute end of the session (UTC), however active it is.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The serialized authentication ticket of a page session; null for an API session.</summary>
    public byte[]? Ticket { get; set; }

    /// <summary>
    /// An API session's token family: the key of the session its sign-in started, carried by every session a refresh
    /// replaces it with; null for a page session. A refresh token used twice ends the whole family.
    /// </summary>
    public string? FamilyId { get; set; }

    /// <summary>
    /// When this API session's refresh token was traded for the next session (UTC); null while it is its family's
    /// current session. A replaced session authenticates nothing; its row stays until its end, so that its refresh
    /// token, presented again, is recognised as reused.
    /// </summary>
    public DateTime? ReplacedAt { get; set; }
}
