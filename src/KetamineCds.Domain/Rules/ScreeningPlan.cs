using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// A rule set compiled once for <see cref="ScreeningEngine"/>: the fields its rules read (and only those, each
/// encoded by one call), each rule's <see cref="RulePlan"/> in the assessment's order of findings, and what the
/// pathways and the verdict need, so that a screening places findings instead of sorting them.
/// </summary>
internal sealed class ScreeningPlan
{
    public ScreeningPlan(IReadOnlyList<Rule> rulesById, IReadOnlyList<Conditions.Condition> conditions, IReadOnlyList<PathwayDefinition> pathways)
    {
        // The fields any rule reads, in the order the rules first read them: a screening's code vector.
        var fields = new List<IEncodedField>();
        var leaves = new List<LeafCondition>();
        foreach (var condition in conditions)
        {
            leaves.Clear();
            condition.CollectLeaves(leaves);
            foreach (var leaf in leaves)
            {
                if (!fields.Contains(leaf.Field))
                {
                    fields.Add(leaf.Field);
                }
            }
        }

        Encoders = [.. fields.Select(f => f.Encode)];
        int SlotOf(IEncodedField field) => fields.IndexOf(field);

        // Findings in the assessment's order: kind, then severity, then rule id.
        var byOutput = Enumerable.Range(0, rulesById.Count)
            .OrderBy(i => rulesById[i].Kind).ThenBy(i => rulesById[i].Severity).ThenBy(i => rulesById[i].Id, StringComparer.Ordinal)
            .ToArray();
        Rules = [.. byOutput.Select(i => new RulePlan(rulesById[i], conditions[i], SlotOf))];
        int OutputOf(string ruleId) => Array.FindIndex(Rules, r => r.Rule.Id == ruleId);

        // Contraindication and caution ids are listed in rule-id order in a pathway's rule ids.
        Contraindications = [.. Enumerable.Range(0, rulesById.Count).Where(i => rulesById[i].Kind == FindingKind.Contraindication).Select(i => OutputOf(rulesById[i].Id))];
        Cautions = [.. Enumerable.Range(0, rulesById.Count).Where(i => rulesById[i].Kind == FindingKind.Caution).Select(i => OutputOf(rulesById[i].Id))];

        Pathways = [.. pathways];
        Indications = [.. pathways.Select(p => OutputOf(p.IndicationRuleId))];

        // A pathway's result when nothing blocks or cautions it is one of three values, made once: not indicated, or
        // indicated and open (investigational only, or eligible), each naming its indication rule alone.
        IndicationOnly = [.. pathways.Select(p => (IReadOnlyList<string>)Array.AsReadOnly(new[] { p.IndicationRuleId }))];
        NotApplicable = [.. pathways.Select((p, i) => new PathwayResult(p.Pathway, PathwayStatus.NotApplicable, IndicationOnly[i]))];
        OpenWithoutCautions = [.. pathways.Select((p, i) => new PathwayResult(
            p.Pathway, p.InvestigationalOnly ? PathwayStatus.InvestigationalOnly : PathwayStatus.Eligible, IndicationOnly[i]))];
    }

    /// <summary>One encoder per field read (a screening's code vector has one slot per field).</summary>
    public Func<PatientHistory, int>[] Encoders { get; }

    /// <summary>The rules in the assessment's order of findings.</summary>
    public RulePlan[] Rules { get; }

    /// <summary>Positions in <see cref="Rules"/> of the contraindications, in rule-id order.</summary>
    public int[] Contraindications { get; }

    /// <summary>Positions in <see cref="Rules"/> of the cautions, in rule-id order.</summary>
    public int[] Cautions { get; }

    /// <summary>The pathways, in enumeration order.</summary>
    public PathwayDefinition[] Pathways { get; }

    /// <summary>For each pathway, the position in <see cref="Rules"/> of its indication rule.</summary>
    public int[] Indications { get; }

    /// <summary>For each pathway, its indication rule's id alone.</summary>
    public IReadOnlyList<string>[] IndicationOnly { get; }

    /// <summary>For each pathway, its result when not indicated.</summary>
    public PathwayResult[] NotApplicable { get; }

    /// <summary>For each pathway, its result when indicated and neither blocked nor cautioned.</summary>
    public PathwayResult[] OpenWithoutCautions { get; }

}
