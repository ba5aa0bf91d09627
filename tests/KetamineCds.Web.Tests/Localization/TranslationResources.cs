using System.Xml.Linq;
using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// The resource files as written in the repository (comments included, which the compiled resources drop), and every
/// text that must have a translation: the English each key stands for, read from where the English lives.
/// </summary>
public static class TranslationResources
{
    public const string HashPrefix = "en-sha256:";

    public static string Folder { get; } = Path.Combine(TestRepository.Root(), "src", "KetamineCds.Web", "Resources", "Localization");

    /// <summary>One entry of a resx file: its key, its text and its comment (null when there is none).</summary>
    public sealed record Entry(string Key, string Value, string? Comment);

    public static IReadOnlyDictionary<string, Entry> Read(string fileName)
    {
        var document = XDocument.Load(Path.Combine(Folder, fileName));
        return document.Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => new Entry((string)d.Attribute("name")!, (string?)d.Element("value") ?? string.Empty, (string?)d.Element("comment")),
            StringComparer.Ordinal);
    }

    /// <summary>Field labels, help and units: key and English, from the field catalogue.</summary>
    public static IEnumerable<(string Key, string English)> FieldTexts()
    {
        foreach (var field in Fields.All)
        {
            yield return (field.LabelKey, field.Label);
            if (field.Help is { } help)
            {
                yield return (field.HelpKey, help);
            }

            if (field.Unit is { } unit)
            {
                yield return (field.UnitKey, unit);
            }
        }
    }

    /// <summary>The choice keys every choice field needs, English or Chinese.</summary>
    public static IEnumerable<string> ChoiceKeys() => Fields.All.SelectMany(f => f.Choices.Select(f.ChoiceKey));

    /// <summary>Every distinct summary, detail and condition of every rule of every released rule set.</summary>
    public static IEnumerable<(string Key, string English, string Where)> RuleTexts() =>
        RuleSetCatalog.All
            .SelectMany(set => set.Rules.SelectMany(rule => new[]
            {
                (ClinicalText.RuleKey(rule.Id, RulePart.Summary, rule.Summary), rule.Summary, $"{rule.Id} summary in {set.Version}"),
                (ClinicalText.RuleKey(rule.Id, RulePart.Detail, rule.Detail), rule.Detail, $"{rule.Id} detail in {set.Version}"),
                (ClinicalText.RuleKey(rule.Id, RulePart.Condition, rule.ConditionText), rule.ConditionText, $"{rule.Id} condition in {set.Version}"),
            }))
            .DistinctBy(t => t.Item1, StringComparer.Ordinal);

    /// <summary>
    /// The summary, detail and condition of every rule of one rule set as the app shows them, in English or in the Chinese
    /// of <c>RuleText.zh-Hans.resx</c> (which must exist: TranslationCompletenessTests), each with where it is ("TRD-002 summary").
    /// </summary>
    public static IEnumerable<(string Where, string Text)> ShownRuleTexts(RuleSet ruleSet, bool chinese)
    {
        var translations = chinese ? Read("RuleText.zh-Hans.resx") : null;
        foreach (var rule in ruleSet.Rules)
        {
            foreach (var (part, english) in new[] { (RulePart.Summary, rule.Summary), (RulePart.Detail, rule.Detail), (RulePart.Condition, rule.ConditionText) })
            {
                var where = $"{rule.Id} {part.ToString().ToLowerInvariant()}";
                if (translations is null)
                {
                    yield return (where, english);
                    continue;
                }

                var key = ClinicalText.RuleKey(rule.Id, part, english);
                Assert.True(translations.TryGetValue(key, out var entry), $"{key} has no Chinese text");
                yield return (where, entry.Value);
            }
        }
    }

    /// <summary>Every principle's statement, section and caveat.</summary>
    public static IEnumerable<(string Key, string English)> PrincipleTexts()
    {
        foreach (var principle in Citations.AllPrinciples)
        {
            yield return (ClinicalText.PrincipleKey(principle.Id, PrinciplePart.Statement), principle.Statement);
            yield return (ClinicalText.PrincipleKey(principle.Id, PrinciplePart.Section), principle.Section);
            if (principle.Caveat is { } caveat)
            {
                yield return (ClinicalText.PrincipleKey(principle.Id, PrinciplePart.Caveat), caveat);
            }
        }
    }

    /// <summary>Every unconfirmed fact ("To verify") in full and in brief, and every discrepancy's subject, disagreement and reading (QA148 F5).</summary>
    public static IEnumerable<(string Key, string English)> UnconfirmedFactAndDiscrepancyTexts()
    {
        foreach (var fact in UnconfirmedFacts.All)
        {
            yield return (ClinicalText.UnconfirmedFactKey(fact.Number, UnconfirmedFactPart.Fact), fact.Fact);
            yield return (ClinicalText.UnconfirmedFactKey(fact.Number, UnconfirmedFactPart.InBrief), fact.InBrief);
        }

        foreach (var discrepancy in Discrepancies.All)
        {
            yield return (ClinicalText.DiscrepancyKey(discrepancy.Id, DiscrepancyPart.Subject), discrepancy.Subject);
            yield return (ClinicalText.DiscrepancyKey(discrepancy.Id, DiscrepancyPart.Disagreement), discrepancy.Disagreement);
            yield return (ClinicalText.DiscrepancyKey(discrepancy.Id, DiscrepancyPart.Reading), discrepancy.Reading);
        }
    }

    /// <summary>
    /// The problems with one language's entries for these texts: each key with no translation, and each translation
    /// whose comment does not carry the hash of the English it stands for (stale: the English changed since).
    /// </summary>
    public static List<string> Problems(IReadOnlyDictionary<string, Entry> translations, IEnumerable<(string Key, string English)> expected)
    {
        var problems = new List<string>();
        foreach (var (key, english) in expected)
        {
            if (!translations.TryGetValue(key, out var entry) || string.IsNullOrWhiteSpace(entry.Value))
            {
                problems.Add($"missing zh-Hans: {key} (English: \"{english}\"; add it with <comment>{HashPrefix}{ClinicalText.Hash(english)}</comment>)");
                continue;
            }

            var stamped = entry.Comment?.Trim() is { } c && c.StartsWith(HashPrefix, StringComparison.Ordinal) ? c[HashPrefix.Length..] : null;
            if (!string.Equals(stamped, ClinicalText.Hash(english), StringComparison.Ordinal))
            {
                problems.Add($"stale zh-Hans: {key} was translated from English hashed {stamped ?? "(no en-sha256 comment)"}, "
                    + $"the English is now \"{english}\" ({HashPrefix}{ClinicalText.Hash(english)}): check the translation against it, then update the comment");
            }
        }

        return problems;
    }
}
