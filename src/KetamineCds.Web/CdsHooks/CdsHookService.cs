namespace KetamineCds.Web.CdsHooks;

/// <summary>One CDS service: its id, hook, texts and prefetch templates.</summary>
public sealed record CdsHookService(string Id, string Hook, string Title, string Description, bool OrderSign);
