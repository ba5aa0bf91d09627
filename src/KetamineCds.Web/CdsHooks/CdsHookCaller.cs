namespace KetamineCds.Web.CdsHooks;

/// <summary>A client that proved who it is: its issuer.</summary>
public sealed record CdsHookCaller(string Issuer);
