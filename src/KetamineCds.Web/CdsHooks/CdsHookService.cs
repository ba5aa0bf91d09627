namespace KetamineCds.Web.CdsHooks;

/// <summary>One CDS service: its id and hook (its title and description are in <see cref="CardTexts"/>, in the request's language).</summary>
public sealed record CdsHookService(string Id, string Hook, bool OrderSign);
