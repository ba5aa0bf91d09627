using System.Globalization;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using static KetamineCds.Web.Tests.Localization.TranslationResources;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// Every key has an English and a Simplified Chinese text, and no Chinese text is stale: each is stamped with the hash
/// of the English it translates (docs/translations.md). A failure lists every missing or stale entry with its English.
/// </summary>
public sealed class TranslationCompletenessTests
{
    private static readonly IReadOnlyDictionary<string, Entry> English = Read("ClinicalText.resx");

    private static readonly IReadOnlyDictionary<string, Entry> Chinese = Read("ClinicalText.zh-Hans.resx");

    private static readonly IReadOnlyDictionary<string, Entry> RuleChinese = Read("RuleText.zh-Hans.resx");

    [Fact]
    public void FieldTexts_EveryLabelHelpAndUnit_HasCurrentChineseTranslation()
    {
        var problems = Problems(Chinese, FieldTexts());

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Choices_EveryChoiceOfEveryField_HasEnglishAndCurrentChineseText()
    {
        var noEnglish = ChoiceKeys().Where(k => !English.TryGetValue(k, out var e) || string.IsNullOrWhiteSpace(e.Value)).ToList();
        var problems = Problems(Chinese, ChoiceKeys().Where(English.ContainsKey).Select(k => (k, English[k].Value)));

        Assert.True(noEnglish.Count == 0, "no English display name: " + string.Join(", ", noEnglish));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void AppTexts_EveryEnglishEntry_HasCurrentChineseTranslation()
    {
        var problems = Problems(Chinese, English.Values.Select(e => (e.Key, e.Value)));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void RuleTexts_EverySummaryDetailAndConditionOfEveryReleasedRuleSet_HasCurrentChineseTranslation()
    {
        var problems = Problems(RuleChinese, RuleTexts().Select(t => (t.Key, t.English)));

        Assert.True(problems.Count == 0, $"{problems.Count} rule texts:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Principles_EveryStatementSectionAndCaveat_HasCurrentChineseTranslation()
    {
        var problems = Problems(RuleChinese, PrincipleTexts());

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void UnconfirmedFactsAndDiscrepancies_EveryText_HasCurrentChineseTranslation()
    {
        var problems = Problems(RuleChinese, UnconfirmedFactAndDiscrepancyTexts());

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void ChineseResources_EveryEntry_TranslatesAnEnglishTextThatStillExists()
    {
        // A translation whose English is gone (a rule text changed, a field renamed) is stale: its key names no English.
        var known = new HashSet<string>(English.Keys.Concat(FieldTexts().Select(t => t.Key)), StringComparer.Ordinal);
        var knownRules = new HashSet<string>(RuleTexts().Select(t => t.Key).Concat(PrincipleTexts().Select(t => t.Key)).Concat(UnconfirmedFactAndDiscrepancyTexts().Select(t => t.Key)), StringComparer.Ordinal);

        var orphans = Chinese.Keys.Where(k => !known.Contains(k))
            .Concat(RuleChinese.Keys.Where(k => !knownRules.Contains(k)))
            .Select(k => $"stale zh-Hans: {k} translates an English text that no released rule set, principle, field or app text has any more")
            .ToList();

        Assert.True(orphans.Count == 0, string.Join('\n', orphans));
    }

    [Fact]
    public void Resources_NoTwoKeysOfOneFile_DifferOnlyInLetterCase()
    {
        // The resource compiler matches names without letter case: a second key ("None" beside "none") is dropped with a
        // build warning, and its translation never shown.
        var clashes = Directory.GetFiles(Folder, "*.resx")
            .SelectMany(file => System.Xml.Linq.XDocument.Load(file).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!)
                .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(file)}: {string.Join(" / ", g)}"))
            .ToList();

        Assert.True(clashes.Count == 0, string.Join('\n', clashes));
    }

    [Fact]
    public void Problems_ChangedEnglish_ReportsTheEntryAsStale()
    {
        var translations = new Dictionary<string, Entry>(StringComparer.Ordinal)
        {
            ["Field.x.Label"] = new("Field.x.Label", "旧的", HashPrefix + ClinicalText.Hash("Old English")),
        };

        var problems = Problems(translations, [("Field.x.Label", "New English")]);

        Assert.StartsWith("stale zh-Hans: Field.x.Label", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_MissingTranslation_ReportsTheKeyWithItsEnglish()
    {
        var problems = Problems(new Dictionary<string, Entry>(), [("Field.x.Label", "Age")]);

        Assert.Contains("missing zh-Hans: Field.x.Label (English: \"Age\"", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void RuleKey_SameRuleDifferentEnglish_GivesDifferentKeys()
    {
        Assert.NotEqual(ClinicalText.RuleKey("PSY-001", RulePart.Summary, "a"), ClinicalText.RuleKey("PSY-001", RulePart.Summary, "b"));
        Assert.Equal("Rule.PSY-001.Summary." + ClinicalText.Hash("a"), ClinicalText.RuleKey("PSY-001", RulePart.Summary, "a"));
    }

    [Fact]
    public void ClinicalText_EveryDisplayNameInEitherLanguage_IsFoundNotItsKey()
    {
        foreach (var culture in Cultures.Supported)
        {
            using var _ = new UiCulture(culture);
            var text = ClinicalText.Shared;
            var names = Enum.GetValues<Verdict>().SelectMany(v => new[] { text.Verdict(v), text.VerdictExplanation(v) })
                .Concat(Enum.GetValues<PathwayStatus>().Select(text.PathwayStatus))
                .Concat(Enum.GetValues<Pathway>().SelectMany(p => new[] { text.Pathway(p), text.PathwayShortName(p) }))
                .Concat(Enum.GetValues<FindingKind>().SelectMany(k => new[] { text.FindingKind(k), text.FindingKindHeading(k) }))
                .Concat(Enum.GetValues<Severity>().Select(text.Severity))
                .Concat(Enum.GetValues<KetamineCds.Infrastructure.DecisionLog.OverrideReason>().Select(r => KetamineCds.Web.Screenings.Display.Of(r)))
                .Concat([text.NotRecorded, text.YesNo(true), text.YesNo(false), text.NoneChosen, text.VerdictExplanationInvestigationalOnly()]);

            var unresolved = names.Where(n => n.Contains('.', StringComparison.Ordinal) && !n.Contains(' ', StringComparison.Ordinal)).ToList();
            Assert.True(unresolved.Count == 0, $"{culture}: " + string.Join(", ", unresolved));
        }
    }

    [Fact]
    public void ClinicalText_ChineseRequest_TranslatesEachDisplayNameDifferentlyFromEnglish()
    {
        string English(Func<ClinicalText, string> get)
        {
            using var _ = new UiCulture(Cultures.English);
            return get(ClinicalText.Shared);
        }

        string Chinese(Func<ClinicalText, string> get)
        {
            using var _ = new UiCulture(Cultures.SimplifiedChinese);
            return get(ClinicalText.Shared);
        }

        Assert.Equal("Not eligible now", English(t => t.Verdict(Verdict.NotEligibleNow)));
        Assert.Equal("目前不符合条件", Chinese(t => t.Verdict(Verdict.NotEligibleNow)));
        Assert.Equal("Bipolar I disorder", English(t => t.Choice(Fields.PrimaryDiagnosis, "bipolar-i")));
        Assert.Equal("双相 I 型障碍", Chinese(t => t.Choice(Fields.PrimaryDiagnosis, "bipolar-i")));
        Assert.Equal(Fields.AgeYears.Label, English(t => t.FieldLabel(Fields.AgeYears)));
        Assert.Equal("年龄（岁）", Chinese(t => t.FieldLabel(Fields.AgeYears)));
        Assert.Equal("禁忌证或未满足的前提条件", Chinese(t => t.FindingKind(FindingKind.Contraindication)));
    }

    [Fact]
    public void RuleSummary_EnglishThatNoTranslationWasMadeFor_FallsBackToThatEnglish()
    {
        using var _ = new UiCulture(Cultures.SimplifiedChinese);
        const string olderText = "A summary this rule never had in any released rule set.";

        Assert.Equal(olderText, ClinicalText.Shared.RuleSummary("PSY-001", olderText));
    }

    [Fact]
    public void RuleSummary_ChineseRequest_TranslatesTheCurrentRuleSetsText()
    {
        using var _ = new UiCulture(Cultures.SimplifiedChinese);
        var rule = RuleSetCatalog.Current.Find("PSY-001")!;

        var summary = ClinicalText.Shared.RuleSummary(rule.Id, rule.Summary);

        Assert.NotEqual(rule.Summary, summary);
        Assert.Contains("精神病", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSummary_TextOfAnOlderRuleSet_GetsThatVersionsTranslationNotTheNewerOne()
    {
        using var _ = new UiCulture(Cultures.SimplifiedChinese);
        var changed = RuleSetCatalog.V1_0_0.Rules
            .Select(old => (Old: old, New: RuleSetCatalog.V1_1_0.Find(old.Id)))
            .First(p => p.New is not null && p.New.Summary != p.Old.Summary);

        var oldChinese = ClinicalText.Shared.RuleSummary(changed.Old.Id, changed.Old.Summary);
        var newChinese = ClinicalText.Shared.RuleSummary(changed.New!.Id, changed.New.Summary);

        Assert.NotEqual(changed.Old.Summary, oldChinese);
        Assert.NotEqual(changed.New.Summary, newChinese);
        Assert.NotEqual(oldChinese, newChinese);
    }

    /// <summary>Sets the UI culture for one test's thread, as the request localization middleware does per request.</summary>
    internal sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _saved = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _saved;
    }
}
