namespace KetamineCds.Web.CdsHooks;

public sealed record Coding(string System, string Code, string Display);
