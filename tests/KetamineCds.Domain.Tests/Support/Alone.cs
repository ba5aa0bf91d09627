using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>
/// What tests ask of one condition on its own, and of two assessments, which the product never asks: the engine
/// evaluates a whole rule set within one screening (<see cref="ScreeningEngine"/>).
/// </summary>
internal static class Alone
{
    /// <summary>True when the condition certainly holds for this history (a rule fires only then).</summary>
    public static bool IsMet(this Condition condition, PatientHistory history) => condition.Evaluate(new EvaluationScope(history)) == Truth.True;

    /// <summary>True when the assessments are equal value for value, including every list.</summary>
    public static bool SameAs(this Assessment a, Assessment b) =>
        a.RuleSet == b.RuleSet
        && a.Overall == b.Overall
        && a.Pathways.Count == b.Pathways.Count
        && a.Pathways.Zip(b.Pathways).All(p => p.First.Pathway == p.Second.Pathway
            && p.First.Status == p.Second.Status
            && p.First.RuleIds.SequenceEqual(p.Second.RuleIds))
        && a.Findings.Count == b.Findings.Count
        && a.Findings.Zip(b.Findings).All(f => SameFinding(f.First, f.Second));

    private static bool SameFinding(Finding a, Finding b) =>
        a.RuleId == b.RuleId && a.Kind == b.Kind && a.Severity == b.Severity
        && a.Principles.SequenceEqual(b.Principles) && a.Sources.SequenceEqual(b.Sources)
        && a.Summary == b.Summary && a.Detail == b.Detail && a.Because.SequenceEqual(b.Because);
}
