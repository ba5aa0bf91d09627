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

    private static JsonElement Score(string id, string loinc, int value, string effective = "2026-12-01T01:30:00Z", string? fullUrl = null) =>
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
                        status = "final",
                        code = new { coding = new[] { new { system = "http://loinc.org", code = loinc } } },
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
}
