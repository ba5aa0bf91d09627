using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>
/// The engine written as plainly as the policy reads: every rule evaluated on its own (<see cref="Rule.Evaluate(PatientHistory)"/>,
/// the condition tree walked on the history), findings sorted, pathways and the verdict decided from the findings.
/// No tables, no encoding, nothing kept between screenings. <see cref="ScreeningEngine"/> must agree with it on every
/// history.
/// </summary>
internal static class ReferenceEngine
{
    public static Assessment Evaluate(PatientHistory history, RuleSet ruleSet)
    {
        var findings = ruleSet.Rules
            .Select(r => r.Evaluate(history))
            .OfType<Finding>()
            .OrderBy(f => f.Kind).ThenBy(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToArray();
        var fired = findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var blocking = ruleSet.Rules.Where(r => r.Kind == FindingKind.Contraindication && fired.Contains(r.Id)).Select(r => r.Id).ToArray();
        var cautions = ruleSet.Rules.Where(r => r.Kind == FindingKind.Caution && fired.Contains(r.Id)).Select(r => r.Id).ToArray();

        var pathways = ruleSet.Pathways.OrderBy(p => p.Pathway).Select(p =>
        {
            if (!fired.Contains(p.IndicationRuleId))
            {
                return new PathwayResult(p.Pathway, PathwayStatus.NotApplicable, [p.IndicationRuleId]);
            }

            if (blocking.Length > 0)
            {
                return new PathwayResult(p.Pathway, PathwayStatus.NotEligible, [p.IndicationRuleId, .. blocking]);
            }

            var status = p.InvestigationalOnly ? PathwayStatus.InvestigationalOnly
                : cautions.Length > 0 ? PathwayStatus.EligibleWithCautions
                : PathwayStatus.Eligible;
            return new PathwayResult(p.Pathway, status, [p.IndicationRuleId, .. cautions]);
        }).ToArray();

        var counted = ruleSet.Pathways.OrderBy(p => p.Pathway).Zip(pathways).Where(x => !x.First.InvestigationalOnly).Select(x => x.Second.Status).ToArray();
        var overall = counted.Any(s => s is PathwayStatus.Eligible or PathwayStatus.EligibleWithCautions)
            ? (cautions.Length > 0 ? Verdict.EligibleWithCautions : Verdict.Eligible)
            : counted.Contains(PathwayStatus.NotEligible) ? Verdict.NotEligibleNow : Verdict.NotIndicated;

        return new Assessment(ruleSet.Identity, overall, pathways, findings);
    }

    /// <summary>A readable difference for a failing assertion.</summary>
    public static string Describe(Assessment a) =>
        $"{a.Overall}; pathways [{string.Join("; ", a.Pathways.Select(p => $"{p.Pathway} {p.Status} ({string.Join(",", p.RuleIds)})"))}]; "
        + $"findings [{string.Join("; ", a.Findings.Select(f => $"{f.RuleId} because {string.Join(",", f.Because.Select(e => e.Field + "=" + e.Value))}"))}]";
}
