using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// How findings become pathway statuses and an overall verdict: the one place this is decided. Every rule set uses it;
/// a rule set without completeness rules (1.0.0) simply never has an incomplete pathway.
/// </summary>
/// <remarks>
/// For each pathway: not indicated -> not-applicable; any contraindication -> not-eligible; else its completeness rule
/// fired (a safety item that could block it is not recorded) -> incomplete; else open: investigational-only for an
/// investigational pathway, otherwise eligible, or eligible-with-cautions when a caution fired that concerns it (every
/// caution does, but one that names the pathways it concerns: <see cref="Rule.Concerns"/>, from 1.7.0). Overall,
/// leaving investigational pathways aside: any open -> eligible, or eligible-with-cautions when any caution fired
/// (also one that concerns another pathway: the safer reading); else any incomplete -> incomplete; else any blocked ->
/// not-eligible-now; else not-indicated. Contraindication and caution ids follow the indication in a pathway's rule
/// ids, in rule-id order.
/// </remarks>
public static class DecisionPolicy
{
    /// <summary>The policy as it reads in rule set 1.0.0's digest (which it must keep, word for word).</summary>
    public const string V1Text =
        "contraindication blocks every indicated pathway; caution marks every open pathway with-cautions; "
        + "overall ignores investigational pathways: open -> eligible or eligible-with-cautions (any caution), "
        + "else blocked -> not-eligible-now, else not-indicated";

    /// <summary>The policy from rule set 1.1.0 on: "not recorded" is never "no".</summary>
    public const string V1_1Text =
        "contraindication blocks every indicated pathway; else a fired completeness rule makes the pathway incomplete; "
        + "caution marks every open pathway with-cautions; "
        + "overall ignores investigational pathways: open -> eligible or eligible-with-cautions (any caution), "
        + "else incomplete -> incomplete, else blocked -> not-eligible-now, else not-indicated";

    /// <summary>
    /// The policy from rule set 1.7.0 on: a caution that belongs to one indication marks only that pathway (QA108 F2;
    /// label-and-literature.md D1, R03, R04): the EU's SSRI or SNRI for esketamine for TRD is not a condition of the
    /// off-label or palliative ketamine pathways.
    /// </summary>
    public const string V1_7Text =
        "contraindication blocks every indicated pathway; else a fired completeness rule makes the pathway incomplete; "
        + "caution marks every open pathway with-cautions, or only the pathways it names as its concern; "
        + "overall ignores investigational pathways: open -> eligible or eligible-with-cautions (any caution), "
        + "else incomplete -> incomplete, else blocked -> not-eligible-now, else not-indicated";

    /// <summary>The verdict and every pathway's result, given the findings of one screening.</summary>
    public static (Verdict Overall, IReadOnlyList<PathwayResult> Pathways) Decide(RuleSet ruleSet, IReadOnlyList<Finding> findings)
    {
        var fired = new HashSet<string>(findings.Count, StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            fired.Add(finding.RuleId);
        }

        var blocking = Fired(findings, FindingKind.Contraindication);
        var cautions = Fired(findings, FindingKind.Caution);

        var pathways = new List<PathwayResult>(ruleSet.Pathways.Count);
        bool anyOpen = false, anyIncomplete = false, anyBlocked = false;
        foreach (var p in ruleSet.Pathways)
        {
            PathwayResult result;
            // From 1.19.0 a pathway may have a rule of its own for "cannot yet be ruled out" (PAL-003): it stands for the
            // indication, as the indication rule's own branch did before (PAL-001 in 1.16.0 to 1.18.0).
            var indication = fired.Contains(p.IndicationRuleId) ? p.IndicationRuleId
                : p.NotRuledOutRuleId is { } notRuledOut && fired.Contains(notRuledOut) ? notRuledOut
                : null;
            if (indication is null)
            {
                result = new(p.Pathway, PathwayStatus.NotApplicable, [p.IndicationRuleId]);
            }
            else if (blocking.Count > 0)
            {
                result = new(p.Pathway, PathwayStatus.NotEligible, [indication, .. blocking]);
                anyBlocked |= !p.InvestigationalOnly;
            }
            else if (p.CompletenessRuleId is { } completeness && fired.Contains(completeness))
            {
                result = new(p.Pathway, PathwayStatus.Incomplete, [indication, completeness]);
                anyIncomplete |= !p.InvestigationalOnly;
            }
            else
            {
                // The indication, then the cautions that concern this pathway.
                var ruleIds = new List<string>(1 + cautions.Count) { indication };
                foreach (var id in cautions)
                {
                    if (!ruleSet.ConcernsByRule.TryGetValue(id, out var concerns) || concerns.Contains(p.Pathway))
                    {
                        ruleIds.Add(id);
                    }
                }

                var status = p.InvestigationalOnly ? PathwayStatus.InvestigationalOnly
                    : ruleIds.Count > 1 ? PathwayStatus.EligibleWithCautions
                    : PathwayStatus.Eligible;
                result = new(p.Pathway, status, ruleIds);
                anyOpen |= !p.InvestigationalOnly;
            }

            pathways.Add(result);
        }

        var overall = anyOpen ? (cautions.Count > 0 ? Verdict.EligibleWithCautions : Verdict.Eligible)
            : anyIncomplete ? Verdict.Incomplete
            : anyBlocked ? Verdict.NotEligibleNow
            : Verdict.NotIndicated;
        return (overall, pathways.AsReadOnly());
    }

    /// <summary>The ids of the fired rules of one kind, in rule-id order.</summary>
    private static List<string> Fired(IReadOnlyList<Finding> findings, FindingKind kind)
    {
        var ids = new List<string>();
        foreach (var finding in findings)
        {
            if (finding.Kind == kind)
            {
                ids.Add(finding.RuleId);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
