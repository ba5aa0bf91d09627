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
/// Helper 290: the card naming what is not recorded once the rules ran (the incomplete card, and the card of safety
/// questions beside another verdict) ended with one "Cites:" line of every key its items rest on (10 for active suicidal
/// ideation), so that a reader could not tell which key backed which list. As on the card before the rules run (helper
/// 289, <see cref="IncompleteCardCitesPerListTests"/>), each list now ends with a short line of the keys its own items
/// rest on that no line above cites, a finding the card names (a high-severity one, CV-004 and HEP-003 in the first-dose
/// section) keeps its own citations beside it, and the last line cites P-SAFETY-REMS, what the card as a whole rests on;
/// the set of keys cited is the one the card cited before.
/// </summary>
public sealed class IncompleteCardAfterRulesCitesPerListTests(ITestOutputHelper output)
{
    private const string Prefill = "http://localhost/Screenings/New?prefill=abc";

    private static ScreeningRequest History(string name)
    {
        var request = Requests.OnlyTheRequiredAnswers();
        switch (name)
        {
            case "active-ideation":
            case "passive-ideation":
                request[Fields.Suicidality] = name;
                break;
            case "bp-182-112":
                // A contraindication (CV-003) blocks: the card names the safety questions that could block a pathway as well.
                request[Fields.SystolicBp] = 182;
                request[Fields.DiastolicBp] = 112;
                break;
        }

        return request;
    }

    /// <summary>
    /// What the card's one "Cites:" line gave before helper 290 (run on commit 9428bd2d, rule set current then), in its
    /// order: the card must cite the same keys, none dropped, none added.
    /// </summary>
    private static readonly Dictionary<string, string> CitedBefore = new()
    {
        ["active-ideation"] = "P-SAFETY-REMS, P-SUICIDALITY-LIMIT, P-PALLIATIVE, P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS, ASRA-KETAMINE-PAIN-2018, SPRAVATO-REMS",
        ["required-only"] = "P-SAFETY-REMS, P-PALLIATIVE, SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018, SPRAVATO-REMS",
        ["passive-ideation"] = "P-SAFETY-REMS, P-SUICIDALITY-LIMIT, P-PALLIATIVE, P-SUICIDALITY-RAPID, P-SUICIDALITY-APPROVAL, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS, PHQ-9, ASRA-KETAMINE-PAIN-2018, SPRAVATO-REMS",
        ["bp-182-112"] = "P-SAFETY-REMS, P-BIPOLAR, SPRAVATO-PI-US, DIAZGRANADOS-2010, SPRAVATO-SMPC-EU, ASRA-KETAMINE-PAIN-2018, APA-KETAMINE-2017, YOON-2019, SPRAVATO-REMS",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in CitedBefore.Keys)
        {
            data.Add(name, "en");
            data.Add(name, "zh-Hans");
        }

