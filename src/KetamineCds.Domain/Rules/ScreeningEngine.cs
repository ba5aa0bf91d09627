using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// Evaluates a patient history against a rule set: every rule on its own, then the decision policy
/// (<see cref="DecisionPolicy"/>) over the findings. Pure and deterministic: the same history and rule set always give
/// an equal assessment. The engine supports, and never replaces, the clinician's judgement.
/// </summary>
public static class ScreeningEngine
{
    /// <summary>Screens a history with the current rule set.</summary>
    public static Assessment Evaluate(PatientHistory history) => Evaluate(history, RuleSetCatalog.Current);

    /// <summary>Screens a history with a given (possibly earlier) rule set, e.g. to replay a logged decision.</summary>
    public static Assessment Evaluate(PatientHistory history, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ruleSet);

        // The rule set keeps its rules in the assessment's order of findings: kind, then severity, then id.
        var scope = new Conditions.EvaluationScope(history);
        var findings = new List<Finding>();
        var rules = ruleSet.RulesInFindingOrder;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Evaluate(scope) is { } finding)
            {
                findings.Add(finding);
            }
        }

        var (overall, pathways) = DecisionPolicy.Decide(ruleSet, findings);
        return new Assessment(ruleSet.Identity, overall, pathways, findings);
    }

    /// <summary>
    /// The contraindications a history establishes although some fields the screening requires are not recorded (a chart
    /// sent through CDS Hooks that lacks the trials or the suicidality): a recorded contraindication blocks a pathway
    /// whatever else is missing. Only rules whose condition reads none of <paramref name="placeholders"/> are evaluated, so
    /// the values standing in for those fields never decide a finding.
    /// </summary>
    /// <param name="history">The history, with any value in the fields named by <paramref name="placeholders"/>.</param>
    /// <param name="placeholders">The contract names of the fields whose values stand in for "not recorded".</param>
    /// <param name="ruleSet">The rule set.</param>
    public static IReadOnlyList<Finding> ContraindicationsDespite(PatientHistory history, IReadOnlyCollection<string> placeholders, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(placeholders);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var scope = new Conditions.EvaluationScope(history);
        return [.. ruleSet.RulesInFindingOrder
            .Where(r => r.Kind == FindingKind.Contraindication && r.Condition.FieldsRead().All(f => !placeholders.Contains(f.Name)))
            .Select(r => r.Evaluate(scope))
            .OfType<Finding>()];
    }
}
