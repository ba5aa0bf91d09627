namespace KetamineCds.Web.Localization;

/// <summary>The texts of an unconfirmed fact that are translated: the fact, and its few words for a finding's mark.</summary>
public enum UnconfirmedFactPart
{
    Fact,
    InBrief,
}
