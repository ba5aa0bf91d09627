using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>
/// A check of one history screened with one release: the rule's finding (null at the edge, where it does not fire) and
/// the release's assessment of the history.
/// </summary>
internal delegate void ScreeningCheck(Finding? finding, Assessment assessment);

/// <summary>
/// The case of a rule definition that only earlier releases have (a later release replaced or removed it): declared once,
/// with the histories that fire it, those at its edge, and what else distinguishes it. It names the rule and the first
/// release that defines it so; the releases it runs with are read from the catalogue: every earlier release whose rule of
/// that id has the same definition (<see cref="Releases"/>). <see cref="Rules.EarlierReleaseRulesTests"/> runs it with
/// each of them; <see cref="Rules.RuleCoverageTests"/> checks that every rule only earlier releases define has its case,
/// and that every case is such a definition.
/// </summary>
internal sealed class EarlierDefinition(string ruleId, string definedIn)
{
    private readonly List<(PatientHistory History, ScreeningCheck[] Checks)> _fires = [];
    private readonly List<(PatientHistory History, ScreeningCheck[] Checks)> _edges = [];
    private readonly List<Action<Rule>> _expectations = [];

    // The catalogue never changes, so what the case matches in it is read once.
    private readonly Lazy<string?> _definition = new(() => RuleSetCatalog.Find(definedIn)?.Find(ruleId) is { } rule ? Of(rule) : null);
    private readonly Lazy<RuleSet[]> _releases = new(() => RuleSetCatalog.Find(definedIn)?.Find(ruleId) is { } defined
        ? [.. RuleSetCatalog.All.Where(r => r != RuleSetCatalog.Current && r.Find(ruleId) is { } rule && Of(rule) == Of(defined))]
        : []);

    public string RuleId { get; } = ruleId;

    /// <summary>The first release whose rule <see cref="RuleId"/> has this definition.</summary>
    public string DefinedIn { get; } = definedIn;

    /// <summary>How the tests name the case: "SUI-001 of 1.5.0".</summary>
    public string Name => $"{RuleId} of {DefinedIn}";

    /// <summary>The histories that fire the rule, each with what its screening also shows.</summary>
    public IReadOnlyList<(PatientHistory History, ScreeningCheck[] Checks)> FiringHistories => _fires;

    /// <summary>The histories at the rule's edge, where it just does not fire, each with what its screening also shows.</summary>
    public IReadOnlyList<(PatientHistory History, ScreeningCheck[] Checks)> EdgeHistories => _edges;

    /// <summary>What distinguishes the definition: its kind, severity, citations or words.</summary>
    public IReadOnlyList<Action<Rule>> Expectations => _expectations;

    /// <summary>The definition, as the coverage compares them (<see cref="Of"/>), or null if <see cref="DefinedIn"/> has no such rule.</summary>
    public string? Definition => _definition.Value;

    /// <summary>The earlier releases (not the current one) whose rule <see cref="RuleId"/> has this definition, oldest first.</summary>
    public IReadOnlyList<RuleSet> Releases => _releases.Value;

    public EarlierDefinition Fires(PatientHistory history, params ScreeningCheck[] checks)
    {
        _fires.Add((history, checks));
        return this;
    }

    public EarlierDefinition Edge(PatientHistory history, params ScreeningCheck[] checks)
    {
        _edges.Add((history, checks));
        return this;
    }

    public EarlierDefinition Expect(params Action<Rule>[] expectations)
    {
        _expectations.AddRange(expectations);
        return this;
    }

    /// <summary>
    /// A rule's definition without the pathways it concerns: a rule that differs only in those (1.7.0's five label
    /// cautions) fires exactly as the current one, whose fire and edge tests therefore cover it; what each concerns is
    /// tested in CautionConcernsTests.
    /// </summary>
    public static string Of(Rule rule) =>
        rule.CanonicalDefinition() is var definition && definition.LastIndexOf("|concerns=", StringComparison.Ordinal) is var at and >= 0
            ? definition[..at]
            : definition;

