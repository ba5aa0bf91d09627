using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Fhir;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA132 F4: the card for a positive PHQ-9 item 9 in the chart (<see cref="CardBuilder.PositiveItem9"/>), and the chart
/// checks for item 9 above the total and a result dated in the future (F11), in English and Chinese.
/// </summary>
public sealed class PositiveItem9CardTests
{
    private static readonly ClinicTime Shanghai = new(new ClinicCalendar(TimeProvider.System, Options.Create(new ClinicOptions { TimeZone = "Asia/Shanghai" })));

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static JsonElement Score(string id, string loinc, int value, string effective = "2026-12-01T01:30:00Z", string? fullUrl = null, string status = "final") =>
        JsonSerializer.SerializeToElement(new
        {
            resourceType = "Bundle",
            type = "collection",
            entry = new[]
            {
                new
                {
                    fullUrl,
                    resource = new
                    {
                        resourceType = "Observation",
                        id = fullUrl is null ? id : null,
                        status,
                        code = new { coding = new[] { new { system = "http://loinc.org", code = loinc } } },
                        subject = new { reference = "Patient/p1" },
                        effectiveDateTime = effective,
                        valueInteger = value,
                    },
                },
            },
        }, NoNulls);

    private static readonly JsonSerializerOptions NoNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static FhirReading Read(params JsonElement[] resources) =>
        FhirHistoryReader.Read(resources, Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    private static CardBuilder Builder() => new("https://cds.example", orderSign: false);

    [Fact]
    public void RulesReadingItem9_InTheCurrentRuleSet_AreSui008Only()
    {
        // The card cites what these rules cite, and is left out when one of them fired: today that is SUI-008 alone.
        Assert.Equal(["SUI-008"], CardBuilder.RulesReadingItem9(RuleSetCatalog.Current).Select(r => r.Id));
    }

    [Fact]
    public void PositiveItem9_NamesTheValueEntryAndClinicTime_AndCitesWhatTheRuleCites()
    {
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, Read(Score("i9", "44260-8", 2)), Shanghai, null)!;

        Assert.Equal("warning", card.Indicator);
        Assert.Equal("PHQ-9 item 9 is 2 in the chart (Observation/i9, 2026-12-01 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        var rule = RuleSetCatalog.Current.Rules.Single(r => r.Id == "SUI-008");
        Assert.Contains(ClinicalText.Shared.RuleDetail(rule), card.Detail, StringComparison.Ordinal);
        Assert.Contains(CardTexts.Cites(rule.Principles, rule.Sources) + " Rule SUI-008.", card.Detail, StringComparison.Ordinal);
        Assert.EndsWith("/Rules#SUI-008", card.Source.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Item9OfZero_GivesNoCard()
    {
        Assert.Null(Builder().PositiveItem9(RuleSetCatalog.Current, Read(Score("i9", "44260-8", 0)), Shanghai, null));
    }

    [Fact]
    public void NoItem9InTheChart_GivesNoCard()
    {
        Assert.Null(Builder().PositiveItem9(RuleSetCatalog.Current, Read(Score("t", "44261-6", 20)), Shanghai, null));
    }

    [Fact]
    public void AnEntryTooLongForTheSummary_IsLeftToTheDetail_AndTheActionIsNeverCut()
    {
        var fullUrl = "urn:uuid:" + new string('a', 100);
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, Read(Score("i9", "44260-8", 3, fullUrl: fullUrl)), Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 3 in the chart (2026-12-01 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains(fullUrl, card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Item9AboveTheTotal_TheCardStillShowsAndSaysNeitherWasRead()
    {
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, Read(Score("t", "44261-6", 1), Score("i9", "44260-8", 3)), Shanghai, null)!;

        Assert.StartsWith("PHQ-9 item 9 is 3 in the chart (Observation/i9, ", card.Summary, StringComparison.Ordinal);
        Assert.Contains("The chart also gives a PHQ-9 total score below this item", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Item9BelowWhatTheTotalRequires_TheCardSaysTheTotalIsTooHighForIt_AndWhatItWouldMakeItem9()
    {
        // QA157 F2: a total of 27 beside an item 9 of 1: the other eight items score at most 24, so the two cannot both be
        // right; were the total right, item 9 would be 3. "A total below this item" would be false here.
        var reading = Read(Score("t", "44261-6", 27), Score("i9", "44260-8", 1));
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.StartsWith("PHQ-9 item 9 is 1 in the chart (Observation/i9, ", card.Summary, StringComparison.Ordinal);
        Assert.Contains("The chart also gives a PHQ-9 total score too high for this item: the other items score at most 24 together, so with that total item 9 would be at least 3. One of the two is wrong, so neither value was read or prefilled", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("below this item", card.Detail, StringComparison.Ordinal);

        var lines = CardTexts.ChartChecks(reading.ToCheck);
        Assert.Contains(lines, l => l.StartsWith("PHQ-9 item 9: the chart gives “44260-8 = 1, 2026-12-01 09:30 UTC+08:00” (Observation/i9), and another of its results named here contradicts it: PHQ-9 item 9 is too low for that PHQ-9 total score, whose other items score at most 24 together. One of them is wrong", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PHQ-9 total score: the chart gives “44261-6 = 27, 2026-12-01 09:30 UTC+08:00” (Observation/t), and another of its results named here contradicts it: PHQ-9 item 9 is too low for that PHQ-9 total score", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain("cannot be above", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Item9BelowWhatTheTotalRequires_InChinese_TheCardAndTheChartChecksSaySo()
    {
        using var chinese = new TranslationCompletenessTests.UiCulture("zh-Hans");
        var reading = Read(Score("t", "44261-6", 27), Score("i9", "44260-8", 1));
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Contains("病历中还有一个对此项而言过高的PHQ-9 总分", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("低于此项", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("The chart", card.Detail, StringComparison.Ordinal);
        var lines = CardTexts.ChartChecks(reading.ToCheck);
        Assert.Contains(lines, l => l.Contains("Observation/i9", StringComparison.Ordinal) && l.Contains("过低", StringComparison.Ordinal) && l.Contains("24", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain("不可能高于", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Chinese_TheCardAndTheNewChartChecksAreTranslated()
    {
        using var chinese = new TranslationCompletenessTests.UiCulture("zh-Hans");
        var reading = Read(Score("t", "44261-6", 1), Score("i9", "44260-8", 3), Score("f", "82810-3", 1, effective: "2026-12-02T09:00:00Z"));
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("病历中 PHQ-9 第 9 项为 3（Observation/i9，2026-12-01 09:30 UTC+08:00）：请立即评估自杀风险", card.Summary);
        Assert.Contains("临床医生必须立即评估自杀倾向", card.Detail, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Shared.RuleDetail(RuleSetCatalog.Current.Rules.Single(r => r.Id == "SUI-008")), card.Detail, StringComparison.Ordinal);
        Assert.Contains("病历中还有一个低于此项的", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("The chart", card.Detail, StringComparison.Ordinal);

        var lines = CardTexts.ChartChecks(reading.ToCheck);
        Assert.Contains(lines, l => l.Contains("Observation/i9", StringComparison.Ordinal) && l.Contains("不可能高于", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Observation/f", StringComparison.Ordinal) && l.Contains("日期在未来", StringComparison.Ordinal) && l.Contains("2026-12-02 17:00 UTC+08:00", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain("the chart", l, StringComparison.OrdinalIgnoreCase));
    }

    // QA132 F4's limit: a positive item 9 the reader set aside for its status or its time gave no warning card, only a
    // line in the incomplete card's check list (a future-dated 3 beside an older 0, a preliminary 3, a 3 and a 0 of the
    // same time). It now raises the card, which says the value was not read and why; the value stays unread.

    [Fact]
    public void Item9DatedInTheFuture_BesideAnOlderZero_RaisesTheCard_SayingItWasNotReadAndWhy()
    {
        var reading = Read(Score("i9-old", "44260-8", 0, effective: "2026-11-25T01:30:00Z"), Score("i9-f", "44260-8", 3, effective: "2026-12-02T09:00:00Z"));
        Assert.Null(reading.InChart("phq9Item9"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("warning", card.Indicator);
        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9-f, 2026-12-02 17:00 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains(
            "The chart gives a PHQ-9 item 9 of 1 or more that was not read: 3, a result dated in the future by the clinic's clock (it may be the latest, misdated): Observation/i9-f, taken 2026-12-02 17:00 UTC+08:00. It is not used by the rules and not prefilled",
            card.Detail,
            StringComparison.Ordinal);
        Assert.Contains("the clinician must assess suicidality now and record it on the screening form", card.Detail, StringComparison.Ordinal);
        var rule = RuleSetCatalog.Current.Rules.Single(r => r.Id == "SUI-008");
        Assert.Contains(ClinicalText.Shared.RuleDetail(rule), card.Detail, StringComparison.Ordinal);
        Assert.Contains(CardTexts.Cites(rule.Principles, rule.Sources) + " Rule SUI-008.", card.Detail, StringComparison.Ordinal);
        Assert.EndsWith("/Rules#SUI-008", card.Source.Url, StringComparison.Ordinal);
        // The older 0 is not named as the chart's item 9, and no contradiction is claimed.
        Assert.DoesNotContain("i9-old", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("The chart also gives", card.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("registered")]
    [InlineData("unknown")]
    public void NotFinalItem9_RaisesTheCard_SayingItIsNotFinal(string status)
    {
        var reading = Read(Score("i9-old", "44260-8", 0, effective: "2026-11-28T01:30:00Z"), Score("i9-p", "44260-8", 2, status: status));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 2 in the chart, not read (Observation/i9-p, 2026-12-01 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains("2, a result that is not final (preliminary, registered or of unknown status): Observation/i9-p, taken 2026-12-01 09:30 UTC+08:00.", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Item9ResultsOfTheSameTimeThatDisagree_RaiseTheCardForThePositiveOne()
    {
        var reading = Read(Score("i9-a", "44260-8", 0), Score("i9-b", "44260-8", 3));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9-b, 2026-12-01 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains("3, a result taken as late as another that gives a different value, so which one is the latest cannot be told: Observation/i9-b, taken 2026-12-01 09:30 UTC+08:00.", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("i9-a", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralPositiveItem9sNotRead_TheSummaryNamesTheHighest_TheDetailEach()
    {
        var reading = Read(Score("i9-p", "44260-8", 1, status: "preliminary"), Score("i9-f", "44260-8", 2, effective: "2026-12-03T01:00:00Z"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.StartsWith("PHQ-9 item 9 is 2 in the chart, not read (Observation/i9-f, 2026-12-03 09:00 UTC+08:00)", card.Summary, StringComparison.Ordinal);
        Assert.Contains("1, a result that is not final", card.Detail, StringComparison.Ordinal);
        Assert.Contains("2, a result dated in the future", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Item9NotReadButSui008Fired_NoSeparateCard()
    {
        var reading = Read(Score("i9-f", "44260-8", 3, effective: "2026-12-02T09:00:00Z"));
        var sui008 = RuleSetCatalog.Current.Rules.Single(r => r.Id == "SUI-008");
        var fired = new KetamineCds.Domain.Screening.Finding(sui008.Id, sui008.Kind, sui008.Severity, sui008.Principles, sui008.Sources, "summary", "detail", []);

        Assert.Null(Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, [fired]));
    }

    [Theory]
    [InlineData(0, "preliminary", "2026-12-01T01:30:00Z")] // not positive
    [InlineData(3, "preliminary", "2026-11-01T01:30:00Z")] // older than the 14 days item 9 is read over: not current
    [InlineData(3, "entered-in-error", "2026-12-01T01:30:00Z")] // not a result
    [InlineData(3, "cancelled", "2026-12-02T09:00:00Z")] // not a result, even dated in the future
    public void Item9NotReadThatIsNotAPositiveCurrentResult_GivesNoCard(int value, string status, string effective)
    {
        var reading = Read(Score("i9", "44260-8", value, effective: effective, status: status));

        Assert.Null(Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null));
    }

    private static JsonElement Answer(string id, string code, string? display, string status = "final", string effective = "2026-12-01T01:30:00Z") =>
        JsonSerializer.SerializeToElement(new
        {
            resourceType = "Observation",
            id,
            status,
            code = new { coding = new[] { new { system = "http://loinc.org", code = "44260-8" } } },
            subject = new { reference = "Patient/p1" },
            effectiveDateTime = effective,
            valueCodeableConcept = new { coding = new[] { new { system = "http://loinc.org", code, display } } },
        }, NoNulls);

    [Fact]
    public void UnreadableItem9_GivesNoCard()
    {
        // Its value is not known and it names none, so no value is claimed; it stays named in the check list. (This was
        // LA6571-9, "Nearly every day", until item 9's LOINC answers were read: it now gives the card below.)
        var unknown = Answer("i9-c", "LA4489-6", "Unknown");

        Assert.Null(Builder().PositiveItem9(RuleSetCatalog.Current, Read(unknown), Shanghai, null));
        Assert.Contains(CardTexts.ChartChecks(Read(unknown).ToCheck), l => l.Contains("Observation/i9-c", StringComparison.Ordinal) && l.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Item9GivenAsItsLoincAnswer_IsReadAndRaisesTheCard()
    {
        // Until this change the answer code was not read: no warning, and the field read as not recorded.
        var reading = Read(Answer("i9-c", "LA6571-9", "Nearly every day"));

        Assert.Equal(3, reading.Values["phq9Item9"]);
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;
        Assert.Equal("warning", card.Indicator);
        Assert.Equal("PHQ-9 item 9 is 3 in the chart (Observation/i9-c, 2026-12-01 09:30 UTC+08:00): assess suicide risk now", card.Summary);
    }

    [Fact]
    public void Item9NotAtAllAsItsLoincAnswer_GivesNoCard()
    {
        var reading = Read(Answer("i9-c", "LA6568-5", "Not at all"));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        Assert.Null(Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null));
    }

    [Fact]
    public void Item9WhoseCodeAndWordsNameDifferentAnswers_RaisesTheCard_SayingItWasNotReadAndWhy()
    {
        // Coded "Not at all" (0) with the words "Nearly every day" (3): never read as 0; the card names the highest.
        var reading = Read(Answer("i9-old", "LA6568-5", "Not at all", effective: "2026-11-25T01:30:00Z"), Answer("i9-c", "LA6568-5", "Nearly every day"));
        Assert.Null(reading.InChart("phq9Item9"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("warning", card.Indicator);
        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9-c, 2026-12-01 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains(
            "3, a result whose answer cannot be read as one answer: its codes and words name different answers, or it is given only in words (the highest score they name is given): Observation/i9-c, taken 2026-12-01 09:30 UTC+08:00.",
            card.Detail,
            StringComparison.Ordinal);
        Assert.DoesNotContain("i9-old", card.Detail, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>An item 9 giving no time it was taken (no effective[x]); when it was issued, if <paramref name="issued"/> is given.</summary>
    private static JsonElement Untimed(string id, int value, string? issued = null) =>
        JsonSerializer.SerializeToElement(
            new
            {
                resourceType = "Observation",
                id,
                status = "final",
                code = new { coding = new[] { new { system = "http://loinc.org", code = "44260-8" } } },
                subject = new { reference = "Patient/p1" },
                issued,
                valueInteger = value,
            },
            WithoutNulls);

    private static JsonElement IssuedOnly(string id, int value, string issued) => Untimed(id, value, issued);

    [Fact]
    public void Item9IssuedWithoutTheTimeItWasTaken_BesideAnOlderZero_RaisesTheCard_SayingWhenItWasIssued()
    {
        // Helper 205: an item 9 of 3 giving only when it was issued was neither read nor named; the older 0 was read.
        var reading = Read(Score("i9-old", "44260-8", 0, effective: "2026-11-25T01:30:00Z"), IssuedOnly("i9-i", 3, "2026-12-01T01:30:00Z"));
        Assert.Null(reading.InChart("phq9Item9"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("warning", card.Indicator);
        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9-i, issued 2026-12-01 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains(
            "The chart gives a PHQ-9 item 9 of 1 or more that was not read: 3, a result that says when it was issued but not when it was taken: Observation/i9-i, issued 2026-12-01 09:30 UTC+08:00. It is not used by the rules",
            card.Detail,
            StringComparison.Ordinal);
        Assert.DoesNotContain("taken", card.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("i9-old", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Item9IssuedWithoutTheTimeItWasTaken_BeforeALaterZero_StillRaisesTheCard()
    {
        // The 0 taken after the 3 was issued is read; the 3 is named beside it, and the card still shows it.
        var reading = Read(IssuedOnly("i9-i", 3, "2026-11-25T01:30:00Z"), Score("i9-new", "44260-8", 0));
        Assert.Equal(0, reading.Values["phq9Item9"]);

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9-i, issued 2026-11-25 09:30 UTC+08:00): assess suicide risk now", card.Summary);
    }

    [Fact]
    public void TimedPositiveItem9_BesideAZeroIssuedLaterWithoutTheTimeTaken_RaisesTheCard()
    {
        // Helper 207: helper 205 left item 9 not recorded and named only the 0 issued later: the 3 vanished, and no card.
        var reading = Read(Score("i9", "44260-8", 3, effective: "2026-11-30T01:30:00Z"), IssuedOnly("i9-i", 0, "2026-12-01T01:30:00Z"));
        Assert.Null(reading.InChart("phq9Item9"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9, 2026-11-30 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains(
            "3, the latest result whose time is known, beside a result that does not say when it was taken and may be newer: Observation/i9, taken 2026-11-30 09:30 UTC+08:00.",
            card.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void FinalPositiveItem9_BesideALaterPreliminaryZero_RaisesTheCard()
    {
        // Helper 214: only the preliminary 0 was named; the final 3 appeared nowhere, and no card was raised.
        var reading = Read(Score("i9", "44260-8", 3, effective: "2026-11-30T01:30:00Z"), Score("i9-p", "44260-8", 0, status: "preliminary"));
        Assert.Null(reading.InChart("phq9Item9"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9, 2026-11-30 09:30 UTC+08:00): assess suicide risk now", card.Summary);
        Assert.Contains("3, the latest final result, beside a later result that is not final: Observation/i9, taken 2026-11-30 09:30 UTC+08:00.", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_TheCardForAPositiveItem9BesideALaterResultNotFinal_IsTranslated()
    {
        using var chinese = new TranslationCompletenessTests.UiCulture("zh-Hans");
        var reading = Read(Score("i9", "44260-8", 3, effective: "2026-11-30T01:30:00Z"), Score("i9-p", "44260-8", 0, status: "preliminary"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Contains("3，最新的最终结果，但另有一个更晚、尚非最终的结果：Observation/i9", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TimedPositiveItem9_BesideAnUntimedZero_RaisesTheCard()
    {
        var reading = Read(Score("i9", "44260-8", 2, effective: "2026-11-30T01:30:00Z"), Untimed("i9-u", 0));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 2 in the chart, not read (Observation/i9, 2026-11-30 09:30 UTC+08:00): assess suicide risk now", card.Summary);
    }

    [Fact]
    public void UntimedPositiveItem9_BesideAnOlderZero_RaisesTheCard_SayingItsTimeIsNotGiven()
    {
        // Helper 207: an item 9 of 3 with neither effective[x] nor issued was neither read nor named; the 0 was read.
        var reading = Read(Score("i9-old", "44260-8", 0, effective: "2026-11-25T01:30:00Z"), Untimed("i9-u", 3));
        Assert.Null(reading.InChart("phq9Item9"));

        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("PHQ-9 item 9 is 3 in the chart, not read (Observation/i9-u, ?): assess suicide risk now", card.Summary);
        Assert.Contains(
            "3, a result that does not say when it was taken, or not so that it can be placed within the days read: Observation/i9-u, taken ?.",
            card.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_TheCardForAnUntimedItem9_IsTranslated()
    {
        using var chinese = new TranslationCompletenessTests.UiCulture("zh-Hans");
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, Read(Untimed("i9-u", 2)), Shanghai, null)!;

        Assert.Contains("2，未给出测得时间、或其时间无法确定是否在所读取天数之内的结果：Observation/i9-u", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_TheCardForAnItem9IssuedWithoutTheTimeItWasTaken_IsTranslated()
    {
        using var chinese = new TranslationCompletenessTests.UiCulture("zh-Hans");
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, Read(IssuedOnly("i9-i", 2, "2026-12-01T01:30:00Z")), Shanghai, null)!;

        Assert.Equal("病历中 PHQ-9 第 9 项为 2，未读取（Observation/i9-i，发布于 2026-12-01 09:30 UTC+08:00）：请立即评估自杀风险", card.Summary);
        Assert.Contains("2，给出了发布时间但未给出测得时间的结果：Observation/i9-i，发布于 2026-12-01 09:30 UTC+08:00。", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("issued", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_TheCardForAnItem9NotReadIsTranslated()
    {
        using var chinese = new TranslationCompletenessTests.UiCulture("zh-Hans");
        var reading = Read(Score("i9-p", "44260-8", 1, status: "preliminary"), Score("i9-f", "44260-8", 2, effective: "2026-12-03T01:00:00Z"));
        var card = Builder().PositiveItem9(RuleSetCatalog.Current, reading, Shanghai, null)!;

        Assert.Equal("病历中 PHQ-9 第 9 项为 2，未读取（Observation/i9-f，2026-12-03 09:00 UTC+08:00）：请立即评估自杀风险", card.Summary);
        Assert.Contains("病历中有一个未被读取、数值为 1 或以上的 PHQ-9 第 9 项：2，按诊所时钟日期在未来的结果（它可能是日期有误的最新结果）：Observation/i9-f，测于 2026-12-03 09:00 UTC+08:00；1，尚非最终结果的结果（初步、已登记或状态不明）：Observation/i9-p，测于 2026-12-01 09:30 UTC+08:00。", card.Detail, StringComparison.Ordinal);
        Assert.Contains("临床医生必须立即评估自杀倾向", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("The chart", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("result", card.Detail, StringComparison.Ordinal);

        var notReadable = Builder().PositiveItem9(RuleSetCatalog.Current, Read(Answer("i9-c", "LA6570-1", "Nearly every day")), Shanghai, null)!;
        Assert.Contains("3，答案无法读取为单一答案的结果：其代码与文字所指的答案不同，或仅以文字给出（给出的是其所指的最高分）：Observation/i9-c", notReadable.Detail, StringComparison.Ordinal);

        var timeUnclear = Builder().PositiveItem9(RuleSetCatalog.Current, Read(Score("i9-a", "44260-8", 0), Score("i9-b", "44260-8", 3)), Shanghai, null)!;
        Assert.Contains("3，与另一结果同样晚测得但数值不同的结果，无法判断哪一个是最新的：Observation/i9-b", timeUnclear.Detail, StringComparison.Ordinal);
    }
}
