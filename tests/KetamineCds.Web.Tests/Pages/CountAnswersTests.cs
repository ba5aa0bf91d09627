using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The counts of failed antidepressant trials and of distinct mechanisms are shown with their measure word in Chinese,
/// "3 次" and "2 种", never a bare number after the label ("抗抑郁药充分治疗失败次数：3"), wherever an answer is shown in
/// words (the result page's answers, the print); in English the number alone, as before.
/// </summary>
public sealed class CountAnswersTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("en-GB", "Failed adequate antidepressant trials", "3", "Distinct mechanisms tried", "2", ": ")]
    [InlineData("zh-CN", "抗抑郁药充分治疗失败次数", "3 次", "已试用的不同作用机制数", "2 种", "：")]
    public async Task ResultAndPrint_TrialsAndMechanisms_ShowTheCountWithItsMeasureWord(string language, string trialsLabel, string trials, string mechanismsLabel, string mechanisms, string colon)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-COUNTS-" + language));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var result = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", language)).Content.ReadAsStringAsync());
        var print = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", language)).Content.ReadAsStringAsync());

        Assert.Contains($"<dt>{trialsLabel}</dt><dd>{trials}</dd>", result, StringComparison.Ordinal);
        Assert.Contains($"<dt>{mechanismsLabel}</dt><dd>{mechanisms}</dd>", result, StringComparison.Ordinal);
        Assert.Contains(trialsLabel + colon + trials, print, StringComparison.Ordinal);
        Assert.Contains(mechanismsLabel + colon + mechanisms, print, StringComparison.Ordinal);
    }
}
