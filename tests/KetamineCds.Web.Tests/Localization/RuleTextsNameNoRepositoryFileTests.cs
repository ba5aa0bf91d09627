using KetamineCds.Domain.Rules;
using static KetamineCds.Web.Tests.Localization.TranslationResources;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// QA137 F5: a rule's texts are read on the result page, the printed chart and the Rules page, where a clinician cannot open
/// a file of the repository; a fact still to verify is pointed to on the app's Rules page ("To verify"), never to
/// docs/rules.md. Checked for the summary, detail and condition of every rule of the current rule set, in English and in
/// the Chinese the app shows for each. Rule set 1.10.0 still names docs/rules.md in six details, which shows the check can fail.
/// </summary>
public sealed class RuleTextsNameNoRepositoryFileTests
{
    /// <summary>What names a repository file or folder: a path under docs/ or src/, a Markdown file, an ADR by number.</summary>
    private static readonly string[] RepositoryMarkers = ["docs/", "src/", ".md", "ADR "];

    [Fact]
    public void CurrentRuleSet_NoEnglishSummaryDetailOrCondition_NamesARepositoryFile() =>
        Assert.Empty(Offending(RuleSetCatalog.Current, chinese: false));

    [Fact]
    public void CurrentRuleSet_NoChineseSummaryDetailOrCondition_NamesARepositoryFile() =>
        Assert.Empty(Offending(RuleSetCatalog.Current, chinese: true));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RuleSet1_10_0_SixDetails_NameDocsRulesMd(bool chinese)
    {
        // The check above can fail: 1.10.0, the release before the fix, names docs/rules.md in six details (and SUB-001's
        // names ADR 0002), in both languages. Released texts are never changed; 1.11.0 replaced these six.
        Assert.Equal(
            ["AGE-003 detail", "CV-003 detail", "CV-006 detail", "CV-007 detail", "SUB-001 detail", "SUI-003 detail"],
            Offending(RuleSetCatalog.V1_10_0, chinese).Select(o => o[..o.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    /// <summary>"SUI-003 detail: …" for each text of the rule set that names a repository file, in the language asked for.</summary>
    private static string[] Offending(RuleSet ruleSet, bool chinese) =>
        [.. ShownRuleTexts(ruleSet, chinese)
            .Where(t => RepositoryMarkers.Any(m => t.Text.Contains(m, StringComparison.Ordinal)))
            .Select(t => $"{t.Where}: {t.Text}")];
}
