namespace KetamineCds.Domain.Screening;

/// <summary>One input field and the value that made a rule fire (contract <c>because</c> item).</summary>
/// <param name="Field">The contract's field name, e.g. <c>psychosis</c>.</param>
/// <param name="Value">The value as the contract spells it, or "not recorded".</param>
public sealed record Evidence(string Field, string Value);

/// <summary>
/// What one rule found: its kind and severity, the principles and sources it rests on, a summary and detail in
/// plain words, and the inputs that made it fire. Findings are immutable, and the engine hands out the same instance
/// for the same rule and the same inputs, so an assessment's findings may be shared with other assessments (store them
/// by value, e.g. as JSON; never attach them to a change tracker).
/// </summary>
public sealed record Finding(
    string RuleId,
    FindingKind Kind,
    Severity Severity,
    IReadOnlyList<string> Principles,
    IReadOnlyList<string> Sources,
    string Summary,
    string Detail,
    IReadOnlyList<Evidence> Because);

/// <summary>One pathway's status and the rules that decided it.</summary>
public sealed record PathwayResult(Pathway Pathway, PathwayStatus Status, IReadOnlyList<string> RuleIds);

/// <summary>The identity of the rule set an assessment was made with.</summary>
/// <param name="Version">Semantic version, e.g. <c>1.0.0</c>.</param>
/// <param name="Digest"><c>sha256:</c> followed by the hex digest of the rules' canonical definitions.</param>
public sealed record RuleSetIdentity(string Version, string Digest);

/// <summary>
/// The engine's answer for one patient history: the overall verdict, every pathway with its status, and the
/// findings in a fixed order (contraindications, cautions, requirements, information; then severity; then rule id).
/// The same history and rule set always give an equal assessment.
/// </summary>
public sealed record Assessment(
    RuleSetIdentity RuleSet,
    Verdict Overall,
    IReadOnlyList<PathwayResult> Pathways,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Findings of one kind, in the assessment's order.</summary>
    public IEnumerable<Finding> OfKind(FindingKind kind) => Findings.Where(f => f.Kind == kind);

    /// <summary>The result for one pathway.</summary>
    public PathwayResult For(Pathway pathway) => Pathways.First(p => p.Pathway == pathway);

    /// <summary>True when the assessments are equal value for value, including every list.</summary>
    public bool SameAs(Assessment other) =>
        RuleSet == other.RuleSet
        && Overall == other.Overall
        && Pathways.Count == other.Pathways.Count
        && Pathways.Zip(other.Pathways).All(p => p.First.Pathway == p.Second.Pathway
            && p.First.Status == p.Second.Status
            && p.First.RuleIds.SequenceEqual(p.Second.RuleIds))
        && Findings.Count == other.Findings.Count
        && Findings.Zip(other.Findings).All(f => SameFinding(f.First, f.Second));

    private static bool SameFinding(Finding a, Finding b) =>
        a.RuleId == b.RuleId && a.Kind == b.Kind && a.Severity == b.Severity
        && a.Principles.SequenceEqual(b.Principles) && a.Sources.SequenceEqual(b.Sources)
        && a.Summary == b.Summary && a.Detail == b.Detail && a.Because.SequenceEqual(b.Because);
}