        return data;
    }

    private static (Assessment Assessment, NotRecordedSummary NotRecorded, Card Card) Build(string name, IReadOnlyList<KetamineCds.Fhir.ChartEntryToCheck>? toCheck = null)
    {
        var history = History(name).ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        var notRecorded = NotRecordedSummary.Of(assessment, history);
        var card = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, notRecorded, Prefill, toCheck), c => c.Links is not null);
        return (assessment, notRecorded, card);
    }

    private static string CitesStart => CardTexts.Cites(["{0}"], [])[..CardTexts.Cites(["{0}"], []).IndexOf("{0}", StringComparison.Ordinal)];

    /// <summary>The card's last line, in its words (written out, so that the test reads the same on the code before it).</summary>
    private static string Whole => ClinicalText.Shared.ListSeparator == "、"
        ? "整张卡片依据：P-SAFETY-REMS。所列每条规则的依据注于该规则旁；其余每个依据只引用一次，见于其所支持的某一列表之后。"
        : "The card as a whole cites: P-SAFETY-REMS. Each rule named cites its own keys beside it; each other key is cited once, after a list it backs.";

    private static string WholeStart => Whole[..Whole.IndexOf(Citations.SafetyRems, StringComparison.Ordinal)];

    private static List<string> KeysOf(string line, string start)
    {
        var end = ClinicalText.Shared.ListSeparator == "、" ? '。' : '.';
        var list = line[start.Length..];
        return [.. list[..list.IndexOf(end)].Split(ClinicalText.Shared.ListSeparator)];
    }

    /// <summary>The lines of the card's lists' own citations: each paragraph that is a "Cites:" line, with its index and keys.</summary>
    private static List<(int At, List<string> Keys)> ListLines(string[] paragraphs) =>
        [.. paragraphs.Select((p, i) => (p, i)).Where(x => x.p.StartsWith(CitesStart, StringComparison.Ordinal)).Select(x => (x.i, KeysOf(x.p, CitesStart)))];

    /// <summary>Every key cited anywhere on the card: the lists' lines, the findings' own "(Cites: …)", the last line.</summary>
    private static List<string> EveryKeyCited(string detail)
    {
        var found = new List<string>();
        foreach (var start in new[] { WholeStart, CitesStart })
        {
            var end = ClinicalText.Shared.ListSeparator == "、" ? '。' : '.';
            for (var at = detail.IndexOf(start, StringComparison.Ordinal); at >= 0; at = detail.IndexOf(start, at + 1, StringComparison.Ordinal))
            {
                if (start == CitesStart && detail[..(at + start.Length)].EndsWith(WholeStart, StringComparison.Ordinal))
                {
                    continue;
                }

                var list = detail[(at + start.Length)..];
                found.AddRange(list[..list.IndexOf(end)].Split(ClinicalText.Shared.ListSeparator));
            }
        }

        return found;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NotRecordedCard_TheLastLineCitesOnlyPSafetyRems_TheCardAsAWhole(string name, string culture)
    {
        using var ui = new UiCulture(culture);
        var (_, _, card) = Build(name);
        output.WriteLine(card.Detail);

        var paragraphs = card.Detail.Split("\n\n");
        var last = paragraphs[Array.IndexOf(paragraphs, CardTexts.SupportsNotReplaces) - 1];
        Assert.Equal(Whole, last);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NotRecordedCard_TheSameKeysAsBefore_AndNoListLineRepeatsAKeyCitedAbove(string name, string culture)
    {
        using var ui = new UiCulture(culture);
        var (_, _, card) = Build(name);
        output.WriteLine(card.Detail);

        // (b) the same set of keys as the card cited before, none dropped, none added;
        Assert.Equal(CitedBefore[name].Split(", ").Order(StringComparer.Ordinal), EveryKeyCited(card.Detail).Distinct().Order(StringComparer.Ordinal));
        // (a) a list's line cites no key cited above it (on another list's line, or beside a finding), nor P-SAFETY-REMS,
        // which the last line cites for the card as a whole.
        var paragraphs = card.Detail.Split("\n\n");
        var lines = ListLines(paragraphs);
        Assert.NotEmpty(lines);
        foreach (var (at, keys) in lines)
        {
            Assert.DoesNotContain(Citations.SafetyRems, keys);
            var above = string.Join("\n\n", paragraphs.Take(at));
            Assert.All(keys, k => Assert.True(IncompleteCardCitesPerListTests.Occurrences(above, k) == 0, $"{k} is cited above its list's line: {paragraphs[at]}"));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NotRecordedCard_EachListLineCarriesOnlyTheKeysOfWhatItsOwnListRestsOn(string name, string culture)
    {
        using var ui = new UiCulture(culture);
        var (_, notRecorded, card) = Build(name);
        var ruleSet = RuleSetCatalog.Current;
        var waiting = notRecorded.PathwaysWaiting.ToHashSet();
        var couldAlsoBlock = notRecorded.CouldAlsoBlock.Select(i => i.Field).ToHashSet(StringComparer.Ordinal);
        // What each list rests on, as helper 245 chose it: the completeness rules of the pathways waiting; the
        // contraindications a question no pathway waits for could show; the findings that ask for the other care items.
        var lists = new Dictionary<string, List<string>>
        {
            [CardTexts.WaitingHeading] = [.. ruleSet.Pathways.Where(p => waiting.Contains(p.Pathway) && p.CompletenessRuleId is not null)
                .Select(p => ruleSet.Find(p.CompletenessRuleId!)!).SelectMany(r => r.Principles.Concat(r.Sources))],
            [CardTexts.CouldAlsoBlockHeading] = [.. ruleSet.Rules.Where(r => r.Kind == FindingKind.Contraindication && r.Condition.FieldsRead().Any(f => couldAlsoBlock.Contains(f.Name)))
                .SelectMany(r => r.Principles.Concat(r.Sources))],
            [CardTexts.CareHeading] = [.. notRecorded.OtherCareItems.SelectMany(c => c.Finding.Principles.Concat(c.Finding.Sources))],
        };

        var paragraphs = card.Detail.Split("\n\n");
        foreach (var (at, keys) in ListLines(paragraphs))
        {
            // The nearest heading above the line is its list's.
            var heading = paragraphs.Take(at).Last(p => p.StartsWith("**", StringComparison.Ordinal));
            Assert.True(lists.ContainsKey(heading), heading);
            Assert.All(keys, k => Assert.Contains(k, lists[heading]));
        }
    }

    [Theory]
    [InlineData("en", "Cites: P-SUICIDALITY-LIMIT, P-PALLIATIVE, SPRAVATO-PI-US.", "Cites: SPRAVATO-REMS.")]
    [InlineData("zh-Hans", "依据：P-SUICIDALITY-LIMIT、P-PALLIATIVE、SPRAVATO-PI-US。", "依据：SPRAVATO-REMS。")]
    public void NotRecordedCard_ActiveSuicidalIdeation_TheWaitingListAndTheCareListEachEndWithTheirOwnCites(string culture, string waiting, string care)
    {
        using var ui = new UiCulture(culture);
        var (_, _, card) = Build("active-ideation");
        var paragraphs = card.Detail.Split("\n\n");

        // REC-002 and REC-005 (P-SUICIDALITY-LIMIT, P-PALLIATIVE, SPRAVATO-PI-US) right under what the pathways wait for,
        // then the high-severity findings (SUI-001, SUI-006) with their own; MED-005's SPRAVATO-REMS under the care items
        // (SUI-013, SAF-001 and the rest cite keys cited above); the last line P-SAFETY-REMS.
        var at = Array.IndexOf(paragraphs, waiting);
        Assert.True(at > 0, card.Detail);
        Assert.Equal(CardTexts.WaitingHeading, paragraphs[at - 2]);
        Assert.Equal(CardTexts.EligibleImportantHeading, paragraphs[at + 1]);
        var careAt = Array.IndexOf(paragraphs, care);
        Assert.Equal(CardTexts.CareHeading, paragraphs[careAt - 2]);
        Assert.Equal(Whole, paragraphs[careAt + 1]);
        // P-SAFETY-REMS twice: beside CV-004, whose own citations it is, and on the last line.
        Assert.Equal(2, IncompleteCardCitesPerListTests.Occurrences(card.Detail, Citations.SafetyRems));
    }

    [Fact]
    public void NotRecordedCard_AContraindicationBlocks_TheSafetyQuestionsEndWithTheContraindicationsTheyCouldShow()
    {
        var (_, _, card) = Build("bp-182-112");

        Assert.Contains(
            "- Myocardial infarction or stroke in the last 6 weeks\n\n"
                + "Cites: P-BIPOLAR, SPRAVATO-PI-US, DIAZGRANADOS-2010, SPRAVATO-SMPC-EU, ASRA-KETAMINE-PAIN-2018, APA-KETAMINE-2017, YOON-2019.\n\n"
                + CardTexts.BeforeFirstDoseHeading,
            card.Detail,
            StringComparison.Ordinal);
        Assert.Contains("\n- Breastfeeding\n\nCites: SPRAVATO-REMS.\n\n" + Whole + "\n\n", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NotRecordedCard_AChartEntryToCheck_KeepsItsOwnPSafetyRems_NoListLineAddsIt()
    {
        // An aneurysm the chart holds unconfirmed is named by its entry's line under what the pathways wait for, ending
        // "Cites: P-SAFETY-REMS." as everywhere; the list's own line and every other list's leave P-SAFETY-REMS to the last
        // line, so that it is cited by the entry, beside CV-004 and once for the card as a whole.
        KetamineCds.Fhir.ChartEntryToCheck[] toCheck = [new("aneurysmalVascularDisease", KetamineCds.Fhir.ChartCheckKind.Unconfirmed, "Condition/c-aaa", "I71.4")];
        var (_, _, card) = Build("active-ideation", toCheck);
        output.WriteLine(card.Detail);

        var aneurysm = Assert.Single(card.Detail.Split('\n'), l => l.StartsWith("- Aneurysmal vascular disease: the chart holds", StringComparison.Ordinal));
        Assert.Contains("Cites: P-SAFETY-REMS.", aneurysm, StringComparison.Ordinal);
        Assert.All(ListLines(card.Detail.Split("\n\n")), l => Assert.DoesNotContain(Citations.SafetyRems, l.Keys));
        Assert.Equal(3, IncompleteCardCitesPerListTests.Occurrences(card.Detail, Citations.SafetyRems));
        Assert.EndsWith("\n\nCites: SPRAVATO-REMS.\n\n" + Whole + "\n\n" + CardTexts.SupportsNotReplaces, card.Detail, StringComparison.Ordinal);
    }
}
