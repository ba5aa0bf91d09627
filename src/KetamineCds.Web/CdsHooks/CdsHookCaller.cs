namespace KetamineCds.Web.CdsHooks;

/// <summary>A client that proved who it is: its issuer, and the language configured for its cards (or null).</summary>
public sealed record CdsHookCaller(string Issuer, string? Language = null);
