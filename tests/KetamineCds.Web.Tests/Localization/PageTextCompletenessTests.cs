using System.Globalization;
using System.Text.RegularExpressions;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// The pages' own words (<c>T["..."]</c> in the views, <c>IStringLocalizer&lt;PageText&gt;</c> in page models): every key a
/// page uses has its Simplified Chinese, and every translation is used by some page (a changed English key leaves
/// its old translation behind, and the new key untranslated: both fail here).
/// </summary>
public sealed partial class PageTextCompletenessTests
{
    private const string Resource = "PageText.zh-Hans.resx";

    [GeneratedRegex(@"(?:\bT|localizer)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyPattern();

    internal static Dictionary<string, List<string>> KeysUsedByPages()
    {
        // The pages, and the code behind them that words a message for a person (Identity's errors, the password validators).
        var web = Path.GetFullPath(Path.Combine(TranslationResources.Folder, "..", ".."));
        var used = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in KeyPattern().Matches(File.ReadAllText(file)))
            {
                var key = match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                if (!used.TryGetValue(key, out var files))
                {
                    used[key] = files = [];
                }

                files.Add(Path.GetFileName(file));
            }
        }

        return used;
    }

    [Fact]
    public void Pages_UseKeys_ThatTheScanFinds()
    {
        var used = KeysUsedByPages();

        Assert.True(used.Count > 100, $"only {used.Count} page texts found: is the scan looking in the right folder?");
        Assert.Contains("Screen and record", used.Keys);
        Assert.Contains("KetamineCds supports, and never replaces, the clinician's judgement.", used.Keys);
    }

    [Fact]
    public void EveryPageText_HasItsSimplifiedChinese()
    {
        var translations = TranslationResources.Read(Resource);
        var missing = KeysUsedByPages()
            .Where(k => !translations.TryGetValue(k.Key, out var entry) || string.IsNullOrWhiteSpace(entry.Value))
            .Select(k => $"\"{k.Key}\" ({string.Join(", ", k.Value.Distinct())})")
            .ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} page texts have no zh-Hans translation in {Resource}:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryPageTranslation_IsUsedByAPage()
    {
        var used = KeysUsedByPages();
        var orphans = TranslationResources.Read(Resource).Keys.Where(k => !used.ContainsKey(k)).ToList();

        Assert.True(orphans.Count == 0, $"{orphans.Count} translations in {Resource} are used by no page (was the English changed?):\n" + string.Join("\n", orphans));
    }

    [Fact]
    public void PageTexts_DifferOtherwiseThanInCase()
    {
        // The compiled resources keep one of two keys that differ only in case: the other page would show English.
        var clashes = KeysUsedByPages().Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();

        Assert.True(clashes.Count == 0, "page texts that differ only in case: " + string.Join("; ", clashes));
    }

    [Fact]
    public void EveryPageTranslation_KeepsItsPlaceholders()
    {
        var wrong = TranslationResources.Read(Resource).Values
            .Where(e => Placeholders(e.Key) != Placeholders(e.Value))
            .Select(e => $"\"{e.Key}\" -> \"{e.Value}\"")
            .ToList();

        Assert.True(wrong.Count == 0, "these translations lose or add a {n} placeholder:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("zh-Hans", "筛查并记录")]
    [InlineData("en", "Screen and record")]
    public void Localizer_InEachLanguage_GivesThatLanguagesText(string culture, string expected)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = LocalizationSetup.ResourcesPath }), NullLoggerFactory.Instance);
        var localizer = new StringLocalizer<PageText>(factory);
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, localizer["Screen and record"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static string Placeholders(string text) =>
        string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
