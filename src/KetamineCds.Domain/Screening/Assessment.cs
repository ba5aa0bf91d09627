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
}
