namespace KetamineCds.Domain.Screening;

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
