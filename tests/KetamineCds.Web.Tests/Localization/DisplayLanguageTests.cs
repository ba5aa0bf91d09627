using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using static KetamineCds.Web.Tests.Localization.TranslationCompletenessTests;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>The display helpers the pages and the print use answer in the request's language.</summary>
public sealed class DisplayLanguageTests
{
    [Theory]
    [InlineData("en", "psychosis", "none", "Psychosis: None")]
    [InlineData("zh-Hans", "psychosis", "none", "精神病性症状：无")]
    [InlineData("en", "pregnant", "not recorded", "Pregnant: Not recorded")]
    [InlineData("zh-Hans", "pregnant", "not recorded", "妊娠：未记录")]
    [InlineData("zh-Hans", "onOpioids", "true", "正在使用阿片类药物：是")]
    [InlineData("zh-Hans", "ageYears", "45", "年龄（岁）：45 岁")]
    [InlineData("en", "substancesUsed", "alcohol, cannabis", "Substances involved: Alcohol, Cannabis")]
    [InlineData("zh-Hans", "substancesUsed", "alcohol, cannabis", "涉及的物质：酒精、大麻")]
    public void Because_Evidence_IsLabelAndValueInTheRequestsLanguage(string culture, string field, string value, string expected)
    {
        using var _ = new UiCulture(culture);

        Assert.Equal(expected, Display.Because(new Evidence(field, value)));
    }

    /// <summary>
    /// The incomplete verdict is about answers missing (not recorded); the decision log's failure is about the screening not being
    /// saved. Neither uses the other's words, in either language, on the page or in the API, so the two never read alike.
    /// </summary>
    [Theory]
    [InlineData("en", "Incomplete \u2014 answers missing", "answers missing", "not recorded", "saved", "The screening was NOT saved", "The screening could NOT be confirmed as saved")]
    [InlineData("zh-Hans", "不完整——缺少回答", "缺少回答", "记录", "保存", "筛查未能保存", "无法确认筛查已保存")]
    public void IncompleteVerdictAndTheLogFailure_InEachLanguage_NeverShareTheirWords(
        string culture, string verdict, string aboutAnswers, string notRecorded, string saved, string formFailure, string formMaybe)
    {
        using var _ = new UiCulture(culture);
        var page = new Microsoft.Extensions.Localization.StringLocalizer<PageText>(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = LocalizationSetup.ResourcesPath }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        Assert.Equal(verdict, Display.Of(Verdict.Incomplete).Text);
        Assert.Equal(verdict, Display.Of(PathwayStatus.Incomplete).Text);
        Assert.Contains(aboutAnswers, verdict, StringComparison.Ordinal);
        Assert.DoesNotContain(saved, verdict, StringComparison.Ordinal);

        string[] failures =
        [
            page["The screening was NOT saved"].Value,
            page["The screening could NOT be confirmed as saved"].Value,
            page["The override was NOT saved: the decision log is unavailable. Your text is kept below; try again shortly."].Value,
            ClinicalText.Shared.Message("Problem.LogUnavailable"),
            ClinicalText.Shared.Message("Problem.OutcomeUnknown"),
            ClinicalText.Shared.Message("Problem.FieldsNeedAttention"),
        ];
        Assert.Equal(formFailure, failures[0]);
        Assert.Equal(formMaybe, failures[1]);
        Assert.All(failures, f => Assert.Contains(saved, f, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain(notRecorded, f, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Of_VerdictInChinese_KeepsSymbolAndStyleAndTranslatesTheWords()
    {
        using var _ = new UiCulture(Cultures.SimplifiedChinese);

        var (text, symbol, css) = Display.Of(Verdict.Incomplete);

        Assert.Equal("不完整——缺少回答", text);
        Assert.Equal(Display.IncompleteSymbol, symbol);
        Assert.Equal("incomplete", css);
    }

    [Fact]
    public void ChoiceLabel_FieldSpecificWordsInBothLanguages_DifferFromTheGenericOnes()
    {
        using (new UiCulture(Cultures.English))
        {
            Assert.Equal("Active psychosis", Display.ChoiceLabel("psychosis", "active"));
            Assert.Equal("Active", Display.ChoiceLabel("substanceUse", "active"));
        }

        using (new UiCulture(Cultures.SimplifiedChinese))
        {
            Assert.Equal("活动性精神病", Display.ChoiceLabel("psychosis", "active"));
            Assert.Equal("活动期", Display.ChoiceLabel("substanceUse", "active"));
        }
    }
}
