using KetamineCds.Domain.Rules;
using static KetamineCds.Web.Tests.Localization.TranslationResources;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// QA157 F5: a psychiatrist read TRD-002's "… (failed trials of different mechanisms) is not shown" as "this is not
/// displayed", where it meant the history does not record them. A rule's texts say what the history records, not what is
/// "shown": checked for the summary, detail and condition of every rule of the current rule set, in English and in the
/// Chinese the app shows for each (显示 reads as "display" there too). Rule set 1.11.0 says so in three texts, in both
/// languages, which shows the check can fail. "Shown" in the sense of evidence ("has not been shown to prevent suicide")
/// is not what these phrases match.
/// </summary>
public sealed class RuleTextsSayRecordedNotShownTests
{
    private static readonly string[] EnglishMarkers = [" is not shown", "could still show", "screening shows"];

    private static readonly string[] ChineseMarkers = ["未显示", "可能显示", "无法显示"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CurrentRuleSet_NoSummaryDetailOrCondition_SaysShownForRecorded(bool chinese) =>
        Assert.Empty(Offending(RuleSetCatalog.Current, chinese));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RuleSet1_11_0_ThreeTexts_SayShownForRecorded(bool chinese)
    {
        // Released texts are never changed; 1.12.0 reworded these three.
        Assert.Equal(
            ["EU-005 detail", "SUI-001 summary", "TRD-002 summary"],
            Offending(RuleSetCatalog.V1_11_0, chinese).Select(o => o[..o.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    /// <summary>"TRD-002 summary: …" for each text of the rule set that says "shown" for "recorded", in the language asked for.</summary>
    private static string[] Offending(RuleSet ruleSet, bool chinese) =>
        [.. ShownRuleTexts(ruleSet, chinese)
            .Where(t => (chinese ? ChineseMarkers : EnglishMarkers).Any(m => t.Text.Contains(m, StringComparison.Ordinal)))
            .Select(t => $"{t.Where}: {t.Text}")];
}
