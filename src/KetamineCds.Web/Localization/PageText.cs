namespace KetamineCds.Web.Localization;

/// <summary>
/// The pages' own words (headings, buttons, explanations), as <c>IStringLocalizer&lt;PageText&gt;</c> (<c>T</c> in every
/// view). The key is the English text; the Simplified Chinese is in <c>Resources/Localization/PageText.zh-Hans.resx</c>,
/// and a test fails on any key a page uses that has no translation, and on any translation no page uses.
/// </summary>
public sealed class PageText;
