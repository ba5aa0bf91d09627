using System.Text.RegularExpressions;
using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.Localization.TranslationCompletenessTests;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 289: the card of an answer the rules could not give ended with one "Cites:" line of every key its items rest on
/// (22 keys with every required item missing), the first-dose section's keys repeated in it. Each list now ends with a
/// short line of what its own items rest on, the last line keeps P-SAFETY-REMS (what the card as a whole rests on), and
/// no key is cited twice; the set of keys cited is the one the card cited before.
/// </summary>
public sealed class IncompleteCardCitesPerListTests(ITestOutputHelper output)
{
    private const string Prefill = "http://localhost/Screenings/New?prefill=abc";

    /// <summary>The lists given to <see cref="CardBuilder.Incomplete"/> (contract names), as the hook gives them.</summary>
    public sealed record Missing(string[] Required, string[] Safety, string[] NeedsAttention, string[] Care);

    private static readonly Dictionary<string, Missing> Histories = new()
    {
        ["all-required"] = new([.. Fields.All.Where(f => f.Required).Select(f => f.Name)], [], [], []),
        ["trials-suicidality-safety-first-dose"] = new(
            [Fields.FailedAdequateTrials.Name, Fields.Suicidality.Name],
            [Fields.AneurysmalVascularDisease.Name, Fields.Pregnant.Name],
            [],
            [Fields.SystolicBp.Name, Fields.DiastolicBp.Name, Fields.HepaticImpairment.Name]),
        ["safety-and-blood-pressure"] = new([], [Fields.AneurysmalVascularDisease.Name], [], [Fields.SystolicBp.Name, Fields.DiastolicBp.Name]),
        ["trials-only"] = new([Fields.FailedAdequateTrials.Name], [], [], []),
        ["care-only"] = new([], [], [], [Fields.BenzodiazepineDiazepamEquivalentMg.Name, Fields.OnOpioids.Name]),
        ["needs-attention"] = new([Fields.Suicidality.Name], [], [Fields.Pregnant.Name], [Fields.HepaticImpairment.Name]),
    };

    /// <summary>
    /// What the card's one "Cites:" line gave before helper 289 (run on commit 6b17ce8f, rule set current then), in its
    /// order: the card must cite the same keys, each once.
    /// </summary>
    private static readonly Dictionary<string, string> CitedBefore = new()
    {
        ["all-required"] = "P-SAFETY-REMS, P-BIPOLAR, P-PTSD, P-OCD, P-TRD-PROCEDURE, P-PALLIATIVE, P-PSYCHOSIS, P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, P-SUICIDALITY-LIMIT, P-TRD-DEFINITION, P-TRD-MECHANISM, SPRAVATO-PI-US, DIAZGRANADOS-2010, SPRAVATO-REMS, APA-KETAMINE-2017, MCINTYRE-2021, IRWIN-2013, ASRA-KETAMINE-PAIN-2018, SPRAVATO-SMPC-EU, C-SSRS, EU-PEARL-TRD-2022",
        ["trials-suicidality-safety-first-dose"] = "P-SAFETY-REMS, P-TRD-PROCEDURE, P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, P-SUICIDALITY-LIMIT, P-TRD-DEFINITION, P-TRD-MECHANISM, APA-KETAMINE-2017, MCINTYRE-2021, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS, EU-PEARL-TRD-2022, ASRA-KETAMINE-PAIN-2018",
        ["safety-and-blood-pressure"] = "P-SAFETY-REMS, SPRAVATO-PI-US",
        ["trials-only"] = "P-SAFETY-REMS, P-TRD-PROCEDURE, P-TRD-DEFINITION, P-TRD-MECHANISM, APA-KETAMINE-2017, MCINTYRE-2021, SPRAVATO-PI-US, EU-PEARL-TRD-2022",
        ["care-only"] = "P-SAFETY-REMS, P-NALTREXONE, SPRAVATO-PI-US, SPRAVATO-REMS, FRONT-PSYCHIATRY-2020-BZD, FEENEY-2023",
        ["needs-attention"] = "P-SAFETY-REMS, P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, P-SUICIDALITY-LIMIT, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS, ASRA-KETAMINE-PAIN-2018",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Histories.Keys)
        {
            data.Add(name, "en");
            data.Add(name, "zh-Hans");
        }

