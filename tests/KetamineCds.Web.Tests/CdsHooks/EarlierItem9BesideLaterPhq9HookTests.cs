using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Fhir;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 223: the item 9 side of helper 218's gap. A chart that holds PHQ-9 results taken after the clinician's last
/// KetamineCds screening (other items, a total, a panel) but no item 9 was completed with that screening's item 9 (its "0",
/// no thoughts of self-harm): an old reassuring answer put beside a newer questionnaire whose item 9 the chart does not
/// give. It is now not carried when any such result may be newer than the screening's answers (taken at or after them,
/// or at a time that cannot be placed against them): item 9 stays not recorded, and each result is named beside it on
/// the card, in the prefill's check list and so in the log (the card's words). Results all taken before the screening
/// leave its item 9 carried. Helper 225: the same for the chart's own item 9 (an older "0") beside a later PHQ-9 result
/// that gives no item 9: not read, not prefilled, both named. Answered in process.
/// </summary>
public sealed class EarlierItem9BesideLaterPhq9HookTests(ITestOutputHelper output)
{
    /// <summary>The PHQ-9's items 1-8 (phq9-total.json), item 9 (44260-8) left out.</summary>
    private static readonly string[] FirstEightItems = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3"];

    private const string WithoutThisItem = "a result of this item's questionnaire (its total, or the answer to another of its items; the time shown) that gives no answer to this item";

    /// <summary>The prefill the cards link to, having asserted that it holds no item 9 and that item 9 is not among the fields carried.</summary>
    private static async Task<PrefillContent> AssertPrefillLacksItem9Async(KetamineCdsFactory factory, IReadOnlyList<Card> cards)
    {
        var prefillId = new Uri(cards.SelectMany(c => c.Links ?? []).First().Url).Query.Split("prefill=")[1];
        var prefill = await factory.Services.GetRequiredService<KetamineCds.Infrastructure.CdsHooks.CdsHookStore>().FindPrefillAsync(prefillId, CancellationToken.None);
        var content = PrefillContent.Read(prefill!.InputJson);
        using var input = JsonDocument.Parse(content.InputJson);
        Assert.False(input.RootElement.TryGetProperty("phq9Item9", out _), "the prefill holds the earlier phq9Item9");
        Assert.DoesNotContain("phq9Item9", content.Carried);
        return content;
    }

    private static async Task AssertNoRescreenCarriesItem9Async(HttpClient api, string patient) =>
        Assert.All(await RescreensAsync(api, patient), input => Assert.False(input.TryGetProperty("phq9Item9", out var v) && v.ValueKind != JsonValueKind.Null, "the earlier item 9 filled phq9Item9"));

    private static async Task<HttpClient> ScreenedAsync(KetamineCdsFactory factory, string patient)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        // Item 9 answered 0 and a total of 18 (ChartChecksHookTests.CompleteNo).
        var created = await api.PostAsJsonAsync("/api/v1/screenings", ChartChecksHookTests.CompleteNo(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return api;
    }

    [Fact]
    public async Task PatientView_EightItemsTakenAfterTheEarlierScreening_NoItem9InTheChart_TheEarlierItem9IsNotCarried_TheItemsNamed()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H223-LATER-ITEMS";
        var api = await ScreenedAsync(factory, P);
        // Taken after the screening was recorded (a minute on, within the clock's tolerance): a later administration.
        var taken = DateTimeOffset.UtcNow.AddMinutes(1);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, [Patient(P), Mdd(P), .. FirstEightItems.Select((code, i) => Score(P, $"i{i + 1}", code, 2, taken))]);

