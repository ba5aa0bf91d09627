using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// Evaluates a patient history against a rule set. Pure and deterministic: the same history and rule set always
/// give an equal assessment. The engine supports, and never replaces, the clinician's judgement.
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

        var rules = ruleSet.Rules;
        var findings = new List<Finding>(16);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var blocking = new List<string>();
        var cautions = new List<string>();

        foreach (var rule in rules)
        {
            var finding = rule.Evaluate(history);
            if (finding is null)
            {
                continue;
            }

            findings.Add(finding);
            fired.Add(rule.Id);
            if (finding.Kind == FindingKind.Contraindication)
            {
                blocking.Add(rule.Id);
            }
            else if (finding.Kind == FindingKind.Caution)
            {
                cautions.Add(rule.Id);
            }
        }

        findings.Sort(static (a, b) =>
        {
            var c = a.Kind.CompareTo(b.Kind);
            if (c != 0)
            {
                return c;
            }

            c = a.Severity.CompareTo(b.Severity);
            return c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
        });

        var pathways = new PathwayResult[ruleSet.Pathways.Count];
        var anyOpen = false;
        var anyBlocked = false;
        for (var i = 0; i < pathways.Length; i++)
        {
            var definition = ruleSet.Pathways[i];
            var indicated = fired.Contains(definition.IndicationRuleId);
            PathwayStatus status;
            List<string> ruleIds = [definition.IndicationRuleId];
            if (!indicated)
            {
                status = PathwayStatus.NotApplicable;
            }
            else if (blocking.Count > 0)
            {
                status = PathwayStatus.NotEligible;
                ruleIds.AddRange(blocking);
                anyBlocked |= !definition.InvestigationalOnly;
            }
            else
            {
                ruleIds.AddRange(cautions);
                if (definition.InvestigationalOnly)
                {
                    status = PathwayStatus.InvestigationalOnly;
                }
                else
                {
                    status = cautions.Count > 0 ? PathwayStatus.EligibleWithCautions : PathwayStatus.Eligible;
                    anyOpen = true;
                }
            }

            pathways[i] = new PathwayResult(definition.Pathway, status, ruleIds);
        }

        var overall = anyOpen
            ? (cautions.Count > 0 ? Verdict.EligibleWithCautions : Verdict.Eligible)
            : anyBlocked ? Verdict.NotEligibleNow : Verdict.NotIndicated;

        return new Assessment(ruleSet.Identity, overall, pathways, findings);
    }
}
