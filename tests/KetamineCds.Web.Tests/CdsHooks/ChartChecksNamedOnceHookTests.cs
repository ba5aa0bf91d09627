using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 228: a required, safety or care item the chart holds in a form the screening cannot read (a schizophrenia
/// diagnosis for psychosis, an item 9 of 5, a blood pressure in kPa) was named twice on the incomplete card, once under
/// what it blocks and once among the entries to check, and counted twice; a blood pressure left the first-dose section.
/// Each is named once, its entry's line under the heading of what it blocks, and the summary counts the lines listed.
/// </summary>
public sealed class ChartChecksNamedOnceHookTests(ITestOutputHelper output)
{
    private static JsonObject Panel(string id, string patient, string systolic, string diastolic, DateTimeOffset at) => JsonNode.Parse($$$"""
        {"resourceType": "Observation", "id": "{{{id}}}", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
         "component": [
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {{{systolic}}}},
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {{{diastolic}}}}],
         "effectiveDateTime": "{{{At(at)}}}", "subject": {"reference": "Patient/{{{patient}}}"}}
        """)!.AsObject();

    private static int Count(Card card) => int.Parse(Regex.Match(card.Summary, @"(\d+) items").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The list under <paramref name="heading"/> (to the next heading or paragraph), its lines without their "- ".</summary>
    private static List<string> Under(string detail, string heading)
    {
        var start = detail.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        return [.. detail[(start + heading.Length)..].Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(p => !p.StartsWith("- ", StringComparison.Ordinal)).First()
            .Split('\n').Select(l => l[2..])];
    }

    [Fact]
    public async Task PatientView_ItemsTheChartHoldsUnreadable_AreNamedOnceUnderWhatTheyBlock_AndCountedOnce()
    {
        using var factory = new KetamineCdsFactory();
        var now = ChartChecksHookTests.EarlierToday();
        // Not recorded either way: psychosis and PHQ-9 item 9 (required, the total being 26), today's blood pressure (the
        // first dose waits for it). The second chart holds each in a form the screening cannot read.
        const string Without = "MRN-H228-WITHOUT", With = "MRN-H228-WITH";
        var before = await ChartChecksHookTests.PatientViewAsync(factory, Without, Patient(Without), Mdd(Without), Score(Without, "tot", "44261-6", 26, now));
        var cards = await ChartChecksHookTests.PatientViewAsync(
            factory,
            With,
            Patient(With),
            Mdd(With),
            Score(With, "tot", "44261-6", 26, now),
            Condition("c-scz", With, "F20.9"),
            Score(With, "i9", "44260-8", 5, now),
            Panel("bp", With, """{"value": 25.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""", """{"value": 15.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""", now));

        AllDetail(cards, output);
        var card = Assert.Single(cards, c => c.Summary.StartsWith("Ketamine screening incomplete", StringComparison.Ordinal));
        var required = Under(card.Detail, "**Needed before the rules can run:**");
        Assert.Contains(required, l => l.StartsWith("Psychosis: the chart holds a current diagnosis “F20.9” (Condition/c-scz)", StringComparison.Ordinal));
        Assert.Contains(required, l => l.StartsWith("PHQ-9 item 9: the chart's latest result is “44260-8” (Observation/i9)", StringComparison.Ordinal));
        var firstDose = Under(card.Detail, "**Must be known before the first dose:**");
        Assert.Contains(firstDose, l => l.StartsWith("Systolic blood pressure; Diastolic blood pressure: the chart's latest result is “85354-9” (Observation/bp)", StringComparison.Ordinal));
        foreach (var label in new[] { "Psychosis", "PHQ-9 item 9", "Systolic blood pressure" })
        {
            Assert.Single(Regex.Matches(card.Detail, "^- " + Regex.Escape(label), RegexOptions.Multiline));
        }

        Assert.DoesNotContain("**Recorded in the chart in a form the screening cannot use", card.Detail, StringComparison.Ordinal);
        // The summary counts the lines listed, each item on one: the same items are not recorded with or without those
        // entries, the blood pressure's two on one line beside its entry.
        Assert.Equal(Regex.Count(card.Detail, "^- ", RegexOptions.Multiline), Count(card));
        var without = Assert.Single(before, c => c.Summary.StartsWith("Ketamine screening incomplete", StringComparison.Ordinal));
        Assert.Equal(Regex.Count(without.Detail, "^- ", RegexOptions.Multiline), Count(without));
        Assert.Equal(Count(without) - 1, Count(card));
    }

    [Fact]
    public async Task PatientView_AFractionalTotalAndABloodPressureOutsideTheirRanges_AreNamedAsOutOfRange_WithTheirRanges()
    {
        // Helper 228: a PHQ-9 total of 99.5 and a blood pressure of 400/5 mmHg were named "cannot be read as an answer"
        // among units, absent values and words, where a total of 99 was named as out of range with its range.
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H228-RANGE";
        var now = ChartChecksHookTests.EarlierToday();
        var total = JsonNode.Parse($$$"""
            {"resourceType": "Observation", "id": "tot", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "44261-6"}]},
             "valueQuantity": {"value": 99.5}, "effectiveDateTime": "{{{At(now)}}}", "subject": {"reference": "Patient/{{{P}}}"}}
            """)!.AsObject();

        var cards = await ChartChecksHookTests.PatientViewAsync(
            factory, P, Patient(P), Mdd(P), total, Panel("bp", P, """{"value": 400, "unit": "mmHg"}""", """{"value": 5, "unit": "mmHg"}""", now));

        var detail = AllDetail(cards, output);
        Assert.Contains("PHQ-9 total score: the chart's latest result is “44261-6” (Observation/tot), final, but its value is outside the range this question accepts (0 to 27), so it cannot be read as an answer.", detail, StringComparison.Ordinal);
        Assert.Contains("Systolic blood pressure: the chart's latest result is “85354-9” (Observation/bp), final, but its value is outside the range this question accepts (50 to 300 mmHg), so it cannot be read as an answer.", detail, StringComparison.Ordinal);
        Assert.Contains("Diastolic blood pressure: the chart's latest result is “85354-9” (Observation/bp), final, but its value is outside the range this question accepts (20 to 200 mmHg), so it cannot be read as an answer.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("a unit the screening does not convert", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "**Must be answered before a pathway can open:**", "**Must be known before the first dose:**", ": the chart holds “I71.4” (Condition/c-aaa), not confirmed", ": the chart's latest result is “85354-9” (Observation/bp)", "Cites: P-SAFETY-REMS.", "confirm or rule it out. (waiting: ")]
    [InlineData("zh-Hans", "**须先回答，治疗路径方可开放：**", "**首剂前必须明确：**", "：病历中有“I71.4”（Condition/c-aaa），但未确诊", "：病历中最新的结果为“85354-9”（Observation/bp）", "依据：P-SAFETY-REMS。", "请确认或排除。——等待中：")]
    public async Task PatientView_OnceTheRulesRan_ItemsTheChartHoldsUnreadable_AreNamedOnceUnderWhatTheyBlock_AndTheSummaryCountsTheLinesListed(
        string culture, string waitingHeading, string firstDoseHeading, string aneurysmLine, string bloodPressureLine, string cites, string waitingNote)
    {
        // Helper 231: an earlier KetamineCds screening fills the required answers, so the rules run and the card naming what
        // is not recorded is built from their assessment. A provisional aneurysm and a blood pressure in kPa were named
        // twice on it, by label under what they block and again by their entries' lines in a section appended after the
        // card was built, and the summary said 3 items over 5 lines.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();
        var now = ChartChecksHookTests.EarlierToday();
        var p = "MRN-H231-RAN-" + culture;
        await RecordEarlierScreeningAsync(factory, p);

        var cards = await ChartChecksHookTests.PatientViewAsync(
            factory,
            p,
            Patient(p),
            Mdd(p),
            Condition("c-aaa", p, "I71.4", "provisional"),
            KpaBloodPressure(p, now));

        AllDetail(cards, output);
        // The card naming what is not recorded, which links to the form; no other card names the entries again.
        var card = Assert.Single(cards, c => c.Links is { Count: > 0 });
        Assert.Single(cards, c => c.Detail.Contains("(Condition/c-aaa)", StringComparison.Ordinal) || c.Detail.Contains("（Condition/c-aaa）", StringComparison.Ordinal));
        var aneurysm = ClinicalText.Shared.FieldLabel("aneurysmalVascularDisease");
        var systolic = ClinicalText.Shared.FieldLabel("systolicBp");
        var diastolic = ClinicalText.Shared.FieldLabel("diastolicBp");
        var listed = Regex.Matches(card.Detail, "^- (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        // Each named once, by its entry's line, citing, under the heading of what it blocks.
        foreach (var label in new[] { aneurysm, systolic, diastolic })
        {
            Assert.Single(listed, l => l.Contains(label, StringComparison.Ordinal));
        }

        var waiting = Assert.Single(Under(card.Detail, waitingHeading), l => l.StartsWith(aneurysm, StringComparison.Ordinal));
        Assert.StartsWith(aneurysm + aneurysmLine, waiting, StringComparison.Ordinal);
        Assert.Contains(cites, waiting, StringComparison.Ordinal);
        // Helper 232: the waiting note comes before the citation, which ends the line (it came after it).
        Assert.Contains(waitingNote, waiting, StringComparison.Ordinal);
        Assert.EndsWith(cites, waiting, StringComparison.Ordinal);
        var firstDose = Assert.Single(Under(card.Detail, firstDoseHeading), l => l.StartsWith(systolic, StringComparison.Ordinal));
        Assert.StartsWith(systolic + ClinicalText.Shared.Semicolon + diastolic + bloodPressureLine, firstDose, StringComparison.Ordinal);
        Assert.Contains(cites, firstDose, StringComparison.Ordinal);
        Assert.DoesNotContain(CardTexts.NeedsAttentionHeading, card.Detail, StringComparison.Ordinal);

        // The summary counts the lines listed.
        Assert.Equal(listed.Count, int.Parse(Regex.Match(card.Summary, @"\d+").Value, CultureInfo.InvariantCulture));
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith(culture == "en" ? "Ketamine screening: eligible" : "氯胺酮筛查：符合", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "**Must be known before the first dose:**", ": the chart's latest result is “85354-9” (Observation/bp)", "Cites: P-SAFETY-REMS.")]
    [InlineData("zh-Hans", "**首剂前必须明确：**", "：病历中最新的结果为“85354-9”（Observation/bp）", "依据：P-SAFETY-REMS。")]
    public async Task PatientView_OnceTheRulesRan_WithNoCardNamingWhatIsNotRecorded_ABloodPressureTheChartHoldsUnreadable_IsNamedOnceOnTheCardNamingIt(
        string culture, string firstDoseHeading, string bloodPressureLine, string cites)
    {
        // Helper 232: an earlier KetamineCds screening fills the required answers and only a blood pressure in kPa is
        // unreadable, so no card names what is not recorded; its entry's line was appended to the last card, whose
        // first-dose section already named the blood pressure by label: named twice on that card.
        using var ui = new Localization.TranslationCompletenessTests.UiCulture(culture);
        using var factory = new KetamineCdsFactory();
        var now = ChartChecksHookTests.EarlierToday();
        var p = "MRN-H232-BP-" + culture;
        await RecordEarlierScreeningAsync(factory, p);

        var cards = await ChartChecksHookTests.PatientViewAsync(
            factory,
            p,
            Patient(p),
            Mdd(p),
            KpaBloodPressure(p, now));

        AllDetail(cards, output);
        var card = cards.Single(c => c.Links is { Count: > 0 });
        Assert.True(card.Detail.Contains("(Observation/bp)", StringComparison.Ordinal) || card.Detail.Contains("（Observation/bp）", StringComparison.Ordinal));
        // Helper 234: every other card that names the blood pressure (the cautions card's first-dose section) names it by
        // the same line (it named it by its labels).
        Assert.All(
            cards.Where(c => c.Detail.Contains("Observation/bp", StringComparison.Ordinal)),
            c => Assert.Contains(Regex.Match(card.Detail, "^- (.*Observation/bp.*)$", RegexOptions.Multiline).Value, c.Detail, StringComparison.Ordinal));
        var systolic = ClinicalText.Shared.FieldLabel("systolicBp");
        var diastolic = ClinicalText.Shared.FieldLabel("diastolicBp");
        var listed = Regex.Matches(card.Detail, "^- (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        foreach (var label in new[] { systolic, diastolic })
        {
            Assert.Single(listed, l => l.Contains(label, StringComparison.Ordinal));
        }

        var firstDose = Assert.Single(Under(card.Detail, firstDoseHeading), l => l.StartsWith(systolic, StringComparison.Ordinal));
        Assert.StartsWith(systolic + ClinicalText.Shared.Semicolon + diastolic + bloodPressureLine, firstDose, StringComparison.Ordinal);
        Assert.Contains(cites, firstDose, StringComparison.Ordinal);
        Assert.DoesNotContain(CardTexts.NeedsAttentionHeading, card.Detail, StringComparison.Ordinal);
    }

    /// <summary>An earlier KetamineCds screening of <paramref name="p"/> that fills the required answers, so the rules run.</summary>
    private static async Task RecordEarlierScreeningAsync(KetamineCdsFactory factory, string p)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", ChartChecksHookTests.CompleteNo(p));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>A blood pressure panel in kPa, which the screening does not convert.</summary>
    private static JsonObject KpaBloodPressure(string p, DateTimeOffset now) =>
        Panel("bp", p, """{"value": 25.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""", """{"value": 15.3, "unit": "kPa", "system": "http://unitsofmeasure.org", "code": "kPa"}""", now);
}
