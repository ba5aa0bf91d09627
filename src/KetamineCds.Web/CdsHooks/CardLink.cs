namespace KetamineCds.Web.CdsHooks;

public sealed record CardLink(string Label, string Url, string Type);
