using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA137 F6: the form's introduction promised "Not known" for every question, but a follow-up the other answers make
/// required (the safety net after suicidality, the mood stabilizer's level) offers only Yes and No. The introduction
/// says so, and each such question's hint says what to answer when it is not known: No, the answer the rules read as
/// "not in place", the more cautious one in the field catalogue.
/// </summary>
public sealed class RequiredFollowUpNotKnownTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public RequiredFollowUpNotKnownTests(KetamineCdsFactory factory) => _factory = factory;

    /// <summary>Yes/no questions the answers can make required, so without "Not known", whose more cautious answer is No.</summary>
    private static readonly FieldDefinition[] NoWhenNotKnown = Fields.All
        .Where(f => f.Type == FieldType.YesNo && f.RequiredWhen is not null && f.MoreCautious == MoreCautiousAnswer.No)
        .ToArray();

    /// <summary>The rule each hint names: the one that reads No as "not in place" and asks for it.</summary>
    private static readonly Dictionary<string, string> RuleNamed = new()
    {
        ["safetyPlanInPlace"] = "SUI-003",
        ["lethalMeansCounselled"] = "SUI-004",
        ["followUpArranged"] = "SUI-005",
        ["moodStabilizerOptimized"] = "BIP-003",
    };

    private async Task<string> FormAsync(string language)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Catalogue_RequiredYesNoWithNoAsTheCautiousAnswer_AreTheSafetyNetAndTheMoodStabilizerLevel()
    {
        Assert.Equal(RuleNamed.Keys.Order(StringComparer.Ordinal), NoWhenNotKnown.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("en-GB", "if that is not known, answer No, the safer answer")]
    [InlineData("zh-CN", "不确定时请回答“否”，这是更安全的回答")]
    public async Task NewScreening_RequiredFollowUpWithoutNotKnown_HintSaysToAnswerNoAndNamesTheRule(string language, string answerNo)
    {
        var html = await FormAsync(language);

        foreach (var field in NoWhenNotKnown)
        {
            var group = Regex.Match(html, $"<fieldset [^>]*id=\"{field.Name}-group\"[^>]*>").Value;
            Assert.Contains($"{field.Name}-hint", Regex.Match(group, "aria-describedby=\"([^\"]*)\"").Groups[1].Value, StringComparison.Ordinal);
            var hint = Regex.Match(html, $"<p class=\"hint\" id=\"{field.Name}-hint\">([^<]*)</p>").Groups[1].Value;
            Assert.Contains(answerNo, hint, StringComparison.Ordinal);
            Assert.Contains($"({RuleNamed[field.Name]})", hint.Replace('（', '(').Replace('）', ')'), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-GB", "(Sex at birth: \"Not recorded\") or leave the box empty", "A question marked \"(required)\" does not offer \"Not known\"", "answer \"No\", the safer answer", ", ")]
    [InlineData("zh-CN", "不知道时请选择“不详”（", "标为“（必填）”的问题不提供“不详”", "请按其提示回答“否”，这是更安全的回答", "、")]
    public async Task NewScreening_Introduction_PromisesNotKnownOnlyWhereOfferedAndNamesTheFollowUpsToAnswerNo(string language, string oldPromise, string required, string answerNo, string separator)
    {
        var html = await FormAsync(language);

        var intro = Regex.Match(html, "<p class=\"lead\" id=\"form-intro\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain(oldPromise, intro, StringComparison.Ordinal);
        Assert.Contains(required, intro, StringComparison.Ordinal);
        Assert.Contains(answerNo, intro, StringComparison.Ordinal);
        var labels = NoWhenNotKnown.Select(f => Regex.Match(html, $"<fieldset [^>]*id=\"{f.Name}-group\"[^>]*>\\s*<legend>([^<]+?)\\s*<").Groups[1].Value).ToList();
        Assert.All(labels, label => Assert.NotEqual("", label));
        Assert.Contains(string.Join(separator, labels), intro, StringComparison.Ordinal);
    }
}
