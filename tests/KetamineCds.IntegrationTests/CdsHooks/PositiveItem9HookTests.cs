using System.Globalization;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// QA132 F4 and F11 through signed hook calls: a positive PHQ-9 item 9 in the chart never reached the card (one info card,
/// "screening incomplete", listing Suicidality as not recorded); item 9 above the total was read as both and prefilled;
/// a blood pressure dated 20 hours ahead was silently not read.
/// </summary>
public sealed class PositiveItem9HookTests
{
    private const string Item9Prefix = "PHQ-9 item 9 is ";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The clinic's time as the cards write it (the test clinic is in UTC).</summary>
    private static string ClinicTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Score(string id, string loinc, string when, int value) =>
        $$"""{"resourceType": "Observation", "id": "{{id}}", "status": "final", "subject": {"reference": "Patient/PATIENT"}, "code": {"coding": [{"system": "http://loinc.org", "code": "{{loinc}}"}]}, "effectiveDateTime": "{{when}}", "valueInteger": {{value}}}""";

    private static string Summary(JsonNode? card) => card!["summary"]!.GetValue<string>();

    private static string Detail(JsonNode? card) => card!["detail"]!.GetValue<string>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChartItem9OfThree_WhileTheScreeningIsIncomplete_GetsAWarningCardNamingTheValueObservationAndTime(bool orderSign)
    {
        // QA132 F4's case: PHQ-9 total 22 and item 9 = 3 from today; nothing else says suicidality.
        using var app = CdsHooksApp.Sqlite();
        var taken = DateTimeOffset.UtcNow.AddHours(-2);
        var call = CdsHooksApp.ChartCall("qa132-f4", orderSign, Score("tot", "44261-6", Utc(taken), 22), Score("i9", "44260-8", Utc(taken), 3));

        var cards = await app.CardsAsync(orderSign ? OrderSign : PatientView, call);

        var card = Assert.Single(cards, c => Summary(c).StartsWith(Item9Prefix, StringComparison.Ordinal));
        Assert.Equal("warning", card!["indicator"]!.GetValue<string>());
        Assert.Equal($"PHQ-9 item 9 is 3 in the chart (Observation/i9, {ClinicTime(taken)}): assess suicide risk now", Summary(card));
        Assert.True(Summary(card).Length <= 140);
        var detail = Detail(card);
        Assert.Contains($"The chart's latest PHQ-9 item 9 is 3 (Observation/i9, taken {ClinicTime(taken)}). The clinician must assess suicidality now and record it", detail, StringComparison.Ordinal);
        // SUI-008's own words and citations (from the rule, not copied).
        Assert.Contains("Any score above zero on PHQ-9 item 9 warrants immediate follow-up whatever the total.", detail, StringComparison.Ordinal);
        Assert.Contains("Cites: PHQ-9, C-SSRS. Rule SUI-008.", detail, StringComparison.Ordinal);
        Assert.EndsWith("#SUI-008", card["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        // Not a contradiction: the total is read, and nothing about item 9 is on the list to check.
        Assert.DoesNotContain("The chart also gives", detail, StringComparison.Ordinal);
        // Ordered as the cards are: no critical card here, the warning before the incomplete card, which stays last.
        Assert.Equal(0, cards.IndexOf(card));
        Assert.StartsWith("Ketamine screening incomplete", Summary(cards[^1]), StringComparison.Ordinal);

        // The log keeps the card as sent, and the value as read.
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var origin = HookOrigin.FromJson(answer.HookOriginJson!);
        Assert.Contains(origin.Shown!.Cards, c => c.Summary == Summary(card) && c.Indicator == "warning");
        Assert.Equal("3", Assert.Single(origin.ReadFromChart!, v => v.Field == "phq9Item9").ValueJson);
    }

    private static string Answer(string id, string when, string code, string display) =>
        $$"""{"resourceType": "Observation", "id": "{{id}}", "status": "final", "subject": {"reference": "Patient/PATIENT"}, "code": {"coding": [{"system": "http://loinc.org", "code": "44260-8"}]}, "effectiveDateTime": "{{when}}", "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "{{code}}", "display": "{{display}}"}]} }""";

    [Fact]
    public async Task ChartItem9GivenAsItsLoincAnswer_IsReadAsItsScore_AndGetsTheWarningCard()
    {
        // Until item 9's LOINC answers were read, "Nearly every day" (LA6571-9) was not read: no warning, not recorded.
        using var app = CdsHooksApp.Sqlite();
        var taken = DateTimeOffset.UtcNow.AddHours(-2);
        var call = CdsHooksApp.ChartCall("i9-coded", false, Answer("i9", Utc(taken), "LA6571-9", "Nearly every day"));

        var card = Assert.Single(await app.CardsAsync(PatientView, call), c => Summary(c).StartsWith(Item9Prefix, StringComparison.Ordinal));
        Assert.Equal("warning", card!["indicator"]!.GetValue<string>());
        Assert.Equal($"PHQ-9 item 9 is 3 in the chart (Observation/i9, {ClinicTime(taken)}): assess suicide risk now", Summary(card));
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        Assert.Equal("3", Assert.Single(HookOrigin.FromJson(answer.HookOriginJson!).ReadFromChart!, v => v.Field == "phq9Item9").ValueJson);
    }

    [Fact]
    public async Task ChartItem9CodedNotAtAllWithTheWordsNearlyEveryDay_IsNotRead_AndGetsTheWarningCardSayingWhy()
    {
        using var app = CdsHooksApp.Sqlite();
        var taken = DateTimeOffset.UtcNow.AddHours(-2);
        var call = CdsHooksApp.ChartCall("i9-coded-words", false, Answer("i9", Utc(taken), "LA6568-5", "Nearly every day"));

        var cards = await app.CardsAsync(PatientView, call);
        var card = Assert.Single(cards, c => Summary(c).StartsWith(Item9Prefix, StringComparison.Ordinal));
        Assert.Equal($"PHQ-9 item 9 is 3 in the chart, not read (Observation/i9, {ClinicTime(taken)}): assess suicide risk now", Summary(card));
        Assert.Contains("its codes and words name different answers", Detail(card), StringComparison.Ordinal);
        // Still named in the check list as not readable, never as "no", saying why (helper 200: the code and the words disagree).
        Assert.Contains("(Observation/i9), final, but its codes and words name different answers", cards.ToJsonString(), StringComparison.Ordinal);
        await using var db = app.Db();
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        Assert.DoesNotContain(HookOrigin.FromJson(answer.HookOriginJson!).ReadFromChart ?? [], v => v.Field == "phq9Item9");
    }

    [Fact]
    public async Task ChartItem9AboveTheTotal_IsNamedAsAContradiction_NeitherIsPrefilled_AndTheItem9WarningStillShows()
    {
        using var app = CdsHooksApp.Sqlite();
        var taken = DateTimeOffset.UtcNow.AddHours(-1);
        var call = CdsHooksApp.ChartCall("qa132-f4-contra", false, Score("tot", "44261-6", Utc(taken), 2), Score("i9", "44260-8", Utc(taken), 3));

        var cards = await app.CardsAsync(PatientView, call);

        var warning = Assert.Single(cards, c => Summary(c).StartsWith(Item9Prefix, StringComparison.Ordinal));
        Assert.Contains("The chart also gives a PHQ-9 total score below this item, which cannot be: one of the two is wrong, so neither value was read or prefilled", Detail(warning), StringComparison.Ordinal);
        Assert.Contains("a positive item 9 recorded in the chart is a signal that must not be hidden", Detail(warning), StringComparison.Ordinal);
        var incomplete = Detail(cards[^1]);
        Assert.Contains($"PHQ-9 item 9: the chart gives “44260-8 = 3, {ClinicTime(taken)}” (Observation/i9), and another of its results named here contradicts it: PHQ-9 item 9 cannot be above PHQ-9 total score.", incomplete, StringComparison.Ordinal);
        Assert.Contains($"PHQ-9 total score: the chart gives “44261-6 = 2, {ClinicTime(taken)}” (Observation/tot), and another of its results named here contradicts it", incomplete, StringComparison.Ordinal);

        await using var db = app.Db();
        var prefill = JsonNode.Parse((await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().SingleAsync()).InputJson)!;
        Assert.Null(prefill["input"]!["phq9Item9"]);
        Assert.Null(prefill["input"]!["phq9Total"]);
        Assert.Contains(prefill["toCheck"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "phq9Item9" && c["reference"]!.GetValue<string>() == "Observation/i9");
        Assert.Contains(prefill["toCheck"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "phq9Total" && c["reference"]!.GetValue<string>() == "Observation/tot");
    }

    [Fact]
    public async Task RulesRanAndSui008Fired_NoSeparateItem9Card()
    {
        // The clinician's screening says no suicidality; the chart's item 9 = 2, newer, is used: SUI-008 names it.
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa132-f4-fired", "\"phq9Total\":18,\"phq9Item9\":0");
        var call = CdsHooksApp.ChartCall("qa132-f4-fired", false, Score("i9", "44260-8", Utc(DateTimeOffset.UtcNow.AddMinutes(2)), 2));

        var cards = await app.CardsAsync(PatientView, call);

        Assert.Contains(cards, c => Detail(c).Contains("Rule SUI-008.", StringComparison.Ordinal));
        Assert.DoesNotContain(cards, c => Summary(c).StartsWith(Item9Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RulesRanAndSui008DidNotFire_TheItem9CardShows()
    {
        // Suicidality recorded as passive ideation: SUI-008 (suicidality none and item 9 positive) does not fire, and no
        // finding names the chart's item 9 = 2.
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("qa132-f4-passive", "\"suicidality\":\"passive-ideation\",\"safetyPlanInPlace\":true,\"lethalMeansCounselled\":true,\"followUpArranged\":true,\"phq9Total\":18,\"phq9Item9\":0");
        var taken = DateTimeOffset.UtcNow.AddMinutes(2);
        var call = CdsHooksApp.ChartCall("qa132-f4-passive", false, Score("i9", "44260-8", Utc(taken), 2));

        var cards = await app.CardsAsync(PatientView, call);

        Assert.DoesNotContain(cards, c => Summary(c).StartsWith("Ketamine screening incomplete", StringComparison.Ordinal));
        var card = Assert.Single(cards, c => Summary(c).StartsWith(Item9Prefix, StringComparison.Ordinal));
        Assert.Equal($"PHQ-9 item 9 is 2 in the chart (Observation/i9, {ClinicTime(taken)}): assess suicide risk now", Summary(card));
        // After the critical cards, if any.
        Assert.All(cards.Take(cards.IndexOf(card)), c => Assert.Equal("critical", c!["indicator"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChartItem9OfThreeDatedInTheFuture_BesideAnOlderZero_GetsTheWarningCard_SayingItWasNotRead_AndStaysUnread(bool orderSign)
    {
        // QA132 F4's limit: the future-dated 3 was only named in the incomplete card's check list, with no warning, and
        // the older 0 not read in its place either: nothing said a positive item 9 was in the chart.
        using var app = CdsHooksApp.Sqlite();
        var older = DateTimeOffset.UtcNow.AddDays(-3);
        var ahead = DateTimeOffset.UtcNow.AddHours(20);
        var call = CdsHooksApp.ChartCall("qa132-f4-future", orderSign, Score("i9-old", "44260-8", Utc(older), 0), Score("i9-f", "44260-8", Utc(ahead), 3));

        var cards = await app.CardsAsync(orderSign ? OrderSign : PatientView, call);

        var card = Assert.Single(cards, c => Summary(c).StartsWith(Item9Prefix, StringComparison.Ordinal));
        Assert.Equal("warning", card!["indicator"]!.GetValue<string>());
        Assert.Equal($"PHQ-9 item 9 is 3 in the chart, not read (Observation/i9-f, {ClinicTime(ahead)}): assess suicide risk now", Summary(card));
        var detail = Detail(card);
        Assert.Contains($"that was not read: 3, a result dated in the future by the clinic's clock (it may be the latest, misdated): Observation/i9-f, taken {ClinicTime(ahead)}. It is not used by the rules and not prefilled", detail, StringComparison.Ordinal);
        Assert.Contains("the clinician must assess suicidality now and record it on the screening form.", detail, StringComparison.Ordinal);
        Assert.Contains("Cites: PHQ-9, C-SSRS. Rule SUI-008.", detail, StringComparison.Ordinal);
        Assert.EndsWith("#SUI-008", card["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, cards.IndexOf(card));
        // Still named in the check list, as before.
        var incomplete = Detail(cards[^1]);
        Assert.Contains($"PHQ-9 item 9: the chart holds “44260-8, {ClinicTime(ahead)}” (Observation/i9-f), a result dated in the future", incomplete, StringComparison.Ordinal);

        // Unread: neither prefilled nor logged as read from the chart (nor the older 0 in its place).
        await using var db = app.Db();
        var prefill = JsonNode.Parse((await db.Set<KetamineCds.Infrastructure.CdsHooks.CdsHookPrefill>().SingleAsync()).InputJson)!;
        Assert.Null(prefill["input"]!["phq9Item9"]);
        Assert.Contains(prefill["toCheck"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "phq9Item9" && c["reference"]!.GetValue<string>() == "Observation/i9-f");
        var answer = await db.DecisionLogEntries.SingleAsync(e => e.EntryType == DecisionLogEntryTypes.HookAnswer);
        var origin = HookOrigin.FromJson(answer.HookOriginJson!);
        Assert.Contains(origin.Shown!.Cards, c => c.Summary == Summary(card) && c.Indicator == "warning");
        Assert.DoesNotContain(origin.ReadFromChart ?? [], v => v.Field == "phq9Item9");
    }

    [Fact]
    public async Task BloodPressureDatedTwentyHoursAhead_IsNamedWithItsClinicTimeAndWhyItWasNotRead()
    {
        // QA132 F11: the card listed only "Systolic blood pressure" as not recorded.
        using var app = CdsHooksApp.Sqlite();
        var ahead = DateTimeOffset.UtcNow.AddHours(20);
        var bp = $$$"""
            {"resourceType": "Observation", "id": "bp-f", "status": "final", "subject": {"reference": "Patient/PATIENT"}, "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]}, "effectiveDateTime": "{{{Utc(ahead)}}}",
             "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": 200, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": 120, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}
            """;
        var call = CdsHooksApp.ChartCall("qa132-f11", false, bp);

        var detail = Detail((await app.CardsAsync(PatientView, call))[^1]);

        Assert.Contains($"Systolic blood pressure; Diastolic blood pressure: the chart holds “85354-9, {ClinicTime(ahead)}” (Observation/bp-f), a result dated in the future by the clinic's clock", detail, StringComparison.Ordinal);
        Assert.Contains($"Diastolic blood pressure: the chart holds “85354-9, {ClinicTime(ahead)}” (Observation/bp-f)", detail, StringComparison.Ordinal);
    }
}
