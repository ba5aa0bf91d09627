using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Fhir;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 234, from QA of the cards' chart entries: a blood pressure with one value out of range named its other value
/// "cannot be read" among units and words; the cautions card named a blood pressure by its labels where the card naming
/// what is not recorded named its chart entry; eight later PHQ-9 items gave 16 lines; the incomplete card said its items
/// were "not recorded in the chart" of items the chart holds unreadable; an item 9 named with the total read was named
/// and counted twice. Answered in process.
/// </summary>
public sealed class ChartEntryNamingHookTests(ITestOutputHelper output)
{
    private static readonly string[] FirstEightItems = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3"];

    private static JsonObject Panel(string id, string patient, string systolic, string diastolic, DateTimeOffset at) => JsonNode.Parse($$$"""
        {"resourceType": "Observation", "id": "{{{id}}}", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
         "component": [
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {{{systolic}}}},
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {{{diastolic}}}}],
         "effectiveDateTime": "{{{At(at)}}}", "subject": {"reference": "Patient/{{{patient}}}"}}
        """)!.AsObject();

    private static JsonObject KpaBloodPressure(string p, DateTimeOffset now) =>
        Panel("bp", p, """{"value": 25.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""", """{"value": 15.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""", now);

    private static List<string> Lines(Card card) => [.. Regex.Matches(card.Detail, "^- (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value)];

    private static async Task RecordEarlierScreeningAsync(KetamineCdsFactory factory, string p)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", ChartChecksHookTests.CompleteNo(p));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [InlineData("en", "(50 to 300 mmHg)", "a unit the screening does not convert")]
    [InlineData("zh-Hans", "（50 至 300 ", "筛查不换算的单位")]
    public async Task PatientView_ABloodPressureWithOneValueOutOfRange_NamesItsOtherValueWithTheRangeOfTheValueOutside(string culture, string systolicRange, string general)
    {
        // Systolic 400 beside diastolic 80: the systolic was named out of range with its range, the diastolic "cannot be
        // read" among units, answers, absent values and words.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();
        var p = "MRN-H234-BP-400-80-" + culture;

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, p, Patient(p), Mdd(p), Panel("bp", p, """{"value": 400, "unit": "mmHg"}""", """{"value": 80, "unit": "mmHg"}""", ChartChecksHookTests.EarlierToday()));

        AllDetail(cards, output);
        var lines = cards.SelectMany(Lines).ToList();
        var systolic = Assert.Single(lines, l => l.StartsWith(ClinicalText.Shared.FieldLabel("systolicBp"), StringComparison.Ordinal) && l.Contains("Observation/bp", StringComparison.Ordinal));
        var diastolic = Assert.Single(lines, l => l.StartsWith(ClinicalText.Shared.FieldLabel("diastolicBp"), StringComparison.Ordinal) && l.Contains("Observation/bp", StringComparison.Ordinal));
        Assert.Contains(systolicRange, systolic, StringComparison.Ordinal);
        Assert.Contains(systolicRange, diastolic, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Shared.FieldLabel("systolicBp"), diastolic[ClinicalText.Shared.FieldLabel("diastolicBp").Length..], StringComparison.Ordinal);
        Assert.DoesNotContain(general, string.Join("\n", lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "80", "a blood pressure whose two values do not pair", "(50 to 300 mmHg)")]
    [InlineData("en", "90", "a blood pressure whose two values do not pair", "(50 to 300 mmHg)")]
    [InlineData("zh-Hans", "80", "收缩压与舒张压无法配对的血压", "（50 至 300 ")]
    public async Task PatientView_ABloodPressureWhoseSystolicIsNotAboveItsDiastolic_NamesEachValueWithTheGeneralLine(string culture, string systolic, string doNotPair, string systolicRange)
    {
        // The chart's pair is read only with the systolic above the diastolic, as the form and the API accept it
        // (ObservationMappings.Pair): 80/90 or 90/90, each value within its range, is named once, both values on one
        // line, with the general line, whose words include the pair that does not fit, and never with a range.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();
        var p = $"MRN-BP-NOT-ABOVE-{systolic}-{culture}";

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, p, Patient(p), Mdd(p), Panel("bp", p, $$"""{"value": {{systolic}}, "unit": "mmHg"}""", """{"value": 90, "unit": "mmHg"}""", ChartChecksHookTests.EarlierToday()));

        AllDetail(cards, output);
        var line = Assert.Single(cards.SelectMany(Lines).Where(l => l.Contains("Observation/bp", StringComparison.Ordinal)).Distinct());
        var labels = line[..line.IndexOfAny([':', '：'])];
        Assert.StartsWith(ClinicalText.Shared.FieldLabel("systolicBp"), labels, StringComparison.Ordinal);
        Assert.EndsWith(ClinicalText.Shared.FieldLabel("diastolicBp"), labels, StringComparison.Ordinal);
        Assert.Contains(doNotPair, line, StringComparison.Ordinal);
        Assert.DoesNotContain(systolicRange, line, StringComparison.Ordinal);
    }

    private static JsonObject Half(string id, string patient, string loinc, string quantity, DateTimeOffset at) => JsonNode.Parse($$$"""
        {"resourceType": "Observation", "id": "{{{id}}}", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "{{{loinc}}}"}]},
         "valueQuantity": {{{quantity}}},
         "effectiveDateTime": "{{{At(at)}}}", "subject": {"reference": "Patient/{{{patient}}}"}}
        """)!.AsObject();

    /// <summary>
    /// Helper 237's chart: a blood pressure given as two Observations at one time, the systolic (<c>Observation/s</c>) and
    /// the diastolic (<c>Observation/d</c>), each with the quantity given; the cards, and the one line naming each (two
    /// lines in all name them).
    /// </summary>
    private async Task<(IReadOnlyList<Card> Cards, string Systolic, string Diastolic)> TwoObservationsAsync(KetamineCdsFactory factory, string p, string systolicQuantity, string diastolicQuantity)
    {
        var now = ChartChecksHookTests.EarlierToday();
        var cards = await ChartChecksHookTests.PatientViewAsync(factory, p, Patient(p), Mdd(p),
            Half("s", p, "8480-6", systolicQuantity, now),
            Half("d", p, "8462-4", diastolicQuantity, now));

        AllDetail(cards, output);
        var lines = cards.SelectMany(Lines).Where(l => l.Contains("Observation/s", StringComparison.Ordinal) || l.Contains("Observation/d", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        return (cards, Assert.Single(lines, l => l.Contains("Observation/s", StringComparison.Ordinal)), Assert.Single(lines, l => l.Contains("Observation/d", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "(50 to 300 mmHg)")]
    [InlineData("zh-Hans", "（50 至 300 ")]
    public async Task PatientView_ASystolicOutOfRangeAndADiastolicGivenAsTwoObservations_EachValueIsNamedOnceAgainstItsOwnObservation(string culture, string systolicRange)
    {
        // Helper 237: systolic 400 (Observation/s) and diastolic 80 (Observation/d), one time: each value was named against
        // both Observations with the systolic's code, 4 lines, one naming the systolic out of range on Observation/d.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();

        var (cards, systolic, diastolic) = await TwoObservationsAsync(factory, "MRN-H237-BP-SEPARATE-" + culture,
            """{"value": 400, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}""",
            """{"value": 80, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}""");

        var systolicLabel = ClinicalText.Shared.FieldLabel("systolicBp");
        var diastolicLabel = ClinicalText.Shared.FieldLabel("diastolicBp");
        Assert.StartsWith(systolicLabel, systolic, StringComparison.Ordinal);
        Assert.DoesNotContain(diastolicLabel, systolic, StringComparison.Ordinal);
        Assert.Contains("8480-6", systolic, StringComparison.Ordinal);
        Assert.Contains(systolicRange, systolic, StringComparison.Ordinal);
        Assert.StartsWith(diastolicLabel, diastolic, StringComparison.Ordinal);
        Assert.Contains("8462-4", diastolic, StringComparison.Ordinal);
        Assert.DoesNotContain("8480-6", diastolic, StringComparison.Ordinal);
        // The diastolic's own line says it is within its range and names the systolic outside its own.
        Assert.Contains(systolicLabel, diastolic[diastolicLabel.Length..], StringComparison.Ordinal);
        Assert.Contains(systolicRange, diastolic, StringComparison.Ordinal);
        // The check list the prefill carries to the decision log names them so too.
        var prefillId = new Uri(cards.SelectMany(c => c.Links ?? []).First().Url).Query.Split("prefill=")[1];
        var prefill = await factory.Services.GetRequiredService<KetamineCds.Infrastructure.CdsHooks.CdsHookStore>().FindPrefillAsync(prefillId, CancellationToken.None);
        var toCheck = PrefillContent.Read(prefill!.InputJson).ToCheck.Where(c => c.Field is "systolicBp" or "diastolicBp").Select(c => (c.Field, c.Reference)).Order().ToList();
        Assert.Equal([("diastolicBp", "Observation/d"), ("systolicBp", "Observation/s")], toCheck);
    }

    [Theory]
    [InlineData("en", "its value is in the unit “kPa”, which the screening does not read")]
    [InlineData("zh-Hans", "其数值的单位为“kPa”，筛查不读取该单位")]
    public async Task PatientView_ABloodPressureInKpaGivenAsTwoObservations_EachValueIsNamedOnceAgainstItsOwnObservation(string culture, string unit)
    {
        // Helper 237: the same in kPa: each value was named against both Observations with the systolic's code. Helper 257:
        // each says the cause that applied, the unit kPa, not every cause there may be.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();

        var (_, systolic, diastolic) = await TwoObservationsAsync(factory, "MRN-H237-KPA-SEPARATE-" + culture,
            """{"value": 25.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""",
            """{"value": 15.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""");

        // Each line is of its own value alone (it was "Systolic blood pressure; Diastolic blood pressure: ..." on each).
        static string Labels(string line) => line[..line.IndexOfAny([':', '：'])];
        Assert.Equal(ClinicalText.Shared.FieldLabel("systolicBp"), Labels(systolic));
        Assert.Equal(ClinicalText.Shared.FieldLabel("diastolicBp"), Labels(diastolic));
        Assert.Contains("8462-4", diastolic, StringComparison.Ordinal);
        Assert.DoesNotContain("8480-6", diastolic, StringComparison.Ordinal);
        Assert.Contains(unit, systolic, StringComparison.Ordinal);
        Assert.Contains(unit, diastolic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "**Must be known before the first dose:**")]
    [InlineData("zh-Hans", "**首剂前必须明确：**")]
    public async Task PatientView_OnceTheRulesRan_ABloodPressureTheChartHoldsUnreadable_IsNamedTheSameWayOnEveryCardNamingIt(string culture, string firstDoseHeading)
    {
        // The cautions card (CV-004) named the blood pressure by its labels in its first-dose section while the card naming
        // what is not recorded named the chart entry: the same item named two ways in one answer.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();
        var now = ChartChecksHookTests.EarlierToday();
        var p = "MRN-H234-SAME-WAY-" + culture;
        await RecordEarlierScreeningAsync(factory, p);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, p, Patient(p), Mdd(p), Condition("c-aaa", p, "I71.4", "provisional"), KpaBloodPressure(p, now));

        AllDetail(cards, output);
        var systolic = ClinicalText.Shared.FieldLabel("systolicBp");
        var naming = cards.Where(c => c.Detail.Contains(firstDoseHeading, StringComparison.Ordinal)).ToList();
        Assert.True(naming.Count >= 2, "the cautions card and the card naming what is not recorded both carry the first-dose section");
        var named = naming.Select(c => Assert.Single(Lines(c), l => l.StartsWith(systolic, StringComparison.Ordinal))).Distinct().ToList();
        var line = Assert.Single(named);
        Assert.Contains("Observation/bp", line, StringComparison.Ordinal);
        Assert.DoesNotContain(cards.SelectMany(Lines), l => l == systolic || l == ClinicalText.Shared.FieldLabel("diastolicBp"));
    }

    [Theory]
    [InlineData("en", "PHQ-9 total score; PHQ-9 item 9: the chart holds 8 results of this questionnaire, each named here once", "the latest final answer to this item, but also a later result of its questionnaire")]
    [InlineData("zh-Hans", "：病历中有此量表的 8 条结果，在此各列一次", "这是此项最新的最终作答，但病历中另有其所属量表一条更晚的结果")]
    public async Task PatientView_EightLaterItemsBesideAnOlderTotalAndItem9_EachLaterResultIsNamedOnce_TheOlderItem9StillFlagged(string culture, string together, string olderItem9)
    {
        // Eight items taken yesterday, no total and no item 9 with them, beside a total and an item 9 of 2 taken ten days
        // ago: 16 lines named the eight items, once beside the total and once beside item 9.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();
        var now = DateTimeOffset.UtcNow;
        var p = "MRN-H234-EIGHT-" + culture;

        var cards = await ChartChecksHookTests.PatientViewAsync(
            factory,
            p,
            [Patient(p), Mdd(p), Score(p, "tot", "44261-6", 20, now.AddDays(-10)), Score(p, "i9", "44260-8", 2, now.AddDays(-10)),
                .. FirstEightItems.Select((code, i) => Score(p, $"i{i + 1}", code, 2, now.AddDays(-1)))]);

        AllDetail(cards, output);
        var card = Assert.Single(cards, c => c.Links is { Count: > 0 });
        for (var i = 1; i <= 8; i++)
        {
            Assert.Single(Regex.Matches(card.Detail, Regex.Escape($"Observation/i{i})") + "|" + Regex.Escape($"Observation/i{i}）")));
        }

        Assert.Contains(together, card.Detail, StringComparison.Ordinal);
        // The older item 9 is still named, with why it is not read, and its positive value still raises its warning card.
        Assert.Contains(Lines(card), l => l.Contains("Observation/i9", StringComparison.Ordinal) && l.Contains(olderItem9, StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Indicator == "warning" && c.Summary.Contains("Observation/i9", StringComparison.Ordinal));
        Assert.Equal(Lines(card).Count, int.Parse(Regex.Match(card.Summary, @"\d+").Value, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("en", "items are not recorded or not readable in the chart", "items are not recorded in the chart")]
    [InlineData("zh-Hans", "项未记录或无法读取", "项未记录")]
    public async Task PatientView_AnItemTheChartHoldsUnreadable_TheIncompleteSummarySaysNotRecordedOrNotReadable(string culture, string truthful, string notRecordedOnly)
    {
        // A blood pressure in kPa is in the chart: "N items are not recorded in the chart" was untrue of it.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();
        var p = "MRN-H234-SUMMARY-" + culture;
        var without = await ChartChecksHookTests.PatientViewAsync(factory, p + "-WITHOUT", Patient(p + "-WITHOUT"), Mdd(p + "-WITHOUT"));

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, p, Patient(p), Mdd(p), KpaBloodPressure(p, ChartChecksHookTests.EarlierToday()));

        AllDetail(cards, output);
        var card = Assert.Single(cards, c => c.Links is { Count: > 0 });
        Assert.Contains(truthful, card.Summary, StringComparison.Ordinal);
        // A chart that holds nothing unreadable keeps "not recorded".
        var plain = Assert.Single(without, c => c.Links is { Count: > 0 });
        Assert.EndsWith(notRecordedOnly, plain.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(truthful, plain.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_ARequiredItem9NamedOnALineWithTheTotalRead_IsNamedAndCountedOnce()
    {
        // An item 9 whose time cannot be told bears on the total too (one line naming both). With item 9 required and the
        // total in no list, the line went to the entries the screening cannot use while item 9 kept its label under what
        // it blocks: named twice, counted twice.
        var untimed = new[]
        {
            new ChartEntryToCheck("phq9Item9", ChartCheckKind.ResultUntimed, "Observation/i9", "44260-8, ?"),
            new ChartEntryToCheck("phq9Total", ChartCheckKind.ResultUntimed, "Observation/i9", "44260-8, ?"),
        };

        var card = new CardBuilder("http://localhost", false).Incomplete(CardBuilder.CurrentVersion, ["ageYears", "phq9Item9"], [], [], [], "http://localhost/Screenings/New?prefill=x", toCheck: untimed);

        output.WriteLine(card.Summary + "\n" + card.Detail);
        var item9 = ClinicalText.Shared.FieldLabel("phq9Item9");
        var lines = Lines(card);
        Assert.Single(lines, l => l.Contains(item9, StringComparison.Ordinal));
        Assert.DoesNotContain(CardTexts.NeedsAttentionHeading, card.Detail, StringComparison.Ordinal);
        Assert.Contains(CardTexts.RequiredHeading, card.Detail, StringComparison.Ordinal);
        Assert.Equal(lines.Count, int.Parse(Regex.Match(card.Summary, @"\d+").Value, CultureInfo.InvariantCulture));
        Assert.Equal(2, lines.Count);
    }
}
