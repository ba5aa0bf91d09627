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

    [Fact]
    public void Of_VerdictInChinese_KeepsSymbolAndStyleAndTranslatesTheWords()
    {
        using var _ = new UiCulture(Cultures.SimplifiedChinese);

        var (text, symbol, css) = Display.Of(Verdict.Incomplete);

        Assert.Equal("不完整——未记录", text);
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
