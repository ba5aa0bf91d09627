using System.Globalization;

namespace KetamineCds.Web.Localization;

/// <summary>
/// The languages the app speaks: English (<c>en</c>, the default and the canonical text) and Simplified Chinese
/// (<c>zh-Hans</c>). A browser's or a client's language tag is mapped onto one of them before the request
/// localization middleware chooses (<see cref="Map"/>).
/// </summary>
public static class Cultures
{
    public const string English = "en";

    public const string SimplifiedChinese = "zh-Hans";

    /// <summary>The UI cultures, default first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [English, SimplifiedChinese];

    /// <summary>
    /// Region tags written in Simplified Chinese: mainland China, Singapore and Malaysia. Taiwan, Hong Kong and Macao
    /// write Traditional Chinese; a Simplified page is not what a reader there asked for, so those tags (and
    /// <c>zh-Hant</c>) are not mapped and fall through to the next language the client accepts, else English.
    /// </summary>
    private static readonly HashSet<string> SimplifiedRegions = new(StringComparer.OrdinalIgnoreCase) { "CN", "SG", "MY" };

    /// <summary>
    /// The supported culture a language tag stands for, or the tag unchanged when none fits (the middleware then
    /// skips it): <c>zh</c>, <c>zh-CN</c>, <c>zh-SG</c>, <c>zh-MY</c> and any <c>zh-Hans-*</c> are <c>zh-Hans</c>;
    /// any <c>en-*</c> is <c>en</c>.
    /// </summary>
    public static string Map(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var parts = tag.Trim().Split('-', '_');
        if (parts[0].Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        if (!parts[0].Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            return tag;
        }

        if (parts.Length == 1)
        {
            return SimplifiedChinese;
        }

        // zh-Hans, zh-Hans-CN, zh-Hans-HK: the script subtag decides; zh-CN, zh-SG: the region does.
        return parts[1].Equals("Hans", StringComparison.OrdinalIgnoreCase) || (parts[1].Length == 2 && SimplifiedRegions.Contains(parts[1]))
            ? SimplifiedChinese
            : tag;
    }

    /// <summary>True when this UI culture is Simplified Chinese (or a culture below it, such as zh-Hans-CN).</summary>
    public static bool IsSimplifiedChinese(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.Name.Equals(SimplifiedChinese, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
