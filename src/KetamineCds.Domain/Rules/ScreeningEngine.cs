using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// Evaluates a patient history against a rule set. Pure and deterministic: the same history and rule set always
/// give an equal assessment. The engine supports, and never replaces, the clinician's judgement.
/// </summary>
/// <remarks>
/// The loop is written for speed (no LINQ, no sort, arrays sized once): the rule set precomputes where each rule's
/// finding goes in the assessment's order, so findings are placed, not sorted. See docs/benchmarks.md.
/// </remarks>
public static class ScreeningEngine
{
    // Per-thread scratch: each rule's finding in its output slot; cleared at the start of every screening.
    [ThreadStatic]
    private static Finding?[]? t_slots;

    /// <summary>Screens a history with the current rule set.</summary>
    public static Assessment Evaluate(PatientHistory history) => Evaluate(history, RuleSetCatalog.Current);

    /// <summary>Screens a history with a given (possibly earlier) rule set, e.g. to replay a logged decision.</summary>
    public static Assessment Evaluate(PatientHistory history, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ruleSet);

        var rules = ruleSet.RuleArray;
        var conditions = ruleSet.ConditionArray;
        var rank = ruleSet.OutputRank;

        // Every field is encoded once; shared indications are evaluated once (see Condition's fast path).
        Span<int> codes = stackalloc int[FieldCodes.Count];
        FieldCodes.Encode(history, codes, ruleSet.FieldsRead);
        Span<byte> memo = stackalloc byte[Shared.Count];

        // Findings land in their output slot; blocking and caution ids are collected in rule-id order.
        var slots = t_slots is { } reuse && reuse.Length >= rules.Length ? reuse : t_slots = new Finding?[rules.Length];
        Array.Clear(slots, 0, rules.Length);
        var fired = rules.Length <= 256 ? stackalloc bool[rules.Length] : new bool[rules.Length];
        string[]? blocking = null;
        string[]? cautions = null;
        int blockingCount = 0, cautionCount = 0, findingCount = 0;

        for (var i = 0; i < rules.Length; i++)
        {
            var finding = rules[i].Evaluate(conditions[i], history, codes, memo);
            if (finding is null)
            {
                continue;
            }

            slots[rank[i]] = finding;
            fired[i] = true;
            findingCount++;
            if (finding.Kind == FindingKind.Contraindication)
            {
                Append(ref blocking, ref blockingCount, finding.RuleId);
            }
            else if (finding.Kind == FindingKind.Caution)
            {
                Append(ref cautions, ref cautionCount, finding.RuleId);
            }
        }

        var findings = new Finding[findingCount];
        var n = 0;
        for (var i = 0; i < rules.Length && n < findingCount; i++)
        {
            if (slots[i] is { } slot)
            {
                findings[n++] = slot;
            }
        }

        var definitions = ruleSet.Pathways;
        var indication = ruleSet.IndicationIndex;
        var pathways = new PathwayResult[definitions.Count];
        var anyOpen = false;
        var anyBlocked = false;
        for (var i = 0; i < pathways.Length; i++)
        {
            var definition = definitions[i];
            PathwayStatus status;
            IReadOnlyList<string> ruleIds;
            if (!fired[indication[i]])
            {
                status = PathwayStatus.NotApplicable;
                ruleIds = ruleSet.NotIndicatedRuleIds[i];
            }
            else if (blockingCount > 0)
            {
                status = PathwayStatus.NotEligible;
                ruleIds = WithIndication(definition.IndicationRuleId, blocking!, blockingCount);
                anyBlocked |= !definition.InvestigationalOnly;
            }
            else
            {
                ruleIds = WithIndication(definition.IndicationRuleId, cautions, cautionCount);
                if (definition.InvestigationalOnly)
                {
                    status = PathwayStatus.InvestigationalOnly;
                }
                else
                {
                    status = cautionCount > 0 ? PathwayStatus.EligibleWithCautions : PathwayStatus.Eligible;
                    anyOpen = true;
                }
            }

            pathways[i] = new PathwayResult(definition.Pathway, status, ruleIds);
        }

        var overall = anyOpen
            ? (cautionCount > 0 ? Verdict.EligibleWithCautions : Verdict.Eligible)
            : anyBlocked ? Verdict.NotEligibleNow : Verdict.NotIndicated;

        return new Assessment(ruleSet.Identity, overall, pathways, findings);
    }

    private static void Append(ref string[]? ids, ref int count, string id)
    {
        ids ??= new string[4];
        if (count == ids.Length)
        {
            Array.Resize(ref ids, ids.Length * 2);
        }

        ids[count++] = id;
    }

    private static string[] WithIndication(string indicationRuleId, string[]? ids, int count)
    {
        var result = new string[count + 1];
        result[0] = indicationRuleId;
        if (count > 0)
        {
            Array.Copy(ids!, 0, result, 1, count);
        }

        return result;
    }
}