    public override string ToString() => Name;
}

/// <summary>What an <see cref="EarlierDefinition"/> case checks beside the fire and the edge: of the rule, or of one screening.</summary>
internal static class EarlierDefinitionChecks
{
    public static Action<Rule> IsA(FindingKind kind) => rule => Assert.Equal(kind, rule.Kind);

    public static Action<Rule> OfSeverity(Severity severity) => rule => Assert.Equal(severity, rule.Severity);

    public static Action<Rule> CitesPrinciples(params string[] principles) => rule => Assert.Equal(principles, rule.Principles);

    public static Action<Rule> CitesNoSource() => rule => Assert.Empty(rule.Sources);

    public static Action<Rule> DoesNotCite(string source) => rule => Assert.DoesNotContain(source, rule.Sources);

    public static Action<Rule> SummaryContains(string words) => rule => Assert.Contains(words, rule.Summary, StringComparison.Ordinal);

    public static Action<Rule> SummaryStartsWith(string words) => rule => Assert.StartsWith(words, rule.Summary, StringComparison.Ordinal);

    public static Action<Rule> SummaryEndsWith(string words) => rule => Assert.EndsWith(words, rule.Summary, StringComparison.Ordinal);

    public static Action<Rule> SummaryMatches(string pattern) => rule => Assert.Matches(new Regex(pattern), rule.Summary);

    public static Action<Rule> DetailContains(string words) => rule => Assert.Contains(words, rule.Detail, StringComparison.Ordinal);

    public static Action<Rule> DetailLacks(string words) => rule => Assert.DoesNotContain(words, rule.Detail, StringComparison.Ordinal);

    public static Action<Rule> DetailEndsWith(string words) => rule => Assert.EndsWith(words, rule.Detail, StringComparison.Ordinal);

    public static Action<Rule> DetailMatches(string pattern) => rule => Assert.Matches(new Regex(pattern), rule.Detail);

    public static Action<Rule> ConditionContains(string words) => rule => Assert.Contains(words, rule.ConditionText, StringComparison.Ordinal);

    public static Action<Rule> ConditionLacks(string words) => rule => Assert.DoesNotContain(words, rule.ConditionText, StringComparison.Ordinal);

    /// <summary>The summary and the detail, read as one text, contain the words.</summary>
    public static Action<Rule> WordsContain(string words) => rule => Assert.Contains(words, rule.Summary + rule.Detail, StringComparison.Ordinal);

    /// <summary>Neither the summary nor the detail, read as one text, contains the words.</summary>
    public static Action<Rule> WordsLack(string words) => rule => Assert.DoesNotContain(words, rule.Summary + rule.Detail, StringComparison.Ordinal);

    /// <summary>The finding's because names the field with the value, as the contract spells them.</summary>
    public static ScreeningCheck Because(string field, string value) => (finding, _) =>
    {
        Assert.NotNull(finding);
        Assert.Contains(new Evidence(field, value), finding.Because);
    };

    /// <summary>The finding's because names this field with this value and nothing else.</summary>
    public static ScreeningCheck BecauseOnly(string field, string value) => (finding, _) =>
    {
        Assert.NotNull(finding);
        Assert.Equal([new Evidence(field, value)], finding.Because);
    };

    /// <summary>Of the fields the finding's because names as not recorded, this is the only one.</summary>
    public static ScreeningCheck NotRecordedOnly(string field) => (finding, _) =>
    {
        Assert.NotNull(finding);
        Assert.Equal([new Evidence(field, WireNames.NotRecorded)], finding.Because.Where(e => e.Value == WireNames.NotRecorded));
    };

    /// <summary>The release screens the history with this overall verdict.</summary>
    public static ScreeningCheck ScreensAs(Verdict verdict) => (_, assessment) => Assert.Equal(verdict, assessment.Overall);

    /// <summary>The release leaves the pathway with this status.</summary>
    public static ScreeningCheck Leaves(Pathway pathway, PathwayStatus status) => (_, assessment) => Assert.Equal(status, assessment.For(pathway).Status);
}
