using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// In this app "recorded" means written to the decision log, and "not recorded" means a question left unanswered. What
/// a failed or refused request did not keep is "not saved" (as in "The screening was NOT saved"), never "not
/// recorded": QA found the sign-in page and the form's error summary saying "nothing has been recorded".
/// </summary>
public sealed partial class SavedWordingTests
{
    [GeneratedRegex(@"\bnothing (is|was|has been)( yet)? recorded\b|\bsubmitted\b[^.]*\bnot recorded\b|\btyped\b[^.]*\bnot been recorded\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecordedForSaved();

    [Fact]
    public void PageTexts_ForWhatARequestDidNotKeep_SaySavedNotRecorded()
    {
        var wrong = PageTextCompletenessTests.KeysUsedByPages().Keys.Where(k => RecordedForSaved().IsMatch(k)).ToList();

        Assert.True(wrong.Count == 0, "say \"saved\" for what a request did not keep:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void ChinesePageTexts_ForWhatARequestDidNotKeep_SaySavedNotRecorded()
    {
        // 未记录 is the form's "Not recorded" (an unanswered question); what was not kept is 未保存.
        var wrong = TranslationResources.Read("PageText.zh-Hans.resx").Values
            .Where(e => e.Value.Contains("记录任何内容", StringComparison.Ordinal) || e.Value.Contains("未被记录", StringComparison.Ordinal) || e.Value.Contains("尚未记录。", StringComparison.Ordinal))
            .Select(e => $"\"{e.Key}\" -> \"{e.Value}\"")
            .ToList();

        Assert.True(wrong.Count == 0, "say 保存 for what a request did not keep:\n" + string.Join("\n", wrong));
    }
}