        return data;
    }

    private static Card Build(string name)
    {
        var m = Histories[name];
        return new CardBuilder("http://localhost", false).Incomplete(CardBuilder.CurrentVersion, m.Required, m.Safety, m.NeedsAttention, m.Care, Prefill);
    }

    /// <summary>Every citation on the card: the "Cites:" lines (also within a sentence) and the last line, each with its keys.</summary>
    private static List<(string Paragraph, List<string> Keys)> CitationsOn(string detail)
    {
        var cites = CardTexts.Cites(["{0}"], [])[..CardTexts.Cites(["{0}"], []).IndexOf("{0}", StringComparison.Ordinal)];
        var whole = CardTexts.CitesWholeCard(["{0}"], [], true)[..CardTexts.CitesWholeCard(["{0}"], [], true).IndexOf("{0}", StringComparison.Ordinal)];
        var end = ClinicalText.Shared.ListSeparator == "、" ? '。' : '.';
        var found = new List<(string, List<string>)>();
        foreach (var paragraph in detail.Split("\n\n"))
        {
            foreach (var start in new[] { cites, whole })
            {
                var at = paragraph.IndexOf(start, StringComparison.Ordinal);
                if (at >= 0 && (start == whole || !paragraph.StartsWith(whole, StringComparison.Ordinal)))
                {
                    var list = paragraph[(at + start.Length)..];
                    found.Add((paragraph, [.. list[..list.IndexOf(end)].Split(ClinicalText.Shared.ListSeparator)]));
                }
            }
        }

        return found;
    }

    /// <summary>How often a citation key stands in a card's text as a whole key (CV-004 is not counted inside CV-0040).</summary>
    internal static int Occurrences(string detail, string key) =>
        Regex.Count(detail, "(?<![A-Za-z0-9-])" + Regex.Escape(key) + "(?![A-Za-z0-9-])");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Incomplete_EachKeyIsCitedOnce_TheSameKeysAsBefore(string name, string culture)
    {
        using var ui = new UiCulture(culture);
        var card = Build(name);
        output.WriteLine(card.Detail);

        var before = CitedBefore[name].Split(", ");
        var cited = CitationsOn(card.Detail).SelectMany(c => c.Keys).ToList();
        // (b) the same set of keys as the card cited before, none dropped, none added;
        Assert.Equal(before.Order(StringComparer.Ordinal), cited.Order(StringComparer.Ordinal));
        // (a) and none twice anywhere in the detail.
        Assert.All(before, key => Assert.True(Occurrences(card.Detail, key) == 1, $"{key} appears {Occurrences(card.Detail, key)} times"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Incomplete_EachCitesLineCarriesOnlyTheKeysOfItsOwnList_AndTheLastOneWhatTheCardRestsOn(string name, string culture)
    {
        using var ui = new UiCulture(culture);
        var card = Build(name);
        var m = Histories[name];
        var ruleSet = RuleSetCatalog.Current;
        var firstDose = CareBeforeFirstDose.Questions(ruleSet).Select(f => f.Name).Where(m.Care.Contains).ToList();
        List<string> KeysOf(IEnumerable<string> fields, Func<Rule, bool> keeps)
        {
            var names = fields.ToHashSet(StringComparer.Ordinal);
            return [.. ruleSet.Rules.Where(r => keeps(r) && r.Condition.FieldsRead().Any(f => names.Contains(f.Name))).SelectMany(r => r.Principles.Concat(r.Sources))];
        }

        var lists = new Dictionary<string, List<string>>
        {
            [CardTexts.RequiredHeading] = KeysOf(m.Required, CardBuilder.Behind.Required(ruleSet)),
            [CardTexts.SafetyHeading] = KeysOf(m.Safety, CardBuilder.Behind.SafetyQuestion),
            [CardTexts.NeedsAttentionHeading] = KeysOf(m.NeedsAttention, CardBuilder.Behind.ValueNotUsable),
            [CardTexts.BeforeFirstDoseHeading] = KeysOf(firstDose, CardBuilder.Behind.SaysNotRecorded(firstDose)),
            [CardTexts.CareHeading] = KeysOf(m.Care.Except(firstDose), CardBuilder.Behind.CareItem),
        };

        var citations = CitationsOn(card.Detail);
        var paragraphs = card.Detail.Split("\n\n");
        var last = citations[^1];
        // The last line, right before "supports, never replaces": what the card as a whole rests on.
        Assert.Equal(paragraphs[Array.IndexOf(paragraphs, CardTexts.SupportsNotReplaces) - 1], last.Paragraph);
        Assert.Equal([Citations.SafetyRems], last.Keys);
        Assert.StartsWith(CardTexts.CitesWholeCard([Citations.SafetyRems], [], citations.Count > 1), last.Paragraph, StringComparison.Ordinal);
        // (c) each other line, under its list's heading (the nearest heading above it), carries only that list's keys.
        foreach (var (paragraph, keys) in citations.SkipLast(1))
        {
            var heading = paragraphs.Take(Array.IndexOf(paragraphs, paragraph)).Last(p => p.StartsWith("**", StringComparison.Ordinal));
            Assert.True(lists.ContainsKey(heading), heading);
            Assert.All(keys, k => Assert.Contains(k, lists[heading]));
        }
    }

    [Fact]
    public void Incomplete_AllRequiredMissing_TheRequiredListCitesItsOwnKeys_PrinciplesFirst_AndTheLastLineOnlyPSafetyRems()
    {
        var card = Build("all-required");

        Assert.Contains(
            "\n\nCites: P-BIPOLAR, P-PTSD, P-OCD, P-TRD-PROCEDURE, P-PALLIATIVE, P-PSYCHOSIS, P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, P-SUICIDALITY-LIMIT, P-TRD-DEFINITION, P-TRD-MECHANISM, SPRAVATO-PI-US, DIAZGRANADOS-2010, SPRAVATO-REMS, APA-KETAMINE-2017, MCINTYRE-2021, IRWIN-2013, ASRA-KETAMINE-PAIN-2018, SPRAVATO-SMPC-EU, C-SSRS, EU-PEARL-TRD-2022.\n\n"
                + "The card as a whole cites: P-SAFETY-REMS. Each other key is cited once, after a list it backs.\n\n",
            card.Detail,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Cites: P-TRD-PROCEDURE, P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, P-SUICIDALITY-LIMIT, P-TRD-DEFINITION, P-TRD-MECHANISM, APA-KETAMINE-2017, MCINTYRE-2021, SPRAVATO-SMPC-EU, C-SSRS, EU-PEARL-TRD-2022.", "Cites: SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018. Rule CV-004. Rule HEP-003.")]
    [InlineData("zh-Hans", "依据：P-TRD-PROCEDURE、P-SUICIDALITY-APPROVAL、P-SUICIDALITY-RAPID、P-SUICIDALITY-LIMIT、P-TRD-DEFINITION、P-TRD-MECHANISM、APA-KETAMINE-2017、MCINTYRE-2021、SPRAVATO-SMPC-EU、C-SSRS、EU-PEARL-TRD-2022。", "依据：SPRAVATO-PI-US、ASRA-KETAMINE-PAIN-2018。规则 CV-004。规则 HEP-003。")]
    public void Incomplete_TrialsSuicidalitySafetyAndFirstDose_EachListEndsWithItsOwnCites(string culture, string required, string firstDose)
    {
        using var ui = new UiCulture(culture);
        var paragraphs = Build("trials-suicidality-safety-first-dose").Detail.Split("\n\n");

        // The first-dose section keeps its rules' keys beside their ids (SPRAVATO-PI-US: CV-004, HEP-003); the required
        // list cites the rest of its own; the safety list (VAS-001, REP-001 rest on SPRAVATO-PI-US) has no line of its own.
        var at = Array.IndexOf(paragraphs, required);
        Assert.True(at > 0, string.Join("\n\n", paragraphs));
        Assert.Equal(CardTexts.RequiredHeading, paragraphs[at - 2]);
        Assert.Equal(CardTexts.SafetyHeading, paragraphs[at + 1]);
        Assert.Equal(CardTexts.BeforeFirstDoseHeading, paragraphs[at + 3]);
        Assert.Contains(firstDose, paragraphs);
    }
}
