namespace KetamineCds.Web.CdsHooks;

public sealed record CardSource(string Label, string Url);
