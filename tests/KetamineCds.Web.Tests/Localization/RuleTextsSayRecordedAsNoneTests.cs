using KetamineCds.Domain.Rules;
using static KetamineCds.Web.Tests.Localization.TranslationResources;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// Rule set 1.13.0 (docs/clinical-review.md, section 21): the app tells "not recorded" (a blank, never read as no) from
/// "recorded as none". A rule text that says "no suicidality is recorded" or "no current depressive episode is recorded"
/// where the answer is recorded as none or no reads as a blank, the opposite meaning; and one that says "no safety plan"
/// or "no suicide-risk assessment since is recorded" where the answer may be a blank reads as a recorded no. Checked for
/// the summary, detail and condition of every rule of the current rule set, in English and in the Chinese the app shows for
/// each. Rule set 1.12.0 says so in fourteen English texts and four Chinese ones, which shows the check can fail. EU-005's
/// "no PHQ-9 total of 10 or more is recorded" is what it means (a total below 10, or none), and is not matched. The English
/// markers are matched whatever the case ("No current depressive episode is recorded" begins a condition).
/// </summary>
public sealed class RuleTextsSayRecordedAsNoneTests
{
    private static readonly string[] EnglishMarkers =
    [
        "no suicidality is recorded",
        "no suicidality recorded",
        "no current depressive episode is",
        "no current episode recorded",
        "needs a current episode recorded.",
        "no suicide-risk assessment since is recorded.",
        "no safety plan, no lethal-means counselling",
    ];

    /// <summary>未记录目前处于（抑郁）发作: "not recorded as in an episode", for an episode recorded as absent; 没有安全计划: "no safety plan", for a safety net not recorded as in place.</summary>
    private static readonly string[] ChineseMarkers = ["未记录目前处于", "没有安全计划、没有致命手段限制咨询"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CurrentRuleSet_NoSummaryDetailOrCondition_SaysNoRecordedForRecordedAsNone(bool chinese) =>
        Assert.Empty(Offending(RuleSetCatalog.Current, chinese));

    [Fact]
    public void RuleSet1_12_0_FourteenEnglishTexts_SayNoRecordedForRecordedAsNoneOrTheConverse()
    {
        // Released texts are never changed; 1.13.0 reworded these.
        Assert.Equal(
            ["REC-001 condition", "REC-002 condition", "REC-003 condition", "REC-004 condition", "REC-005 condition", "REC-006 condition",
             "SCR-002 condition", "SCR-002 detail", "SCR-002 summary", "SUI-001 condition", "SUI-009 condition",
             "TRD-005 condition", "TRD-005 detail", "TRD-005 summary"],
            Where(RuleSetCatalog.V1_12_0, chinese: false));
    }

    [Fact]
    public void RuleSet1_12_0_FourChineseTexts_SayNotRecordedForRecordedAsAbsentOrNoForNotRecorded()
    {
        // The Chinese of REC-001 to REC-006, SCR-002 and SUI-001 already said 记录为“无” / 记录为目前未处于; TRD-005's and
        // SUI-009's had the English's ambiguity.
        Assert.Equal(
            ["SUI-009 condition", "TRD-005 condition", "TRD-005 detail", "TRD-005 summary"],
            Where(RuleSetCatalog.V1_12_0, chinese: true));
    }

    private static string[] Where(RuleSet ruleSet, bool chinese) =>
        [.. Offending(ruleSet, chinese).Select(o => o[..o.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal)];

    /// <summary>"TRD-005 summary: …" for each text of the rule set that says "no X recorded" for "recorded as none", or the converse.</summary>
    private static string[] Offending(RuleSet ruleSet, bool chinese) =>
        [.. ShownRuleTexts(ruleSet, chinese)
            .Where(t => (chinese ? ChineseMarkers : EnglishMarkers).Any(m => t.Text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            .Select(t => $"{t.Where}: {t.Text}")];
}
