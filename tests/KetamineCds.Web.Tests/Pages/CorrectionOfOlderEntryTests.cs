using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// What a correction changed ("label: before → after", <c>#correction-changed</c> on the correction's result page and
/// print) of an entry decided under an older rule set: a question a later rule set added was never asked of that entry,
/// so its "before" says so in the words the result page, the print and the audit entry use for it (AddedAfterEntry), in
/// English and Chinese, never "Not recorded" and never "no"; a question asked then and left blank stays "Not recorded".
/// </summary>
public sealed class CorrectionOfOlderEntryTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("en", "", "Raised intraocular pressure: Not asked: added in rule set 1.17.0, after this entry → Yes")]
    [InlineData("en", "/Print", "Raised intraocular pressure: Not asked: added in rule set 1.17.0, after this entry → Yes")]
    [InlineData("zh-CN", "", "眼压增高：未询问：规则集 1.17.0 新增，晚于本条目 → 是")]
    [InlineData("zh-CN", "/Print", "眼压增高：未询问：规则集 1.17.0 新增，晚于本条目 → 是")]
    public async Task CorrectionOf1_2_0Entry_AnsweringAQuestionAddedLater_SaysItWasNotAskedThen(string language, string page, string expected)
    {
        var correction = await CorrectAsync(RuleSetCatalog.V1_2_0, "MRN-CORR-OLD-IOP", ("raisedIntraocularPressure", true));

        var changed = await ChangedAsync($"/Screenings/{correction}{page}", language);

        Assert.Contains(expected, changed, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "Not recorded" : "未记录", changed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "", "Cognitive impairment: Not asked: added in rule set 1.1.0, after this entry → Yes")]
    [InlineData("en", "/Print", "Cognitive impairment: Not asked: added in rule set 1.1.0, after this entry → Yes")]
    [InlineData("zh-CN", "", "认知功能损害：未询问：规则集 1.1.0 新增，晚于本条目 → 是")]
    [InlineData("zh-CN", "/Print", "认知功能损害：未询问：规则集 1.1.0 新增，晚于本条目 → 是")]
    public async Task CorrectionOf1_0_0Entry_AnsweringAQuestionOf1_1_0_SaysItWasNotAskedThen(string language, string page, string expected)
    {
        var correction = await CorrectAsync(RuleSetCatalog.V1_0_0, "MRN-CORR-OLD-COG", ("cognitiveImpairment", true));

        var changed = await ChangedAsync($"/Screenings/{correction}{page}", language);

        Assert.Contains(expected, changed, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "Not recorded" : "未记录", changed, StringComparison.Ordinal);
    }

    /// <summary>The control: the same question, asked under 1.2.0 and left blank, is "Not recorded" before the correction.</summary>
    [Theory]
    [InlineData("en", "", "Cognitive impairment: Not recorded → Yes")]
    [InlineData("en", "/Print", "Cognitive impairment: Not recorded → Yes")]
    [InlineData("zh-CN", "", "认知功能损害：未记录 → 是")]
    [InlineData("zh-CN", "/Print", "认知功能损害：未记录 → 是")]
    public async Task CorrectionOf1_2_0Entry_AnsweringAQuestionAskedThenAndLeftBlank_StillSaysNotRecorded(string language, string page, string expected)
    {
        var correction = await CorrectAsync(RuleSetCatalog.V1_2_0, "MRN-CORR-OLD-BLANK", ("cognitiveImpairment", true));

        var changed = await ChangedAsync($"/Screenings/{correction}{page}", language);

        Assert.Contains(expected, changed, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "Not asked" : "未询问", changed, StringComparison.Ordinal);
    }

    /// <summary>The other control: under the current rule set the question was asked, so its blank is "Not recorded".</summary>
    [Fact]
    public async Task CorrectionOfACurrentEntry_AnsweringTheSameQuestion_SaysNotRecorded()
    {
        var correction = await CorrectAsync(RuleSetCatalog.Current, "MRN-CORR-NOW-IOP", ("raisedIntraocularPressure", true));

        var changed = await ChangedAsync($"/Screenings/{correction}", "en");

        Assert.Contains("Raised intraocular pressure: Not recorded → Yes", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("Not asked", changed, StringComparison.Ordinal);
    }

    /// <summary>
    /// Records the eight required answers decided under <paramref name="ruleSet"/>, then corrects them through the API with
    /// <paramref name="answer"/> added; returns the correction's id.
    /// </summary>
    private async Task<Guid> CorrectAsync(RuleSet ruleSet, string prefix, (string Field, bool Value) answer)
    {
        var reference = prefix + "-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var history = LoggedDirectly.RequiredAnswers(reference);
        var earlier = await LoggedDirectly.RecordAsync(factory, history, new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-" + prefix, ScreeningEngine.Evaluate(history, ruleSet));

        var body = JsonSerializer.SerializeToNode(history, ContractJson.Options)!.AsObject();
        body[answer.Field] = answer.Value;
        body["correctionReason"] = "Asked again at the visit.";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var post = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections", body);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        return (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The text of <c>#correction-changed</c> on the page, in <paramref name="language"/>.</summary>
    private async Task<string> ChangedAsync(string path, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var changed = Regex.Match(html, "<[^>]+id=\"correction-changed\"[^>]*>(.*?)</(p|div)>", RegexOptions.Singleline);
        Assert.True(changed.Success, "No #correction-changed on " + path);
        return changed.Groups[1].Value;
    }
}