        var detail = AllDetail(cards, output);
        // Helper 234: the eight on one line, each named once (they were eight lines).
        Assert.Contains(ClinicalText.Shared.FieldLabel("phq9Item9") + ": the chart holds 8 results of this questionnaire, each named here once (the times shown): “44250-9, ", detail, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(detail, System.Text.RegularExpressions.Regex.Escape("(Observation/i1)")));
        Assert.Contains("For " + ClinicalText.Shared.FieldLabel("phq9Item9") + ": none gives an answer to it, and each was taken at or after the time the earlier screening's answers were recorded", detail, StringComparison.Ordinal);
        await AssertNoRescreenCarriesItem9Async(api, P);
        var content = await AssertPrefillLacksItem9Async(factory, cards);
        Assert.Equal(8, content.ToCheck.Count(c => c.Field == "phq9Item9"));
    }

    [Fact]
    public async Task PatientView_ATotalTakenAfterTheEarlierScreening_NoItem9InTheChart_TheEarlierItem9IsNotCarried_TheTotalNamedBesideIt()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H223-LATER-TOTAL";
        var api = await ScreenedAsync(factory, P);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "tot", "44261-6", 20, DateTimeOffset.UtcNow.AddMinutes(1)));

        var detail = AllDetail(cards, output);
        Assert.Contains(ClinicalText.Shared.FieldLabel("phq9Item9") + ": the chart holds “44261-6, ", detail, StringComparison.Ordinal);
        Assert.Contains("(Observation/tot), " + WithoutThisItem, detail, StringComparison.Ordinal);
        await AssertNoRescreenCarriesItem9Async(api, P);
        var content = await AssertPrefillLacksItem9Async(factory, cards);
        Assert.Contains(content.ToCheck, c => c.Field == "phq9Item9" && c.Reference == "Observation/tot");
        // The total is read from the chart (the newer reading): the form names the result only beside item 9.
        Assert.Contains("The chart holds “44261-6, ", await ChartChecksHookTests.FormAsync(factory, cards), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ATotalThatGivesNoTimeTaken_NoItem9InTheChart_TheEarlierItem9IsNotCarried()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H223-UNTIMED-TOTAL";
        var api = await ScreenedAsync(factory, P);

        // When it was taken cannot be placed against the screening's answers: it may be the newer.
        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "tot", "44261-6", 20, null));

        var detail = AllDetail(cards, output);
        Assert.Contains(ClinicalText.Shared.FieldLabel("phq9Item9") + ": the chart holds “44261-6, ?” (Observation/tot), " + WithoutThisItem, detail, StringComparison.Ordinal);
        await AssertNoRescreenCarriesItem9Async(api, P);
        await AssertPrefillLacksItem9Async(factory, cards);
    }

    [Fact]
    public async Task PatientView_ATotalAndItemsTakenBeforeTheEarlierScreening_TheEarlierItem9IsCarried()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H223-OLDER";
        // Taken two days before the screening: the screening's item 9 is the newer answer.
        var taken = DateTimeOffset.UtcNow.AddDays(-2);
        var api = await ScreenedAsync(factory, P);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "tot", "44261-6", 18, taken), Score(P, "i1", "44250-9", 2, taken));

        var detail = AllDetail(cards, output);
        Assert.DoesNotContain(WithoutThisItem, detail, StringComparison.Ordinal);
        Assert.Contains(await RescreensAsync(api, P), input => input.TryGetProperty("phq9Item9", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() == 0);
    }

    private const string AfterChartAnswer = WithoutThisItem + ", taken after the chart's own answer to this item (named here)";

    private const string ChartAnswerBesideLater = "the latest final answer to this item, but also a later result of its questionnaire";

    [Fact]
    public async Task PatientView_TheChartsItem9Of0_BesideATotalTakenLater_IsNotPrefilled_BothNamed()
    {
        // Helper 225: the chart's own item 9, an older "0", beside a newer PHQ-9 that gives no item 9; no earlier screening.
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H225-OLDER-CHART-ITEM9";
        var now = DateTimeOffset.UtcNow;

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "i9", "44260-8", 0, now.AddDays(-10)), Score(P, "tot", "44261-6", 20, now.AddDays(-1)));

        var detail = AllDetail(cards, output);
        Assert.Contains(ClinicalText.Shared.FieldLabel("phq9Item9") + ": the chart holds “44261-6, ", detail, StringComparison.Ordinal);
        Assert.Contains("(Observation/tot), " + AfterChartAnswer, detail, StringComparison.Ordinal);
        Assert.Contains("(Observation/i9), " + ChartAnswerBesideLater, detail, StringComparison.Ordinal);
        var content = await AssertPrefillLacksItem9Async(factory, cards);
        Assert.Contains(content.ToCheck, c => c.Field == "phq9Item9" && c.Reference == "Observation/tot");
        Assert.Contains(content.ToCheck, c => c.Field == "phq9Item9" && c.Reference == "Observation/i9");
    }

    [Fact]
    public async Task PatientView_TheChartsPositiveItem9_BesideATotalTakenLater_IsNotRead_ButItsWarningCardStays()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H225-OLDER-CHART-ITEM9-POSITIVE";
        var now = DateTimeOffset.UtcNow;

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "i9", "44260-8", 2, now.AddDays(-10)), Score(P, "tot", "44261-6", 20, now.AddDays(-1)));

        var detail = AllDetail(cards, output);
        Assert.Contains(cards, c => c.Summary.StartsWith("PHQ-9 item 9 is 2 in the chart, not read", StringComparison.Ordinal));
        Assert.Contains("2, the latest final result, beside a later result of the PHQ-9 that gives no item 9", detail, StringComparison.Ordinal);
        await AssertPrefillLacksItem9Async(factory, cards);
    }

    [Fact]
    public async Task PatientView_TheChartsItem9_BesideATotalTakenBeforeIt_IsPrefilled()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H225-NEWER-CHART-ITEM9";
        var now = DateTimeOffset.UtcNow;

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "i9", "44260-8", 0, now.AddDays(-1)), Score(P, "tot", "44261-6", 20, now.AddDays(-10)));

        var detail = AllDetail(cards, output);
        Assert.DoesNotContain(WithoutThisItem, detail, StringComparison.Ordinal);
        var prefillId = new Uri(cards.SelectMany(c => c.Links ?? []).First().Url).Query.Split("prefill=")[1];
        var prefill = await factory.Services.GetRequiredService<KetamineCds.Infrastructure.CdsHooks.CdsHookStore>().FindPrefillAsync(prefillId, CancellationToken.None);
        using var input = JsonDocument.Parse(PrefillContent.Read(prefill!.InputJson).InputJson);
        Assert.Equal(0, input.RootElement.GetProperty("phq9Item9").GetInt32());
    }

    [Theory]
    [InlineData("en", "PHQ-9 item 9: the chart holds “44261-6, 2026-12-05 09:00 UTC” (Observation/tot), " + WithoutThisItem + ", taken at or after the time the earlier screening's answers were recorded, or at a time that cannot be placed against it.")]
    [InlineData("zh-Hans", "（Observation/tot），这是此项所属量表的一条结果（其总分，或其另一条目的作答；即所示时间），未给出此项的作答，测得于既往筛查的答案记录之时或之后，或其时间无法与之比较。")]
    public void ChartChecks_AResultNamedBesideItem9_SaysItGivesNoAnswerToIt(string culture, string expected)
    {
        using var language = new Localization.TranslationCompletenessTests.UiCulture(culture);

        var line = Assert.Single(CardTexts.ChartChecks([new ChartEntryToCheck("phq9Item9", ChartCheckKind.ItemWithoutTotal, "Observation/tot", "44261-6, 2026-12-05 09:00 UTC")]));

        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith(culture == "en" ? "Cites: P-SAFETY-REMS." : "依据：P-SAFETY-REMS。", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "PHQ-9 item 9: the chart holds “44261-6, 2026-12-05 09:00 UTC” (Observation/tot), " + AfterChartAnswer + ", or at a time that cannot be placed against it. That answer may be of an older administration")]
    [InlineData("zh-Hans", "（Observation/tot），这是此项所属量表的一条结果（其总分，或其另一条目的作答；即所示时间），未给出此项的作答，测得于病历中此项自身的作答（已在此列出）之后")]
    public void ChartChecks_AResultNamedBesideTheChartsOlderItem9_SaysThatAnswerIsNotRead(string culture, string expected)
    {
        using var language = new Localization.TranslationCompletenessTests.UiCulture(culture);

        var line = Assert.Single(CardTexts.ChartChecks([new ChartEntryToCheck("phq9Item9", ChartCheckKind.ItemWithoutTotal, "Observation/tot", "44261-6, 2026-12-05 09:00 UTC") { ChartPartOlder = true }]));

        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(culture == "en" ? "the earlier screening's answers were recorded" : "既往筛查的答案记录之时", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "PHQ-9 item 9: the chart holds “44260-8” (Observation/i9), " + ChartAnswerBesideLater + " (named here: its total, or the answer to another of its items) that gives no answer to this item")]
    [InlineData("zh-Hans", "（Observation/i9），这是此项最新的最终作答，但病历中另有其所属量表一条更晚的结果")]
    public void ChartChecks_TheChartsItem9BesideALaterResultWithoutIt_SaysWhy_NotThatTheLaterIsNotFinal(string culture, string expected)
    {
        using var language = new Localization.TranslationCompletenessTests.UiCulture(culture);

        var line = Assert.Single(CardTexts.ChartChecks([new ChartEntryToCheck("phq9Item9", ChartCheckKind.ResultBesideNewer, "Observation/i9", "44260-8") { Value = 0, ChartPartOlder = true }]));

        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(culture == "en" ? "not final" : "尚非最终", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", new[] { 1, 2, 3 }, "(Observation/panel), a panel of this questionnaire giving the answers to items 1, 2, 3 only and no total,")]
    [InlineData("en", new[] { 4 }, "(Observation/panel), a panel of this questionnaire giving the answer to item 4 only and no total,")]
    [InlineData("zh-Hans", new[] { 1, 2, 3 }, "（Observation/panel），这是此量表的一个组合结果（panel），仅给出第 1、2、3 项的作答，没有总分，")]
    public void ChartChecks_APartialPanelNamedBesideTheTotal_SaysWhichItemsItGives(string culture, int[] items, string expected)
    {
        using var language = new Localization.TranslationCompletenessTests.UiCulture(culture);

        var line = Assert.Single(CardTexts.ChartChecks([new ChartEntryToCheck("phq9Total", ChartCheckKind.ItemWithoutTotal, "Observation/panel", "44249-1, 2026-12-05 09:00 UTC") { Items = items }]));

        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("one item", line, StringComparison.Ordinal);
    }
}
